package fr.pilotectg.ao;

import java.util.List;

/** One competence of one collectivité; the communes are listed only when some of them transferred it. */
public record CelluleCompetence(String competence, ModeExercice mode, List<CommuneTransferante> communes) {

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
}
