package fr.pilotectg.importation;

import org.springframework.stereotype.Component;

/**
 * Writes the {@link PlanTrouve} part of a confirmed draft into the new convention through the features' public services,
 * inside the confirmation's transaction.
 */
@Component
public class ConfirmationPlan {

    public void confirmer(long conventionId, PlanTrouve partie) {
    }
}
