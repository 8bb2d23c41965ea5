package fr.pilotectg.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextesTest {

    @Test
    void folding_removes_accents_case_and_outer_spaces() {
        assertThat(Textes.plier("  Élodie ÇA Où  ")).isEqualTo("elodie ca ou");
    }

    @Test
    void folding_turns_hyphens_and_apostrophes_into_single_spaces_like_the_sql_function() {
        assertThat(Textes.plier("Vals-lès-Bains")).isEqualTo("vals les bains");
        assertThat(Textes.plier("CC du Bassin d’Aubenas")).isEqualTo("cc du bassin d aubenas");
        assertThat(Textes.plier("Œuvre  d'Æsope")).isEqualTo("ouvre d asope");
    }
}
