package fr.pilotectg.plan;

import java.nio.file.Path;

import fr.pilotectg.testsupport.IntegrationTest;
import fr.pilotectg.testsupport.Navigateur;
import fr.pilotectg.testsupport.Telephone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fiche form on a 390 px phone in a real Chromium: the inputs of the nine kinds of added fields pass axe-core and
 * fit the screen, a refused link is shown next to its input, and a link typed then saved reaches the fiche and the API.
 */
@IntegrationTest
class ChampsAjoutesNavigateurTest extends PlanTestSupport {

    @RegisterExtension
    static final Navigateur navigateur = new Navigateur();

    @LocalServerPort
    int port;

    @Test
    void an_added_link_is_typed_and_saved_on_a_phone() {
        PlansDeTest.PlanDeChamps p = plans.planAvecChampsDeChaqueType("Champs ajoutés sur téléphone");
        String lien = p.nom(TypeChampAjoute.URL);
        WebDriver driver = navigateur.driver();
        Dimension avant = driver.manage().window().getSize();
        try {
            driver.manage().window().setSize(new Dimension(390, 844));
            navigateur.seConnecter(url(), "caf07", "demo");
            driver.get(url() + "/fiches/" + p.fiche() + "/modifier");
            navigateur.attendre().until(ExpectedConditions.presenceOfElementLocated(By.id(lien)));
            Telephone.assertSansViolationNiDebordement(driver, "fiche form with added fields");

            // A link without its scheme: refused next to its input, what was typed kept.
            saisir(driver, lien, "www.caf.fr/partenaires");
            enregistrer(driver);
            WebElement erreur = navigateur.attendre().until(ExpectedConditions.visibilityOfElementLocated(By.id("erreur-" + lien)));
            assertThat(erreur.getText()).contains("Ressource en ligne", "http");
            assertThat(driver.findElement(By.id(lien)).getDomProperty("value")).isEqualTo("www.caf.fr/partenaires");
            Telephone.assertSansViolationNiDebordement(driver, "fiche form with a refused added field");
            assertThat(api.get("caf07", "/api/v1/fiches/" + p.fiche()).json().path("champs").has(p.cles().get(TypeChampAjoute.URL))).isFalse();

            saisir(driver, lien, "https://www.caf.fr/partenaires");
            enregistrer(driver);
            navigateur.attendre().until(ExpectedConditions.urlToBe(url() + "/fiches/" + p.fiche()));
            WebElement valeur = driver.findElement(By.cssSelector("dd[data-cle=" + p.cles().get(TypeChampAjoute.URL) + "] a"));
            assertThat(valeur.getAttribute("href")).isEqualTo("https://www.caf.fr/partenaires");
            navigateur.capture(Path.of("target", "captures", "champ-ajoute-telephone.png"));
            assertThat(api.get("caf07", "/api/v1/fiches/" + p.fiche()).json().path("champs").path(p.cles().get(TypeChampAjoute.URL)).asString())
                    .isEqualTo("https://www.caf.fr/partenaires");
        } finally {
            driver.manage().window().setSize(avant);
        }
    }

    private static void saisir(WebDriver driver, String id, String texte) {
        WebElement champ = driver.findElement(By.id(id));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", champ);
        champ.clear();
        champ.sendKeys(texte);
    }

    private static void enregistrer(WebDriver driver) {
        WebElement bouton = driver.findElement(By.cssSelector("form[action$='/modifier'] button[type=submit]"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", bouton);
        bouton.click();
    }

    private String url() {
        return "http://localhost:" + port;
    }
}
