package fr.pilotectg.plan;

import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A plan node (page and API) or a fiche (page) written with its links to framework items and objectifs conjoints, in one
 * transaction. The fiche API writes its links through {@link EcritureFiche}.
 */
@Service
class EcritureAvecLiens {

    private final PlanService plans;
    private final LiensDuPlan liens;
    private final ChampsAjoutes champsAjoutes;

    EcritureAvecLiens(PlanService plans, LiensDuPlan liens, ChampsAjoutes champsAjoutes) {
        this.plans = plans;
        this.liens = liens;
        this.champsAjoutes = champsAjoutes;
    }

    /** {@code voulus}: a null member keeps the node's current links of that kind. Rights and version checked by the plan. */
    @Transactional
    Noeud modifier(long id, int version, ContenuNoeud contenu, Liens voulus) {
        Noeud noeud = plans.modifierNoeud(id, version, contenu);
        Liens actuels = liens.deNoeud(id);
        Liens complets = new Liens(voulus.referentielElements() == null ? actuels.referentielElements() : voulus.referentielElements(),
                voulus.objectifsConjoints() == null ? actuels.objectifsConjoints() : voulus.objectifsConjoints());
        liens.enregistrerNoeud(noeud, liens.valider(noeud.conventionId(), complets, ""));
        return noeud;
    }

    /**
     * The fiche edit page: its content, the values of the convention's added fields (already checked; those of the
     * fields not given are kept) and its links (both lists replace the fiche's).
     */
    @Transactional
    Fiche modifierFiche(long id, int version, ContenuFiche contenu, Map<String, Object> ajoutes, Liens voulus) {
        Fiche fiche = plans.modifierFiche(id, version, contenu);
        champsAjoutes.enregistrer(fiche, ajoutes, false);
        liens.enregistrerFiche(fiche, liens.valider(fiche.conventionId(), voulus, ""));
        return fiche;
    }

    Liens liensDeFiche(long ficheId) {
        return liens.deFiche(ficheId);
    }

    Liens liens(long noeudId) {
        return liens.deNoeud(noeudId);
    }

    CiblesDesLiens.Cibles cibles(long conventionId) {
        return liens.cibles(conventionId);
    }
}
