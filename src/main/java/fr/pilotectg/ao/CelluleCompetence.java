package fr.pilotectg.ao;

import java.util.List;

/**
 * One competence of one collectivité; the communes are listed only when some of them transferred it (and the document
 * lists them).
 *
 * @param modeImprime the mode as the document words it, or null
 * @param populationImprimee the population of the transferring communes as the document prints it, or null
 */
public record CelluleCompetence(String competence, ModeExercice mode, List<CommuneTransferante> communes, String modeImprime,
                                Integer populationImprimee) {

    public CelluleCompetence {
        communes = communes == null ? List.of() : List.copyOf(communes);
    }

    public String libelleCompetence() {
        return Competences.libelle(competence);
    }

    /** Population of the transferring communes summed from the referential; null when none is listed. */
    public Integer populationTransferante() {
        if (communes.isEmpty()) {
            return null;
        }
        return communes.stream().mapToInt(c -> c.population() == null ? 0 : c.population()).sum();
    }

    /** Printed population minus the computed one, when both are known and differ; else null. */
    public Integer ecartPopulation() {
        Integer calculee = populationTransferante();
        if (populationImprimee == null || calculee == null || populationImprimee.equals(calculee)) {
            return null;
        }
        return populationImprimee - calculee;
    }
}
