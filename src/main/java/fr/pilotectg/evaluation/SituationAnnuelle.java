package fr.pilotectg.evaluation;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * THE rule that turns the effective status of a fiche for a year (grid line, else follow-up, else « non réalisé »,
 * see {@link EvaluationService}) into what the dashboard, the bilans, the portfolio, the grid and the API show, on
 * a given day. Nothing else decides whether a fiche-year is late or to come.
 *
 * <ul>
 *   <li>non concerné stays non concerné; réalisé stays réalisé, whatever the year;</li>
 *   <li><b>future year</b> (after today's year): « à venir » unless declared en cours (started ahead); never late;</li>
 *   <li><b>current year</b>: a fiche not declared done or started is « en cours d'année » until the year is
 *       validated by its COPIL or the fiche's end month is over; then it shows its status (non réalisé). It is
 *       <b>late</b> when planned this year and its end month ({@code fin}, when the fiche has one) is over;</li>
 *   <li><b>past year</b>: the status as it is; <b>late</b> when the year was planned for the fiche and it is not
 *       réalisé (a planned year declared « non concerné » is a decision, not a delay).</li>
 * </ul>
 *
 * @param situation what to show
 * @param enRetard  whether the fiche-year counts among the late actions
 */
public record SituationAnnuelle(Situation situation, boolean enRetard) {

    /**
     * @param annee        the year of the fiche-year
     * @param statut       its effective status
     * @param planifiee    whether the year is one of the fiche's planned years
     * @param fin          the fiche's end month, null when it has none
     * @param anneeValidee whether the COPIL validated that year's grid
     * @param aujourdhui   today (from the application's clock)
     */
    public static SituationAnnuelle de(int annee, StatutEvaluation statut, boolean planifiee, YearMonth fin,
                                       boolean anneeValidee, LocalDate aujourdhui) {
        switch (statut) {
            case NON_CONCERNE:
                return new SituationAnnuelle(Situation.NON_CONCERNE, false);
            case REALISE:
                return new SituationAnnuelle(Situation.REALISE, false);
            default:
                break;
        }
        int courante = aujourdhui.getYear();
        Situation telle = statut == StatutEvaluation.EN_COURS ? Situation.EN_COURS : Situation.NON_REALISE;
        if (annee > courante) {
            return new SituationAnnuelle(telle == Situation.EN_COURS ? Situation.EN_COURS : Situation.A_VENIR, false);
        }
        if (annee == courante) {
            boolean finPassee = fin != null && aujourdhui.isAfter(fin.atEndOfMonth());
            boolean ouverte = !anneeValidee && !finPassee;
            return new SituationAnnuelle(telle == Situation.NON_REALISE && ouverte ? Situation.EN_COURS_D_ANNEE : telle,
                    planifiee && finPassee);
        }
        return new SituationAnnuelle(telle, planifiee);
    }

    /** Counted in the share réalisé « so far »: concerned and not to come. */
    public boolean echue() {
        return situation != Situation.NON_CONCERNE && situation != Situation.A_VENIR;
    }
}
