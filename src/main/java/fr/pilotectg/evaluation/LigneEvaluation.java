package fr.pilotectg.evaluation;

import java.time.LocalDate;
import java.util.List;

/**
 * The effective line of a fiche in the grid of a year (see {@link EvaluationService} for how it is derived).
 * {@code version} is 0 while nothing is saved; {@code mention} says where a line that is not saved comes from
 * ("pré-rempli depuis le suivi du …", "à renseigner"); {@code modifiable} is for the current user.
 */
public record LigneEvaluation(long ficheId, String reference, String titre, List<Integer> anneesPrevues,
                              StatutEvaluation statut, LocalDate datePrevue, String resultats, String perspectives,
                              String impacts, OrigineLigne origine, String mention, boolean exemple, int version,
                              boolean modifiable) {

    public String libelleFiche() {
        return (reference == null ? "" : reference + " — ") + titre;
    }
}
