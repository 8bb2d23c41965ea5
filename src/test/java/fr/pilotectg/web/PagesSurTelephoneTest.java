package fr.pilotectg.web;

import java.util.ArrayList;
import java.util.List;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.IntegrationTest;
import fr.pilotectg.testsupport.Navigateur;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages that must not scroll sideways on a 390 px phone: the whole document is measured, so that an element escaping
 * its scrolling table (an absolutely positioned hidden label, say) is caught too. The pages still too wide are the
 * work of issue 15 ("phone first") and join this list as they are fixed.
 */
@IntegrationTest
class PagesSurTelephoneTest {

    @RegisterExtension
    static final Navigateur navigateur = new Navigateur();

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Test
    void these_pages_do_not_scroll_sideways_at_390_px() {
        long aubenas = new ClientApi(mvc).aubenas();
        WebDriver driver = navigateur.driver();
        String url = "http://localhost:" + port;
        navigateur.seConnecter(url, "admin", "demo");
        driver.manage().window().setSize(new Dimension(390, 844));
        List<String> tropLarges = new ArrayList<>();
        try {
            for (String page : List.of("/conventions/" + aubenas + "/acces", "/conventions/" + aubenas + "/services",
                    "/conventions/" + aubenas + "/evaluation/2026", "/conventions/" + aubenas + "/texte",
                    "/conventions/" + aubenas + "/texte/modifier", "/conventions/" + aubenas + "/plan",
                    "/conventions/" + aubenas + "/plan/niveaux", "/conventions/" + aubenas + "/plan/renumerotation",
                    "/conventions/" + aubenas + "/plan/financements",
                    "/conventions/" + aubenas + "/plan/champs",
                    "/utilisateurs", "/organisations", "/personnes", "/admin/sso", "/compte/mot-de-passe")) {
                driver.get(url + page);
                List<?> largeurs = (List<?>) ((JavascriptExecutor) driver).executeScript(
                        "return [document.documentElement.scrollWidth, window.innerWidth];");
                long document = ((Number) largeurs.get(0)).longValue();
                long ecran = ((Number) largeurs.get(1)).longValue();
                if (document > ecran) {
                    tropLarges.add(page + " : " + document + " px pour " + ecran + " px");
                }
            }
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1600));
        }
        assertThat(tropLarges).as("pages wider than the phone's screen").isEmpty();
    }
}
