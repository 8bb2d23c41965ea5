package fr.pilotectg.diagnostic;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.ClientPages.Page;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Issue 15 item 9: a diagnostic value edited where it is shown. Edited from two browsers, the second save is a
 * conflict and the first edit is kept; bad input names the field; readers and strangers are refused; journalled.
 */
@IntegrationTest
class ValeursDiagnosticTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_value_edited_from_two_browsers_ends_in_a_conflict_and_the_first_edit_is_kept() throws Exception {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        long c = api.creerConventionDeTest("caf07", "diag-valeurs").path("id").asLong();
        String chemin = "/api/v1/conventions/" + c + "/diagnostic";
        assertThat(api.post("caf07", chemin + "/indicateurs", Map.of("code", "NB_ENFANTS", "libelle", "Enfants de moins de 3 ans",
                "unite", "enfants", "thematique", "Petite enfance")).status()).isEqualTo(201);
        MockHttpServletResponse csv = mvc.perform(MockMvcRequestBuilders.post(chemin + "/valeurs").contentType("text/csv")
                .content("indicateur;territoire;periode;valeur;source\nNB_ENFANTS;07019;2023;120;Insee\n".getBytes(StandardCharsets.UTF_8))
                .with(httpBasic("caf07", ClientApi.MOT_DE_PASSE))).andReturn().getResponse();
        assertThat(csv.getStatus()).as(csv.getContentAsString()).isEqualTo(200);
        long indicateur = jdbc.sql("SELECT id FROM diagnostic_indicateur WHERE convention_id = :c").param("c", c).query(Long.class).single();
        String page = "/conventions/" + c + "/diagnostic/indicateurs/" + indicateur + "/valeurs";

        Document diagnostic = pages.get("caf07", "/conventions/" + c + "/diagnostic").document();
        assertThat(diagnostic.select("a.modifier-valeurs[href='" + page + "']")).isNotEmpty();

        // Two browsers open the same value.
        Document premier = pages.get("caf07", page).document();
        Document second = pages.get("ccba", page).document();
        Map<String, String> champsPremier = ClientPages.champs(premier, "#valeur-0 form");
        Map<String, String> champsSecond = ClientPages.champs(second, "#valeur-0 form");
        champsPremier.put("valeur", "125");
        champsSecond.put("valeur", "130");

        Page ok = pages.poster("caf07", page, champsPremier);
        assertThat(ok.status()).isEqualTo(302);
        assertThat(ok.messageSucces()).contains("125");
        Page conflit = pages.poster("ccba", page, champsSecond);
        assertThat(conflit.status()).isEqualTo(409);
        assertThat(conflit.document().select(".conflit-valeur").text()).contains("modifiée par quelqu'un d'autre", "125");
        assertThat(conflit.document().getElementById("champ-valeur-0").val()).as("typed text kept").isEqualTo("130");
        assertThat(stockee(indicateur)).isEqualTo("125|2");

        // Bad input: 400 naming the field, nothing written.
        Map<String, String> champs = ClientPages.champs(pages.get("caf07", page).document(), "#valeur-0 form");
        champs.put("valeur", "beaucoup");
        Page refus = pages.poster("caf07", page, champs);
        assertThat(refus.status()).isEqualTo(400);
        assertThat(refus.document().getElementById("erreur-valeur-0").text()).contains("Valeur", "« beaucoup »");
        assertThat(stockee(indicateur)).isEqualTo("125|2");

        // A CSV import bumps the version too: a page opened before it is stale.
        champs.put("valeur", "ND");
        MockHttpServletResponse reimport = mvc.perform(MockMvcRequestBuilders.post(chemin + "/valeurs").contentType("text/csv")
                .content("indicateur;territoire;periode;valeur;source\nNB_ENFANTS;07019;2023;140;Insee\n".getBytes(StandardCharsets.UTF_8))
                .with(httpBasic("caf07", ClientApi.MOT_DE_PASSE))).andReturn().getResponse();
        assertThat(reimport.getStatus()).isEqualTo(200);
        assertThat(pages.poster("caf07", page, champs).status()).isEqualTo(409);
        assertThat(stockee(indicateur)).isEqualTo("140|3");

        // Refusals write nothing.
        assertThat(pages.get("pilat", page).status()).isIn(403, 404);
        assertThat(pages.poster("pilat", page, champs).status()).isIn(403, 404);
        assertThat(pages.posterSansCsrf("caf07", page, champs).status()).isEqualTo(403);
        assertThat(stockee(indicateur)).isEqualTo("140|3");
        long aubenas = api.aubenas();
        long indicateurAubenas = jdbc.sql("SELECT min(id) FROM diagnostic_indicateur WHERE convention_id = :c").param("c", aubenas)
                .query(Long.class).single();
        assertThat(pages.get("lecteur", "/conventions/" + aubenas + "/diagnostic/indicateurs/" + indicateurAubenas + "/valeurs").status())
                .isEqualTo(403);
        assertThat(pages.get("caf07", "/conventions/" + c + "/diagnostic/indicateurs/" + indicateurAubenas + "/valeurs").status())
                .as("an indicator of another convention").isEqualTo(404);

        assertThat(jdbc.sql("SELECT count(*) FROM journal WHERE convention_id = :c AND action LIKE 'valeur de%'").param("c", c)
                .query(Long.class).single()).isEqualTo(1);
    }

    private String stockee(long indicateur) {
        return jdbc.sql("SELECT coalesce(valeur::text, marqueur) || '|' || version FROM diagnostic_valeur WHERE indicateur_id = :i")
                .param("i", indicateur).query(String.class).single();
    }
}
