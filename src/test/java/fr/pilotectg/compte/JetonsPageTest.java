package fr.pilotectg.compte;

import java.util.Map;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/** The "Mon compte" page: create (shown once), list and revoke one's API tokens. */
@IntegrationTest
class JetonsPageTest {

    @Autowired
    MockMvc mvc;

    @Test
    void a_token_created_from_the_page_is_shown_once_then_only_its_prefix() {
        ClientPages pages = new ClientPages(mvc);

        ClientPages.Page creation = pages.poster("pilat", "/compte/jetons", Map.of("nom", "Tableur de suivi", "expireLe", ""));

        assertThat(creation.status()).isEqualTo(200);
        String valeur = creation.document().getElementById("valeur-jeton").val();
        assertThat(valeur).startsWith("pctg_").hasSize(48);
        assertThat(new ClientApi(mvc).get("pilat", "/api/v1/jetons").status()).isEqualTo(200);
        Document ensuite = pages.get("pilat", "/compte/jetons").document();
        assertThat(ensuite.html()).doesNotContain(valeur);
        assertThat(ensuite.select("#mes-jetons tr.jeton").text()).contains("Tableur de suivi", valeur.substring(0, 11) + "…");
    }

    @Test
    void the_page_is_reached_from_the_header_and_its_tables_and_fields_are_labelled() {
        ClientPages pages = new ClientPages(mvc);
        pages.poster("caf42", "/compte/jetons", Map.of("nom", "Export", "expireLe", "2099-01-01"));
        pages.poster("caf42", "/compte/jetons", Map.of("nom", "Export annuel", "expireLe", ""));

        Document page = pages.get("caf42", "/compte/jetons").document();

        assertThat(page.select("header a[href=/compte/jetons]").text()).isEqualTo("Mon compte");
        assertThat(page.select("h1").text()).isEqualTo("Mon compte : jetons d'API");
        assertThat(page.select("#mes-jetons caption").text()).isNotBlank();
        assertThat(page.select("#mes-jetons thead th[scope=col]")).hasSizeGreaterThanOrEqualTo(6);
        assertThat(page.select("label[for=nom]")).hasSize(1);
        assertThat(page.select("label[for=expireLe]")).hasSize(1);
        assertThat(page.select("#mes-jetons button").eachAttr("aria-label")).contains("Révoquer le jeton Export annuel");
        assertThat(page.select("#tous-les-jetons")).as("only for administrators").isEmpty();
    }

    @Test
    void bad_input_is_shown_next_to_its_field_with_a_400_and_nothing_is_created() {
        ClientPages pages = new ClientPages(mvc);
        int avant = pages.get("lecteur", "/compte/jetons").document().select("#mes-jetons tr.jeton").size();

        ClientPages.Page refus = pages.poster("lecteur", "/compte/jetons", Map.of("nom", " ", "expireLe", "2001-01-01"));

        assertThat(refus.status()).isEqualTo(400);
        assertThat(refus.document().select("#erreur-nom").text()).contains("nom du jeton est obligatoire");
        assertThat(refus.document().select("#erreur-expireLe").text()).contains("ne peut pas être passée");
        assertThat(refus.document().select("#nom").attr("aria-describedby")).isEqualTo("erreur-nom");
        assertThat(refus.document().getElementById("valeur-jeton")).isNull();
        assertThat(pages.get("lecteur", "/compte/jetons").document().select("#mes-jetons tr.jeton")).hasSize(avant);
    }

    @Test
    void forms_without_csrf_token_are_refused() {
        ClientPages pages = new ClientPages(mvc);
        long id = new ClientApi(mvc).post("palabre", "/api/v1/jetons", Map.of("nom", "Cible")).json().path("id").asLong();

        assertThat(pages.posterSansCsrf("palabre", "/compte/jetons", Map.of("nom", "Forgé")).status()).isEqualTo(403);
        assertThat(pages.posterSansCsrf("palabre", "/compte/jetons/" + id + "/revocation", Map.of()).status()).isEqualTo(403);
        assertThat(pages.get("palabre", "/compte/jetons").document().select("#mes-jetons tr.jeton").text())
                .contains("Cible").doesNotContain("Forgé");
    }

    @Test
    void a_user_revokes_only_their_own_tokens_an_administrator_any() {
        ClientPages pages = new ClientPages(mvc);
        long id = new ClientApi(mvc).post("ccba", "/api/v1/jetons", Map.of("nom", "Jeton de la CCBA")).json().path("id").asLong();
        String chemin = "/compte/jetons/" + id + "/revocation";

        assertThat(pages.poster("caf07", chemin, Map.of()).status()).isEqualTo(404);
        Document admin = pages.get("admin", "/compte/jetons").document();
        assertThat(admin.select("#tous-les-jetons tr.jeton[data-id=" + id + "]").text()).contains("ccba", "Jeton de la CCBA");

        ClientPages.Page revocation = pages.poster("admin", chemin, Map.of());

        assertThat(revocation.redirection()).isEqualTo("/compte/jetons");
        assertThat(revocation.messageSucces()).contains("Jeton de la CCBA", "révoqué");
        assertThat(pages.get("ccba", "/compte/jetons").document().select("#mes-jetons tr.jeton[data-id=" + id + "]")).isEmpty();
        assertThat(pages.poster("ccba", chemin, Map.of()).status()).as("already revoked").isEqualTo(404);
    }
}
