package fr.pilotectg.web;

import java.util.List;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.IntegrationTest;
import fr.pilotectg.testsupport.Navigateur;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser, the Content-Security-Policy blocks an injected inline script while the pages keep working:
 * htmx and {@code pilote.js} load and act, and no page breaks the policy.
 */
@IntegrationTest
class CspNavigateurTest {

    @RegisterExtension
    static final Navigateur navigateur = new Navigateur();

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Test
    void pages_keep_their_scripts_and_break_no_rule_of_the_policy() {
        long aubenas = new ClientApi(mvc).aubenas();
        navigateur.seConnecter(url(), "ccba", "demo");
        for (String page : List.of("/conventions", "/conventions/" + aubenas, "/conventions/" + aubenas + "/plan",
                "/conventions/" + aubenas + "/suivi", "/conventions/" + aubenas + "/diagnostic",
                "/conventions/" + aubenas + "/evaluation/2026", "/nexiste-pas", "/conventions/" + aubenas + "/campagnes/nouvelle")) {
            navigateur.driver().get(url() + page);
            assertThat(script("return typeof htmx === 'object' && htmx.config.allowEval === false")).as(page).isEqualTo(true);
            assertThat(violations()).as(page).isEmpty();
        }

        // Still on the new campaign page: pilote.js checks every fiche from the « toutes les fiches » box.
        WebDriver driver = navigateur.driver();
        driver.findElement(By.id("toutes-les-fiches")).click();
        List<WebElement> fiches = driver.findElements(By.cssSelector("input[name=ficheIds]"));
        assertThat(fiches).isNotEmpty().allMatch(WebElement::isSelected);
    }

    @Test
    void an_injected_inline_script_does_not_run() {
        navigateur.driver().get(url() + "/connexion");
        navigateur.console();

        Object resultat = script("var s = document.createElement('script'); s.textContent = 'window.injecte = true;';"
                + " document.head.appendChild(s); return window.injecte === true;");

        assertThat(resultat).isEqualTo(false);
        assertThat(violations()).isNotEmpty();
    }

    private Object script(String code) {
        return ((JavascriptExecutor) navigateur.driver()).executeScript(code);
    }

    private List<String> violations() {
        return navigateur.console().stream().filter(m -> m.contains("Content Security Policy")).toList();
    }

    private String url() {
        return "http://localhost:" + port;
    }
}
