package fr.pilotectg.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import fr.pilotectg.shared.ErreurValidation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading typed indicator values, and the trend between the two latest numbers. */
class ValeurIndicateurTest {

    private final List<ErreurValidation.Erreur> erreurs = new ArrayList<>();

    private ValeurIndicateur lire(String saisie) {
        return ValeurIndicateur.lire(saisie, "valeurs.2026", "Valeur 2026", erreurs);
    }

    @Test
    void numbers_take_a_decimal_comma_and_spaces_between_thousands() {
        assertThat(lire("12,5").nombre()).isEqualByComparingTo("12.5");
        assertThat(lire("1 204").nombre()).isEqualByComparingTo("1204");
        assertThat(lire("1\u202F204,75").nombre()).isEqualByComparingTo("1204.75");
        assertThat(lire("-3").nombre()).isEqualByComparingTo("-3");
        assertThat(lire("  ")).isNull();
        assertThat(erreurs).isEmpty();
        assertThat(new ValeurIndicateur(new BigDecimal("1204.5"), null, false).texte()).isEqualTo("1\u202F204,5");
    }

    @Test
    void markers_are_kept_as_markers_whatever_the_case_or_spacing() {
        assertThat(lire("< 5")).isEqualTo(new ValeurIndicateur(null, "<5", false));
        assertThat(lire("ns").marqueur()).isEqualTo("NS");
        assertThat(lire("Nd").marqueur()).isEqualTo("ND");
        assertThat(lire("<5").nombre()).as("never 0").isNull();
        assertThat(erreurs).isEmpty();
    }

    @Test
    void anything_else_is_an_error_on_the_named_field() {
        for (String saisie : List.of("<3", "1.234,5", "douze", "5%", "NA")) {
            erreurs.clear();
            assertThat(lire(saisie)).as(saisie).isNull();
            assertThat(erreurs).as(saisie).singleElement().satisfies(e -> {
                assertThat(e.champ()).isEqualTo("valeurs.2026");
                assertThat(e.message()).startsWith("Valeur 2026 : « " + saisie + " »").contains("<5, NS ou ND");
            });
        }
    }

    @Test
    void the_trend_skips_markers_and_says_so_in_words() {
        TreeMap<Integer, ValeurIndicateur> valeurs = new TreeMap<>();
        valeurs.put(2026, lire("7"));
        valeurs.put(2027, lire("<5"));
        valeurs.put(2028, lire("7"));
        IndicateurSuivi indicateur = new IndicateurSuivi(1L, 1, "FA1", "Fiche", 1, "Familles", "QUANTITATIF", null, null, null,
                null, null, valeurs, false, 1, false, "c1");
        assertThat(indicateur.tendance()).hasValueSatisfying(t -> {
            assertThat(t.sens()).isEqualTo(Tendance.Sens.STABLE);
            assertThat(t.texte()).isEqualTo("stable : 7 en 2026 → 7 en 2028");
        });
        valeurs.put(2029, lire("9"));
        assertThat(indicateur.tendance().orElseThrow().texte()).isEqualTo("en hausse : 7 en 2028 → 9 en 2029");
    }
}
