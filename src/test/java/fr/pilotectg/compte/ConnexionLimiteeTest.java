package fr.pilotectg.compte;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import fr.pilotectg.organisation.OrganisationService;
import fr.pilotectg.organisation.Role;
import fr.pilotectg.testsupport.HachagesComptes;
import fr.pilotectg.testsupport.HorlogeDeTest;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Brute force on the login form and on HTTP Basic: after 5 failures on an account identifier (existing or
 * not), or 20 from one address, logins are refused for 15 minutes, even with the right password, without
 * checking the password. Each test uses its own accounts and its own client address (MockMvc's default
 * 127.0.0.1 is the rest of the suite's).
 */
@IntegrationTest
class ConnexionLimiteeTest {

    private static final String BON = "le-bon-mot-de-passe";
    private static final String MAUVAIS = "pas-le-bon";

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganisationService organisations;
    @Autowired
    HorlogeDeTest horloge;
    @Autowired
    HachagesComptes hachages;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void remettreLHorlogeALHeure() {
        horloge.remettreALHeure();
    }

    @Test
    void five_bad_passwords_on_the_form_lock_the_account_even_for_the_right_password_until_the_lock_ends() throws Exception {
        String compte = nouveauCompte();
        String adresse = nouvelleAdresse();
        assertThat(formulaire(compte, BON, adresse)).as("the account works").isEqualTo("/");

        for (int i = 0; i < 5; i++) {
            assertThat(formulaire(compte, MAUVAIS, adresse)).isEqualTo("/connexion?erreur");
        }
        assertThat(formulaire(compte, BON, adresse)).as("locked: the right password is refused").isEqualTo("/connexion?erreur");
        assertThat(formulaire(compte, BON, nouvelleAdresse())).as("the lock is on the account, from any address")
                .isEqualTo("/connexion?erreur");

        horloge.avancer(Duration.ofMinutes(14));
        assertThat(formulaire(compte, BON, adresse)).as("still locked after 14 min").isEqualTo("/connexion?erreur");
        horloge.avancer(Duration.ofMinutes(2));
        assertThat(formulaire(compte, BON, adresse)).as("lock over after 15 min").isEqualTo("/");
    }

    @Test
    void the_login_page_says_the_login_may_be_locked() throws Exception {
        String page = mvc.perform(get("/connexion").param("erreur", "").accept(MediaType.TEXT_HTML))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("Identifiant ou mot de passe incorrect, ou connexion temporairement bloquée");
    }

    @Test
    void five_bad_passwords_in_http_basic_lock_the_account_with_the_same_json_answer_as_a_bad_password() throws Exception {
        String compte = nouveauCompte();
        String adresse = nouvelleAdresse();
        MockHttpServletResponse mauvais = basic(compte, MAUVAIS, adresse);
        for (int i = 0; i < 4; i++) {
            basic(compte, MAUVAIS, adresse);
        }

        MockHttpServletResponse bloque = basic(compte, BON, adresse);

        assertThat(mauvais.getStatus()).isEqualTo(401);
        assertThat(mauvais.getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
        assertThat(corps(mauvais)).contains("\"status\":401", ConnexionLimitee.REFUS);
        assertThat(bloque.getStatus()).isEqualTo(401);
        assertThat(corps(bloque)).isEqualTo(corps(mauvais));
        horloge.avancer(Duration.ofMinutes(16));
        assertThat(basic(compte, BON, adresse).getStatus()).isEqualTo(200);
    }

    @Test
    void an_account_that_does_not_exist_gets_the_same_answers_as_one_that_does() throws Exception {
        String existant = nouveauCompte();
        String inexistant = "inconnu-" + UUID.randomUUID().toString().substring(0, 8);
        String adresse = nouvelleAdresse();

        for (int i = 0; i < 5; i++) {
            MockHttpServletResponse a = basic(existant, MAUVAIS, adresse);
            MockHttpServletResponse b = basic(inexistant, MAUVAIS, adresse);
            assertThat(b.getStatus()).isEqualTo(a.getStatus()).isEqualTo(401);
            assertThat(corps(b)).isEqualTo(corps(a));
        }

        assertThat(corps(basic(inexistant, BON, adresse))).isEqualTo(corps(basic(existant, BON, adresse)));
        assertThat(estBloque("COMPTE", inexistant)).as("a non-existent identifier is locked too").isTrue();
        assertThat(estBloque("COMPTE", existant)).isTrue();
    }

    @Test
    void a_locked_login_is_refused_without_checking_the_password() throws Exception {
        String compte = nouveauCompte();
        String adresse = nouvelleAdresse();
        long avantEchec = hachages.verifications();
        basic(compte, MAUVAIS, adresse);
        assertThat(hachages.verifications()).as("an ordinary failure checks the password").isGreaterThan(avantEchec);
        for (int i = 0; i < 4; i++) {
            basic(compte, MAUVAIS, adresse);
        }

        long avant = hachages.verifications();
        for (int i = 0; i < 10; i++) {
            assertThat(basic(compte, BON, adresse).getStatus()).isEqualTo(401);
            assertThat(formulaire(compte, BON, adresse)).isEqualTo("/connexion?erreur");
        }

        assertThat(hachages.verifications()).as("no bcrypt for 20 locked attempts").isEqualTo(avant);
    }

    @Test
    void twenty_failures_from_one_address_lock_that_address_for_every_account() throws Exception {
        String compte = nouveauCompte();
        String adresse = nouvelleAdresse();
        for (int i = 0; i < 20; i++) {
            assertThat(basic("pulverisation-" + i + "-" + UUID.randomUUID(), MAUVAIS, adresse).getStatus()).isEqualTo(401);
        }

        assertThat(basic(compte, BON, adresse).getStatus()).as("right password from the locked address").isEqualTo(401);
        assertThat(formulaire(compte, BON, adresse)).isEqualTo("/connexion?erreur");
        assertThat(basic(compte, BON, nouvelleAdresse()).getStatus()).as("from another address").isEqualTo(200);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM journal WHERE objet_type = 'connexion'
                        AND changements @> jsonb_build_array(jsonb_build_object('champ', 'Adresse', 'apres', CAST(:adresse AS TEXT)))""")
                .param("adresse", adresse).query(Long.class).single())
                .as("the lock of the address is journalled").isEqualTo(1);
    }

    @Test
    void a_success_clears_the_failures_of_the_account() throws Exception {
        String compte = nouveauCompte();
        String adresse = nouvelleAdresse();
        for (int i = 0; i < 4; i++) {
            basic(compte, MAUVAIS, adresse);
        }
        assertThat(basic(compte, BON, adresse).getStatus()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            basic(compte, MAUVAIS, adresse);
        }

        assertThat(basic(compte, BON, adresse).getStatus()).as("8 failures, but never 5 in a row").isEqualTo(200);
    }

    @Test
    void failures_older_than_the_window_are_forgotten_and_their_rows_deleted() throws Exception {
        String compte = nouveauCompte();
        String adresse = nouvelleAdresse();
        for (int i = 0; i < 4; i++) {
            basic(compte, MAUVAIS, adresse);
        }
        horloge.avancer(Duration.ofMinutes(11));
        basic(compte, MAUVAIS, adresse);
        assertThat(basic(compte, BON, adresse).getStatus()).as("4 + 1 failures, 11 minutes apart").isEqualTo(200);

        horloge.avancer(Duration.ofMinutes(11));
        basic(nouveauCompte(), MAUVAIS, nouvelleAdresse());

        assertThat(jdbc.sql("SELECT count(*) FROM echec_connexion WHERE valeur IN (:compte, :adresse)")
                .param("compte", compte).param("adresse", adresse).query(Long.class).single()).isZero();
    }

    @Test
    void the_lock_of_an_account_is_journalled() throws Exception {
        String compte = nouveauCompte();
        String adresse = nouvelleAdresse();
        for (int i = 0; i < 5; i++) {
            basic(compte, MAUVAIS, adresse);
        }

        String changements = jdbc.sql("""
                        SELECT changements::text FROM journal WHERE objet_type = 'connexion' AND action LIKE 'blocage temporaire%'
                        AND changements @> jsonb_build_array(jsonb_build_object('champ', 'Compte', 'apres', CAST(:compte AS TEXT)))""")
                .param("compte", compte).query(String.class).single();
        assertThat(changements).contains("Compte", compte, "Bloqué jusqu'au").doesNotContain(MAUVAIS, BON);
    }

    private String nouveauCompte() {
        String identifiant = "brute-" + UUID.randomUUID().toString().substring(0, 8);
        organisations.creerUtilisateur(identifiant, BON, "Compte de test " + identifiant, Role.LECTEUR, null);
        return identifiant;
    }

    private static String nouvelleAdresse() {
        ThreadLocalRandom hasard = ThreadLocalRandom.current();
        return "10." + hasard.nextInt(256) + "." + hasard.nextInt(256) + "." + hasard.nextInt(1, 255);
    }

    private static RequestPostProcessor depuis(String adresse) {
        return requete -> {
            requete.setRemoteAddr(adresse);
            return requete;
        };
    }

    /** Where the login form sends the browser after a login: "/" when logged in. */
    private String formulaire(String identifiant, String motDePasse, String adresse) throws Exception {
        return mvc.perform(post("/connexion").param("username", identifiant).param("password", motDePasse)
                        .accept(MediaType.TEXT_HTML).with(csrf()).with(depuis(adresse)))
                .andReturn().getResponse().getRedirectedUrl();
    }

    private MockHttpServletResponse basic(String identifiant, String motDePasse, String adresse) throws Exception {
        return mvc.perform(get("/api/v1/jetons").accept(MediaType.APPLICATION_JSON)
                .with(httpBasic(identifiant, motDePasse)).with(depuis(adresse))).andReturn().getResponse();
    }

    private boolean estBloque(String type, String valeur) {
        return jdbc.sql("SELECT bloque_jusqua IS NOT NULL FROM echec_connexion WHERE type = :type AND valeur = :valeur")
                .param("type", type).param("valeur", valeur).query(Boolean.class).optional().orElse(false);
    }

    private static String corps(MockHttpServletResponse reponse) throws Exception {
        return reponse.getContentAsString(StandardCharsets.UTF_8);
    }
}
