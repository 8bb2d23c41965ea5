package fr.pilotectg.texte;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enjeux per thématique are one list: the diagnostic's. The text page and the diagnostic page show the same
 * ones, an enjeu added to the diagnostic appears on the text page and in {@code GET …/enjeux}.
 */
@IntegrationTest
class EnjeuxParThematiqueTest {

    @Autowired
    MockMvc mvc;

    @Test
    void the_text_page_and_the_diagnostic_page_show_the_same_enjeux() {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        long aubenas = api.aubenas();
        JsonNode enjeux = api.get("ccba", "/api/v1/conventions/" + aubenas + "/enjeux").json();
        List<String> textes = StreamSupport.stream(enjeux.spliterator(), false)
                .flatMap(t -> StreamSupport.stream(t.path("enjeux").spliterator(), false)).map(e -> e.path("texte").asString()).toList();
        assertThat(textes).hasSizeGreaterThan(20).contains("Baisse de la natalité");

        Document texte = pages.get("ccba", "/conventions/" + aubenas + "/texte").document();
        Document diagnostic = pages.get("ccba", "/conventions/" + aubenas + "/diagnostic").document();
        assertThat(texte.select(".enjeux-thematique li").eachText()).containsExactlyElementsOf(textes);
        assertThat(diagnostic.select("li.enjeu > span:first-child").eachText()).containsExactlyInAnyOrderElementsOf(textes);
        assertThat(texte.select(".enjeux-thematique h3").eachText()).startsWith("Petite enfance", "Enfance", "Jeunesse");
    }

    @Test
    void an_enjeu_added_to_the_diagnostic_is_on_the_text_page_and_strangers_read_nothing() {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        long id = api.creerConventionDeTest("caf07", "Enjeux").path("id").asLong();
        assertThat(api.get("caf07", "/api/v1/conventions/" + id + "/enjeux").json()).isEmpty();
        assertThat(pages.get("caf07", "/conventions/" + id + "/texte").document().select("#enjeux-vides")).hasSize(1);

        Reponse ajout = api.post("caf07", "/api/v1/conventions/" + id + "/diagnostic/constats",
                Map.of("nature", "ENJEU", "thematique", "Jeunesse", "texte", "Mobilité des jeunes en zone rurale"));
        assertThat(ajout.status()).as(ajout.texte()).isEqualTo(201);
        JsonNode enjeux = api.get("caf07", "/api/v1/conventions/" + id + "/enjeux").json();
        assertThat(enjeux).hasSize(1);
        assertThat(enjeux.get(0).path("thematique").asString()).isEqualTo("Jeunesse");
        assertThat(enjeux.get(0).path("enjeux").get(0).path("texte").asString()).isEqualTo("Mobilité des jeunes en zone rurale");
        assertThat(pages.get("caf07", "/conventions/" + id + "/texte").document().select(".enjeux-thematique li").eachText())
                .containsExactly("Mobilité des jeunes en zone rurale");

        assertThat(api.get("caf42", "/api/v1/conventions/" + id + "/enjeux").status()).isIn(403, 404);
        assertThat(api.get("pilat", "/api/v1/conventions/" + id + "/enjeux").status()).isIn(403, 404);
    }
}
