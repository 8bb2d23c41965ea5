package fr.pilotectg.importation;

import org.springframework.stereotype.Component;

/** Finds the {@link PlanTrouve} part of a draft in an extracted document (deterministic, no network). */
@Component
public class AnalysePlan {

    public PlanTrouve analyser(DocumentExtrait document) {
        return PlanTrouve.vide();
    }
}
