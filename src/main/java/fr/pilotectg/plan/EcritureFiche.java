package fr.pilotectg.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A fiche written with the values of its added fields and its money lines, in one transaction (the API's create, PUT,
 * PATCH, the plan import): either all are saved or nothing is.
 */
@Service
class EcritureFiche {

    private final FinancementsService financements;
    private final ChampsAjoutes champsAjoutes;
    private final LiensDuPlan liens;

    EcritureFiche(FinancementsService financements, ChampsAjoutes champsAjoutes, LiensDuPlan liens) {
        this.financements = financements;
        this.champsAjoutes = champsAjoutes;
        this.liens = liens;
    }

    /** {@code lignes}: the fiche's money lines, {@code null} for none. */
    @Transactional
    Fiche creer(long conventionId, Long noeudId, ContenuFiche contenu, Map<String, Object> ajoutes, List<Financement> lignes) {
        Fiche fiche = financements.creer(conventionId, noeudId, contenu, lignes);
        champsAjoutes.enregistrer(fiche, ajoutes, true);
        return fiche;
    }

    /** {@code lignes}: the new money lines, {@code null} to keep them as they are. */
    @Transactional
    Fiche modifier(long id, int version, ContenuFiche contenu, Map<String, Object> ajoutes, boolean remplacer,
                   List<Financement> lignes) {
        Fiche fiche = financements.modifier(id, version, contenu, lignes);
        champsAjoutes.enregistrer(fiche, ajoutes, remplacer);
        return fiche;
    }

    /** The template's fields of a fiche followed by the values of the plan's live added fields, as the API shows them. */
    Map<String, Object> champs(ModeleFiche modele, Fiche fiche) {
        return champs(modele, fiche, champsAjoutes.champsDuPlan(fiche.conventionId()), champsAjoutes.valeursDe(fiche.id()));
    }

    static Map<String, Object> champs(ModeleFiche modele, Fiche fiche, List<ChampAjoute> ajoutes, Map<String, Object> valeurs) {
        Map<String, Object> champs = new LinkedHashMap<>(ChampsAPlat.versMap(modele, fiche.champs()));
        for (ChampAjoute c : ajoutes) {
            Object v = valeurs == null ? null : valeurs.get(c.cle());
            if (v != null) {
                champs.put(c.cle(), v);
            }
        }
        return champs;
    }

    /** As {@link #creer(long, Long, ContenuFiche, Map, List)}, with the fiche's links (checked against its convention first). */
    @Transactional
    Fiche creer(long conventionId, Long noeudId, ContenuFiche contenu, Map<String, Object> ajoutes, List<Financement> lignes,
                Liens voulus) {
        Liens valides = liens.valider(conventionId, voulus, "");
        Fiche fiche = creer(conventionId, noeudId, contenu, ajoutes, lignes);
        liens.enregistrerFiche(fiche, valides);
        return fiche;
    }

    /**
     * As {@link #modifier(long, int, ContenuFiche, Map, boolean, List)}, with the fiche's links; a null member of
     * {@code voulus} keeps the fiche's current links of that kind (PATCH).
     */
    @Transactional
    Fiche modifier(long id, int version, ContenuFiche contenu, Map<String, Object> ajoutes, boolean remplacer,
                   List<Financement> lignes, Liens voulus) {
        Fiche fiche = modifier(id, version, contenu, ajoutes, remplacer, lignes);
        Liens actuels = liens.deFiche(id);
        Liens complets = new Liens(voulus.referentielElements() == null ? actuels.referentielElements() : voulus.referentielElements(),
                voulus.objectifsConjoints() == null ? actuels.objectifsConjoints() : voulus.objectifsConjoints());
        liens.enregistrerFiche(fiche, liens.valider(fiche.conventionId(), complets, ""));
        return fiche;
    }

    /** The links of a fiche, as the API shows them. */
    Liens liens(long ficheId) {
        return liens.deFiche(ficheId);
    }
}
