package fr.pilotectg.ao;

import java.util.List;
import java.util.Optional;

/** A collectivité of the convention in the competence matrix, with its population from the referential. */
public record LigneMatrice(String code, String nom, TypeCollectivite type, Integer population, List<CelluleCompetence> cellules) {

    public LigneMatrice {
        cellules = List.copyOf(cellules);
    }

    public Optional<CelluleCompetence> cellule(String competence) {
        return cellules.stream().filter(c -> c.competence().equals(competence)).findFirst();
    }

    public ModeExercice mode(String competence) {
        return cellule(competence).map(CelluleCompetence::mode).orElse(null);
    }
}
