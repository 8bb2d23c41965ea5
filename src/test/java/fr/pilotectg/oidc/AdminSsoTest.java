package fr.pilotectg.oidc;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.pilotectg.organisation.OrganisationService;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * {@code /admin/sso} (domains allowed to get accounts at their first single sign-on) and the login page, in the shared
 * context where single sign-on is not configured: the application behaves as without it.
 */
@IntegrationTest
class AdminSsoTest {

    private static final List<String> NON_ADMINS = List.of("caf07", "ccba", "caf42", "pilat", "lecteur", "palabre");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrganisationService organisations;

    @Test
    void only_an_administrator_sees_and_changes_the_allowed_domains_and_every_change_is_journalled() {
        ClientPages pages = new ClientPages(mvc);
        String caf = organisations.cafs().get(0).nom();
        String domaine = "d" + UUID.randomUUID().toString().substring(0, 8) + ".caf.fr";

        ClientPages.Page ajout = pages.poster("admin", "/admin/sso",
                Map.of("domaine", " @" + domaine.toUpperCase() + " ", "organisation", caf, "role", "AGENT_CAF"));

        assertThat(ajout.status()).isEqualTo(302);
        assertThat(ajout.messageSucces()).contains(domaine, "Agent Caf", caf);
        Document page = pages.get("admin", "/admin/sso").document();
        assertThat(page.select("h1").text()).isEqualTo("Connexion unique (OpenID Connect)");
        assertThat(page.select("#etat-sso").text()).contains("pas configurée");
        assertThat(page.select("#domaines caption").text()).isNotBlank();
        assertThat(page.select("#domaines tbody tr").text()).contains(domaine, caf, "Agent Caf", "admin");
        long id = jdbc.sql("SELECT id FROM connexion_unique_domaine WHERE domaine = :d").param("d", domaine).query(Long.class).single();
        assertThat(journal(id, "création")).isEqualTo(1);

        for (String role : NON_ADMINS) {
            assertThat(pages.get(role, "/admin/sso").status()).as(role).isEqualTo(403);
            assertThat(pages.poster(role, "/admin/sso", Map.of("domaine", "x" + domaine, "organisation", caf, "role", "LECTEUR"))
                    .status()).as(role).isEqualTo(403);
            assertThat(pages.poster(role, "/admin/sso/" + id + "/suppression", Map.of()).status()).as(role).isEqualTo(403);
        }
        assertThat(pages.posterSansCsrf("admin", "/admin/sso/" + id + "/suppression", Map.of()).status()).isEqualTo(403);
        assertThat(compter("x" + domaine)).isZero();
        assertThat(compter(domaine)).isEqualTo(1);

        ClientPages.Page retrait = pages.soumettre("admin", page,
                "#domaines tbody tr:contains(" + domaine + ") form");
        assertThat(retrait.status()).isEqualTo(302);
        assertThat(retrait.messageSucces()).contains(domaine, "retiré");
        assertThat(compter(domaine)).isZero();
        assertThat(journal(id, "suppression")).isEqualTo(1);
        assertThat(pages.poster("admin", "/admin/sso/" + id + "/suppression", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void bad_input_is_refused_with_a_400_naming_each_field_and_nothing_is_written() {
        ClientPages pages = new ClientPages(mvc);
        String caf = organisations.cafs().get(0).nom();
        long avant = jdbc.sql("SELECT count(*) FROM connexion_unique_domaine").query(Long.class).single();

        ClientPages.Page refus = pages.poster("admin", "/admin/sso",
                Map.of("domaine", "pas un domaine", "organisation", "Organisation qui n'existe pas", "role", "ADMIN"));

        assertThat(refus.status()).isEqualTo(400);
        Document page = refus.document();
        assertThat(page.select("#erreur-domaine").text()).contains("nom de domaine");
        assertThat(page.select("#erreur-organisation").text()).contains("Aucune organisation");
        assertThat(page.select("#erreur-role").text()).contains("Choisissez le rôle");
        assertThat(page.select("#domaine").attr("aria-describedby")).isEqualTo("erreur-domaine");
        assertThat(pages.poster("admin", "/admin/sso", Map.of("domaine", "", "organisation", caf, "role", "LECTEUR")).document()
                .select("#erreur-domaine").text()).contains("obligatoire");
        String long_ = "a".repeat(250) + ".fr";
        assertThat(pages.poster("admin", "/admin/sso", Map.of("domaine", long_, "organisation", caf, "role", "LECTEUR")).status())
                .isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM connexion_unique_domaine").query(Long.class).single()).isEqualTo(avant);

        String domaine = "doublon" + UUID.randomUUID().toString().substring(0, 6) + ".fr";
        assertThat(pages.poster("admin", "/admin/sso", Map.of("domaine", domaine, "organisation", caf, "role", "LECTEUR")).status())
                .isEqualTo(302);
        ClientPages.Page doublon = pages.poster("admin", "/admin/sso", Map.of("domaine", domaine, "organisation", caf, "role", "PORTEUR"));
        assertThat(doublon.status()).isEqualTo(400);
        assertThat(doublon.document().select("#erreur-domaine").text()).contains("déjà autorisé");
        assertThat(compter(domaine)).isEqualTo(1);
    }

    @Test
    void without_configuration_the_login_page_has_no_single_sign_on_and_its_addresses_do_nothing() throws Exception {
        Document connexion = Jsoup.parse(anonyme("/connexion").getContentAsString());
        assertThat(connexion.select("#bouton-connexion-unique")).isEmpty();
        assertThat(connexion.select("input[type=password]")).hasSize(1);

        MockHttpServletResponse depart = anonyme("/connexion/unique/oidc");
        assertThat(depart.getStatus()).isEqualTo(302);
        assertThat(depart.getRedirectedUrl()).endsWith("/connexion");
    }

    @Test
    void the_refusal_page_explains_each_reason_in_french_and_ignores_unknown_ones() throws Exception {
        MockHttpServletResponse inconnu = anonyme("/connexion/oidc/refus?motif=compte-inconnu");
        assertThat(inconnu.getStatus()).isEqualTo(403);
        Document page = Jsoup.parse(inconnu.getContentAsString());
        assertThat(page.select("h1").text()).isEqualTo("Connexion refusée");
        assertThat(page.select("#motif-refus h2").text()).isEqualTo("Aucun compte pour cette adresse");
        assertThat(page.select("a[href=/connexion]")).isNotEmpty();

        Document autre = Jsoup.parse(anonyme("/connexion/oidc/refus?motif=<script>").getContentAsString());
        assertThat(autre.select("#motif-refus").attr("data-motif")).isEqualTo("echec");
        assertThat(autre.html()).doesNotContain("<script>");
    }

    private MockHttpServletResponse anonyme(String chemin) throws Exception {
        MockHttpServletResponse reponse = mvc.perform(get(chemin).accept(MediaType.TEXT_HTML)).andReturn().getResponse();
        reponse.setCharacterEncoding("UTF-8");
        return reponse;
    }

    private long compter(String domaine) {
        return jdbc.sql("SELECT count(*) FROM connexion_unique_domaine WHERE domaine = :d").param("d", domaine).query(Long.class).single();
    }

    private long journal(long id, String action) {
        return jdbc.sql("SELECT count(*) FROM journal WHERE objet_type = 'connexion_unique_domaine' AND objet_id = :id AND action = :a")
                .param("id", id).param("a", action).query(Long.class).single();
    }
}
