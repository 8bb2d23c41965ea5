package fr.pilotectg.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** French number agreement: the examples of issue 15 and the rules the plural is derived by. */
class AccordsTest {

    private final Accords accords = new Accords();

    @Test
    void one_and_zero_keep_the_singular_two_and_more_take_the_plural() {
        assertThat(accords.nombre(1, "fiche action")).isEqualTo("1\u00a0fiche action");
        assertThat(accords.nombre(0, "fiche action")).isEqualTo("0\u00a0fiche action");
        assertThat(accords.nombre(32, "fiche action")).isEqualTo("32\u00a0fiches actions");
        assertThat(accords.nombre(11, "axe stratégique")).isEqualTo("11\u00a0axes stratégiques");
        assertThat(accords.nombre(5, "Thématique")).isEqualTo("5\u00a0Thématiques");
        assertThat(accords.nombre(1500, "convention")).isEqualTo("1\u202f500\u00a0convention".replace("convention", "conventions"));
    }

    @Test
    void the_plural_stops_at_the_first_preposition_and_follows_the_endings() {
        assertThat(Accords.pluriel("fiche de suivi")).isEqualTo("fiches de suivi");
        assertThat(Accords.pluriel("mise à jour")).isEqualTo("mises à jour");
        assertThat(Accords.pluriel("axe transversal")).isEqualTo("axes transversaux");
        assertThat(Accords.pluriel("niveau")).isEqualTo("niveaux");
        assertThat(Accords.pluriel("enjeu")).isEqualTo("enjeux");
        assertThat(Accords.pluriel("festival")).isEqualTo("festivals");
        assertThat(Accords.pluriel("prix")).isEqualTo("prix");
        assertThat(Accords.pluriel("fiche-année")).isEqualTo("fiches-années");
    }

    @Test
    void a_stored_plural_overrides_the_rule() {
        assertThat(accords.nombre(3, "Orientation", "Orientations majeures")).isEqualTo("3\u00a0Orientations majeures");
        assertThat(accords.nombre(1, "Orientation", "Orientations majeures")).isEqualTo("1\u00a0Orientation");
        assertThat(accords.nombre(3, "œil", "yeux")).isEqualTo("3\u00a0yeux");
        assertThat(accords.nombre(3, "fiche", " ")).isEqualTo("3\u00a0fiches");
    }
}
