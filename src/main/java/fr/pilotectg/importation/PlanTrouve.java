package fr.pilotectg.importation;

import java.util.List;

/**
 * What the analysis found of the action plan: levels, nodes with their texts, fiches with every field of their
 * template, sub-actions, programme table, calendar, printed counts. Shape owned by {@link AnalysePlan}; each
 * element carries its {@link Source} and a confidence (0–1).
 */
public record PlanTrouve(List<Alerte> alertes) implements PartieTrouvee {

    public static PlanTrouve vide() {
        return new PlanTrouve(List.of());
    }
}
