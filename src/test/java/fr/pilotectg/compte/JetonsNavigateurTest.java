package fr.pilotectg.compte;

import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import fr.pilotectg.testsupport.IntegrationTest;
import fr.pilotectg.testsupport.Navigateur;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The "Mon compte" page in a real browser, on a phone-sized window: create a token, read it once, revoke it. */
@IntegrationTest
class JetonsNavigateurTest {

    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    @RegisterExtension
    static final Navigateur navigateur = new Navigateur();

    @LocalServerPort
    int port;

    @Test
    void on_a_390px_screen_a_user_creates_a_token_reads_it_once_and_revokes_it() {
        WebDriver driver = navigateur.driver();
        String url = "http://localhost:" + port;
        navigateur.seConnecter(url, "caf07", "demo");
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            driver.get(url + "/compte/jetons");
            driver.findElement(By.id("nom")).sendKeys("Script du navigateur");
            driver.findElement(By.cssSelector("#nouveau-jeton button[type=submit]")).click();
            navigateur.attendre().until(ExpectedConditions.presenceOfElementLocated(By.id("valeur-jeton")));

            String valeur = driver.findElement(By.id("valeur-jeton")).getDomProperty("value");
            assertThat(valeur).startsWith("pctg_");
            assertSansViolationNiDebordement(driver, "après création");

            driver.get(url + "/compte/jetons");
            assertThat(driver.getPageSource()).doesNotContain(valeur);
            assertSansViolationNiDebordement(driver, "liste");
            By revoquer = By.cssSelector("#mes-jetons button[aria-label='Révoquer le jeton Script du navigateur']");
            driver.findElement(revoquer).click();
            navigateur.attendre().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "révoqué"));
            assertThat(driver.findElements(revoquer)).isEmpty();
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1600));
        }
    }

    private static void assertSansViolationNiDebordement(WebDriver driver, String etape) {
        List<Rule> violations = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver).getViolations();
        assertThat(violations).as(() -> etape + " : " + violations.stream()
                .map(v -> v.getId() + " " + v.getNodes().stream().map(n -> n.getTarget().toString()).collect(Collectors.joining(", ")))
                .collect(Collectors.joining(" ; "))).isEmpty();
        Object debordements = ((JavascriptExecutor) driver).executeScript("""
                return Array.from(document.querySelectorAll('body *'))
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-responsive'))
                    .map(e => e.tagName + '.' + e.className);""");
        assertThat((List<?>) debordements).as(etape + " : elements wider than the 390 px screen").isEmpty();
    }
}
