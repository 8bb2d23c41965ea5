package fr.pilotectg.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.IntegrationTest;
import fr.pilotectg.testsupport.Navigateur;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A real browser on the running application: log in, find the convention in the list, read its page. */
@IntegrationTest
class NavigateurTest {

    @RegisterExtension
    static final Navigateur navigateur = new Navigateur();

    @LocalServerPort
    int port;

    @Test
    void ccba_opens_aubenas_from_the_list_and_reads_parties_communes_and_period() {
        WebDriver driver = navigateur.driver();
        navigateur.seConnecter(url(), "ccba", "demo");

        assertThat(driver.getCurrentUrl()).isEqualTo(url() + "/conventions");
        driver.findElement(By.linkText(ClientApi.AUBENAS)).click();
        navigateur.attendre().until(ExpectedConditions.presenceOfElementLocated(By.id("nombre-communes")));

        assertThat(driver.getCurrentUrl()).matches(url() + "/conventions/\\d+");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(ClientApi.AUBENAS);
        List<String> parties = driver.findElements(By.cssSelector("li.partie .nom-partie")).stream()
                .map(WebElement::getText).toList();
        assertThat(parties).containsExactly(
                "Caf de l'Ardèche", "CC du Bassin d'Aubenas", "Aubenas", "Vals-les-Bains", "Lavilledieu");
        assertThat(driver.findElement(By.id("nombre-parties")).getText()).isEqualTo("5");
        assertThat(driver.findElement(By.id("nombre-communes")).getText()).isEqualTo("28");
        assertThat(driver.findElements(By.cssSelector("li.commune"))).hasSize(28);
        assertThat(driver.findElement(By.id("periode")).getText()).isEqualTo("1er janvier 2026 – 31 décembre 2030");
        // The chargée de coopération of a party may edit it.
        assertThat(driver.findElements(By.partialLinkText("Modifier"))).isNotEmpty();

        Path capture = navigateur.capture(Path.of("target", "captures", "aubenas.png"));
        assertThat(Files.exists(capture)).isTrue();
    }

    @Test
    void lecteur_opens_aubenas_without_any_edit_control() {
        WebDriver driver = navigateur.driver();
        navigateur.seConnecter(url(), "lecteur", "demo");

        driver.findElement(By.linkText(ClientApi.AUBENAS)).click();
        navigateur.attendre().until(ExpectedConditions.presenceOfElementLocated(By.id("nombre-communes")));

        assertThat(driver.findElement(By.id("nombre-communes")).getText()).isEqualTo("28");
        assertThat(driver.findElements(By.cssSelector("main form"))).isEmpty();
        assertThat(driver.findElements(By.partialLinkText("Modifier"))).isEmpty();
        assertThat(driver.findElements(By.xpath("//main//button[normalize-space()='Retirer' or normalize-space()='retirer']")))
                .isEmpty();
    }

    private String url() {
        return "http://localhost:" + port;
    }
}
