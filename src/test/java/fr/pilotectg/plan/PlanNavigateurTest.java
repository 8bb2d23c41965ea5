package fr.pilotectg.plan;

import java.nio.file.Path;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.IntegrationTest;
import fr.pilotectg.testsupport.Navigateur;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan in real browsers: a porteur finds the edit control on its own fiche only, saving a fiche unchanged
 * changes nothing, and an edit made in two browsers at once ends in a conflict message, not an overwrite.
 */
@IntegrationTest
class PlanNavigateurTest {

    @RegisterExtension
    static final Navigateur navigateur = new Navigateur();

    /** A second browser, with its own profile and cookies: another person at another desk. */
    @RegisterExtension
    static final Navigateur autreNavigateur = new Navigateur();

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    PlanService planService;

    @Autowired
    UserDetailsService utilisateurs;

    ClientApi api;
    PlansDeTest plans;

    @BeforeEach
    void clients() {
        api = new ClientApi(mvc);
        plans = new PlansDeTest(planService, utilisateurs, api);
    }

    @Test
    void palabre_finds_the_edit_control_on_its_fiche_only() {
        long aubenas = api.aubenas();
        JsonNode fa15 = plans.ficheApi(aubenas, "FA15");
        WebDriver driver = navigateur.driver();
        navigateur.seConnecter(url(), "palabre", "demo");

        driver.findElement(By.linkText(ClientApi.AUBENAS)).click();
        navigateur.attendre().until(ExpectedConditions.elementToBeClickable(By.linkText("Plan d'actions"))).click();
        navigateur.attendre().until(ExpectedConditions.presenceOfElementLocated(By.id("nombre-fiches")));
        assertThat(driver.findElement(By.id("nombre-fiches")).getText()).isEqualTo("32");
        assertThat(driver.findElements(By.xpath("//main//button[normalize-space()='Créer' or normalize-space()='Déplacer']")))
                .as("a porteur does not shape the plan").isEmpty();

        driver.findElement(By.partialLinkText("Développer l'inclusion dans les Accueils de loisirs")).click();
        navigateur.attendre().until(ExpectedConditions.urlToBe(url() + "/fiches/" + fa15.path("id").asLong()));
        assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("FA15 — ");
        assertThat(driver.findElements(By.linkText("Modifier la fiche"))).hasSize(1);
        navigateur.capture(Path.of("target", "captures", "fiche-fa15-palabre.png"));

        driver.findElement(By.linkText("Plan d'actions")).click();
        navigateur.attendre().until(ExpectedConditions.presenceOfElementLocated(By.id("nombre-fiches")));
        driver.findElement(By.partialLinkText("Poursuivre la mise en place des comités techniques")).click();
        navigateur.attendre().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "FA1 — "));
        assertThat(driver.findElements(By.linkText("Modifier la fiche"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("main a[href$='/modifier']"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("main form"))).isEmpty();
    }

    @Test
    void palabre_saves_its_fiche_unchanged_and_nothing_changes() {
        JsonNode fa15 = plans.ficheApi(api.aubenas(), "FA15");
        long id = fa15.path("id").asLong();
        try {
            WebDriver driver = navigateur.driver();
            navigateur.seConnecter(url(), "palabre", "demo");
            driver.get(url() + "/fiches/" + id);
            driver.findElement(By.linkText("Modifier la fiche")).click();
            navigateur.attendre().until(ExpectedConditions.presenceOfElementLocated(By.id("titre")));
            assertThat(driver.findElement(By.id("champ_partenaires")).getDomProperty("value"))
                    .contains("Les professionnels du médico-social (ADAPEI PRH)");

            enregistrer(driver);
            navigateur.attendre().until(ExpectedConditions.urlToBe(url() + "/fiches/" + id));

            assertThat(driver.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("Fiche enregistrée.");
            JsonNode apres = api.get("admin", "/api/v1/fiches/" + id).json();
            assertThat(PlansDeTest.sansVersion(apres)).isEqualTo(PlansDeTest.sansVersion(fa15));
            assertThat(apres.path("version").asInt()).isEqualTo(fa15.path("version").asInt() + 1);
        } finally {
            plans.remettre(fa15);
        }
    }

    @Test
    void an_edit_made_in_two_browsers_at_once_ends_in_a_conflict_not_an_overwrite() {
        PlansDeTest.PetitPlan plan = plans.petitPlan("Deux navigateurs", Numerotation.CONTINUE);
        String formulaire = url() + "/fiches/" + plan.alpha() + "/modifier";
        WebDriver caf07 = navigateur.driver();
        WebDriver ccba = autreNavigateur.driver();
        navigateur.seConnecter(url(), "caf07", "demo");
        autreNavigateur.seConnecter(url(), "ccba", "demo");

        // Both open the same fiche.
        caf07.get(formulaire);
        ccba.get(formulaire);
        assertThat(caf07.findElement(By.id("titre")).getDomProperty("value")).isEqualTo("Alpha");
        assertThat(ccba.findElement(By.id("titre")).getDomProperty("value")).isEqualTo("Alpha");

        // The first saves.
        remplacer(caf07.findElement(By.id("titre")), "Alpha selon la Caf");
        enregistrer(caf07);
        navigateur.attendre().until(ExpectedConditions.urlToBe(url() + "/fiches/" + plan.alpha()));
        assertThat(caf07.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("Fiche enregistrée.");

        // The second saves the version it read: refused, told why, and keeps what it typed.
        remplacer(ccba.findElement(By.id("titre")), "Alpha selon la CCBA");
        enregistrer(ccba);
        WebElement conflit = autreNavigateur.attendre().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".conflit")));
        assertThat(conflit.getText()).contains("Conflit", "modifiée par quelqu'un d'autre");
        assertThat(ccba.findElement(By.id("titre")).getDomProperty("value")).isEqualTo("Alpha selon la CCBA");
        autreNavigateur.capture(Path.of("target", "captures", "conflit-de-modification.png"));

        JsonNode alpha = api.get("admin", "/api/v1/fiches/" + plan.alpha()).json();
        assertThat(alpha.path("titre").asString()).as("the first edit is kept").isEqualTo("Alpha selon la Caf");

        // Reloading shows the current version, which the second can then edit.
        conflit.findElement(By.linkText("Recharger la version actuelle")).click();
        autreNavigateur.attendre().until(ExpectedConditions.attributeToBe(By.id("titre"), "value", "Alpha selon la Caf"));
        remplacer(ccba.findElement(By.id("titre")), "Alpha selon la CCBA");
        enregistrer(ccba);
        autreNavigateur.attendre().until(ExpectedConditions.urlToBe(url() + "/fiches/" + plan.alpha()));
        assertThat(api.get("admin", "/api/v1/fiches/" + plan.alpha()).json().path("titre").asString()).isEqualTo("Alpha selon la CCBA");
    }

    private static void remplacer(WebElement champ, String texte) {
        champ.clear();
        champ.sendKeys(texte);
    }

    private static void enregistrer(WebDriver driver) {
        driver.findElement(By.xpath("//form[contains(@action, '/modifier')]//button[normalize-space()='Enregistrer']")).click();
    }

    private String url() {
        return "http://localhost:" + port;
    }
}
