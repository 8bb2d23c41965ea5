package fr.pilotectg.organisation;

import java.util.List;
import java.util.UUID;

import fr.pilotectg.testsupport.IntegrationTest;
import fr.pilotectg.testsupport.Navigateur;
import fr.pilotectg.testsupport.Telephone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organisations pages in a real browser, on a phone-sized window: an administrator creates an organisation
 * (whose SIREN is refused first), then merges a duplicate into it; no horizontal scroll, no WCAG violation.
 */
@IntegrationTest
class OrganisationsNavigateurTest {


    @RegisterExtension
    static final Navigateur navigateur = new Navigateur();

    @LocalServerPort
    int port;

    @Test
    void on_a_390px_screen_an_admin_creates_an_organisation_and_merges_a_duplicate_into_it() {
        WebDriver driver = navigateur.driver();
        String url = "http://localhost:" + port;
        String marque = UUID.randomUUID().toString().substring(0, 6);
        navigateur.seConnecter(url, "admin", "demo");
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            driver.get(url + "/organisations");
            Telephone.assertSansViolationNiDebordement(driver, "liste");
            driver.findElement(By.linkText("Nouvelle organisation")).click();
            new Select(driver.findElement(By.id("type"))).selectByVisibleText("Centre social");
            driver.findElement(By.id("nom")).sendKeys("Centre social La Passerelle " + marque);
            driver.findElement(By.id("sigle")).sendKeys("CSLP");
            driver.findElement(By.id("siren")).sendKeys("732829321");
            new Select(driver.findElement(By.id("codeDepartement"))).selectByValue("05");
            driver.findElement(By.id("aliases")).sendKeys("La Passerelle " + marque + "\nMaison de quartier " + marque);
            driver.findElement(By.cssSelector("#contenu form button[type=submit]")).click();
            navigateur.attendre().until(ExpectedConditions.presenceOfElementLocated(By.id("erreur-siren")));
            assertThat(driver.findElement(By.id("erreur-siren")).getText()).contains("clé de contrôle");
            Telephone.assertSansViolationNiDebordement(driver, "formulaire refusé");

            WebElement siren = driver.findElement(By.id("siren"));
            siren.clear();
            siren.sendKeys("732829320");
            driver.findElement(By.cssSelector("#contenu form button[type=submit]")).click();
            navigateur.attendre().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "créée"));
            String gardee = driver.getCurrentUrl();
            Telephone.assertSansViolationNiDebordement(driver, "fiche");

            // The duplicate, written otherwise, is created then merged into the first one.
            driver.get(url + "/organisations/nouvelle");
            new Select(driver.findElement(By.id("type"))).selectByVisibleText("Centre social");
            driver.findElement(By.id("nom")).sendKeys("Centre Social la Passerelle (doublon) " + marque);
            driver.findElement(By.cssSelector("#contenu form button[type=submit]")).click();
            navigateur.attendre().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "créée"));
            driver.findElement(By.partialLinkText("Fusionner ce doublon")).click();
            navigateur.attendre().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".candidat")));
            Telephone.assertSansViolationNiDebordement(driver, "fusion");
            driver.findElement(By.cssSelector("button[aria-label='Garder Centre social La Passerelle " + marque
                    + " et y fusionner le doublon']")).click();
            navigateur.attendre().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "fusionné"));
            assertThat(driver.getCurrentUrl()).isEqualTo(gardee);
            assertThat(driver.getPageSource()).contains("Centre Social la Passerelle (doublon) " + marque);

            driver.get(url + "/organisations?q=passerelle+" + marque);
            assertThat(driver.findElements(By.cssSelector("tr.organisation"))).hasSize(1);
            Telephone.assertSansViolationNiDebordement(driver, "recherche");
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1600));
        }
    }
}
