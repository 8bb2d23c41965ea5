package fr.pilotectg.web;

import java.util.List;

import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security headers of every answer, and the application behind an HTTPS proxy: with {@code X-Forwarded-Proto:
 * https} the request is secure (HSTS, {@code Secure} session cookie, redirects to https on the proxy's host). Through
 * the real Tomcat: the proxy headers are read by its RemoteIpValve, which MockMvc does not have.
 */
@IntegrationTest
class EntetesTest {

    @LocalServerPort
    int port;

    HttpReel http;

    @BeforeEach
    void client() {
        http = new HttpReel(port);
    }

    @Test
    void pages_api_static_files_and_errors_all_carry_the_security_headers() {
        List<HttpReel.Reponse> reponses = List.of(
                http.envoyer(http.requete("/connexion")),
                http.envoyer(http.requete("/conventions").header("Authorization", HttpReel.basic("admin")).header("Accept", "text/html")),
                http.envoyer(http.requete("/api/v1/conventions").header("Authorization", HttpReel.basic("admin"))),
                http.envoyer(http.requete("/js/pilote.js")),
                http.envoyer(http.requete("/css/pilote.css")),
                http.envoyer(http.requete("/webjars/htmx.org/dist/htmx.min.js")),
                http.envoyer(http.requete("/nexiste-pas").header("Authorization", HttpReel.basic("admin")).header("Accept", "text/html")),
                http.envoyer(http.requete("/api/v1/nexiste-pas").header("Authorization", HttpReel.basic("admin"))),
                http.envoyer(http.requete("/api/v1/conventions")),
                http.brut("/%zz"));

        assertThat(reponses).extracting(HttpReel.Reponse::status).containsExactly(200, 200, 200, 200, 200, 200, 404, 404, 401, 400);
        reponses.forEach(HttpReel.Reponse::verifierEntetesDeSecurite);
    }

    @Test
    void behind_an_https_proxy_the_session_cookie_is_secure_hsts_is_sent_and_redirects_stay_on_https() {
        HttpReel.Reponse reponse = http.envoyer(http.requete("/conventions").header("Accept", "text/html")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "pilote.exemple.fr")
                .header("X-Forwarded-For", "203.0.113.7"));

        assertThat(reponse.status()).isEqualTo(302);
        assertThat(reponse.entete("Location")).isEqualTo("https://pilote.exemple.fr/connexion");
        assertThat(reponse.entete("Strict-Transport-Security")).contains("max-age=31536000");
        assertThat(cookieDeSession(reponse)).contains("; Secure", "; HttpOnly", "; SameSite=Lax");
    }

    @Test
    void over_plain_http_no_hsts_and_the_session_cookie_is_still_httponly_and_samesite_lax() {
        HttpReel.Reponse reponse = http.envoyer(http.requete("/conventions").header("Accept", "text/html"));

        assertThat(reponse.status()).isEqualTo(302);
        assertThat(reponse.entete("Location")).isEqualTo("http://localhost:" + port + "/connexion");
        assertThat(reponse.entete("Strict-Transport-Security")).isNull();
        assertThat(cookieDeSession(reponse)).contains("; HttpOnly", "; SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void the_session_id_never_appears_in_a_link() {
        HttpReel.Reponse reponse = http.envoyer(http.requete("/connexion"));

        assertThat(cookieDeSession(reponse)).isNotNull();
        assertThat(reponse.corps()).contains("action=\"/connexion\"").doesNotContainIgnoringCase("jsessionid");
    }

    private static String cookieDeSession(HttpReel.Reponse reponse) {
        return reponse.entetes("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).findFirst()
                .orElseThrow(() -> new AssertionError("Pas de cookie de session : " + reponse.entetes()));
    }
}
