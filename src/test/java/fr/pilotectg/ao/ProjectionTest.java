package fr.pilotectg.ao;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.pilotectg.shared.audit.EntreeJournal;
import fr.pilotectg.shared.audit.Journal;
import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The schéma projection table: saved whole, refused whole (negative figures, years outside the period). */
@IntegrationTest
class ProjectionTest {

    @Autowired
    Journal journal;


    @Autowired
    MockMvc mvc;

    ClientApi api;
    ClientPages pages;

    @BeforeEach
    void clients() {
        api = new ClientApi(mvc);
        pages = new ClientPages(mvc);
    }

    @Test
    void a_valid_table_is_saved_with_figures_words_and_projects() {
        JsonNode convention = api.creerConventionDeTest("caf07", "projection");
        String chemin = chemin(convention);

        Reponse reponse = api.put("ccba", chemin, Map.of("version", 0, "lignes", List.of(
                ligne("EAJE_PSU", 30, Map.of(2026, 30, 2030, 42)),
                Map.of("mode", "RPE", "actuel", 1.5, "annees", List.of(Map.of("annee", 2027, "valeur", 2, "precision", "ETP")),
                        "projetsType", "Extension du relais", "projetsCoutCalendrier", "80 000 € en 2027", "ingenierie", "Coordinatrice"))));

        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(200);
        JsonNode tableau = reponse.json().path("projection").path("tableaux").get(0);
        assertThat(tableau.path("aoNom").asString()).isEqualTo(ClientApi.CCBA);
        assertThat(tableau.path("lignes").get(0).path("annees").get(1).path("valeur").asInt()).isEqualTo(42);
        assertThat(tableau.path("lignes").get(1).path("actuel").asDouble()).isEqualTo(1.5);
        assertThat(tableau.path("lignes").get(1).path("projetsCoutCalendrier").asString()).isEqualTo("80 000 € en 2027");
        assertThat(reponse.json().path("projection").path("version").asInt()).isEqualTo(1);
    }

    @Test
    void a_change_of_figures_only_is_journalled_with_its_values() {
        JsonNode convention = api.creerConventionDeTest("caf07", "projection-journal");
        String chemin = chemin(convention);
        assertThat(api.put("ccba", chemin, Map.of("version", 0, "lignes", List.of(ligne("MAM", 2, Map.of(2027, 3))))).status()).isEqualTo(200);

        assertThat(api.put("ccba", chemin, Map.of("version", 1, "lignes", List.of(ligne("MAM", 2, Map.of(2027, 4))))).status()).isEqualTo(200);

        EntreeJournal derniere = journal.pourConvention(convention.path("id").asLong(), 1, 0).get(0);
        assertThat(derniere.action()).startsWith("tableau de projection");
        assertThat(derniere.changements()).singleElement().satisfies(c -> {
            assertThat(c.avant()).contains("MAM").contains("2027 3");
            assertThat(c.apres()).contains("MAM").contains("2027 4");
        });
    }

    @Test
    void a_negative_figure_or_a_year_outside_the_period_is_refused_naming_it_and_nothing_is_written() {
        JsonNode convention = api.creerConventionDeTest("caf07", "projection-refus");
        String chemin = chemin(convention);
        assertThat(api.put("caf07", chemin, Map.of("version", 0, "lignes", List.of(ligne("MAM", 3, Map.of(2026, 3))))).status()).isEqualTo(200);

        Reponse negatif = api.put("caf07", chemin, Map.of("version", 1, "lignes", List.of(
                ligne("EAJE_PSU", 20, Map.of(2026, 20)), ligne("MAM", -3, Map.of(2027, -1)))));
        Reponse horsPeriode = api.put("caf07", chemin, Map.of("version", 1, "lignes", List.of(ligne("EAJE_PSU", 20, Map.of(2031, 25)))));

        assertThat(negatif.status()).isEqualTo(400);
        assertThat(negatif.messageDuChamp("lignes[1].actuel")).contains("Ligne 2 (MAM)").contains("négatif").contains("-3");
        assertThat(negatif.messageDuChamp("lignes[1].annees.2027")).contains("2027").contains("négative");
        assertThat(horsPeriode.status()).isEqualTo(400);
        assertThat(horsPeriode.messageDuChamp("lignes[0].annees.2031")).contains("l'année 2031 est hors de la période").contains("2026–2030");
        JsonNode projection = api.get("caf07", "/api/v1/conventions/" + convention.path("id").asLong() + "/ao").json().path("projection");
        assertThat(projection.path("version").asInt()).isEqualTo(1);
        assertThat(projection.path("tableaux").get(0).path("lignes")).hasSize(1);
        assertThat(projection.path("tableaux").get(0).path("lignes").get(0).path("mode").asString()).isEqualTo("MAM");
    }

    @Test
    void the_line_form_keeps_the_input_and_shows_the_error_under_the_year() {
        long id = api.creerConventionDeTest("caf07", "projection-page").path("id").asLong();
        String siren = api.convention("caf07", id).path("territoireSiren").asString();
        Document formulaire = pages.get("caf07", "/conventions/" + id + "/ao/projection?ao=" + siren).document();
        assertThat(formulaire.select("input[name^=valeur_]").eachAttr("name"))
                .containsExactly("valeur_2026", "valeur_2027", "valeur_2028", "valeur_2029", "valeur_2030");
        Map<String, String> champs = ClientPages.champs(formulaire, "form[action$=/ao/projection]");
        champs.put("mode", "EAJE_PSU");
        champs.put("actuel", "12");
        champs.put("valeur_2028", "-4");

        ClientPages.Page refus = pages.poster("caf07", "/conventions/" + id + "/ao/projection", champs);

        assertThat(refus.status()).isEqualTo(200);
        assertThat(refus.document().selectFirst("#erreur-valeur_2028").text()).contains("2028").contains("négative");
        assertThat(refus.document().selectFirst("#actuel").val()).isEqualTo("12");
        assertThat(api.get("caf07", "/api/v1/conventions/" + id + "/ao").json().path("projection").path("tableaux")).isEmpty();

        champs.put("valeur_2028", "14,5");
        ClientPages.Page ok = pages.poster("caf07", "/conventions/" + id + "/ao/projection", champs);
        assertThat(ok.redirection()).startsWith("/conventions/" + id + "/ao");
        Document page = pages.get("caf07", "/conventions/" + id + "/ao").document();
        assertThat(page.select("table.projection tr[data-mode=EAJE_PSU] td[data-annee=2028]").text()).isEqualTo("14,5");
    }

    private String chemin(JsonNode convention) {
        return "/api/v1/conventions/" + convention.path("id").asLong() + "/ao/projection/" + convention.path("territoireSiren").asString();
    }

    private static Map<String, Object> ligne(String mode, Number actuel, Map<Integer, Number> annees) {
        Map<String, Object> ligne = new LinkedHashMap<>();
        ligne.put("mode", mode);
        ligne.put("actuel", actuel);
        ligne.put("annees", annees.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Map.of("annee", e.getKey(), "valeur", e.getValue())).toList());
        return ligne;
    }
}
