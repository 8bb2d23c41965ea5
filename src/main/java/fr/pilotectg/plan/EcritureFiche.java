package fr.pilotectg.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A fiche written with the values of its added fields, in one transaction (the API's create, PUT, PATCH): either
 * both are saved or nothing is.
 */
@Service
class EcritureFiche {

    private final PlanService plans;
    private final ChampsAjoutes champsAjoutes;

    EcritureFiche(PlanService plans, ChampsAjoutes champsAjoutes) {
        this.plans = plans;
        this.champsAjoutes = champsAjoutes;
    }

    @Transactional
    Fiche creer(long conventionId, Long noeudId, ContenuFiche contenu, Map<String, Object> ajoutes) {
        Fiche fiche = plans.creerFiche(conventionId, noeudId, contenu);
        champsAjoutes.enregistrer(fiche, ajoutes, true);
        return fiche;
    }

    @Transactional
    Fiche modifier(long id, int version, ContenuFiche contenu, Map<String, Object> ajoutes, boolean remplacer) {
        Fiche fiche = plans.modifierFiche(id, version, contenu);
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
}
