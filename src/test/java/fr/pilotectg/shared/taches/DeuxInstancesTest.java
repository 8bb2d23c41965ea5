package fr.pilotectg.shared.taches;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.pilotectg.PiloteCtgApplication;
import fr.pilotectg.convention.EcheanceDesConventions;
import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.HorlogeDeTest;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application contexts on one PostgreSQL (issue 16, item 5): the test's context is instance A, a second one started
 * here on the same embedded database is instance B. A sign-in made on one is served by the other (session in
 * PostgreSQL, CSRF token included), and the daily job runs on one instance only (lock in PostgreSQL).
 */
@IntegrationTest
class DeuxInstancesTest {

    private static ConfigurableApplicationContext instanceB;
    /** Instance B's clock: the test moves it as it moves A's (the test configuration is not scanned there). */
    private static final HorlogeDeTest HORLOGE_B = new HorlogeDeTest();

    @LocalServerPort
    int portA;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HorlogeDeTest horlogeA;

    @Autowired
    EcheanceDesConventions echeanceA;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void demarrerLInstanceB() {
        instanceB = new SpringApplicationBuilder(PiloteCtgApplication.class)
                .profiles("demo", "test")
                .initializers(contexte -> ((org.springframework.context.support.GenericApplicationContext) contexte)
                        .registerBean("horlogeDeTest", java.time.Clock.class, () -> HORLOGE_B, bean -> bean.setPrimary(true)))
                .run("--server.port=0", "--pilote.base-embarquee.reinitialiser=false");
    }

    @AfterAll
    static void arreterLInstanceB() {
        if (instanceB != null) {
            instanceB.close();
        }
    }

    @Test
    void a_sign_in_made_on_one_instance_is_served_by_the_other() throws Exception {
        int portB = ((WebServerApplicationContext) instanceB).getWebServer().getPort();
        assertThat(portB).isNotEqualTo(portA);

        // The login form (and its CSRF token, kept in the session) comes from A; the form is posted to B.
        HttpResponse<String> formulaire = envoyer(HttpRequest.newBuilder(uri(portA, "/connexion")).GET(), null);
        String cookieA = cookieDeSession(formulaire);
        String jeton = jetonCsrf(formulaire.body());
        HttpResponse<String> connexion = envoyer(HttpRequest.newBuilder(uri(portB, "/connexion"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=caf07&password=demo&_csrf="
                        + URLEncoder.encode(jeton, StandardCharsets.UTF_8))), cookieA);
        assertThat(connexion.statusCode()).as(connexion.body()).isEqualTo(302);
        assertThat(connexion.headers().firstValue("Location").orElseThrow()).doesNotContain("erreur");
        String session = cookieDeSession(connexion);

        // Signed in on B, served by A: caf07's conventions.
        HttpResponse<String> surA = envoyer(HttpRequest.newBuilder(uri(portA, "/conventions")).header("Accept", "text/html").GET(), session);
        assertThat(surA.statusCode()).isEqualTo(200);
        assertThat(surA.body()).contains(ClientApi.AUBENAS.replace("'", "&#39;"));
        HttpResponse<String> surB = envoyer(HttpRequest.newBuilder(uri(portB, "/conventions")).header("Accept", "text/html").GET(), session);
        assertThat(surB.statusCode()).isEqualTo(200);
        // Without the cookie, neither instance knows the user.
        assertThat(envoyer(HttpRequest.newBuilder(uri(portA, "/conventions")).header("Accept", "text/html").GET(), null)
                .statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = 'caf07'").query(Long.class).single())
                .isPositive();
    }

    @Test
    void the_daily_job_runs_on_one_instance_only() {
        HorlogeDeTest horlogeB = HORLOGE_B;
        ClientApi api = new ClientApi(mvc);
        long premiere = conventionFinieLe(api, LocalDate.of(2024, 5, 31));
        horlogeA.fixer(LocalDate.of(2024, 6, 1));
        horlogeB.fixer(LocalDate.of(2024, 6, 1));
        try {
            liberer();

            echeanceA.executer();
            assertThat(statut(premiere)).isEqualTo("ECHUE");

            // Right after A's run, B's scheduled run finds the lock taken in PostgreSQL and does nothing.
            long seconde = conventionFinieLe(api, LocalDate.of(2024, 5, 30));
            instanceB.getBean(EcheanceDesConventions.class).executer();
            assertThat(statut(seconde)).as("B did not run: the job ran once").isEqualTo("EN_VIGUEUR");
            assertThat(jdbc.sql("SELECT count(*) FROM journal WHERE convention_id IN (?, ?) AND action = 'échéance'")
                    .params(premiere, seconde).query(Long.class).single()).isEqualTo(1);

            // Once the lock is free, the next run (on either instance) does the rest.
            liberer();
            instanceB.getBean(EcheanceDesConventions.class).executer();
            assertThat(statut(seconde)).isEqualTo("ECHUE");
        } finally {
            horlogeA.remettreALHeure();
            horlogeB.remettreALHeure();
        }
    }

    private long conventionFinieLe(ClientApi api, LocalDate fin) {
        long id = api.creerConventionDeTest("caf07", "Instances").path("id").asLong();
        jdbc.sql("UPDATE convention SET statut = 'EN_VIGUEUR', date_debut = ?, date_fin = ?, duree_annees = NULL,"
                + " signature_date = ? WHERE id = ?").params(fin.minusYears(4), fin, fin.minusYears(4), id).update();
        return id;
    }

    /** Frees the job's lock as its expiry would (ShedLock remembers the row exists: it is updated, never deleted). */
    private void liberer() {
        jdbc.sql("UPDATE shedlock SET lock_until = now() - interval '1 second' WHERE name = 'fin-des-conventions'").update();
    }

    private String statut(long id) {
        return jdbc.sql("SELECT statut FROM convention WHERE id = ?").param(id).query(String.class).single();
    }

    private HttpResponse<String> envoyer(HttpRequest.Builder requete, String cookie) throws Exception {
        if (cookie != null) {
            requete.header("Cookie", cookie);
        }
        return http.send(requete.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static URI uri(int port, String chemin) {
        return URI.create("http://127.0.0.1:" + port + chemin);
    }

    private static String cookieDeSession(HttpResponse<String> reponse) {
        return reponse.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("Pas de cookie de session : " + reponse.headers().map()));
    }

    private static String jetonCsrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"").matcher(html);
        assertThat(m.find()).as("CSRF token in the login form").isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }
}
