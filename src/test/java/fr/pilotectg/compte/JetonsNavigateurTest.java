package fr.pilotectg.compte;

import java.util.List;

import fr.pilotectg.testsupport.IntegrationTest;
import fr.pilotectg.testsupport.Navigateur;
import fr.pilotectg.testsupport.Telephone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The "Mon compte" page in a real browser, on a phone-sized window: create a token, read it once, revoke it. */
@IntegrationTest
class JetonsNavigateurTest {


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
            Telephone.assertSansViolationNiDebordement(driver, "après création");

            driver.get(url + "/compte/jetons");
            assertThat(driver.getPageSource()).doesNotContain(valeur);
            Telephone.assertSansViolationNiDebordement(driver, "liste");
            By revoquer = By.cssSelector("#mes-jetons button[aria-label='Révoquer le jeton Script du navigateur']");
            driver.findElement(revoquer).click();
            navigateur.attendre().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "révoqué"));
            assertThat(driver.findElements(revoquer)).isEmpty();
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1600));
        }
    }
}
