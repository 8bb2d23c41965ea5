package fr.pilotectg.ao;

import java.util.List;
import java.util.Map;

/**
 * What a writer sends for one collectivité of the matrix: its name or code (the convention's EPCI, or one of
 * its communes), and per competence code the mode and, for "certaines communes", the communes (names or INSEE codes).
 */
public record SaisieCollectivite(Integer version, String collectivite, Map<String, Saisie> competences) {

    public record Saisie(ModeExercice mode, List<String> communes) {
    }

    public SaisieCollectivite {
        competences = competences == null ? Map.of() : Map.copyOf(competences);
    }
}
