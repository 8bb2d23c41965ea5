package fr.pilotectg.pilotage;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import javax.xml.parsers.DocumentBuilderFactory;

import fr.pilotectg.evaluation.Situation;
import fr.pilotectg.evaluation.StatutEvaluation;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/** The SVG is well-formed XML, speaks for itself (title, label, values as text) and comes with its data table. */
class GraphiqueTest {

    @Test
    void a_bar_chart_is_an_image_with_title_values_as_text_and_a_data_table() throws Exception {
        Graphique graphique = Graphique.barres("Part réalisée par axe", "Réalisé (%)", List.of(
                new Graphique.Ligne("Axe 1 — Petite enfance & parentalité <crèches> et accueil du jeune enfant", List.of(50.0)),
                new Graphique.Ligne("Axe 2", List.of(12.5))), "%", 100);

        Document svg = xml(graphique.svg());
        assertThat(svg.getDocumentElement().getAttribute("role")).isEqualTo("img");
        assertThat(svg.getDocumentElement().getAttribute("aria-label")).startsWith("Part réalisée par axe");
        assertThat(svg.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Part réalisée par axe");
        assertThat(textes(svg)).contains("50\u00a0%", "Axe 2", "12,5\u00a0%");
        // A long label is wrapped on lines (tspan), never cut.
        NodeList lignes = svg.getElementsByTagName("tspan");
        List<String> morceaux = IntStream.range(0, lignes.getLength()).mapToObj(i -> lignes.item(i).getTextContent()).toList();
        assertThat(morceaux).containsExactly("Axe 1 — Petite enfance & parentalité <crèches> et", "accueil du jeune enfant", "Axe 2");
        assertThat(svg.getDocumentElement().getTextContent()).doesNotContain("…");
        NodeList barres = svg.getElementsByTagName("rect");
        assertThat(barres.getLength()).isEqualTo(2);
        double premiere = Double.parseDouble(((org.w3c.dom.Element) barres.item(0)).getAttribute("width"));
        double seconde = Double.parseDouble(((org.w3c.dom.Element) barres.item(1)).getAttribute("width"));
        assertThat(premiere / seconde).isCloseTo(4.0, org.assertj.core.data.Offset.offset(0.01));

        Element figure = Jsoup.parse(graphique.html()).selectFirst("figure");
        Element table = figure.selectFirst("svg + div.table-responsive > table");
        assertThat(table.selectFirst("caption").text()).isEqualTo("Part réalisée par axe — données");
        assertThat(table.select("thead th[scope=col]").eachText()).containsExactly("Libellé", "Réalisé (%)");
        assertThat(table.select("tbody th[scope=row]").eachText())
                .containsExactly("Axe 1 — Petite enfance & parentalité <crèches> et accueil du jeune enfant", "Axe 2");
        assertThat(table.select("tbody td").eachText()).containsExactly("50 %", "12,5 %");
    }

    @Test
    void a_stacked_chart_has_a_legend_segment_values_totals_and_a_total_column() throws Exception {
        Graphique graphique = TableauDeBordService.graphiqueEmpile("Statuts par année", List.of(
                new Completion("2026", 4, 4, 2, 1, 1, 0, 0, null), new Completion("2027", 4, 2, 0, 0, 2, 0, 0, null)));

        Document svg = xml(graphique.svg());
        List<String> textes = textes(svg);
        assertThat(textes).contains("réalisé", "en cours de réalisation", "non réalisé", "2026", "total 4", "2027", "total 2");
        assertThat(svg.getElementsByTagName("rect").getLength()).isEqualTo(3 + 3 + 1);

        Element table = Jsoup.parse(graphique.html()).selectFirst("table");
        assertThat(table.select("thead th").eachText())
                .containsExactly("Libellé", "réalisé", "en cours de réalisation", "non réalisé", "Total");
        assertThat(table.select("tbody tr").eachText()).containsExactly("2026 2 1 1 4", "2027 0 0 2 2");
    }

    @Test
    void years_to_come_are_hatched_and_under_way_has_its_own_colour() throws Exception {
        Graphique graphique = TableauDeBordService.graphiqueEmpile("Situations par année", List.of(
                new Completion("2026", 4, 4, 1, 1, 0, 2, 0, null), new Completion("2027", 4, 3, 0, 0, 0, 0, 3, null)));
        Document svg = xml(graphique.svg());
        assertThat(textes(svg)).contains("en cours d'année", "à venir", "total 3");
        assertThat(svg.getElementsByTagName("pattern").getLength()).isEqualTo(1);
        String motif = ((org.w3c.dom.Element) svg.getElementsByTagName("pattern").item(0)).getAttribute("id");
        NodeList rects = svg.getElementsByTagName("rect");
        long hachures = IntStream.range(0, rects.getLength()).mapToObj(i -> (org.w3c.dom.Element) rects.item(i))
                .filter(r -> r.getAttribute("fill").equals("url(#" + motif + ")")).count();
        assertThat(hachures).as("legend swatch and the 2027 bar").isEqualTo(2);
        assertThat(Jsoup.parse(graphique.html()).select("tbody tr").eachText())
                .containsExactly("2026 1 1 0 2 0 4", "2027 0 0 0 0 3 3");
    }

    @Test
    void the_document_drawing_is_the_page_drawing_sized_in_pixels_with_its_alternative_text_and_data_rows() throws Exception {
        Graphique graphique = TableauDeBordService.graphiqueEmpile("Situations par année", List.of(
                new Completion("2026", 4, 4, 1, 1, 0, 2, 0, null), new Completion("2027", 4, 3, 0, 0, 0, 0, 3, null)));
        Document page = xml(graphique.svg());
        Document document = xml(graphique.svgDuDocument());
        org.w3c.dom.Element racine = document.getDocumentElement();
        assertThat(racine.getAttribute("viewBox")).isEmpty();
        assertThat(racine.getAttribute("width")).isEqualTo("360");
        assertThat(racine.getAttribute("height")).isEqualTo(page.getDocumentElement().getAttribute("viewBox").split(" ")[3]);
        assertThat(racine.getAttribute("alt")).isEqualTo(graphique.texteAlternatif())
                .startsWith("Graphique en barres empilées : Situations par année (réalisé, en cours de réalisation");
        assertThat(textes(document)).isEqualTo(textes(page));
        assertThat(document.getElementsByTagName("rect").getLength()).isEqualTo(page.getElementsByTagName("rect").getLength());
        assertThat(document.getElementsByTagName("pattern").getLength()).isEqualTo(1);
        // Batik ignores paint-order: no white halo over the text of a hatched segment in a document.
        assertThat(graphique.svgDuDocument()).doesNotContain("paint-order", "stroke=\"#ffffff\"");
        assertThat(graphique.entetes()).containsExactly("Libellé", "réalisé", "en cours de réalisation", "non réalisé", "en cours d'année",
                "à venir", "Total");
        assertThat(graphique.lignesDuTableau()).containsExactly(List.of("2026", "1", "1", "0", "2", "0", "4"),
                List.of("2027", "0", "0", "0", "0", "3", "3"));
    }

    @Test
    void the_chart_colours_reach_the_contrast_ratios_of_wcag_aa_on_white() {
        for (StatutEvaluation statut : StatutEvaluation.values()) {
            // White value labels are written on the segments: 4.5:1 for text.
            assertThat(contraste(statut.couleur(), "#ffffff")).as(statut.name()).isGreaterThanOrEqualTo(4.5);
        }
        for (Situation situation : Situation.values()) {
            // Hatched segments carry dark text on a white halo, their outline and stripes 3:1 at least.
            assertThat(contraste(situation.couleur(), "#ffffff")).as(situation.name())
                    .isGreaterThanOrEqualTo(situation.hachuree() ? 3 : 4.5);
        }
        assertThat(contraste(Graphique.BLEU, "#ffffff")).isGreaterThanOrEqualTo(4.5);
    }

    @Test
    void coordinates_are_written_as_the_formatter_wrote_them_halves_and_ties_included() {
        java.util.Random hasard = new java.util.Random(16);
        List<Double> valeurs = new java.util.ArrayList<>(List.of(0.0, 0.05, 0.15, 0.25, 0.35, 1.45, 2.5, 283.95, 1e-9, 1e7 + 0.05));
        // The x and widths of the charts: a count over a total, scaled to the 284 units of the bars.
        for (int total = 1; total <= 120; total++) {
            for (int n = 0; n <= total; n++) {
                valeurs.add((double) n / total * 284);
            }
        }
        for (int i = 0; i < 20_000; i++) {
            valeurs.add(hasard.nextDouble() * 400);
            valeurs.add(Math.round(hasard.nextDouble() * 40_000) / 100.0 + 0.05);
        }
        for (double v : valeurs) {
            assertThat(Graphique.nombre(v)).as("%s", v).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", v));
        }
        assertThat(Graphique.nombre(-0.0)).isEqualTo("-0.0");
    }

    @Test
    void an_empty_chart_still_parses() throws Exception {
        Graphique graphique = Graphique.barres("Rien", "Valeur", List.of(), null, 100);
        assertThat(graphique.estVide()).isTrue();
        assertThat(xml(graphique.svg()).getElementsByTagName("rect").getLength()).isZero();
    }

    private static Document xml(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> textes(Document svg) {
        NodeList textes = svg.getElementsByTagName("text");
        return IntStream.range(0, textes.getLength()).mapToObj(i -> textes.item(i).getTextContent()).toList();
    }

    private static double contraste(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
