package fr.pilotectg.importation;

import org.springframework.stereotype.Component;

/** Finds the {@link ConventionTrouvee} part of a draft in an extracted document (deterministic, no network). */
@Component
public class AnalyseConvention {

    public ConventionTrouvee analyser(DocumentExtrait document) {
        return ConventionTrouvee.vide();
    }
}
