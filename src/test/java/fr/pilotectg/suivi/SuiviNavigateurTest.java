package fr.pilotectg.suivi;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import fr.pilotectg.testsupport.Navigateur;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole campaign in a real browser: caf07 opens it, palabre answers from its home page on a phone (the form is one
 * screen), caf07 sees the answer counted.
 */
class SuiviNavigateurTest extends SuiviTestSupport {

    @RegisterExtension
    static final Navigateur navigateur = new Navigateur();

    @LocalServerPort
    int port;

    @Test
    void a_campaign_opened_by_the_caf_is_answered_by_the_porteur_from_its_home_page() {
        PlanDeSuivi plan = planDeSuivi("campagne-navigateur");
        WebDriver driver = navigateur.driver();

        navigateur.seConnecter(url(), "caf07", "demo");
        driver.get(url() + "/conventions/" + plan.conventionId() + "/suivi");
        driver.findElement(By.linkText("Campagnes de mise à jour")).click();
        navigateur.attendre().until(ExpectedConditions.elementToBeClickable(By.linkText("Ouvrir une campagne"))).click();
        navigateur.attendre().until(ExpectedConditions.presenceOfElementLocated(By.id("formulaire-campagne")));
        driver.findElement(By.id("libelle")).sendKeys("T4 navigateur");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('dateLimite').value = arguments[0]",
                LocalDate.now().plusDays(15).toString());
        driver.findElement(By.id("toutes-les-fiches")).click();
        assertThat(driver.findElements(By.cssSelector("input[name=ficheIds]:checked"))).as("« tout cocher »").hasSize(4);
        driver.findElement(By.xpath("//button[normalize-space()='Ouvrir la campagne']")).click();
        navigateur.attendre().until(ExpectedConditions.urlContains("/campagnes/"));
        String campagne = driver.getCurrentUrl();
        assertThat(driver.findElement(By.id("nombre-repondues")).getText()).isEqualTo("0");

        navigateur.seConnecter(url(), "palabre", "demo");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Accueil");
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            driver.findElement(By.cssSelector("#mes-actions a[href='/fiches/" + plan.alpha() + "/suivi#formulaire-suivi']")).click();
            navigateur.attendre().until(ExpectedConditions.presenceOfElementLocated(By.id("formulaire-suivi")));
            List<?> mesures = (List<?>) ((JavascriptExecutor) driver).executeScript("""
                    const r = document.getElementById('formulaire-suivi').getBoundingClientRect();
                    return [r.top, r.bottom, window.innerHeight, document.documentElement.scrollWidth, window.innerWidth];""");
            double haut = ((Number) mesures.get(0)).doubleValue();
            double bas = ((Number) mesures.get(1)).doubleValue();
            double ecran = ((Number) mesures.get(2)).doubleValue();
            assertThat(haut).as("the porteur's link lands on the form").isBetween(-1.0, 1.0);
            assertThat(bas).as("the whole form, its button included, is one phone screen (" + mesures + ")").isLessThanOrEqualTo(ecran);
            assertThat(((Number) mesures.get(3)).longValue()).as("no sideways scroll").isLessThanOrEqualTo(((Number) mesures.get(4)).longValue());
            navigateur.capture(Path.of("target", "captures", "suivi-fiche-palabre-telephone.png"));
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1600));
        }
        assertThat(driver.findElement(By.id("campagne-en-cours")).getText()).contains("T4 navigateur");
        new Select(driver.findElement(By.id("statut"))).selectByVisibleText("En cours (50 %)");
        driver.findElement(By.id("avancement")).sendKeys("45");
        driver.findElement(By.id("realisations")).sendKeys("Deux ateliers menés");
        driver.findElement(By.xpath("//button[normalize-space()='Enregistrer la mise à jour']")).click();
        navigateur.attendre().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert-success")));
        assertThat(driver.findElement(By.cssSelector("#historique tbody tr")).getText()).contains("45 %").contains("Deux ateliers menés");
        navigateur.capture(Path.of("target", "captures", "suivi-fiche-palabre.png"));

        navigateur.seConnecter(url(), "caf07", "demo");
        driver.get(campagne);
        assertThat(driver.findElement(By.id("nombre-repondues")).getText()).isEqualTo("1");
        assertThat(driver.findElement(By.cssSelector("tr[data-fiche='" + plan.alpha() + "'] .reponse")).getText()).contains("Répondu");
        navigateur.capture(Path.of("target", "captures", "campagne-caf07.png"));
    }

    private String url() {
        return "http://localhost:" + port;
    }
}
