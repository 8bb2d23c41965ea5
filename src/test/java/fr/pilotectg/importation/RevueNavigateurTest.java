package fr.pilotectg.importation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.IntegrationTest;
import fr.pilotectg.testsupport.Navigateur;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The review of an imported convention in a real browser, without any JSON: caf07 uploads the Aubenas document from
 * the page, resolves an ambiguous party by choosing its candidate, corrects a fiche title, drops a visa, adds one,
 * confirms; the convention created holds the corrections (read back through the API). The page fits a phone.
 */
@IntegrationTest
class RevueNavigateurTest {

    @RegisterExtension
    static final Navigateur navigateur = new Navigateur();

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Test
    void caf07_reviews_an_upload_field_by_field_and_confirms_it() throws Exception {
        WebDriver driver = navigateur.driver();
        ClientApi api = new ClientApi(mvc);
        navigateur.seConnecter(url(), "caf07", "demo");
        driver.get(url() + "/imports");
        Path document = AnalysePlanTest.SEMENCES.resolve(AnalysePlanTest.FICHIERS.get("aubenas")).toAbsolutePath().normalize();
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(document), "Semences absentes.");
        WebElement fichier = driver.findElement(By.cssSelector("form[action='/imports'] input[type=file]"));
        fichier.sendKeys(document.toString());
        fichier.findElement(By.xpath("./ancestor::form//button[@type='submit']")).click();
        navigateur.attendre().until(ExpectedConditions.urlMatches(url() + "/imports/\\d+$"));
        long id = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/", ""));
        // The analysis resolves every party of this document: one is made ambiguous, as a homonym would leave it.
        ambigu(api, id);
        driver.navigate().refresh();

        assertThat(driver.findElement(By.id("alertes")).getText()).contains("Lavilledieu");
        assertThat(driver.findElements(By.cssSelector("textarea[name=convention]"))).allMatch(t -> !t.isDisplayed());
        // The alert leads to the party; its candidates are offered.
        driver.findElement(By.cssSelector("#alertes a[href='#el-convention-parties-4']")).click();
        ouvrir(driver, "el-convention-parties-4");
        WebElement partie = driver.findElement(By.id("el-convention-parties-4"));
        partie.findElement(By.xpath(".//label[starts-with(normalize-space(), 'Lavilledieu (07)')]")).click();
        partie.findElement(By.xpath(".//button[normalize-space()='Valider ce choix']")).click();
        attendreMessage(driver, "Nom résolu au référentiel.");
        assertThat(driver.findElements(By.id("alertes")).stream().map(WebElement::getText).toList())
                .noneMatch(t -> t.contains("Lavilledieu"));

        // A fiche title corrected in its labelled input.
        String fiche = (String) js(driver).executeScript("return document.querySelector('details.element[id$=\"-fiches-0\"]').id");
        ouvrir(driver, fiche);
        WebElement titre = driver.findElement(By.cssSelector("#" + fiche + " [name='champ.titre']"));
        assertThat(driver.findElement(By.cssSelector("label[for='" + titre.getAttribute("id") + "']")).getText()).isEqualTo("Titre");
        titre.clear();
        titre.sendKeys("Accueil du jeune enfant : titre revu");
        driver.findElement(By.cssSelector("#" + fiche + " form.champs button[type=submit]")).click();
        attendreMessage(driver, "Correction enregistrée.");

        // The first visa dropped (after the confirmation dialog), one added.
        ouvrir(driver, "el-convention-visas-0");
        String visaRetire = driver.findElement(By.cssSelector("#el-convention-visas-0 textarea[name='champ.texte'], #el-convention-visas-0 input[name='champ.texte']"))
                .getAttribute("value");
        driver.findElement(By.xpath("//details[@id='el-convention-visas-0']//button[normalize-space()='Retirer']")).click();
        navigateur.attendre().until(ExpectedConditions.alertIsPresent()).accept();
        attendreMessage(driver, "Élément retiré du brouillon.");
        ouvrir(driver, "el-convention-visas");
        driver.findElement(By.id("el-convention-visas-nouveau")).sendKeys("Vu la délibération ajoutée à la revue");
        driver.findElement(By.xpath("//details[@id='el-convention-visas']/div/form[contains(@class,'ajout')]//button")).click();
        attendreMessage(driver, "Élément ajouté au brouillon : « Vu la délibération ajoutée à la revue ».");

        // On a phone, the page does not scroll sideways.
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            ouvrir(driver, fiche);
            List<?> largeurs = (List<?>) js(driver).executeScript(
                    "return [document.documentElement.scrollWidth, window.innerWidth]");
            assertThat(((Number) largeurs.get(0)).longValue()).as("no sideways scroll at 390 px")
                    .isLessThanOrEqualTo(((Number) largeurs.get(1)).longValue());
            navigateur.capture(Path.of("target", "captures", "revue-import-telephone.png"));
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1600));
        }

        driver.findElement(By.xpath("//form[@id='confirmation']//button")).click();
        navigateur.attendre().until(ExpectedConditions.urlMatches(url() + "/conventions/\\d+$"));
        long convention = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/", ""));
        JsonNode creee = api.get("caf07", "/api/v1/conventions/" + convention).json();
        List<String> visas = creee.path("visas").valueStream().map(JsonNode::asString).toList();
        assertThat(visas).hasSize(8).contains("Vu la délibération ajoutée à la revue").doesNotContain(visaRetire);
        assertThat(creee.path("parties").toString()).contains("Lavilledieu");
        JsonNode fiches = api.get("caf07", "/api/v1/conventions/" + convention + "/fiches").json();
        assertThat(fiches.valueStream().map(f -> f.path("titre").asString()).toList()).contains("Accueil du jeune enfant : titre revu");
        assertThat(fiches).hasSize(32);
    }

    /** Unfolds an element and every element and list it sits in, as a user clicking their titles would. */
    private static void ouvrir(WebDriver driver, String id) {
        List<WebElement> plis = driver.findElements(By.xpath("//details[@id='" + id + "']/ancestor-or-self::details"));
        for (WebElement pli : plis) {
            if (pli.getAttribute("open") == null) {
                WebElement resume = pli.findElement(By.xpath("./summary"));
                js(driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", resume);
                resume.click();
            }
        }
    }

    private static void attendreMessage(WebDriver driver, String message) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBe(By.id("message"), message));
    }

    private static JavascriptExecutor js(WebDriver driver) {
        return (JavascriptExecutor) driver;
    }

    private static void ambigu(ClientApi api, long id) throws Exception {
        RevueChampParChampTest.rendreAmbigu(api, id);
    }

    private String url() {
        return "http://localhost:" + port;
    }
}
