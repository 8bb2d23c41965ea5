package fr.pilotectg.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A fiche written with the values of its added fields, its money lines and its sub-actions, in one transaction (the API's create, PUT,
 * PATCH, the plan import): either all are saved or nothing is.
 */
@Service
class EcritureFiche {

    private final FinancementsService financements;
    private final ChampsAjoutes champsAjoutes;
    private final SousActionsService sousActions;
    private final LiensDuPlan liens;

    EcritureFiche(FinancementsService financements, ChampsAjoutes champsAjoutes, SousActionsService sousActions, LiensDuPlan liens) {
        this.financements = financements;
        this.champsAjoutes = champsAjoutes;
        this.sousActions = sousActions;
        this.liens = liens;
    }

    /** {@code lignes}: the fiche's money lines, {@code null} for none. */
    @Transactional
    Fiche creer(long conventionId, Long noeudId, ContenuFiche contenu, Map<String, Object> ajoutes, List<Financement> lignes) {
        return creer(conventionId, noeudId, contenu, ajoutes, lignes, null, Liens.AUCUN);
    }

    /**
     * {@code lignes}, {@code sous}: the fiche's money lines and sub-actions, {@code null} for none; {@code voulus}: its
     * links to framework items and objectifs conjoints, checked against its convention first.
     */
    @Transactional
    Fiche creer(long conventionId, Long noeudId, ContenuFiche contenu, Map<String, Object> ajoutes, List<Financement> lignes,
                List<SousAction> sous, Liens voulus) {
        Liens valides = voulus == null || voulus.vide() ? null : liens.valider(conventionId, voulus, "");
        Fiche fiche = financements.creer(conventionId, noeudId, contenu, lignes);
        champsAjoutes.enregistrer(fiche, ajoutes, true);
        if (sous == null) {
            // Short template: its "actions clés" are the fiche's sub-actions (ADR 0023), unless they are given.
            sous = SousActionsService.depuisActionsCles(fiche.champs().liste("actionsCles"));
        }
        if (!sous.isEmpty()) {
            sousActions.remplacer(fiche, sous);
        }
        if (valides != null) {
            liens.enregistrerFiche(fiche, valides);
        }
        return fiche;
    }

    /** {@code lignes}: the new money lines, {@code null} to keep them as they are. */
    @Transactional
    Fiche modifier(long id, int version, ContenuFiche contenu, Map<String, Object> ajoutes, boolean remplacer,
                   List<Financement> lignes) {
        return modifier(id, version, contenu, ajoutes, remplacer, lignes, null, Liens.INCHANGES);
    }

    /**
     * {@code lignes}, {@code sous}: the new money lines and sub-actions, {@code null} to keep them as they are;
     * a null member of {@code voulus} keeps the fiche's current links of that kind (PATCH).
     */
    @Transactional
    Fiche modifier(long id, int version, ContenuFiche contenu, Map<String, Object> ajoutes, boolean remplacer,
                   List<Financement> lignes, List<SousAction> sous, Liens voulus) {
        Fiche fiche = financements.modifier(id, version, contenu, lignes);
        champsAjoutes.enregistrer(fiche, ajoutes, remplacer);
        if (sous != null) {
            sousActions.remplacer(fiche, sous);
        }
        if (voulus.referentielElements() != null || voulus.objectifsConjoints() != null) {
            Liens actuels = liens.deFiche(id);
            Liens complets = new Liens(voulus.referentielElements() == null ? actuels.referentielElements() : voulus.referentielElements(),
                    voulus.objectifsConjoints() == null ? actuels.objectifsConjoints() : voulus.objectifsConjoints());
            liens.enregistrerFiche(fiche, liens.valider(fiche.conventionId(), complets, ""));
        }
        return fiche;
    }

    /** The links of a fiche, as the API shows them. */
    Liens liens(long ficheId) {
        return liens.deFiche(ficheId);
    }

    /** How many sub-actions each fiche of a convention already read has. */
    Map<Long, Integer> nombresDeSousActions(long conventionId) {
        return sousActions.nombresLus(conventionId);
    }

    /** The sub-actions of every fiche of a convention already read, by fiche. */
    Map<Long, List<SousAction>> sousActionsDeLaConvention(long conventionId) {
        return sousActions.luesDeLaConvention(conventionId);
    }

    /** The sub-actions of a fiche already read, as the API shows them. */
    List<SousAction> sousActions(long ficheId) {
        return sousActions.lues(ficheId);
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
}
