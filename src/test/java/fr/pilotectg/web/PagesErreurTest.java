package fr.pilotectg.web;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error answers in French, whoever produces it (Tomcat before any filter, Spring Security, Spring MVC, a
 * bug): the page {@code erreur.html} with its status, heading and a way back, or under {@code /api/} the JSON
 * {@code {"status", "message", "erreurs"}}. Through the real Tomcat, whose error pages MockMvc does not have.
 */
@IntegrationTest
class PagesErreurTest {

    /** Words of Tomcat's, Spring Boot's and the JDK's English errors. */
    private static final List<String> ANGLAIS = List.of("Whitelabel", "HTTP Status", "Tomcat", "Unsupported", "Invalid",
            "Exception", "Bad Request", "Not Found", "Not Allowed", "Forbidden", "Unauthorized", "Content Too Large",
            "timestamp", "trace");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    HttpReel http;

    @BeforeEach
    void client() {
        http = new HttpReel(port);
    }

    // Errors Tomcat answers alone, before any filter: raw non-ASCII bytes and invalid % escapes in the address.

    @Test
    void raw_non_ascii_characters_in_the_address() {
        verifierPage(http.brut("/conventions/é"), 400, "Requête invalide");
    }

    @Test
    void invalid_percent_escape_in_the_address() {
        verifierPage(http.brut("/%zz"), 400, "Requête invalide");
        verifierJson(http.brut("/api/v1/conventions/%zz"), 400, "ne sont pas valides");
    }

    // Pages.

    @Test
    void unknown_page_and_unknown_static_file() {
        verifierPage(page("/nexiste-pas"), 404, "Page introuvable");
        verifierPage(http.envoyer(http.requete("/js/inconnu.js").header("Accept", "text/html")), 404, "Page introuvable");
    }

    @Test
    void page_address_with_a_value_of_the_wrong_type() {
        verifierPage(page("/conventions/pas-un-nombre"), 400, "Requête invalide");
    }

    @Test
    void page_with_a_method_it_does_not_accept() {
        verifierPage(page("/conventions/" + aubenas() + "/diagnostic/import/confirmer"), 405, "Méthode non autorisée");
    }

    @Test
    void form_posted_without_its_csrf_token() {
        verifierPage(http.envoyer(formulaire("/conventions/" + aubenas() + "/diagnostic/import/confirmer", "jeton=x", null)),
                403, "Accès refusé");
    }

    @Test
    void import_confirmed_with_a_token_that_is_not_a_uuid() {
        String chemin = "/conventions/" + aubenas() + "/diagnostic/import";
        SessionAvecJeton session = session(chemin);

        HttpReel.Reponse reponse = http.envoyer(formulaire(chemin + "/confirmer", "jeton=pas-un-uuid&_csrf=" + session.csrf, session.cookie));

        verifierPage(reponse, 400, "Requête invalide");
        assertThat(reponse.corps()).doesNotContain("UUID");
    }

    @Test
    void file_larger_than_the_upload_limit() {
        String chemin = "/conventions/" + aubenas() + "/diagnostic/import";
        SessionAvecJeton session = session(chemin);
        String limite = "----limite";
        ByteArrayOutputStream corps = new ByteArrayOutputStream();
        corps.writeBytes(("--" + limite + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + session.csrf + "\r\n--" + limite
                + "\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"gros.csv\"\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        corps.writeBytes(new byte[31 * 1024 * 1024]);
        corps.writeBytes(("\r\n--" + limite + "--\r\n").getBytes(StandardCharsets.UTF_8));

        HttpReel.Reponse reponse = http.envoyer(http.requete(chemin).header("Authorization", HttpReel.basic("admin"))
                .header("Cookie", session.cookie).header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + limite)
                .POST(HttpRequest.BodyPublishers.ofByteArray(corps.toByteArray())));

        verifierPage(reponse, 413, "Envoi trop volumineux");
    }

    @Test
    void unexpected_failure_of_a_page_shows_no_technical_detail() {
        HttpReel.Reponse reponse = page("/essais/erreur-inattendue");

        verifierPage(reponse, 500, "Erreur interne");
        assertThat(reponse.corps()).doesNotContain(ErreurInattendueController.MESSAGE, "at fr.pilotectg");
    }

    // API.

    @Test
    void unknown_api_address() {
        verifierJson(api("/api/v1/nexiste-pas"), 404, "Aucune page ni ressource");
    }

    @Test
    void api_address_with_a_value_of_the_wrong_type() {
        verifierJson(api("/api/v1/conventions/pas-un-nombre"), 400, "Valeur invalide pour le paramètre");
    }

    @Test
    void api_request_with_an_unsupported_content_type_method_or_accept() {
        verifierJson(http.envoyer(http.requete("/api/v1/conventions").header("Authorization", HttpReel.basic("admin"))
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString("<convention/>"))),
                415, "n'est pas accepté à cette adresse");
        verifierJson(http.envoyer(http.requete("/api/v1/conventions").header("Authorization", HttpReel.basic("admin")).DELETE()),
                405, "n'accepte pas la méthode");
        verifierJson(http.envoyer(http.requete("/api/v1/conventions").header("Authorization", HttpReel.basic("admin"))
                .header("Accept", "application/pdf")), 406, "format demandé");
    }

    @Test
    void api_without_or_with_wrong_credentials() {
        verifierJson(http.envoyer(http.requete("/api/v1/conventions")), 401, "Authentification requise");
        // An account that does not exist: a wrong password for a real one would count towards its lock.
        verifierJson(http.envoyer(http.requete("/api/v1/conventions").header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString("compte-inexistant:mauvais".getBytes()))), 401, "Identifiant ou mot de passe incorrect");
    }

    @Test
    void unexpected_failure_of_the_api_shows_no_technical_detail() {
        HttpReel.Reponse reponse = api("/api/essais/erreur-inattendue");

        verifierJson(reponse, 500, "erreur inattendue");
        assertThat(reponse.corps()).doesNotContain(ErreurInattendueController.MESSAGE);
    }

    private static void verifierPage(HttpReel.Reponse reponse, int status, String titre) {
        assertThat(reponse.status()).as(reponse.corps()).isEqualTo(status);
        assertThat(reponse.entete("Content-Type")).startsWith("text/html");
        reponse.verifierEntetesDeSecurite();
        assertThat(reponse.corps()).doesNotContain(ANGLAIS);
        Document page = Jsoup.parse(reponse.corps());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("fr");
        assertThat(page.select("h1").text()).isEqualTo(titre);
        assertThat(page.select("main p").first().text()).isNotBlank();
        assertThat(page.select("main a[href]")).as("un lien pour repartir").isNotEmpty();
    }

    private static void verifierJson(HttpReel.Reponse reponse, int status, String message) {
        assertThat(reponse.status()).as(reponse.corps()).isEqualTo(status);
        assertThat(reponse.entete("Content-Type")).startsWith("application/json");
        reponse.verifierEntetesDeSecurite();
        assertThat(reponse.corps()).doesNotContain(ANGLAIS);
        JsonNode json = JSON.readTree(reponse.corps());
        assertThat(json.path("status").asInt()).isEqualTo(status);
        assertThat(json.path("message").asString()).contains(message);
        assertThat(json.path("erreurs").isArray()).isTrue();
    }

    private HttpReel.Reponse page(String chemin) {
        return http.envoyer(http.requete(chemin).header("Authorization", HttpReel.basic("admin")).header("Accept", "text/html"));
    }

    private HttpReel.Reponse api(String chemin) {
        return http.envoyer(http.requete(chemin).header("Authorization", HttpReel.basic("admin")));
    }

    private HttpRequest.Builder formulaire(String chemin, String champs, String cookie) {
        HttpRequest.Builder requete = http.requete(chemin).header("Authorization", HttpReel.basic("admin")).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(champs));
        return cookie == null ? requete : requete.header("Cookie", cookie);
    }

    private record SessionAvecJeton(String cookie, String csrf) {
    }

    /** The session and CSRF token a browser gets by opening the page of a form. */
    private SessionAvecJeton session(String chemin) {
        HttpReel.Reponse reponse = page(chemin);
        assertThat(reponse.status()).isEqualTo(200);
        String cookie = reponse.entete("Set-Cookie").split(";")[0];
        return new SessionAvecJeton(cookie, Jsoup.parse(reponse.corps()).selectFirst("meta[name=_csrf]").attr("content"));
    }

    private long aubenas() {
        return new ClientApi(mvc).aubenas();
    }
}
