package fr.pilotectg.convention;

import java.util.Map;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.ClientPages.Page;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, « read, then edit »: the convention page reads its parties, representatives, deliberations and communes
 * as lists (the 28 communes of Aubenas folded behind « voir les 28 communes »); they are edited on
 * {@code /conventions/{id}/parties}, which only those who may edit the convention open.
 */
@IntegrationTest
class LectureConventionTest {

    @Autowired
    MockMvc mvc;

    @Test
    void the_convention_page_reads_parties_and_communes_without_any_remove_button() {
        ClientApi api = new ClientApi(mvc);
        long aubenas = api.aubenas();
        Document page = new ClientPages(mvc).get("caf07", "/conventions/" + aubenas).document();

        assertThat(page.select("ul.parties > li.partie .nom-partie").eachText())
                .containsExactly("Caf de l'Ardèche", "CC du Bassin d'Aubenas", "Aubenas", "Vals-les-Bains", "Lavilledieu");
        assertThat(page.select("li.partie li.representant")).hasSize(6);
        Element communes = page.getElementById("communes");
        assertThat(communes.tagName()).isEqualTo("details");
        assertThat(communes.hasAttr("open")).as("folded").isFalse();
        assertThat(communes.selectFirst("summary").text()).isEqualTo("voir les 28 communes");
        assertThat(communes.select("li.commune")).hasSize(28);
        assertThat(page.select("main button:containsOwn(Retirer), main form[action*=/retirer], main form[action$=/parties],"
                + " main form[action$=/representants], main form[action$=/deliberations], main form[action$=/communes]"))
                .as("no editing on the reading page").isEmpty();
        assertThat(page.select("a#modifier-parties").attr("href")).isEqualTo("/conventions/" + aubenas + "/parties");
    }

    @Test
    void parties_and_territory_are_edited_on_their_own_page_with_one_style_for_remove_buttons() {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        JsonNode convention = api.creerConventionDeTest("caf07", "Lecture puis modification");
        long id = convention.path("id").asLong();

        Document edition = pages.get("caf07", "/conventions/" + id + "/parties").document();
        assertThat(edition.select("main form[action$=/communes]")).hasSize(1);
        assertThat(edition.select("main form[action$=/deliberations]")).hasSize(1);
        assertThat(edition.select("main button:containsOwn(Retirer)")).isNotEmpty()
                .allMatch(b -> b.hasClass("btn-outline-danger"), "styled as a removal");

        // A change made there comes back there, with its message.
        Page ajout = pages.poster("caf07", "/conventions/" + id + "/communes", Map.of("version",
                convention.path("version").asString(), "commune", "Privas", "departement", "07"));
        assertThat(ajout.redirection()).isEqualTo("/conventions/" + id + "/parties");
        assertThat(ajout.messageErreur()).isNull();
        assertThat(api.convention("caf07", id).path("communes").toString()).contains("Privas");
        assertThat(pages.get("caf07", "/conventions/" + id).document().select("#communes li.commune").eachText())
                .anyMatch(c -> c.startsWith("Privas"));
    }

    @Test
    void the_edit_page_is_refused_to_who_may_only_read_and_to_who_may_not_read() {
        ClientPages pages = new ClientPages(mvc);
        long aubenas = new ClientApi(mvc).aubenas();
        assertThat(pages.get("lecteur", "/conventions/" + aubenas + "/parties").status()).isEqualTo(403);
        assertThat(pages.get("pilat", "/conventions/" + aubenas + "/parties").status()).isIn(403, 404);
        assertThat(pages.get("caf07", "/conventions/" + aubenas + "/parties").status()).isEqualTo(200);
    }
}
