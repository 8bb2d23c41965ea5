package fr.pilotectg.diagnostic;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Issue 16: a diagnostic at national scale (15,000 values: 5 indicators × 300 territories × 10 years) renders a page
 * of bounded size, the latest year of the comparators and of some communes per indicator, and every value stays
 * reachable on the indicator's own page, page by page, and in the API.
 */
@IntegrationTest
class GrandDiagnosticTest {

    private static final int INDICATEURS = 5;
    private static final int COMMUNES = 298;
    private static final int ANNEES = 10;
    private static final int PAR_INDICATEUR = (COMMUNES + 2) * ANNEES;

    @Autowired
    MockMvc mvc;

    @Test
    void a_diagnostic_of_15000_values_shows_a_bounded_page_and_keeps_every_value_reachable() throws Exception {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        long convention = api.creerConventionDeTest("caf07", "grand diagnostic").path("id").asLong();
        String chemin = "/api/v1/conventions/" + convention + "/diagnostic";
        StringBuilder csv = new StringBuilder("indicateur;territoire;periode;valeur;source\n");
        List<String> communes = communes();
        for (int i = 1; i <= INDICATEURS; i++) {
            Reponse cree = api.post("caf07", chemin + "/indicateurs", Map.of("code", "IND_" + i, "libelle", "Indicateur " + i, "unite", "%",
                    "thematique", "Petite enfance"));
            assertThat(cree.status()).as(cree.texte()).isEqualTo(201);
            for (int annee = 2015; annee < 2015 + ANNEES; annee++) {
                csv.append("IND_").append(i).append(";France;").append(annee).append(";").append(i).append("0,5;Insee\n");
                csv.append("IND_").append(i).append(";Ardèche;").append(annee).append(";").append(i).append("1,5;Insee\n");
                for (int c = 0; c < COMMUNES; c++) {
                    csv.append("IND_").append(i).append(";").append(communes.get(c)).append(";").append(annee).append(";")
                            .append((c * 7 + annee) % 100).append(",25;Insee\n");
                }
            }
        }
        MockHttpServletResponse importe = mvc.perform(MockMvcRequestBuilders.post(chemin + "/valeurs").contentType("text/csv")
                .content(csv.toString().getBytes(StandardCharsets.UTF_8)).with(httpBasic("caf07", ClientApi.MOT_DE_PASSE))).andReturn().getResponse();
        assertThat(importe.getStatus()).as(importe.getContentAsString(StandardCharsets.UTF_8)).isIn(200, 201);

        ClientPages.Page page = pages.get("caf07", "/conventions/" + convention + "/diagnostic");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().length()).as("the page's HTML stays bounded (8.4 MB before)").isLessThan(400_000);
        Document document = page.document();
        List<Element> figures = document.select("figure.figure-diagnostic[id^=indicateur-IND_]");
        assertThat(figures).hasSize(INDICATEURS);
        for (Element figure : figures) {
            List<Element> lignes = figure.select("table.valeurs tbody tr");
            assertThat(lignes).hasSize(IndicateurAvecValeurs.AFFICHEES_MAX);
            assertThat(lignes).allSatisfy(l -> assertThat(l.child(2).text()).isEqualTo("2024"));
            assertThat(lignes.stream().map(l -> l.child(0).text()).toList()).as("the comparators come first").contains("France", "Ardèche");
            assertThat(figure.select("table.valeurs caption").text()).contains("dernière période");
            assertThat(figure.select("svg.graphique")).hasSize(1);
        }

        // Every value of an indicator, on its own page, page by page.
        Element lien = figures.get(0).selectFirst("a.toutes-les-valeurs");
        assertThat(lien).isNotNull();
        assertThat(lien.text()).contains(String.valueOf(PAR_INDICATEUR));
        Set<String> vues = new HashSet<>();
        String suivante = lien.attr("href");
        int numero = 0;
        while (suivante != null) {
            ClientPages.Page p = pages.get("caf07", suivante);
            assertThat(p.status()).as(suivante).isEqualTo(200);
            Document d = p.document();
            numero++;
            assertThat(d.select("#nombre-valeurs").text()).contains(PAR_INDICATEUR + " valeur(s)");
            List<Element> lignes = d.select("table.valeurs tbody tr");
            assertThat(lignes).hasSize(DiagnosticService.VALEURS_PAR_PAGE);
            lignes.forEach(l -> vues.add(l.child(0).text() + "|" + l.child(2).text()));
            Element lienSuivant = d.selectFirst("nav[aria-label=Pages de résultats] li:not(.disabled) a:containsOwn(Suivante)");
            suivante = lienSuivant == null ? null : lienSuivant.attr("href");
        }
        assertThat(numero).isEqualTo(PAR_INDICATEUR / DiagnosticService.VALEURS_PAR_PAGE);
        assertThat(vues).as("every territory and year once").hasSize(PAR_INDICATEUR).contains("France|2015", "Ardèche|2019");

        // The API keeps every value; another Caf's manager reads nothing.
        assertThat(api.get("caf07", chemin).json().path("indicateurs").get(0).path("valeurs").size()).isEqualTo(PAR_INDICATEUR);
        assertThat(pages.get("caf42", lien.attr("href")).status()).isIn(403, 404);
        assertThat(pages.get("caf07", "/conventions/" + convention + "/diagnostic/indicateurs/999999999").status()).isEqualTo(404);
    }

    /** The first INSEE codes of the shipped referential. */
    private static List<String> communes() throws Exception {
        List<String> codes = new ArrayList<>();
        try (BufferedReader lecteur = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                GrandDiagnosticTest.class.getResourceAsStream("/referentiel/communes.tsv.gz")), StandardCharsets.UTF_8))) {
            lecteur.readLine();
            String ligne;
            while (codes.size() < COMMUNES && (ligne = lecteur.readLine()) != null) {
                codes.add(ligne.split("\t")[0]);
            }
        }
        return codes;
    }
}
