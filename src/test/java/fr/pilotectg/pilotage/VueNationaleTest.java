package fr.pilotectg.pilotage;

import java.io.ByteArrayInputStream;
import java.util.List;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** The national view (issue 16): figures by département and Caf, coverage of the territory, its workbook, its denials. */
@IntegrationTest
class VueNationaleTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void an_administrator_sees_the_country_by_departement_and_caf_with_the_coverage_of_the_territory() {
        Document page = new ClientPages(mvc).get("admin", "/national").document();
        assertThat(page.select("h1").text()).isEqualTo("Vue nationale");

        // Ardèche: its conventions counted as the database counts them, its communes in a CTG in force.
        int conventions = jdbc.sql("""
                        SELECT count(*) FROM convention c JOIN organisation caf ON caf.id = c.caf_id
                        WHERE COALESCE(c.code_departement, caf.code_departement) = '07' AND c.archivee_le IS NULL""")
                .query(Integer.class).single();
        int communes = jdbc.sql("SELECT count(*) FROM commune WHERE code_departement = '07'").query(Integer.class).single();
        int couvertes = jdbc.sql("""
                        SELECT count(DISTINCT cc.code_insee) FROM convention_commune cc JOIN convention c ON c.id = cc.convention_id
                        JOIN commune m ON m.code_insee = cc.code_insee AND m.code_departement = '07'
                        WHERE c.archivee_le IS NULL AND\s""" + VueNationaleRepository.EN_VIGUEUR).query(Integer.class).single();
        assertThat(conventions).isPositive();
        assertThat(couvertes).as("the Aubenas territory is in force in the demo").isPositive().isLessThan(communes);
        Element ardeche = page.select("#table-departements tr.ligne-departement").stream()
                .filter(tr -> tr.selectFirst("th").text().equals("07 Ardèche")).findFirst().orElseThrow();
        List<String> cellules = ardeche.select("td").eachText();
        assertThat(cellules.get(0)).isEqualTo(String.valueOf(conventions));
        assertThat(cellules.get(7)).startsWith(couvertes + " / " + communes + " (");
        assertThat(page.select("#table-departements tr.ligne-departement")).as("every département, even without a CTG")
                .hasSizeGreaterThanOrEqualTo(100);
        assertThat(page.select("#table-cafs tr.ligne-caf th").eachText()).contains("Caf de l'Ardèche");
        assertThat(page.select("#table-statuts th[scope=row]").eachText()).contains("En vigueur");
        // The chart comes with its data table.
        assertThat(page.select("#graphique-couverture svg[role=img]")).hasSize(1);
        assertThat(page.select("#graphique-couverture table caption")).hasSize(1);
        assertThat(page.select("#graphique-couverture table").text()).contains("Auvergne-Rhône-Alpes");
    }

    @Test
    void the_national_view_is_a_workbook_too() throws Exception {
        MockHttpServletResponse reponse = get("admin", "/api/v1/national.xlsx");
        assertThat(reponse.getStatus()).isEqualTo(200);
        try (XSSFWorkbook classeur = new XSSFWorkbook(new ByteArrayInputStream(reponse.getContentAsByteArray()))) {
            assertThat(classeur.getNumberOfSheets()).isEqualTo(3);
            XSSFSheet departements = classeur.getSheet("Par département");
            DataFormatter format = new DataFormatter();
            boolean ardeche = false;
            for (int i = 1; i <= departements.getLastRowNum(); i++) {
                if ("07".equals(format.formatCellValue(departements.getRow(i).getCell(0)))) {
                    ardeche = true;
                    assertThat(format.formatCellValue(departements.getRow(i).getCell(1))).isEqualTo("Ardèche");
                }
            }
            assertThat(ardeche).isTrue();
            assertThat(classeur.getSheet("Par Caf").getLastRowNum()).isPositive();
        }
        assertThat(get("admin", "/api/v1/national.pdf").getStatus()).as("unknown format").isEqualTo(400);
    }

    @Test
    void nobody_but_an_administrator_sees_the_national_view() throws Exception {
        ClientPages pages = new ClientPages(mvc);
        for (String utilisateur : List.of("caf07", "ccba", "caf42", "pilat", "lecteur", "palabre")) {
            assertThat(pages.get(utilisateur, "/national").status()).as("/national as %s", utilisateur).isEqualTo(403);
            assertThat(get(utilisateur, "/api/v1/national.xlsx").getStatus()).as("xlsx as %s", utilisateur).isEqualTo(403);
            assertThat(new ClientApi(mvc).get(utilisateur, "/api/v1/national.csv").status()).isEqualTo(403);
        }
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/national")).andReturn().getResponse().getStatus())
                .as("anonymous: to the login page, or asked for credentials").isIn(302, 401);
    }

    private MockHttpServletResponse get(String utilisateur, String chemin) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(chemin).with(httpBasic(utilisateur, ClientApi.MOT_DE_PASSE))).andReturn().getResponse();
    }
}
