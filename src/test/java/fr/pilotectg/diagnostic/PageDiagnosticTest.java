package fr.pilotectg.diagnostic;

import java.util.List;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static fr.pilotectg.diagnostic.DiagnosticAubenasTest.espaces;
import static org.assertj.core.api.Assertions.assertThat;

/** The diagnostic page of the Bassin d'Aubenas: sections per thématique, charts with their tables, discrepancies in words. */
@IntegrationTest
class PageDiagnosticTest {

    @Autowired
    MockMvc mvc;

    ClientPages pages;
    long aubenas;

    @BeforeEach
    void client() {
        pages = new ClientPages(mvc);
        aubenas = new ClientApi(mvc).aubenas();
    }

    @Test
    void every_chart_is_an_image_with_a_name_and_is_followed_by_its_data_table() {
        Document page = page("ccba");

        List<Element> graphiques = page.select("svg.graphique");
        assertThat(graphiques).hasSizeGreaterThan(20);
        for (Element svg : graphiques) {
            assertThat(svg.attr("role")).isEqualTo("img");
            assertThat(svg.attr("aria-label")).isNotBlank();
            assertThat(svg.selectFirst("title").text()).isEqualTo(svg.attr("aria-label"));
            assertThat(svg.select("text.valeur")).isNotEmpty();
            Element figure = svg.closest("figure");
            Element table = figure.selectFirst("table") != null ? figure.selectFirst("table") : figure.nextElementSibling().selectFirst("table");
            assertThat(table).as("data table of %s", svg.attr("aria-label")).isNotNull();
            assertThat(table.selectFirst("caption")).isNotNull();
            assertThat(table.select("thead th")).allMatch(th -> th.attr("scope").equals("col"));
        }
        assertThat(page.select("figure figcaption.source").text()).contains("Source : Insee, RP2021");
    }

    @Test
    void one_h1_and_headings_never_skip_a_level() {
        Document page = page("ccba");

        assertThat(page.select("h1")).hasSize(1);
        int precedent = 1;
        for (Element titre : page.select("h1, h2, h3, h4, h5, h6")) {
            int niveau = Integer.parseInt(titre.tagName().substring(1));
            assertThat(niveau).as("titre « %s »", titre.text()).isLessThanOrEqualTo(precedent + 1);
            precedent = niveau;
        }
    }

    @Test
    void discrepancies_are_said_in_words_beside_the_figures_and_listed_at_the_top() {
        Document page = page("ccba");

        assertThat(page.select(".ecart-signale").eachText().stream().map(DiagnosticAubenasTest::espaces))
                .anyMatch(e -> e.contains("Total autre financement 2023 : imprimé 883 250 € — somme des lignes 863 250 €"))
                .anyMatch(e -> e.contains("Périscolaire : imprimé 469 enfants — somme des lignes 386 enfants"));
        Element totaux = page.selectFirst("#totaux-financements");
        assertThat(espaces(totaux.text())).contains("imprimé 883 250 € — somme des lignes 863 250 € : écart de 20 000 €")
                .contains("Écart signalé");
        Element recap = page.selectFirst("#recapitulatif-alsh");
        assertThat(recap.select("tr:contains(Périscolaire)").text()).contains("386").contains("469").contains("Écart signalé");
        assertThat(page.selectFirst("#total-eaje-places").text()).contains("imprimé 228").contains("Conforme");
        assertThat(page.selectFirst("#eaje-places").text()).isEqualTo("228");
        assertThat(page.select(".ligne-eaje")).hasSize(9);
    }

    @Test
    void markers_are_shown_as_markers_with_their_meaning() {
        Element peri = page("ccba").selectFirst(".ligne-alsh:contains(PERI AUBENAS PALABRE)");

        assertThat(peri.select(".marqueur").eachText()).contains("<5", "-");
        assertThat(peri.text()).contains("secret statistique");
    }

    @Test
    void thematiques_are_sections_with_anchors_and_enjeux_link_to_the_plan() {
        Document page = page("lecteur");

        assertThat(page.select("nav[aria-labelledby=titre-sommaire] a[href=#thematique-PETITE_ENFANCE]")).hasSize(1);
        Element petiteEnfance = page.getElementById("thematique-PETITE_ENFANCE");
        assertThat(petiteEnfance.select(".enjeu")).hasSize(9);
        assertThat(petiteEnfance.select(".enjeu a").first().text()).isEqualTo("Axe 1 — Petite enfance");
        assertThat(petiteEnfance.select(".enjeu a").first().attr("href")).startsWith("/conventions/" + aubenas + "/plan?noeud=");
        assertThat(page.select("a[href$=/diagnostic/import]")).as("a reader cannot import").isEmpty();
        assertThat(page("ccba").select("a[href$=/diagnostic/import]")).hasSize(1);
    }

    @Test
    void the_convention_page_links_to_its_diagnostic_and_others_are_denied() {
        assertThat(pages.get("ccba", "/conventions/" + aubenas).document().select("a[href=/conventions/" + aubenas + "/diagnostic]")).hasSize(1);
        assertThat(pages.get("caf42", "/conventions/" + aubenas + "/diagnostic").status()).isEqualTo(403);
        assertThat(pages.get("pilat", "/conventions/" + aubenas + "/diagnostic").status()).isEqualTo(403);
        assertThat(pages.get("palabre", "/conventions/" + aubenas + "/diagnostic/import").status()).isEqualTo(403);
    }

    private Document page(String utilisateur) {
        ClientPages.Page page = pages.get(utilisateur, "/conventions/" + aubenas + "/diagnostic");
        assertThat(page.status()).isEqualTo(200);
        return page.document();
    }
}
