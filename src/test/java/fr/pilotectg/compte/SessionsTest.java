package fr.pilotectg.compte;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Sessions end at once (ADR 0009), whatever instance serves the next request since the check reads PostgreSQL:
 * "Se déconnecter partout", a password change (the other sessions), a deactivation (the session, the form, Basic and
 * the API tokens).
 */
@IntegrationTest
class SessionsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_deactivated_account_is_refused_at_once_on_its_session_by_the_form_by_basic_and_by_token() throws Exception {
        ClientApi api = new ClientApi(mvc);
        ComptesDeTest comptes = new ComptesDeTest(api, jdbc);
        JsonNode compte = comptes.creer("session", comptes.organisation(ClientApi.CCBA), "CHARGE_COOPERATION", false);
        String identifiant = compte.path("identifiant").asString();
        Cookie session = seConnecter(identifiant, "demo");
        assertThat(page(session, "/conventions").getStatus()).isEqualTo(200);
        String jeton = JSON.readTree(mvc.perform(MockMvcRequestBuilders.post("/api/v1/jetons").with(httpBasic(identifiant, "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"nom\": \"script\"}")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).path("jeton").asString();
        assertThat(parJeton(jeton)).isEqualTo(200);

        ClientApi.Reponse desactivation = api.post("admin", "/api/v1/utilisateurs/" + compte.path("id").asLong() + "/desactivation",
                Map.of("version", compte.path("version").asInt()));
        assertThat(desactivation.status()).as(desactivation.texte()).isEqualTo(200);

        MockHttpServletResponse apres = page(session, "/conventions");
        assertThat(apres.getStatus()).isEqualTo(302);
        assertThat(apres.getRedirectedUrl()).isEqualTo("/connexion?session-terminee");
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE session_id = ?")
                .param(new String(java.util.Base64.getDecoder().decode(session.getValue()), StandardCharsets.UTF_8))
                .query(Long.class).single()).as("the session is deleted from PostgreSQL").isZero();
        assertThat(formulaire(identifiant, "demo").getRedirectedUrl()).isEqualTo("/connexion?erreur");
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/v1/conventions").with(httpBasic(identifiant, "demo")))
                .andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(parJeton(jeton)).isEqualTo(401);
        assertThat(jdbc.sql("SELECT count(*) FROM jeton_api WHERE utilisateur_id = :u AND revoque_le IS NULL")
                .param("u", compte.path("id").asLong()).query(Long.class).single()).as("tokens revoked").isZero();
    }

    @Test
    void signing_out_everywhere_ends_every_session_of_the_account_and_only_those() throws Exception {
        ClientApi api = new ClientApi(mvc);
        ComptesDeTest comptes = new ComptesDeTest(api, jdbc);
        String identifiant = comptes.creer("partout", comptes.organisation(ClientApi.CCBA), "LECTEUR", false).path("identifiant").asString();
        String autre = comptes.creer("voisin", comptes.organisation(ClientApi.CCBA), "LECTEUR", false).path("identifiant").asString();
        Cookie bureau = seConnecter(identifiant, "demo");
        Cookie telephone = seConnecter(identifiant, "demo");
        Cookie voisin = seConnecter(autre, "demo");

        MockHttpServletResponse partout = mvc.perform(MockMvcRequestBuilders.post("/compte/deconnexion-partout").cookie(bureau).with(csrf()))
                .andReturn().getResponse();
        assertThat(partout.getRedirectedUrl()).isEqualTo("/connexion?deconnecte-partout");
        assertThat(page(telephone, "/conventions").getRedirectedUrl()).isEqualTo("/connexion?session-terminee");
        assertThat(page(voisin, "/conventions").getStatus()).isEqualTo(200);
        assertThat(page(seConnecter(identifiant, "demo"), "/conventions").getStatus()).as("a new sign-in works").isEqualTo(200);
    }

    @Test
    void changing_ones_password_ends_the_other_sessions_and_keeps_this_one() throws Exception {
        ClientApi api = new ClientApi(mvc);
        ComptesDeTest comptes = new ComptesDeTest(api, jdbc);
        String identifiant = comptes.creer("changement", comptes.organisation(ClientApi.CCBA), "LECTEUR", false).path("identifiant").asString();
        Cookie ici = seConnecter(identifiant, "demo");
        Cookie ailleurs = seConnecter(identifiant, "demo");
        String nouveau = "Trois petits chats dans la neige";

        MockHttpServletResponse changement = mvc.perform(MockMvcRequestBuilders.post("/compte/mot-de-passe").cookie(ici).with(csrf())
                .param("actuel", "demo").param("motDePasse", nouveau).param("confirmation", nouveau)).andReturn().getResponse();
        assertThat(changement.getRedirectedUrl()).isEqualTo("/compte/mot-de-passe");
        assertThat(page(ici, "/compte/mot-de-passe").getStatus()).isEqualTo(200);
        assertThat(page(ailleurs, "/conventions").getRedirectedUrl()).isEqualTo("/connexion?session-terminee");
    }

    @Test
    void a_role_change_applies_to_the_open_session_at_once() throws Exception {
        ClientApi api = new ClientApi(mvc);
        ComptesDeTest comptes = new ComptesDeTest(api, jdbc);
        JsonNode compte = comptes.creer("role", api.cafArdeche(), "AGENT_CAF", false);
        Cookie session = seConnecter(compte.path("identifiant").asString(), "demo");
        assertThat(page(session, "/portefeuille").getStatus()).isEqualTo(200);

        ClientApi.Reponse role = api.put("admin", "/api/v1/utilisateurs/" + compte.path("id").asLong() + "/role",
                Map.of("version", compte.path("version").asInt(), "role", "LECTEUR"));
        assertThat(role.status()).as(role.texte()).isEqualTo(200);
        assertThat(page(session, "/portefeuille").getStatus()).isEqualTo(403);
    }

    private Cookie seConnecter(String identifiant, String motDePasse) throws Exception {
        MvcResult resultat = mvc.perform(MockMvcRequestBuilders.post("/connexion").with(csrf())
                .param("username", identifiant).param("password", motDePasse)).andReturn();
        assertThat(resultat.getResponse().getRedirectedUrl()).as("sign-in of " + identifiant).doesNotContain("erreur");
        Cookie cookie = resultat.getResponse().getCookie("SESSION");
        assertThat(cookie).as("session cookie (Spring Session, in PostgreSQL)").isNotNull();
        return cookie;
    }

    private MockHttpServletResponse formulaire(String identifiant, String motDePasse) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/connexion").with(csrf()).param("username", identifiant)
                .param("password", motDePasse)).andReturn().getResponse();
    }

    private MockHttpServletResponse page(Cookie session, String chemin) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(chemin).cookie(session).accept(MediaType.TEXT_HTML)).andReturn().getResponse();
    }

    private int parJeton(String jeton) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get("/api/v1/conventions").header("Authorization", "Bearer " + jeton))
                .andReturn().getResponse().getStatus();
    }
}
