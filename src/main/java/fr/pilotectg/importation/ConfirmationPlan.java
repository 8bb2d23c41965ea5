package fr.pilotectg.importation;

import fr.pilotectg.plan.ImportDuPlan;
import org.springframework.stereotype.Component;

/**
 * Writes the {@link PlanTrouve} part of a confirmed draft into the new convention through the plan's public import
 * ({@link ImportDuPlan}: plan editors only, into an empty plan, journalled, all or nothing), inside the
 * confirmation's transaction. A draft without a plan writes nothing.
 */
@Component
public class ConfirmationPlan {

    private final ImportDuPlan importDuPlan;

    public ConfirmationPlan(ImportDuPlan importDuPlan) {
        this.importDuPlan = importDuPlan;
    }

    public void confirmer(long conventionId, PlanTrouve partie) {
        if (partie == null || partie.estVide() || partie.modele() == null) {
            return;
        }
        importDuPlan.importer(conventionId, partie.versPlanComplet());
    }
}
