package fr.pilotectg.shared;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** French formatting as users read it in pages, messages and documents. */
class FormatFrTest {

    @Test
    void the_first_of_the_month_is_written_1er() {
        assertThat(FormatFr.date(LocalDate.of(2026, 1, 1))).isEqualTo("1er janvier 2026");
    }

    @Test
    void other_days_are_plain_numbers_with_lower_case_months() {
        assertThat(FormatFr.date(LocalDate.of(2030, 12, 31))).isEqualTo("31 décembre 2030");
        assertThat(FormatFr.date(LocalDate.of(2025, 2, 2))).isEqualTo("2 février 2025");
        assertThat(FormatFr.date(LocalDate.of(2025, 8, 11))).isEqualTo("11 août 2025");
    }

    @Test
    void no_date_is_an_empty_text() {
        assertThat(FormatFr.date(null)).isEmpty();
        assertThat(FormatFr.dateHeure(null)).isEmpty();
        assertThat(FormatFr.nombre(null)).isEmpty();
    }

    @Test
    void thousands_are_grouped_with_a_no_break_space() {
        String texte = FormatFr.nombre(48726);

        assertThat(texte).matches("48[\u00A0\u202F]726");
        // The typographic choice: the narrow no-break space (U+202F), never a breaking space.
        assertThat(texte).isEqualTo("48\u202F726").doesNotContain(" ");
        assertThat(FormatFr.nombre(863250)).isEqualTo("863\u202F250");
        assertThat(FormatFr.nombre(999)).isEqualTo("999");
    }

    @Test
    void date_and_time_are_shown_in_paris_time() {
        // 08:30 UTC is 10h30 in Paris in summer (UTC+2) and 09h30 in winter (UTC+1).
        assertThat(FormatFr.dateHeure(OffsetDateTime.parse("2026-07-01T08:30:00Z"))).isEqualTo("1er juillet 2026 à 10h30");
        assertThat(FormatFr.dateHeure(OffsetDateTime.parse("2026-12-31T23:30:00Z"))).isEqualTo("1er janvier 2027 à 00h30");
    }
}
