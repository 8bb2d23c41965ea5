package fr.pilotectg.compte;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import fr.pilotectg.shared.audit.Journal;
import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.HorlogeDeTest;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** Invitations, links used twice or expired, forgotten password, password change: ADR 0009. */
@IntegrationTest
class MotsDePasseTest {

    private static final String BON = "Une phrase assez longue pour deux mille vingt-sept";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Journal journal;
    @Autowired
    HorlogeDeTest horloge;
    @Autowired
    MotsDePasseService motsDePasse;

    @AfterEach
    void remettreLHorlogeALHeure() {
        horloge.remettreALHeure();
    }

    record Invite(long id, String identifiant, String lien) {
        String chemin() {
            return lien.substring(lien.indexOf("/mot-de-passe/"));
        }

        String jeton() {
            return lien.substring(lien.indexOf("jeton=") + "jeton=".length());
        }
    }

    @Test
    void an_invitation_link_sets_the_password_once_then_says_clearly_it_was_used() throws Exception {
        Invite invite = inviter("invite");
        assertThat(invite.lien()).startsWith("http://localhost").contains("/mot-de-passe/nouveau?jeton=");
        assertThat(jdbc.sql("SELECT empreinte FROM lien_mot_de_passe WHERE utilisateur_id = :u").param("u", invite.id())
                .query(String.class).single()).as("only the SHA-256 is stored").isNotEqualTo(invite.jeton()).hasSize(64);

        MockHttpServletResponse page = get(invite.chemin());
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains(invite.identifiant());

        String hashAvant = hash(invite.id());
        for (String[] refus : new String[][]{{"court", "court", "motDePasse"}, {"azertyuiop2026", "azertyuiop2026", "motDePasse"},
                {BON, BON + "!", "confirmation"}}) {
            MockHttpServletResponse reponse = poster(invite.jeton(), refus[0], refus[1]);
            assertThat(reponse.getStatus()).as(refus[0]).isEqualTo(400);
            assertThat(Jsoup.parse(reponse.getContentAsString(StandardCharsets.UTF_8)).select("#erreur-" + refus[2]).text()).isNotBlank();
        }
        assertThat(hash(invite.id())).as("nothing written by the refusals").isEqualTo(hashAvant);

        MockHttpServletResponse definition = poster(invite.jeton(), BON, BON);
        assertThat(definition.getStatus()).isEqualTo(302);
        assertThat(definition.getRedirectedUrl()).isEqualTo("/connexion?mot-de-passe-defini");
        assertThat(basic(invite.identifiant(), BON)).isEqualTo(200);
        assertThat(journal.pourObjet("utilisateur", invite.id())).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("mot de passe défini");
            assertThat(e.utilisateur()).isEqualTo(invite.identifiant());
        });
        assertThat(JSON.writeValueAsString(journal.pourObjet("utilisateur", invite.id()))).doesNotContain(BON);

        MockHttpServletResponse encore = poster(invite.jeton(), "Un autre mot de passe bien long", "Un autre mot de passe bien long");
        assertThat(encore.getStatus()).isEqualTo(410);
        assertThat(Jsoup.parse(encore.getContentAsString(StandardCharsets.UTF_8)).select("#raison").text()).contains("déjà servi");
        assertThat(basic(invite.identifiant(), BON)).isEqualTo(200);
        assertThat(get(invite.chemin()).getStatus()).isEqualTo(410);
    }

    @Test
    void an_expired_or_replaced_or_forged_link_gets_a_clear_page_and_changes_nothing() throws Exception {
        Invite invite = inviter("expire");
        horloge.avancer(Duration.ofHours(73));
        MockHttpServletResponse expire = poster(invite.jeton(), BON, BON);
        assertThat(expire.getStatus()).isEqualTo(410);
        assertThat(Jsoup.parse(expire.getContentAsString(StandardCharsets.UTF_8)).select("#raison").text()).contains("expiré");
        horloge.remettreALHeure();

        Invite autre = inviter("remplace");
        ClientApi.Reponse nouvelle = new ClientApi(mvc).post("admin", "/api/v1/utilisateurs/" + autre.id() + "/invitation", Map.of());
        assertThat(nouvelle.status()).as(nouvelle.texte()).isEqualTo(200);
        assertThat(get(autre.chemin()).getStatus()).as("the older link is replaced").isEqualTo(410);
        assertThat(get(nouvelle.json().path("invitation").path("lien").asString().replaceAll("^http://[^/]+", "")).getStatus()).isEqualTo(200);

        assertThat(get("/mot-de-passe/nouveau?jeton=pas-un-vrai-jeton").getStatus()).isEqualTo(410);
        assertThat(get("/mot-de-passe/nouveau").getStatus()).isEqualTo(410);
        assertThat(basic(invite.identifiant(), BON)).isEqualTo(401);
    }

    @Test
    void forgotten_password_answers_the_same_whether_the_address_exists_or_not() throws Exception {
        Invite invite = inviter("oubli");
        String connu = oublier(invite.identifiant());
        String inconnu = oublier("personne-" + invite.identifiant());
        assertThat(connu).isEqualTo(inconnu).contains("Si un compte actif existe");
        motsDePasse.attendreLesEnvois();
        assertThat(jdbc.sql("SELECT count(*) FROM lien_mot_de_passe WHERE utilisateur_id = :u AND nature = 'OUBLI'")
                .param("u", invite.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM lien_mot_de_passe l JOIN utilisateur u ON u.id = l.utilisateur_id "
                + "WHERE u.identifiant = :i").param("i", "personne-" + invite.identifiant()).query(Long.class).single()).isZero();
    }

    @Test
    void everyone_changes_their_password_with_the_current_one() throws Exception {
        ClientApi api = new ClientApi(mvc);
        ComptesDeTest comptes = new ComptesDeTest(api, jdbc);
        JsonNode compte = comptes.creer("change", comptes.organisation(ClientApi.CCBA), "LECTEUR", false);
        String identifiant = compte.path("identifiant").asString();

        assertThat(changer(identifiant, "demo", "pas le bon", BON)).isEqualTo(400);
        assertThat(changer(identifiant, "demo", "demo", "trop court")).isEqualTo(400);
        assertThat(basic(identifiant, "demo")).isEqualTo(200);
        assertThat(changer(identifiant, "demo", "demo", BON)).isEqualTo(204);
        assertThat(basic(identifiant, "demo")).isEqualTo(401);
        assertThat(basic(identifiant, BON)).isEqualTo(200);
    }

    private Invite inviter(String prefixe) {
        ClientApi api = new ClientApi(mvc);
        long ccba = new ComptesDeTest(api, jdbc).organisation(ClientApi.CCBA);
        ClientApi.Reponse reponse = api.post("admin", "/api/v1/utilisateurs",
                ComptesDeTest.corps(ComptesDeTest.adresse(prefixe), "Invitée " + prefixe, ccba, "CHARGE_COOPERATION", false));
        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(201);
        JsonNode json = reponse.json();
        assertThat(json.path("invitation").path("envoyeParCourriel").asBoolean()).isFalse();
        return new Invite(json.path("compte").path("id").asLong(), json.path("compte").path("identifiant").asString(),
                json.path("invitation").path("lien").asString());
    }

    private String hash(long id) {
        return jdbc.sql("SELECT mot_de_passe FROM utilisateur WHERE id = :id").param("id", id).query(String.class).single();
    }

    private MockHttpServletResponse get(String chemin) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(chemin).accept(MediaType.TEXT_HTML)).andReturn().getResponse();
    }

    private MockHttpServletResponse poster(String jeton, String motDePasse, String confirmation) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/mot-de-passe/nouveau").with(csrf()).accept(MediaType.TEXT_HTML)
                .param("jeton", jeton).param("motDePasse", motDePasse).param("confirmation", confirmation)).andReturn().getResponse();
    }

    private String oublier(String identifiant) throws Exception {
        MockHttpServletResponse reponse = mvc.perform(MockMvcRequestBuilders.post("/mot-de-passe/oublie").with(csrf())
                .accept(MediaType.TEXT_HTML).param("identifiant", identifiant)).andReturn().getResponse();
        assertThat(reponse.getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(reponse.getContentAsString(StandardCharsets.UTF_8));
        return page.select("main").text();
    }

    private int basic(String identifiant, String motDePasse) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get("/api/v1/conventions").with(httpBasic(identifiant, motDePasse))
                .accept(MediaType.APPLICATION_JSON)).andReturn().getResponse().getStatus();
    }

    private int changer(String identifiant, String motDePasseDeConnexion, String actuel, String nouveau) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.put("/api/v1/compte/mot-de-passe").with(httpBasic(identifiant, motDePasseDeConnexion))
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(Map.of("actuel", actuel, "nouveau", nouveau))))
                .andReturn().getResponse().getStatus();
    }
}
