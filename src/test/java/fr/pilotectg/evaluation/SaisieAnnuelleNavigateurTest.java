package fr.pilotectg.evaluation;

import java.nio.file.Path;
import java.util.List;

import fr.pilotectg.plan.ChampsFiche;
import fr.pilotectg.plan.ContenuFiche;
import fr.pilotectg.testsupport.IntegrationTest;
import fr.pilotectg.testsupport.Navigateur;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 2026 grid filled for 5 lines on one page in a real Chromium, saved with « Tout enregistrer » without any page
 * load; a row saved on its own; a stale row (saved meanwhile through the API) shows a conflict with the typed text
 * kept and nothing else written; keyboard from row to row; no sideways scroll at 390 px.
 */
@IntegrationTest
class SaisieAnnuelleNavigateurTest extends EvaluationTestSupport {

    @RegisterExtension
    static final Navigateur navigateur = new Navigateur();

    @LocalServerPort
    int port;

    @Test
    void five_lines_filled_and_saved_at_once_then_a_stale_row_keeps_the_typed_text() {
        PetitPlan plan = petitPlan("saisie-navigateur");
        long c = plan.conventionId();
        long delta = fiche(c, "Delta");
        long echo = fiche(c, "Echo");
        List<Long> fiches = List.of(plan.alpha(), plan.bravo(), plan.charlie(), delta, echo);
        WebDriver driver = navigateur.driver();
        JavascriptExecutor js = (JavascriptExecutor) driver;

        navigateur.seConnecter(url(), "caf07", "demo");
        driver.get(url() + "/conventions/" + c + "/evaluation/2026");
        driver.findElement(By.linkText("Saisir toute l'année sur une page")).click();
        navigateur.attendre().until(ExpectedConditions.presenceOfElementLocated(By.id("form-saisie")));
        js.executeScript("window.pasDeRechargement = true;");

        for (long f : fiches) {
            new Select(driver.findElement(By.id("statut-" + f))).selectByVisibleText("en cours de réalisation");
            driver.findElement(By.id("resultats-" + f)).sendKeys("Avancée de la fiche " + f);
        }
        driver.findElement(By.id("tout-enregistrer")).click();
        navigateur.attendre().until(ExpectedConditions.textToBePresentInElementLocated(By.id("saisie-succes"), "5 lignes enregistrées."));
        assertThat(js.executeScript("return window.pasDeRechargement === true;")).as("no page load").isEqualTo(true);
        for (long f : fiches) {
            assertThat(enregistree(f)).isEqualTo("EN_COURS|Avancée de la fiche " + f);
        }

        // Keyboard: from a row's last control, Tab goes to the next row's first field.
        WebElement bouton = driver.findElement(By.cssSelector("#saisie-" + plan.alpha() + " button.enregistrer-ligne"));
        js.executeScript("arguments[0].focus();", bouton);
        bouton.sendKeys(Keys.TAB);
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("statut-" + plan.bravo());

        // One row saved on its own, in place.
        WebElement resultatsEcho = driver.findElement(By.id("resultats-" + echo));
        resultatsEcho.clear();
        resultatsEcho.sendKeys("Echo seule");
        driver.findElement(By.cssSelector("#saisie-" + echo + " button.enregistrer-ligne")).click();
        navigateur.attendre().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#saisie-" + echo + " .message-ligne")));
        assertThat(enregistree(echo)).isEqualTo("EN_COURS|Echo seule");

        // Meanwhile someone saves Charlie through the API: the page still holds version 1 of Charlie.
        assertThat(putLigne("ccba", c, 2026, plan.charlie(), corpsLigne("REALISE", null, "Saisi ailleurs.", 1)).status()).isEqualTo(200);
        WebElement charlie = driver.findElement(By.id("resultats-" + plan.charlie()));
        charlie.clear();
        charlie.sendKeys("Mon texte Charlie");
        WebElement deltaChamp = driver.findElement(By.id("resultats-" + delta));
        deltaChamp.clear();
        deltaChamp.sendKeys("Mon texte Delta");
        driver.findElement(By.id("tout-enregistrer")).click();
        navigateur.attendre().until(ExpectedConditions.presenceOfElementLocated(By.id("saisie-refus")));
        assertThat(driver.findElement(By.id("saisie-" + plan.charlie())).getAttribute("class")).contains("ligne-en-conflit");
        assertThat(driver.findElement(By.cssSelector("#saisie-" + plan.charlie() + " .conflit-ligne")).getText()).contains("Saisi ailleurs.");
        assertThat(driver.findElement(By.id("resultats-" + plan.charlie())).getAttribute("value")).isEqualTo("Mon texte Charlie");
        assertThat(driver.findElement(By.id("resultats-" + delta)).getAttribute("value")).isEqualTo("Mon texte Delta");
        assertThat(enregistree(plan.charlie())).isEqualTo("REALISE|Saisi ailleurs.");
        assertThat(enregistree(delta)).as("nothing else written").isEqualTo("EN_COURS|Avancée de la fiche " + delta);
        assertThat(js.executeScript("return window.pasDeRechargement === true;")).isEqualTo(true);
        navigateur.capture(Path.of("target", "captures", "saisie-annuelle-conflit.png"));

        // Saving again, knowingly, keeps the user's text.
        driver.findElement(By.id("tout-enregistrer")).click();
        navigateur.attendre().until(ExpectedConditions.textToBePresentInElementLocated(By.id("saisie-succes"), "2 lignes enregistrées."));
        assertThat(enregistree(plan.charlie())).isEqualTo("EN_COURS|Mon texte Charlie");
        assertThat(enregistree(delta)).isEqualTo("EN_COURS|Mon texte Delta");

        // On a phone the rows stack: no sideways scroll.
        Dimension avant = driver.manage().window().getSize();
        try {
            driver.manage().window().setSize(new Dimension(390, 844));
            driver.navigate().refresh();
            navigateur.attendre().until(ExpectedConditions.presenceOfElementLocated(By.id("form-saisie")));
            assertThat((Long) js.executeScript("return document.documentElement.scrollWidth - window.innerWidth;")).isLessThanOrEqualTo(0L);
        } finally {
            driver.manage().window().setSize(avant);
        }
    }

    private long fiche(long c, String titre) {
        return comme("admin", () -> planService.creerFiche(c, null,
                new ContenuFiche(null, titre, ChampsFiche.VIDES, List.of(2026), null, List.of())).id());
    }

    private String enregistree(long ficheId) {
        return jdbc.sql("SELECT statut || '|' || coalesce(resultats, '') FROM evaluation_ligne WHERE fiche_id = :f AND annee = 2026")
                .param("f", ficheId).query(String.class).optional().orElse("—");
    }

    private String url() {
        return "http://localhost:" + port;
    }
}
