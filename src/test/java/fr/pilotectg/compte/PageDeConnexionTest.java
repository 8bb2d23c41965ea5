package fr.pilotectg.compte;

import java.util.List;
import java.util.Map;

import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/** The login page says only what happened: each message appears for its own redirect and on no other visit. */
@IntegrationTest
class PageDeConnexionTest {

    private static final Map<String, String> MESSAGES = Map.of(
            "deconnecte", "Vous êtes déconnecté(e).",
            "deconnecte-partout", "Toutes vos sessions sont terminées.",
            "session-terminee", "Votre session a été terminée",
            "mot-de-passe-defini", "Mot de passe enregistré");

    @Autowired
    MockMvc mvc;

    @Test
    void a_plain_visit_shows_no_message_and_each_redirect_shows_its_own_message_only() throws Exception {
        assertThat(messages("/connexion")).isEmpty();
        for (var attendu : MESSAGES.entrySet()) {
            assertThat(messages("/connexion?" + attendu.getKey())).as(attendu.getKey()).hasSize(1)
                    .first().asString().startsWith(attendu.getValue());
        }
    }

    private List<String> messages(String chemin) throws Exception {
        String html = mvc.perform(MockMvcRequestBuilders.get(chemin).accept(MediaType.TEXT_HTML))
                .andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html).select("main .alert").eachText();
    }
}
