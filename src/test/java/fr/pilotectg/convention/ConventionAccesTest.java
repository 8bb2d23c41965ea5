package fr.pilotectg.convention;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.ClientPages.Page;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Who may read and change which convention (Art. 9 habilitations): the same rights through the pages
 * and the API. Denials are checked on requests that would otherwise succeed, and leave nothing behind.
 * Denied writes on the demo conventions keep their titles, so that a regression fails here rather than
 * hiding the demo conventions from the other test classes.
 */
@IntegrationTest
class ConventionAccesTest {

    @Autowired
    MockMvc mvc;

    ClientApi api;
    ClientPages pages;

    @BeforeEach
    void clients() {
        api = new ClientApi(mvc);
        pages = new ClientPages(mvc);
    }

    // --- lecteur: habilitated read-only on Aubenas ---

    @Test
    void lecteur_reads_aubenas_but_every_page_post_is_forbidden() {
        long id = api.aubenas();
        JsonNode avant = api.convention("admin", id);
        String version = avant.path("version").asString();
        String aubenas = String.valueOf(ClientApi.idPartie(avant, "Aubenas"));
        String vals = String.valueOf(ClientApi.idPartie(avant, "Vals-les-Bains"));
        String mandat = premierMandat(avant, "Aubenas");
        String p = "/conventions/" + id;

        Map<String, Map<String, String>> ecritures = new LinkedHashMap<>();
        ecritures.put("/conventions", Map.of("titre", "Test lecteur", "cafId", String.valueOf(api.cafArdeche()),
                "epci", ClientApi.CCBA, "dateDebut", "2026-01-01", "dateFin", "2030-12-31"));
        ecritures.put(p + "/modifier", Map.of("version", version, "titre", ClientApi.AUBENAS, "lieuSignature", "Ailleurs",
                "dateDebut", "2026-01-01", "dateFin", "2030-12-31"));
        ecritures.put(p + "/statut", Map.of("version", version, "statut", "BILAN_INTERMEDIAIRE"));
        ecritures.put(p + "/parties", Map.of("version", version, "commune", "Ucel", "departement", "07", "role", "ASSOCIEE"));
        ecritures.put(p + "/parties/" + vals + "/retirer", Map.of("version", version));
        ecritures.put(p + "/representants", Map.of("version", version, "organisationId", aubenas,
                "civilite", "Mme", "prenom", "Anne", "nom", "LECTRICE", "fonction", "Adjointe"));
        ecritures.put(p + "/representants/" + mandat + "/retirer", Map.of("version", version));
        ecritures.put(p + "/deliberations", Map.of("version", version, "organisationId", aubenas,
                "instance", "conseil municipal", "date", "2025-12-15"));
        ecritures.put(p + "/deliberations/0/retirer", Map.of("version", version));
        ecritures.put(p + "/communes", Map.of("version", version, "commune", "Privas", "departement", "07"));
        ecritures.put(p + "/communes/07019/retirer", Map.of("version", version));

        ecritures.forEach((chemin, champs) -> {
            Page page = pages.poster("lecteur", chemin, champs);
            assertThat(page.status()).as("POST %s as lecteur", chemin).isEqualTo(403);
            assertThat(page.document().select("h1").text()).as("POST %s as lecteur", chemin).isEqualTo("Accès refusé");
            assertThat(page.document().select("main p").text()).as("POST %s as lecteur", chemin)
                    .containsAnyOf("pas la modifier", "créer une convention");
        });
        assertThat(api.convention("admin", id)).as("Aubenas unchanged").isEqualTo(avant);
        assertThat(api.titresTrouves("admin", "Test lecteur")).doesNotContain("Test lecteur");
    }

    @Test
    void lecteur_gets_403_on_every_api_write() {
        long id = api.aubenas();
        JsonNode avant = api.convention("admin", id);
        int version = avant.path("version").asInt();
        long aubenas = ClientApi.idPartie(avant, "Aubenas");
        String p = "/api/v1/conventions/" + id;

        assertInterdit(api.post("lecteur", "/api/v1/conventions", api.nouvelleConventionArdeche("Test lecteur API")));
        assertInterdit(api.put("lecteur", p + "?version=" + version,
                ClientApi.informations(avant, Map.of("lieuSignature", "Ailleurs"))));
        assertInterdit(api.post("lecteur", p + "/statut", Map.of("version", version, "statut", "BILAN_INTERMEDIAIRE")));
        assertInterdit(api.post("lecteur", p + "/parties",
                Map.of("version", version, "commune", "Ucel", "departement", "07", "role", "ASSOCIEE")));
        assertInterdit(api.post("lecteur", p + "/representants", Map.of("version", version, "organisationId", aubenas,
                "civilite", "Mme", "prenom", "Anne", "nom", "LECTRICE", "fonction", "Adjointe")));
        assertInterdit(api.post("lecteur", p + "/representants", Map.of("version", version, "organisationId", aubenas,
                "mandatId", Long.parseLong(premierMandat(avant, "Aubenas")))));
        assertInterdit(api.post("lecteur", p + "/communes", Map.of("version", version, "commune", "Privas", "departement", "07")));

        assertThat(api.convention("admin", id)).as("Aubenas unchanged").isEqualTo(avant);
        assertThat(api.titresTrouves("admin", "Test lecteur API")).doesNotContain("Test lecteur API");
    }

    @Test
    void lecteur_sees_aubenas_without_any_edit_control() {
        long id = api.aubenas();
        assertThat(api.convention("lecteur", id).path("modifiable").asBoolean()).isFalse();
        assertThat(api.titresVisibles("lecteur")).containsExactly(ClientApi.AUBENAS);

        Document page = pages.get("lecteur", "/conventions/" + id).document();
        assertThat(page.getElementById("nombre-communes").text()).isEqualTo("28");
        assertThat(controlesDeModification(page, id)).isEmpty();

        // The same selectors do find the controls of a user who may edit: the check above can fail.
        assertThat(controlesDeModification(pages.get("caf07", "/conventions/" + id).document(), id)).isNotEmpty();
    }

    // --- ccba: party to Aubenas, nothing to do with Monts du Pilat ---

    @Test
    void ccba_can_neither_read_nor_edit_monts_du_pilat() {
        long pilat = api.pilat();
        JsonNode avant = api.convention("admin", pilat);

        assertInterdit(api.get("ccba", "/api/v1/conventions/" + pilat));
        assertInterdit(api.put("ccba", "/api/v1/conventions/" + pilat + "?version=" + avant.path("version").asInt(),
                ClientApi.informations(avant, Map.of("lieuSignature", "Ailleurs"))));
        assertPageInterdite(pages.get("ccba", "/conventions/" + pilat));
        assertPageInterdite(pages.get("ccba", "/conventions/" + pilat + "/journal"));
        assertPageInterdite(pages.poster("ccba", "/conventions/" + pilat + "/modifier",
                Map.of("version", avant.path("version").asString(), "titre", ClientApi.PILAT, "lieuSignature", "Ailleurs")));

        assertThat(api.titresVisibles("ccba")).contains(ClientApi.AUBENAS).doesNotContain(ClientApi.PILAT);
        assertThat(pages.get("ccba", "/conventions").document().select("table a").eachText())
                .contains(ClientApi.AUBENAS).doesNotContain(ClientApi.PILAT);
        assertThat(api.convention("admin", pilat)).isEqualTo(avant);
    }

    // --- caf42: Caf de la Loire ---

    @Test
    void caf42_sees_no_ardeche_convention_and_is_refused_on_them() {
        long aubenas = api.aubenas();
        api.creerConventionDeTest("caf07", "Ardèche invisible pour la Loire");

        Reponse liste = api.get("caf42", "/api/v1/conventions?taille=100");
        List<String> cafs = StreamSupport.stream(liste.json().spliterator(), false).map(c -> c.path("caf").asString()).toList();
        assertThat(cafs).isNotEmpty().containsOnly("Caf de la Loire");
        assertThat(api.titresVisibles("caf42")).contains(ClientApi.PILAT);

        Document page = pages.get("caf42", "/conventions").document();
        assertThat(page.select("tbody tr")).isNotEmpty()
                .allSatisfy(ligne -> assertThat(ligne.text()).contains("Caf de la Loire").doesNotContain("Ardèche"));
        assertThat(page.select("select#caf option").eachText()).doesNotContain("Caf de l'Ardèche");

        assertInterdit(api.get("caf42", "/api/v1/conventions/" + aubenas));
        assertPageInterdite(pages.get("caf42", "/conventions/" + aubenas));
        JsonNode avant = api.convention("admin", aubenas);
        assertInterdit(api.post("caf42", "/api/v1/conventions/" + aubenas + "/statut",
                Map.of("version", avant.path("version").asInt(), "statut", "BILAN_INTERMEDIAIRE")));
        assertThat(api.convention("admin", aubenas)).isEqualTo(avant);
    }

    @Test
    void caf42_cannot_create_a_convention_for_another_caf() {
        Reponse reponse = api.post("caf42", "/api/v1/conventions", api.nouvelleConventionArdeche("Test Loire pour l'Ardèche"));
        assertThat(reponse.status()).isEqualTo(400);
        assertThat(reponse.champsEnErreur()).containsExactly("cafId");
        assertThat(reponse.messageDuChamp("cafId")).contains("votre propre Caf");
        assertThat(api.titresTrouves("admin", "Test Loire pour l'Ardèche")).doesNotContain("Test Loire pour l'Ardèche");
    }

    @Test
    void only_caf_agents_and_admins_create_conventions() {
        assertInterdit(api.post("ccba", "/api/v1/conventions", api.nouvelleConventionArdeche("Test création CCBA")));
        assertPageInterdite(pages.poster("pilat", "/conventions", Map.of("titre", "Test création Pilat",
                "cafId", String.valueOf(api.cafArdeche()), "epci", ClientApi.CCBA, "dateDebut", "2026-01-01", "dateFin", "2030-12-31")));
        assertThat(api.titresTrouves("admin", "Test création")).doesNotContain("Test création CCBA", "Test création Pilat");
        assertThat(pages.get("ccba", "/conventions").document().select("a[href$=/conventions/nouvelle]")).isEmpty();
        assertThat(pages.get("caf07", "/conventions").document().select("a[href$=/conventions/nouvelle]")).hasSize(1);
    }

    @Test
    void an_unknown_convention_is_a_404_with_a_readable_page() {
        Page page = pages.get("admin", "/conventions/987654321");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.document().title()).isEqualTo("Page introuvable — Pilote CTG");
        assertThat(page.document().select("h1").text()).isEqualTo("Page introuvable");
        Reponse reponse = api.get("admin", "/api/v1/conventions/987654321");
        assertThat(reponse.status()).isEqualTo(404);
        assertThat(reponse.json().path("message").asString()).contains("introuvable");
    }

    // --- pilat: chargé de coopération of the Monts du Pilat ---

    @Test
    void pilat_cannot_edit_aubenas() {
        long id = api.aubenas();
        JsonNode avant = api.convention("admin", id);

        assertInterdit(api.put("pilat", "/api/v1/conventions/" + id + "?version=" + avant.path("version").asInt(),
                ClientApi.informations(avant, Map.of("lieuSignature", "Ailleurs"))));
        assertInterdit(api.post("pilat", "/api/v1/conventions/" + id + "/communes",
                Map.of("version", avant.path("version").asInt(), "commune", "Privas", "departement", "07")));
        assertPageInterdite(pages.poster("pilat", "/conventions/" + id + "/modifier",
                Map.of("version", avant.path("version").asString(), "titre", ClientApi.AUBENAS, "lieuSignature", "Ailleurs",
                        "dateDebut", "2026-01-01", "dateFin", "2030-12-31")));
        assertPageInterdite(pages.poster("pilat", "/conventions/" + id + "/statut",
                Map.of("version", avant.path("version").asString(), "statut", "BILAN_INTERMEDIAIRE")));
        assertThat(api.convention("admin", id)).isEqualTo(avant);
    }

    // --- CSRF ---

    @Test
    void a_page_post_without_csrf_token_is_refused() throws Exception {
        JsonNode convention = api.creerConventionDeTest("caf07", "CSRF");
        long id = convention.path("id").asLong();
        Map<String, String> formulaire = Map.of("version", convention.path("version").asString(), "titre", "Titre forgé",
                "dateDebut", "2026-01-01", "dateFin", "2030-12-31");

        // With HTTP Basic on a page...
        assertThat(pages.posterSansCsrf("caf07", "/conventions/" + id + "/modifier", formulaire).status()).isEqualTo(403);
        // ...and with the session cookie of a real form login.
        jakarta.servlet.http.Cookie session = mvc.perform(formLogin("/connexion").user("caf07").password("demo"))
                .andReturn().getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        var sansJeton = post("/conventions/" + id + "/modifier").cookie(session);
        formulaire.forEach((k, v) -> sansJeton.param(k, v));
        assertThat(mvc.perform(sansJeton).andReturn().getResponse().getStatus()).isEqualTo(403);
        // An API call authenticated only by the session cookie (no Authorization header) needs the token too.
        var apiSansJeton = post("/api/v1/conventions/" + id + "/statut").cookie(session)
                .contentType("application/json").content("{\"version\":" + convention.path("version").asInt()
                        + ",\"statut\":\"DIAGNOSTIC\"}");
        assertThat(mvc.perform(apiSansJeton).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(api.convention("caf07", id)).as("nothing written").isEqualTo(convention);

        // Control: the very same post with the token goes through.
        var avecJeton = post("/conventions/" + id + "/modifier").cookie(session).with(csrf());
        formulaire.forEach((k, v) -> avecJeton.param(k, v));
        assertThat(mvc.perform(avecJeton).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/conventions/" + id);
        assertThat(api.convention("caf07", id).path("titre").asString()).isEqualTo("Titre forgé");
    }

    // --- those who may edit ---

    @Test
    void caf07_edits_a_convention_of_its_caf() {
        JsonNode convention = api.creerConventionDeTest("caf07", "Caf07 modifie");
        long id = convention.path("id").asLong();
        assertThat(convention.path("modifiable").asBoolean()).isTrue();

        Reponse put = api.put("caf07", "/api/v1/conventions/" + id + "?version=" + convention.path("version").asInt(),
                ClientApi.informations(convention, Map.of("titre", convention.path("titre").asString() + " (API)",
                        "lieuSignature", "Privas")));
        assertThat(put.status()).as(put.texte()).isEqualTo(200);
        assertThat(put.json().path("lieuSignature").asString()).isEqualTo("Privas");

        Page page = pages.poster("caf07", "/conventions/" + id + "/statut",
                Map.of("version", put.json().path("version").asString(), "statut", "DIAGNOSTIC"));
        assertThat(page.redirection()).isEqualTo("/conventions/" + id);
        assertThat(page.messageSucces()).isEqualTo("Statut mis à jour.");
        assertThat(api.convention("caf07", id).path("statut").asString()).isEqualTo("DIAGNOSTIC");
    }

    @Test
    void ccba_edits_a_convention_where_the_ccba_is_a_party() {
        JsonNode convention = api.creerConventionDeTest("caf07", "CCBA modifie");
        long id = convention.path("id").asLong();
        long ccba = ClientApi.idPartie(convention, ClientApi.CCBA);
        assertThat(api.convention("ccba", id).path("modifiable").asBoolean()).isTrue();
        assertThat(api.titresVisibles("ccba")).contains(convention.path("titre").asString());

        Reponse put = api.put("ccba", "/api/v1/conventions/" + id + "?version=" + convention.path("version").asInt(),
                ClientApi.informations(convention, Map.of("nombreOriginaux", 4)));
        assertThat(put.status()).as(put.texte()).isEqualTo(200);
        assertThat(put.json().path("nombreOriginaux").asInt()).isEqualTo(4);

        Page page = pages.poster("ccba", "/conventions/" + id + "/deliberations",
                Map.of("version", put.json().path("version").asString(), "organisationId", String.valueOf(ccba),
                        "instance", "conseil communautaire", "date", "2025-12-15"));
        assertThat(page.redirection()).isEqualTo("/conventions/" + id + "/parties");
        assertThat(page.messageErreur()).isNull();
        JsonNode apres = api.convention("ccba", id);
        assertThat(apres.path("deliberations").size()).isEqualTo(1);
        assertThat(apres.path("deliberations").get(0).path("date").asString()).isEqualTo("2025-12-15");

        Document vue = pages.get("ccba", "/conventions/" + id).document();
        assertThat(controlesDeModification(vue, id)).isNotEmpty();
        assertThat(vue.select("a:containsOwn(Modifier)")).isNotEmpty();
    }

    // --- helpers ---

    /** Forms that post to this convention, and "Modifier" links. */
    private static List<String> controlesDeModification(Document page, long id) {
        List<String> formulaires = page.select("form[action^=/conventions/" + id + "/]").eachAttr("action");
        List<String> liens = page.select("a:containsOwn(Modifier)").eachAttr("href");
        return java.util.stream.Stream.concat(formulaires.stream(), liens.stream()).toList();
    }

    private static String premierMandat(JsonNode convention, String partie) {
        return StreamSupport.stream(convention.path("parties").spliterator(), false)
                .filter(p -> partie.equals(p.path("organisation").path("nom").asString()))
                .map(p -> p.path("representants").get(0).path("mandatId").asString()).findFirst().orElseThrow();
    }

    /** 403 from the application's rights check (a JSON message), not from CSRF or authentication. */
    private static void assertInterdit(Reponse reponse) {
        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(403);
        assertThat(reponse.json().path("message").asString()).containsAnyOf("accès", "pas la modifier", "créer");
    }

    /** 403 from the application's rights check: the readable "Accès refusé" page, not a bare CSRF refusal. */
    private static void assertPageInterdite(Page page) {
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.document().title()).isEqualTo("Accès refusé — Pilote CTG");
        assertThat(page.document().select("h1").text()).isEqualTo("Accès refusé");
    }
}
