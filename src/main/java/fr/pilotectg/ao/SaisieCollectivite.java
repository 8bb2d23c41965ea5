package fr.pilotectg.ao;

import java.util.List;
import java.util.Map;

/**
 * What a writer sends for one collectivité of the matrix: its name or code (the convention's EPCI, or one of
 * its communes), and per competence code the mode and, for "certaines communes", the communes (names or INSEE codes).
 */
public record SaisieCollectivite(Integer version, String collectivite, Map<String, Saisie> competences) {

    /**
     * @param modeImprime the mode in the document's own words, optional
     * @param populationImprimee for "certaines communes": the population of the transferring communes as printed; with
     *                           it the list of communes may be absent (documents often print only the figure)
     */
    public record Saisie(ModeExercice mode, List<String> communes, String modeImprime, Integer populationImprimee) {

        public Saisie(ModeExercice mode, List<String> communes) {
            this(mode, communes, null, null);
        }
    }

    public SaisieCollectivite {
        competences = competences == null ? Map.of() : Map.copyOf(competences);
    }
}
