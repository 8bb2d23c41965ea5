package fr.pilotectg.convention;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import fr.pilotectg.organisation.OrganisationService;
import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo conventions show what the real documents say, through the API and the overview page. */
@IntegrationTest
class DemoConventionsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService organisations;

    @LocalServerPort
    int port;

    ClientApi api;
    ClientPages pages;

    @BeforeEach
    void clients() {
        api = new ClientApi(mvc);
        pages = new ClientPages(mvc);
    }

    @Test
    void aubenas_through_the_api() {
        JsonNode aubenas = api.convention("caf07", api.aubenas());

        assertThat(aubenas.path("caf").path("nom").asString()).isEqualTo("Caf de l'Ardèche");
        assertThat(aubenas.path("statut").asString()).isEqualTo("EN_VIGUEUR");
        assertThat(aubenas.path("dateDebut").asString()).isEqualTo("2026-01-01");
        assertThat(aubenas.path("dateFin").asString()).isEqualTo("2030-12-31");
        assertThat(nomsDesParties(aubenas)).containsExactly(
                "Caf de l'Ardèche", "CC du Bassin d'Aubenas", "Aubenas", "Vals-les-Bains", "Lavilledieu");
        assertThat(nombreRepresentants(aubenas)).isEqualTo(6);
        assertThat(aubenas.path("communes").size()).isEqualTo(28);
        assertThat(aubenas.path("deliberations").size()).isEqualTo(5);
        assertThat(StreamSupport.stream(aubenas.path("manquesAvantSignature").spliterator(), false).map(JsonNode::asString))
                .contains("4 délibérations sans date");
    }

    @Test
    void aubenas_overview_page_shows_counts_period_and_what_is_missing() {
        Document page = pageConvention("caf07", api.aubenas());

        assertThat(page.selectFirst("h1").text()).isEqualTo(ClientApi.AUBENAS);
        assertThat(page.getElementById("nombre-parties").text()).isEqualTo("5");
        assertThat(page.select("li.partie")).hasSize(5);
        assertThat(page.getElementById("nombre-representants").text()).isEqualTo("6");
        assertThat(page.select("li.representant")).hasSize(6);
        assertThat(page.getElementById("nombre-communes").text()).isEqualTo("28");
        assertThat(page.select("li.commune")).hasSize(28);
        assertThat(page.getElementById("periode").text()).isEqualTo("1er janvier 2026 – 31 décembre 2030");
        assertThat(page.select(".manques li").eachText()).anyMatch(m -> m.contains("4 délibérations sans date"));
        assertThat(page.select("li.partie").text())
                .contains("Caf de l'Ardèche", "CC du Bassin d'Aubenas", "Aubenas", "Vals-les-Bains", "Lavilledieu")
                .contains("René SERRE-CHAMARY", "Florence COPIN", "Max TOURVIEILHE");
    }

    @Test
    void monts_du_pilat_through_the_api_and_the_page() {
        long pilat = api.pilat();
        JsonNode json = api.convention("caf42", pilat);
        assertThat(json.path("caf").path("nom").asString()).isEqualTo("Caf de la Loire");
        assertThat(json.path("statut").asString()).isEqualTo("PLAN_ACTIONS");
        assertThat(json.path("parties").size()).isEqualTo(18);
        assertThat(nombreRepresentants(json)).isEqualTo(19);
        assertThat(json.path("communes").size()).isEqualTo(16);

        Document page = pageConvention("caf42", pilat);
        assertThat(page.getElementById("nombre-parties").text()).isEqualTo("18");
        assertThat(page.getElementById("nombre-representants").text()).isEqualTo("19");
        assertThat(page.getElementById("nombre-communes").text()).isEqualTo("16");
        assertThat(page.getElementById("periode").text()).isEqualTo("1er janvier 2026 – 31 décembre 2030");
    }

    @Test
    void heyraud_is_one_person_representing_both_the_cc_and_bourg_argental() {
        JsonNode pilat = api.convention("pilat", api.pilat());

        JsonNode president = representantNomme(pilat, "CC des Monts du Pilat", "HEYRAUD");
        JsonNode maire = representantNomme(pilat, "Bourg-Argental", "HEYRAUD");
        assertThat(president.path("nomComplet").asString()).isEqualTo("M. Stéphane HEYRAUD");
        assertThat(president.path("fonction").asString()).isEqualTo("Président");
        assertThat(maire.path("fonction").asString()).isEqualTo("Maire");
        // Two mandates of the same person, not two homonyms.
        assertThat(president.path("mandatId").asLong()).isNotEqualTo(maire.path("mandatId").asLong());
        assertThat(organisations.mandat(president.path("mandatId").asLong()).personne().id())
                .isEqualTo(organisations.mandat(maire.path("mandatId").asLong()).personne().id());
    }

    @ParameterizedTest(name = "{0} finds the demo conventions by a commune spelled loosely")
    @CsvSource({"admin", "caf07", "ccba"})
    void search_by_commune_finds_the_demo_convention(String utilisateur) {
        // Regression: the admin's search (access condition TRUE) produced "WHERE TRUEAND (...)": HTTP 500.
        assertThat(api.titresTrouves(utilisateur, "vals les bains")).contains(ClientApi.AUBENAS).doesNotContain(ClientApi.PILAT);
        assertThat(pages.get(utilisateur, "/conventions?q=VALS-LES-BAINS").document().select("tbody a").eachText())
                .contains(ClientApi.AUBENAS);
    }

    @Test
    void admin_finds_monts_du_pilat_by_a_commune_without_accent() {
        assertThat(api.titresTrouves("admin", "MARLHES")).containsExactly(ClientApi.PILAT);
    }

    @ParameterizedTest(name = "{0} logs in through the login form")
    @CsvSource(delimiter = '|', value = {
            "admin   | Administrateur",
            "caf07   | Agent Caf de l'Ardèche",
            "ccba    | Chargée de coopération CCBA",
            "caf42   | Agent Caf de la Loire",
            "pilat   | Chargé de coopération CCMP",
            "lecteur | Lecteur Bassin d'Aubenas"})
    void each_demo_account_logs_in_through_the_form(String identifiant, String nomAffiche) throws Exception {
        Navigation navigation = new Navigation();

        HttpResponse<String> connexion = navigation.connecter(identifiant, "demo");

        assertThat(connexion.statusCode()).isEqualTo(302);
        assertThat(connexion.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(URI.create(location).getPath()).isEqualTo("/"));
        HttpResponse<String> liste = navigation.get("/conventions");
        assertThat(liste.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(liste.body()).select("header").text()).contains(nomAffiche);
    }

    @Test
    void a_wrong_password_is_refused() throws Exception {
        Navigation navigation = new Navigation();

        HttpResponse<String> connexion = navigation.connecter("ccba", "pas-le-bon");

        assertThat(connexion.statusCode()).isEqualTo(302);
        assertThat(connexion.headers().firstValue("Location").orElseThrow()).endsWith("/connexion?erreur");
        HttpResponse<String> retour = navigation.get("/connexion?erreur");
        assertThat(Jsoup.parse(retour.body()).select(".alert-danger").text()).contains("incorrect");
        HttpResponse<String> liste = navigation.get("/conventions");
        assertThat(liste.statusCode()).as("still not logged in").isEqualTo(302);
        assertThat(liste.headers().firstValue("Location").orElseThrow()).endsWith("/connexion");
    }

    private Document pageConvention(String utilisateur, long id) {
        ClientPages.Page page = pages.get(utilisateur, "/conventions/" + id);
        assertThat(page.status()).isEqualTo(200);
        return page.document();
    }

    private static List<String> nomsDesParties(JsonNode convention) {
        return StreamSupport.stream(convention.path("parties").spliterator(), false)
                .map(p -> p.path("organisation").path("nom").asString()).toList();
    }

    private static int nombreRepresentants(JsonNode convention) {
        return StreamSupport.stream(convention.path("parties").spliterator(), false)
                .mapToInt(p -> p.path("representants").size()).sum();
    }

    private static JsonNode representantNomme(JsonNode convention, String partie, String nom) {
        JsonNode laPartie = StreamSupport.stream(convention.path("parties").spliterator(), false)
                .filter(p -> partie.equals(p.path("organisation").path("nom").asString())).findFirst()
                .orElseThrow(() -> new AssertionError(partie + " n'est pas partie ; parties : " + nomsDesParties(convention)));
        return StreamSupport.stream(laPartie.path("representants").spliterator(), false)
                .filter(r -> nom.equals(r.path("nom").asString())).findFirst()
                .orElseThrow(() -> new AssertionError(nom + " ne représente pas " + partie));
    }

    /** A browser-like HTTP session on the real server: cookies kept, redirects not followed. */
    private final class Navigation {

        /** What a browser asks for; without it, Spring Security answers as to a script (401, not a redirect). */
        private static final String ACCEPT_NAVIGATEUR = "text/html,application/xhtml+xml,*/*;q=0.8";

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String chemin) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + chemin))
                            .header("Accept", ACCEPT_NAVIGATEUR).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Opens the login page, then posts its form with the CSRF token it holds. */
        HttpResponse<String> connecter(String identifiant, String motDePasse) throws IOException, InterruptedException {
            HttpResponse<String> formulaire = get("/connexion");
            assertThat(formulaire.statusCode()).isEqualTo(200);
            var form = Jsoup.parse(formulaire.body()).selectFirst("form[action$=/connexion]");
            assertThat(form).as("login form").isNotNull();
            var jeton = form.selectFirst("input[name=_csrf]");
            assertThat(jeton).as("CSRF token in the login form").isNotNull();
            String corps = Map.of("username", identifiant, "password", motDePasse, "_csrf", jeton.attr("value"))
                    .entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/connexion"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", ACCEPT_NAVIGATEUR)
                            .POST(HttpRequest.BodyPublishers.ofString(corps)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
