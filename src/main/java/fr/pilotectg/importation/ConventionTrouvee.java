package fr.pilotectg.importation;

import java.util.List;

/**
 * What the analysis found of the convention itself and its text: title, Caf, territory, period, renewal, parties,
 * representatives, visas, délibérations, signature, sections and articles, enjeux, objectifs conjoints.
 * Shape owned by {@link AnalyseConvention}; each element carries its {@link Source} and a confidence (0–1).
 */
public record ConventionTrouvee(List<Alerte> alertes) implements PartieTrouvee {

    public static ConventionTrouvee vide() {
        return new ConventionTrouvee(List.of());
    }
}
