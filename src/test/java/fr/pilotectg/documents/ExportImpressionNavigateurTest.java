package fr.pilotectg.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.IntegrationTest;
import fr.pilotectg.testsupport.Navigateur;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Printing from the browser (issue 13): Chromium prints the 2026 Aubenas grid and the bilan to PDF through DevTools'
 * {@code Page.printToPDF}; read back with PDFBox, the PDF keeps every column, the text typed in the comment and
 * synthesis fields (whole, not the first rows of the field) and no navigation or button.
 */
@IntegrationTest
class ExportImpressionNavigateurTest {

    @RegisterExtension
    static final Navigateur navigateur = new Navigateur();

    /** Navigation and buttons that must not be printed. */
    static final List<String> JAMAIS_IMPRIME = List.of("Se déconnecter", "Mon compte", "Aller au contenu", "Portefeuille",
            "Télécharger", "Enregistrer", "Modifier", "Pilote CTG — Conventions territoriales globales");

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Test
    void the_printed_grid_keeps_every_column_and_the_whole_typed_comment() throws IOException {
        long aubenas = new ClientApi(mvc).aubenas();
        WebDriver driver = navigateur.driver();
        navigateur.seConnecter(url(), "caf07", "demo");
        driver.get(url() + "/conventions/" + aubenas + "/evaluation/2026");
        String commentaire = texteLong("Commentaire imprimé", 14);
        List<WebElement> champ = driver.findElements(By.id("champ-commentaires"));
        assertThat(champ).as("the 2026 grid of the demo is open: the comment is a field").hasSize(1);
        champ.get(0).clear();
        champ.get(0).sendKeys(commentaire);

        String texte = imprimer(driver, "grille-2026.pdf", true);
        assertThat(texte).contains("Fiche action", "Statut 2026", "Résultats (état d'avancement et actions menées)", "Perspectives",
                "Impacts", "Axe transversal", "Impacts sur le territoire", "3. Commentaires", "Gouvernance (COTECH/COPIL)");
        for (String ligne : commentaire.split("\n")) {
            assertThat(texte).as("every line of the typed comment").contains(ligne);
        }
        assertThat(texte).doesNotContain(JAMAIS_IMPRIME.toArray(String[]::new)).doesNotContain("Valider l'année");
    }

    @Test
    void the_printed_bilan_holds_the_typed_synthesis() throws IOException {
        long aubenas = new ClientApi(mvc).aubenas();
        WebDriver driver = navigateur.driver();
        navigateur.seConnecter(url(), "caf07", "demo");
        driver.get(url() + "/conventions/" + aubenas + "/bilans/intermediaire");
        Map<String, String> textes = Map.of("realisations", texteLong("Réalisation imprimée", 9),
                "changementsHabitants", texteLong("Changement imprimé", 3),
                "partenariatGouvernance", texteLong("Partenariat imprimé", 2),
                "recommandations", texteLong("Recommandation imprimée", 8));
        textes.forEach((id, valeur) -> {
            WebElement champ = driver.findElement(By.id(id));
            champ.clear();
            champ.sendKeys(valeur);
        });

        String texte = imprimer(driver, "bilan-intermediaire.pdf", false);
        assertThat(texte).contains("Synthèse", "Réalisations", "Changements pour les habitants du territoire",
                "Fonctionnement du partenariat et de la gouvernance", "Recommandations pour la CTG suivante");
        textes.values().forEach(valeur -> {
            for (String ligne : valeur.split("\n")) {
                assertThat(texte).as("every line of the typed synthesis").contains(ligne);
            }
        });
        assertThat(texte).doesNotContain(JAMAIS_IMPRIME.toArray(String[]::new));
    }

    /** Prints the page as Chromium does (CSS page size honoured), keeps the PDF under target/ and returns its text. */
    private static String imprimer(WebDriver driver, String fichier, boolean paysage) throws IOException {
        Map<String, Object> resultat = ((ChromeDriver) driver).executeCdpCommand("Page.printToPDF",
                Map.of("preferCSSPageSize", true, "printBackground", true));
        byte[] pdf = Base64.getDecoder().decode((String) resultat.get("data"));
        Path chemin = Path.of("target", "impressions", fichier);
        Files.createDirectories(chemin.getParent());
        Files.write(chemin, pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDRectangle page = document.getPage(0).getMediaBox();
            if (paysage) {
                assertThat(page.getWidth()).as("a landscape page for the grid").isGreaterThan(page.getHeight());
            }
            return new PDFTextStripper().getText(document).replaceAll("[\\s\\u00A0]+", " ");
        }
    }

    /** Several lines, more than the field shows without scrolling. */
    private static String texteLong(String prefixe, int lignes) {
        StringBuilder texte = new StringBuilder();
        for (int i = 1; i <= lignes; i++) {
            texte.append(i > 1 ? "\n" : "").append(prefixe).append(" numéro ").append(i).append(" fin");
        }
        return texte.toString();
    }

    private String url() {
        return "http://localhost:" + port;
    }
}
