package fr.pilotectg.offre;

import java.util.List;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/** The services annex in a real browser on a phone-sized screen: an unrecognised commune is fixed, then the row deleted. */
@IntegrationTest
class ServicesNavigateurTest {


    @RegisterExtension
    static final Navigateur navigateur = new Navigateur();

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Test
    void on_a_390px_screen_a_user_fixes_an_unrecognised_commune_then_deletes_the_row() {
        ClientApi api = new ClientApi(mvc);
        long convention = api.creerConventionDeTest("caf07", "services-navigateur").path("id").asLong();
        assertThat(api.post("caf07", "/api/v1/conventions/" + convention + "/services", Map.of("type", "LAEP",
                "nom", "Lieu d'accueil La Marelle", "commune", "Vals-les-Baigns")).status()).isEqualTo(201);
        WebDriver driver = navigateur.driver();
        String url = "http://localhost:" + port;
        navigateur.seConnecter(url, "caf07", "demo");
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            driver.get(url + "/conventions/" + convention + "/services");
            assertThat(driver.findElement(By.cssSelector(".commune-non-reconnue")).getText()).isEqualTo("commune non reconnue");
            Telephone.assertSansViolationNiDebordement(driver, "liste avec commune non reconnue");

            driver.findElement(By.partialLinkText("Modifier")).click();
            navigateur.attendre().until(ExpectedConditions.presenceOfElementLocated(By.id("avertissement-commune")));
            Telephone.assertSansViolationNiDebordement(driver, "modification");
            WebElement commune = driver.findElement(By.id("commune"));
            commune.clear();
            commune.sendKeys("Vals-les-Bains");
            driver.findElement(By.cssSelector("#modifier-service button[type=submit]")).click();
            navigateur.attendre().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "Ligne modifiée"));
            assertThat(driver.findElements(By.cssSelector(".commune-non-reconnue"))).isEmpty();

            driver.findElement(By.partialLinkText("Modifier")).click();
            navigateur.attendre().until(ExpectedConditions.presenceOfElementLocated(By.id("supprimer-service")));
            driver.findElement(By.cssSelector("#supprimer-service button[type=submit]")).click();
            navigateur.attendre().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "Ligne supprimée"));
            assertThat(driver.findElements(By.cssSelector("tr.service"))).isEmpty();
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1600));
        }
    }
}
