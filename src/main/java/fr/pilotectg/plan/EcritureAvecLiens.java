package fr.pilotectg.plan;

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

    EcritureAvecLiens(PlanService plans, LiensDuPlan liens) {
        this.plans = plans;
        this.liens = liens;
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

    /** The fiche edit page: its content and its links (both lists replace the fiche's). */
    @Transactional
    Fiche modifierFiche(long id, int version, ContenuFiche contenu, Liens voulus) {
        Fiche fiche = plans.modifierFiche(id, version, contenu);
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
