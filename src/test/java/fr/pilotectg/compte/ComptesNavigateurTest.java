package fr.pilotectg.compte;

import java.util.List;
import java.util.UUID;

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
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance of issue 12 in a real Chromium, on a 390 px wide screen: the admin creates the Caf agent account of a new
 * user in the Caf of département 05; the invitation link shown to the admin (no e-mail reaches the person) sets the
 * password; the agent signs in and creates a convention for a communauté of the 05.
 */
@IntegrationTest
class ComptesNavigateurTest {

    private static final String MOT_DE_PASSE = "Les marmottes du Briançonnais sifflent";

    @RegisterExtension
    static final Navigateur navigateur = new Navigateur();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_admin_onboards_an_agent_of_the_caf_of_the_05_who_sets_a_password_signs_in_and_creates_a_convention() {
        // The Cafs of every département come with migration V30 of the "org" branch; until it is merged, the Caf of the 05
        // is created here (same name and département as V30 ships it).
        jdbc.sql("""
                INSERT INTO organisation (nom, type, code_departement)
                SELECT 'Caf des Hautes-Alpes', 'CAF', '05'
                WHERE NOT EXISTS (SELECT 1 FROM organisation WHERE type = 'CAF' AND code_departement = '05')""").update();
        String nomCaf = jdbc.sql("SELECT nom FROM organisation WHERE type = 'CAF' AND code_departement = '05'").query(String.class).single();
        String adresse = "agent-" + UUID.randomUUID().toString().substring(0, 8) + "@caf05.exemple.fr";
        String url = "http://localhost:" + port;
        WebDriver driver = navigateur.driver();
        navigateur.seConnecter(url, "admin", "demo");
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            driver.get(url + "/utilisateurs");
            Telephone.assertSansViolationNiDebordement(driver, "liste des comptes");
            driver.findElement(By.linkText("Créer un compte")).click();
            navigateur.attendre().until(ExpectedConditions.presenceOfElementLocated(By.id("nouveau-compte")));
            Telephone.assertSansViolationNiDebordement(driver, "formulaire de création");
            driver.findElement(By.id("identifiant")).sendKeys(adresse);
            driver.findElement(By.id("nomAffiche")).sendKeys("Hélène Queyras");
            Select organisation = new Select(driver.findElement(By.id("organisationId")));
            organisation.getOptions().stream().filter(o -> o.getText().startsWith(nomCaf + " (")).findFirst()
                    .map(WebElement::getText).ifPresent(organisation::selectByVisibleText);
            new Select(driver.findElement(By.id("role"))).selectByVisibleText("Agent Caf");
            cliquer(driver, By.cssSelector("#nouveau-compte button[type=submit]"));
            navigateur.attendre().until(ExpectedConditions.presenceOfElementLocated(By.id("lien-invitation")));
            String lien = driver.findElement(By.id("lien-invitation")).getDomProperty("value");
            assertThat(lien).contains("/mot-de-passe/nouveau?jeton=");
            assertThat(driver.findElement(By.id("fiche-compte")).getText()).contains(adresse, nomCaf, "Agent Caf");
            Telephone.assertSansViolationNiDebordement(driver, "compte créé, lien d'invitation");
            driver.get(url + driver.findElement(By.id("changer-role")).getDomAttribute("action").replace("/role", ""));
            assertThat(driver.getPageSource()).as("the link is shown once").doesNotContain(lien.substring(lien.indexOf("jeton=")));

            driver.manage().deleteAllCookies();
            driver.get(lien);
            assertThat(driver.getPageSource()).contains(adresse);
            Telephone.assertSansViolationNiDebordement(driver, "choix du mot de passe");
            driver.findElement(By.id("motDePasse")).sendKeys(MOT_DE_PASSE);
            driver.findElement(By.id("confirmation")).sendKeys(MOT_DE_PASSE);
            cliquer(driver, By.cssSelector("#nouveau-mot-de-passe button[type=submit]"));
            navigateur.attendre().until(ExpectedConditions.urlContains("mot-de-passe-defini"));
            driver.get(lien);
            assertThat(driver.findElement(By.id("raison")).getText()).contains("déjà servi");
            Telephone.assertSansViolationNiDebordement(driver, "lien déjà servi");

            navigateur.seConnecter(url, adresse, MOT_DE_PASSE);
            driver.get(url + "/conventions/nouvelle");
            driver.findElement(By.id("titre")).sendKeys("CTG du Briançonnais 2027-2031");
            new Select(driver.findElement(By.id("cafId"))).selectByVisibleText(nomCaf);
            driver.findElement(By.id("epci")).sendKeys("CC du Briançonnais");
            ((JavascriptExecutor) driver).executeScript(
                    "document.getElementById('dateDebut').value = '2027-01-01'; document.getElementById('dateFin').value = '2031-12-31';");
            cliquer(driver, By.cssSelector("form button[type=submit].btn-primary"));
            navigateur.attendre().until(ExpectedConditions.urlMatches("/conventions/\\d+$"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("CTG du Briançonnais 2027-2031");
            assertThat(driver.getPageSource()).contains("CC du Briançonnais");

            driver.get(url + "/compte/mot-de-passe");
            Telephone.assertSansViolationNiDebordement(driver, "mon mot de passe");
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1600));
        }
    }

    private static void cliquer(WebDriver driver, By selecteur) {
        WebElement bouton = driver.findElement(selecteur);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", bouton);
        bouton.click();
    }
}
