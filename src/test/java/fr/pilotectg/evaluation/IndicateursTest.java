package fr.pilotectg.evaluation;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.StreamSupport;

import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Follow-up of the fiches' indicators: markers stay markers, bad values name their field, trend in words. */
@IntegrationTest
class IndicateursTest extends EvaluationTestSupport {

    record Stockee(BigDecimal valeur, String marqueur) {
    }

    @Test
    void markers_are_stored_as_markers_and_numbers_accept_a_decimal_comma() {
        PetitPlan plan = petitPlan("indic-marqueurs");
        long c = plan.conventionId();
        Reponse reponse = api.put("ccba", chemin(c, plan.alpha(), 1), Map.of("unite", "familles", "baseValeur", "1 204,5",
                "baseAnnee", 2024, "cibleValeur", "1300", "cibleAnnee", 2030,
                "valeurs", Map.of("2026", "<5", "2027", "ns", "2028", "12,5", "2029", "nd"), "version", 0));
        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(200);
        assertThat(reponse.json().path("baseValeur").decimalValue()).isEqualByComparingTo("1204.5");

        assertThat(stockee(c, 2026)).isEqualTo(new Stockee(null, "<5"));
        assertThat(stockee(c, 2027)).isEqualTo(new Stockee(null, "NS"));
        assertThat(stockee(c, 2029)).isEqualTo(new Stockee(null, "ND"));
        assertThat(stockee(c, 2028).valeur()).isEqualByComparingTo("12.5");
        JsonNode valeur2026 = StreamSupport.stream(reponse.json().path("valeurs").spliterator(), false)
                .filter(v -> v.path("annee").asInt() == 2026).findFirst().orElseThrow();
        assertThat(valeur2026.path("marqueur").asString()).isEqualTo("<5");
        assertThat(valeur2026.path("valeur").isNull()).isTrue();
        assertThat(reponse.json().path("tendance").isNull()).as("one numeric value only: no trend").isTrue();
    }

    @Test
    void a_bad_marker_answers_400_naming_the_field_and_saves_nothing() {
        PetitPlan plan = petitPlan("indic-invalide");
        long c = plan.conventionId();
        Reponse reponse = api.put("ccba", chemin(c, plan.alpha(), 1),
                Map.of("valeurs", Map.of("2026", "<3", "2027", "8"), "baseValeur", "beaucoup", "version", 0));
        assertThat(reponse.status()).isEqualTo(400);
        assertThat(reponse.champsEnErreur()).containsExactlyInAnyOrder("valeurs.2026", "baseValeur");
        assertThat(reponse.messageDuChamp("valeurs.2026")).contains("Valeur 2026 de « Nombre de familles accueillies »", "« <3 »",
                "<5, NS ou ND");
        assertThat(reponse.messageDuChamp("baseValeur")).contains("Valeur de référence");
        assertThat(jdbc.sql("SELECT count(*) FROM indicateur_suivi WHERE convention_id = :c").param("c", c).query(Long.class).single())
                .isZero();

        Reponse horsPeriode = api.put("ccba", chemin(c, plan.alpha(), 1), Map.of("valeurs", Map.of("2031", "4"), "version", 0));
        assertThat(horsPeriode.champsEnErreur()).containsExactly("valeurs.2031");
        assertThat(api.put("ccba", chemin(c, plan.alpha(), 3), Map.of("version", 0)).status()).as("no third indicator").isEqualTo(404);
        assertThat(api.put("lecteur", chemin(api.aubenas(), plan.alpha(), 1), Map.of("version", 0)).status()).isIn(403, 404);
    }

    @Test
    void the_trend_compares_the_two_latest_numbers_skipping_markers_in_words() {
        PetitPlan plan = petitPlan("indic-tendance");
        long c = plan.conventionId();
        Reponse reponse = api.put("palabre", chemin(c, plan.alpha(), 2),
                Map.of("valeurs", Map.of("2026", "10", "2027", "ND", "2028", "8,5"), "version", 0));
        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(200);
        assertThat(reponse.json().path("tendance").path("sens").asString()).isEqualTo("BAISSE");
        assertThat(reponse.json().path("tendance").path("texte").asString()).isEqualTo("en baisse : 10 en 2026 → 8,5 en 2028");

        Document page = pages.get("ccba", "/conventions/" + c + "/indicateurs").document();
        Element ligne = page.getElementById("indicateur-" + plan.alpha() + "-2");
        assertThat(ligne.selectFirst(".tendance").text()).contains("en baisse");
        assertThat(ligne.select("td.valeur").stream().map(Element::text).toList()).containsExactly("10", "ND : non disponible", "8,5", "", "");
        assertThat(page.getElementById("indicateur-" + plan.alpha() + "-1").select("a:contains(Modifier)")).hasSize(1);
    }

    @Test
    void the_indicator_form_saves_and_shows_errors_next_to_the_field() {
        PetitPlan plan = petitPlan("indic-page");
        long c = plan.conventionId();
        String adresse = "/conventions/" + c + "/indicateurs/" + plan.alpha() + "/1";
        Document formulaire = pages.get("ccba", adresse).document();
        formulaire.getElementById("valeur2026").val("abc");
        formulaire.getElementById("unite").val("familles");
        Document erreur = pages.soumettre("ccba", formulaire, "#form-indicateur").document();
        assertThat(erreur.getElementById("erreur-valeurs.2026").text()).contains("Valeur 2026", "« abc »");
        assertThat(erreur.getElementById("valeur2026").val()).isEqualTo("abc");

        erreur.getElementById("valeur2026").val("<5");
        var envoi = pages.soumettre("ccba", erreur, "#form-indicateur");
        assertThat(envoi.redirection()).isEqualTo("/conventions/" + c + "/indicateurs#indicateur-" + plan.alpha() + "-1");
        assertThat(stockee(c, 2026)).isEqualTo(new Stockee(null, "<5"));
        assertThat(pages.get("lecteur", "/conventions/" + api.aubenas() + "/indicateurs").document().select("a:contains(Modifier)")).isEmpty();
    }

    @Test
    void aubenas_has_example_indicator_follow_ups_one_with_a_marker() {
        JsonNode indicateurs = api.get("lecteur", "/api/v1/conventions/" + api.aubenas() + "/indicateurs").json();
        var suivis = StreamSupport.stream(indicateurs.spliterator(), false).filter(i -> i.path("version").asInt() > 0).toList();
        assertThat(suivis).hasSizeGreaterThanOrEqualTo(3).allSatisfy(i -> {
            assertThat(i.path("exemple").asBoolean()).isTrue();
            assertThat(i.path("baseValeur").isNull()).isFalse();
            assertThat(i.path("cibleValeur").isNull()).isFalse();
            assertThat(i.path("valeurs").get(0).path("annee").asInt()).isEqualTo(2026);
        });
        assertThat(suivis).anySatisfy(i -> assertThat(i.path("valeurs").get(0).path("marqueur").asString()).isEqualTo("<5"));
        Document page = pages.get("lecteur", "/conventions/" + api.aubenas() + "/indicateurs").document();
        assertThat(page.select("#indicateurs .badge-exemple")).hasSize(suivis.size());
    }

    private static String chemin(long conventionId, long ficheId, int position) {
        return "/api/v1/conventions/" + conventionId + "/indicateurs/" + ficheId + "/" + position;
    }

    private Stockee stockee(long conventionId, int annee) {
        return jdbc.sql("""
                        SELECT v.valeur, v.marqueur FROM indicateur_suivi_valeur v JOIN indicateur_suivi i ON i.id = v.indicateur_id
                        WHERE i.convention_id = :c AND v.annee = :a""")
                .param("c", conventionId).param("a", annee).query(Stockee.class).single();
    }
}
