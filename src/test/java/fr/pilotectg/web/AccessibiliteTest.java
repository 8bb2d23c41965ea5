package fr.pilotectg.web;

import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.FichiersZip;
import fr.pilotectg.testsupport.IntegrationTest;
import fr.pilotectg.testsupport.Navigateur;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages pass the automatic WCAG 2.1 A/AA rules of axe-core in a real browser (labels, contrast,
 * headings, table headers, landmarks…). Automatic rules do not replace a manual RGAA audit; they catch
 * regressions.
 */
@IntegrationTest
class AccessibiliteTest {

    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    @RegisterExtension
    static final Navigateur navigateur = new Navigateur();

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Test
    void login_page_has_no_wcag_violation() {
        navigateur.driver().get(url() + "/connexion");
        assertAucuneViolation("/connexion");
    }

    @Test
    void convention_and_plan_pages_have_no_wcag_violation() {
        ClientApi api = new ClientApi(mvc);
        long aubenas = api.aubenas();
        long fiche = api.get("ccba", "/api/v1/conventions/" + aubenas + "/fiches").json().get(14).path("id").asLong();
        long axe = api.get("ccba", "/api/v1/conventions/" + aubenas + "/plan").json().path("noeuds").get(0).path("enfants").get(0).path("id").asLong();
        long service = api.get("ccba", "/api/v1/conventions/" + aubenas + "/services").json().get(0).path("id").asLong();
        long eaje = api.get("ccba", "/api/v1/conventions/" + aubenas + "/diagnostic/tableaux/eaje").json().get(0).path("id").asLong();
        long indicateur = api.get("ccba", "/api/v1/conventions/" + aubenas + "/diagnostic/tableaux/indicateurs").json().get(0).path("id").asLong();
        navigateur.seConnecter(url(), "ccba", "demo");
        for (String page : List.of("/conventions", "/conventions/" + aubenas, "/conventions/" + aubenas + "/modifier",
                "/conventions/" + aubenas + "/plan/noeuds/" + axe + "/deplacer",
                "/conventions/" + aubenas + "/plan/noeuds/" + axe + "/modifier", "/conventions/" + aubenas + "/plan/noeuds/" + axe + "/supprimer",
                "/conventions/" + aubenas + "/plan/noeuds/" + axe + "/ajouter", "/conventions/" + aubenas + "/plan/niveaux",
                "/conventions/" + aubenas + "/plan/renumerotation",
                "/conventions/" + aubenas + "/journal", "/conventions/" + aubenas + "/plan",
                "/conventions/" + aubenas + "/plan?q=malles", "/conventions/" + aubenas + "/programme",
                "/fiches/" + fiche, "/fiches/" + fiche + "/modifier",
                "/conventions/" + aubenas + "/plan/financements", "/fiches/" + fiche + "/financements",
                "/conventions/" + aubenas + "/evaluation/2026", "/conventions/" + aubenas + "/evaluation/2026/lignes/" + fiche,
                "/conventions/" + aubenas + "/evaluation/2026/axes/ETAT_DES_LIEUX_OFFRE", "/conventions/" + aubenas + "/indicateurs",
                "/conventions/" + aubenas + "/indicateurs/" + fiche + "/1",
                "/conventions/" + aubenas + "/evaluation/2026/saisie", "/conventions/" + aubenas + "/indicateurs/saisie/2026",
                "/conventions/" + aubenas + "/ao", "/conventions/" + aubenas + "/ao/projection?ao=200073245&ligne=0",
                "/conventions/" + aubenas + "/extrait-cdsf",
                "/conventions/" + aubenas + "/diagnostic", "/conventions/" + aubenas + "/diagnostic/import",
                "/conventions/" + aubenas + "/diagnostic/tableaux/eaje", "/conventions/" + aubenas + "/diagnostic/tableaux/alsh",
                "/conventions/" + aubenas + "/diagnostic/tableaux/financements", "/conventions/" + aubenas + "/diagnostic/tableaux/afom",
                "/conventions/" + aubenas + "/diagnostic/tableaux/enjeux", "/conventions/" + aubenas + "/diagnostic/tableaux/sources",
                "/conventions/" + aubenas + "/diagnostic/tableaux/eaje/" + eaje + "/suppression",
                "/conventions/" + aubenas + "/diagnostic/indicateurs/" + indicateur,
                "/conventions/" + aubenas + "/diagnostic/tableaux/indicateurs",
                "/conventions/" + aubenas + "/diagnostic/tableaux/indicateurs/" + indicateur + "/suppression",
                "/conventions/" + aubenas + "/services", "/conventions/" + aubenas + "/services/" + service + "/modifier",
                "/conventions/" + aubenas + "/texte", "/conventions/" + aubenas + "/texte/modifier",
                "/conventions/" + aubenas + "/referentiels", "/conventions/" + aubenas + "/referentiels/nouveau",
                "/conventions/" + aubenas + "/objectifs-conjoints/modifier",
                "/conventions/" + aubenas + "/gouvernance", "/conventions/" + aubenas + "/gouvernance/instances/1",
                "/conventions/" + aubenas + "/gouvernance/instances/nouvelle",
                "/conventions/" + aubenas + "/avenants", "/conventions/" + aubenas + "/avenants/nouveau",
                "/conventions/" + aubenas + "/renouvellement",
                "/conventions/" + aubenas + "/plan/champs", "/fiches/" + fiche + "/champs", "/fiches/" + fiche + "/sous-actions",
                "/conventions/" + aubenas + "/parties", "/conventions/" + aubenas + "/pieces",
                "/conventions/" + aubenas + "/imports/tableur")) {
            navigateur.driver().get(url() + page);
            assertAucuneViolation(page);
        }
    }

    @Test
    void follow_up_pages_have_no_wcag_violation() {
        ClientApi api = new ClientApi(mvc);
        long aubenas = api.aubenas();
        long fiche = api.get("ccba", "/api/v1/conventions/" + aubenas + "/fiches").json().get(14).path("id").asLong();
        long fa1 = api.get("ccba", "/api/v1/conventions/" + aubenas + "/fiches").json().get(0).path("id").asLong();
        long campagne = api.get("ccba", "/api/v1/fiches/" + fa1 + "/suivi").json().get(0).path("campagneId").asLong();
        navigateur.seConnecter(url(), "ccba", "demo");
        for (String page : List.of("/conventions/" + aubenas + "/suivi", "/conventions/" + aubenas + "/suivi/statuts",
                "/conventions/" + aubenas + "/campagnes", "/conventions/" + aubenas + "/campagnes/nouvelle",
                "/fiches/" + fiche + "/suivi", "/campagnes/" + campagne)) {
            navigateur.driver().get(url() + page);
            assertAucuneViolation(page);
        }
        navigateur.seConnecter(url(), "palabre", "demo");
        assertAucuneViolation("/ (accueil de palabre)");
    }

    @Test
    void steering_pages_have_no_wcag_violation() {
        ClientApi api = new ClientApi(mvc);
        long aubenas = api.aubenas();
        navigateur.seConnecter(url(), "caf07", "demo");
        for (String page : List.of("/portefeuille", "/conventions/" + aubenas + "/tableau-de-bord",
                "/conventions/" + aubenas + "/bilans/intermediaire", "/conventions/" + aubenas + "/bilans/final",
                "/conventions/" + aubenas + "/evaluation-precedente", "/conventions/" + aubenas + "/evaluation-precedente/modifier")) {
            navigateur.driver().get(url() + page);
            assertAucuneViolation(page);
        }
    }

    @Test
    void import_pages_have_no_wcag_violation() {
        ClientApi api = new ClientApi(mvc);
        byte[] document = String.join("\n", "# Convention territoriale globale du Test 2026-2030",
                "Entre la Caisse d'allocations familiales de l'Ardèche, représentée par Madame Anne DUPONT, directrice,",
                "et la Communauté de communes du Bassin d'Aubenas, représentée par Monsieur Jean MARTIN, président.",
                "## Article 1 – Objet", "La présente convention est conclue du 1er janvier 2026 au 31 décembre 2030.",
                "## Article 6 – Modalités de collaboration",
                "Ce comité est composé, à parité, de représentants de la Caf et de la CCBA.",
                "## Fiche action 1 : Accueillir les familles", "Objectif : informer les familles.")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ClientApi.Reponse brouillon = api.deposer("caf07", "/api/v1/imports", "accessibilite.md", document);
        assertThat(brouillon.status()).as(brouillon.texte()).isEqualTo(201);
        ClientApi.Reponse lot = api.deposer("caf07", "/api/v1/imports/lots", "accessibilite.zip", FichiersZip.un("a.md", document));
        assertThat(lot.status()).as(lot.texte()).isEqualTo(202);
        navigateur.seConnecter(url(), "caf07", "demo");
        for (String page : List.of("/imports", "/imports/" + brouillon.json().path("id").asLong(),
                "/imports/lots/" + lot.json().path("id").asLong())) {
            navigateur.driver().get(url() + page);
            assertAucuneViolation(page);
        }
        // The review field by field: every element and list unfolded, then a refused addition (400, its error shown).
        String revue = "/imports/" + brouillon.json().path("id").asLong();
        navigateur.driver().get(url() + revue);
        ((org.openqa.selenium.JavascriptExecutor) navigateur.driver())
                .executeScript("document.querySelectorAll('details').forEach(function (d) { d.open = true; })");
        assertAucuneViolation(revue + " (tout déplié)");
        navigateur.driver().findElement(org.openqa.selenium.By.cssSelector("#el-convention-visas form.ajout button")).submit();
        navigateur.attendre().until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
                org.openqa.selenium.By.id("el-convention-visas-nouveau-erreur")));
        assertAucuneViolation(revue + " (ajout refusé)");
    }

    @Test
    void national_view_has_no_wcag_violation() {
        navigateur.seConnecter(url(), "admin", "demo");
        navigateur.driver().get(url() + "/national");
        assertAucuneViolation("/national");
    }

    @Test
    void account_and_access_pages_have_no_wcag_violation() {
        ClientApi api = new ClientApi(mvc);
        long aubenas = api.aubenas();
        long palabre = api.get("admin", "/api/v1/utilisateurs?q=palabre").json().path("comptes").get(0).path("id").asLong();
        navigateur.driver().manage().deleteAllCookies();
        for (String page : List.of("/mot-de-passe/oublie", "/mot-de-passe/nouveau?jeton=inconnu")) {
            navigateur.driver().get(url() + page);
            assertAucuneViolation(page);
        }
        navigateur.seConnecter(url(), "admin", "demo");
        for (String page : List.of("/utilisateurs", "/utilisateurs?q=caf", "/utilisateurs/nouveau", "/utilisateurs/" + palabre,
                "/compte/mot-de-passe", "/conventions/archives", "/conventions/" + aubenas + "/acces", "/admin/sso")) {
            navigateur.driver().get(url() + page);
            assertAucuneViolation(page);
        }
        navigateur.seConnecter(url(), "ccba", "demo");
        navigateur.driver().get(url() + "/conventions/" + aubenas + "/acces");
        assertAucuneViolation("/conventions/" + aubenas + "/acces (ccba)");
    }

    @Test
    void organisations_and_people_pages_have_no_wcag_violation() {
        ClientApi api = new ClientApi(mvc);
        long ccba = ClientApi.idPartie(api.convention("admin", api.aubenas()), ClientApi.CCBA);
        long personne = api.get("admin", "/api/v1/personnes").json().path("personnes").get(0).path("id").asLong();
        navigateur.seConnecter(url(), "admin", "demo");
        for (String page : List.of("/organisations", "/organisations?q=zzzz", "/organisations/nouvelle", "/organisations/" + ccba,
                "/organisations/" + ccba + "/modifier", "/organisations/" + ccba + "/fusionner", "/personnes",
                "/personnes/nouvelle", "/personnes/" + personne)) {
            navigateur.driver().get(url() + page);
            assertAucuneViolation(page);
        }
    }

    private void assertAucuneViolation(String page) {
        Results resultats = new AxeBuilder().withTags(WCAG_21_AA).analyze(navigateur.driver());
        List<Rule> violations = resultats.getViolations();
        assertThat(violations).as(() -> page + " : " + violations.stream()
                .map(v -> v.getId() + " (" + v.getNodes().size() + " éléments) " + v.getHelp())
                .collect(Collectors.joining(" ; "))).isEmpty();
    }

    private String url() {
        return "http://localhost:" + port;
    }
}
