package fr.pilotectg.evaluation;

import java.math.BigDecimal;
import java.util.List;

/**
 * The line of one sub-action of a fiche in the grid of a year (issue 10 item 2, ADR 0038). Same rule as a fiche
 * line, reduced to a status and results: saved line, else non concerné when its planned years are known and do not
 * contain the year, else pre-filled from its latest follow-up of the year, else non réalisé « à renseigner ».
 * {@code version} is 0 while nothing is saved; {@code modifiable} is for the current user.
 */
public record LigneSousActionEvaluation(long sousActionId, long ficheId, String libelle, List<Integer> anneesPrevues,
                                        BigDecimal poids, StatutEvaluation statut, String resultats, OrigineLigne origine,
                                        String mention, int version, boolean modifiable) {

    /** The fingerprint of the values the row is opened with on the whole-year entry page. */
    public String empreinte() {
        return LigneSaisie.empreinte(statut.name(), resultats);
    }
}
