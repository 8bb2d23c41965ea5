package fr.pilotectg.evaluation;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import static fr.pilotectg.evaluation.StatutEvaluation.EN_COURS;
import static fr.pilotectg.evaluation.StatutEvaluation.NON_CONCERNE;
import static fr.pilotectg.evaluation.StatutEvaluation.NON_REALISE;
import static fr.pilotectg.evaluation.StatutEvaluation.REALISE;
import static org.assertj.core.api.Assertions.assertThat;

/** Each rule of {@link SituationAnnuelle}, on a fixed day: 3 December 2026. */
class SituationAnnuelleTest {

    private static final LocalDate AUJOURDHUI = LocalDate.of(2026, 12, 3);

    private static SituationAnnuelle de(int annee, StatutEvaluation statut, boolean planifiee, YearMonth fin, boolean validee) {
        return SituationAnnuelle.de(annee, statut, planifiee, fin, validee, AUJOURDHUI);
    }

    @Test
    void a_future_year_is_to_come_never_failed_nor_late() {
        assertThat(de(2027, NON_REALISE, true, null, false)).isEqualTo(new SituationAnnuelle(Situation.A_VENIR, false));
        assertThat(de(2030, NON_REALISE, false, YearMonth.of(2025, 1), false)).isEqualTo(new SituationAnnuelle(Situation.A_VENIR, false));
        // Started or done ahead: said as it is.
        assertThat(de(2027, EN_COURS, true, null, false)).isEqualTo(new SituationAnnuelle(Situation.EN_COURS, false));
        assertThat(de(2027, REALISE, true, null, false)).isEqualTo(new SituationAnnuelle(Situation.REALISE, false));
        assertThat(de(2027, NON_CONCERNE, true, null, false).situation()).isEqualTo(Situation.NON_CONCERNE);
        assertThat(de(2027, NON_REALISE, true, null, false).echue()).isFalse();
    }

    @Test
    void the_current_year_is_under_way_until_its_copil_validation_or_the_fiche_end() {
        assertThat(de(2026, NON_REALISE, true, null, false)).isEqualTo(new SituationAnnuelle(Situation.EN_COURS_D_ANNEE, false));
        assertThat(de(2026, NON_REALISE, true, YearMonth.of(2026, 12), false))
                .as("ends this month: not over yet").isEqualTo(new SituationAnnuelle(Situation.EN_COURS_D_ANNEE, false));
        assertThat(de(2026, EN_COURS, true, null, false)).isEqualTo(new SituationAnnuelle(Situation.EN_COURS, false));
        assertThat(de(2026, REALISE, true, YearMonth.of(2026, 3), false)).isEqualTo(new SituationAnnuelle(Situation.REALISE, false));
        // Validated by the COPIL: what it is, without being late.
        assertThat(de(2026, NON_REALISE, true, null, true)).isEqualTo(new SituationAnnuelle(Situation.NON_REALISE, false));
        assertThat(de(2026, NON_REALISE, true, null, false).echue()).isTrue();
    }

    @Test
    void planned_this_year_and_past_its_end_month_is_late() {
        assertThat(de(2026, NON_REALISE, true, YearMonth.of(2026, 11), false)).isEqualTo(new SituationAnnuelle(Situation.NON_REALISE, true));
        assertThat(de(2026, EN_COURS, true, YearMonth.of(2026, 6), false)).isEqualTo(new SituationAnnuelle(Situation.EN_COURS, true));
        assertThat(de(2026, NON_REALISE, false, YearMonth.of(2026, 6), false))
                .as("this year not planned for the fiche").isEqualTo(new SituationAnnuelle(Situation.NON_REALISE, false));
        assertThat(de(2026, NON_CONCERNE, true, YearMonth.of(2026, 6), false).enRetard()).isFalse();
    }

    @Test
    void a_past_planned_year_not_done_is_late() {
        assertThat(de(2025, NON_REALISE, true, null, false)).isEqualTo(new SituationAnnuelle(Situation.NON_REALISE, true));
        assertThat(de(2024, EN_COURS, true, null, true)).isEqualTo(new SituationAnnuelle(Situation.EN_COURS, true));
        assertThat(de(2025, REALISE, true, null, false)).isEqualTo(new SituationAnnuelle(Situation.REALISE, false));
        assertThat(de(2025, NON_CONCERNE, true, null, false)).isEqualTo(new SituationAnnuelle(Situation.NON_CONCERNE, false));
        // Years of a fiche without planned years are concerned but never late.
        assertThat(de(2025, NON_REALISE, false, null, false)).isEqualTo(new SituationAnnuelle(Situation.NON_REALISE, false));
    }
}
