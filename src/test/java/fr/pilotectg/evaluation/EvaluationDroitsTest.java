package fr.pilotectg.evaluation;

import java.util.List;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages.Page;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who writes what: the convention's writers everything; a porteur only the lines of the fiches it carries
 * (not axes, comments nor validation); a reader nothing; others not even read. Bad input and stale versions
 * are refused with nothing written.
 */
@IntegrationTest
class EvaluationDroitsTest extends EvaluationTestSupport {

    @Test
    void a_porteur_writes_the_lines_of_its_fiches_only() {
        PetitPlan plan = petitPlan("eval-porteur");
        long c = plan.conventionId();
        String base = grille(c, 2026);

        Reponse sienne = putLigne("palabre", c, 2026, plan.alpha(), corpsLigne("EN_COURS", "2026-10-01", "Ateliers lancés.", 0));
        assertThat(sienne.status()).as(sienne.texte()).isEqualTo(200);
        JsonNode avant = lireGrille("caf07", c, 2026);

        assertThat(putLigne("palabre", c, 2026, plan.charlie(), corpsLigne("REALISE", null, "Pas la sienne.", 0)).status()).isEqualTo(403);
        assertThat(api.put("palabre", base + "/axes/PARTENARIAT", Map.of("resultats", "x", "version", 0)).status()).isEqualTo(403);
        assertThat(api.put("palabre", base + "/commentaires", Map.of("commentaires", "x", "version", 0)).status()).isEqualTo(403);
        assertThat(valider("palabre", c, 2026, "2027-01-15").status()).isEqualTo(403);
        assertThat(lireGrille("caf07", c, 2026)).isEqualTo(avant);

        Document page = pages.get("palabre", "/conventions/" + c + "/evaluation/2026").document();
        assertThat(page.select("#grille a:contains(Modifier)")).hasSize(1);
        assertThat(page.getElementById("ligne-" + plan.alpha()).select("a:contains(Modifier)")).hasSize(1);
        assertThat(page.select("#axes-transversaux a:contains(Modifier), #form-commentaires, #form-validation")).isEmpty();
        assertThat(pages.get("palabre", "/conventions/" + c + "/evaluation/2026/lignes/" + plan.charlie()).status()).isEqualTo(403);
    }

    @Test
    void on_aubenas_palabre_gets_403_on_another_porteurs_line_and_readers_write_nothing() {
        long aubenas = api.aubenas();
        JsonNode avant = lireGrille("admin", aubenas, 2026);
        long fa1 = ligne(avant, "FA1").path("ficheId").asLong();
        long fa25 = ligne(avant, "FA25").path("ficheId").asLong();
        int versionFa1 = ligne(avant, "FA1").path("version").asInt();

        assertThat(putLigne("palabre", aubenas, 2026, fa1, corpsLigne("NON_REALISE", null, "Réécrit par le Palabre.", versionFa1)).status())
                .isEqualTo(403);
        assertThat(putLigne("lecteur", aubenas, 2026, fa25, corpsLigne("REALISE", null, "Réécrit par le lecteur.", 1)).status())
                .isEqualTo(403);
        assertThat(api.put("lecteur", grille(aubenas, 2026) + "/commentaires", Map.of("commentaires", "x", "version", 1)).status()).isEqualTo(403);
        assertThat(valider("lecteur", aubenas, 2026, "2027-01-15").status()).isEqualTo(403);
        assertThat(api.get("lecteur", grille(aubenas, 2026)).status()).isEqualTo(200);
        for (String etranger : List.of("pilat", "caf42")) {
            assertThat(api.get(etranger, grille(aubenas, 2026)).status()).as(etranger).isEqualTo(403);
            assertThat(api.get(etranger, "/api/v1/conventions/" + aubenas + "/indicateurs").status()).as(etranger).isEqualTo(403);
            assertThat(pages.get(etranger, "/conventions/" + aubenas + "/evaluation/2026").status()).as(etranger).isEqualTo(403);
        }
        assertThat(lireGrille("admin", aubenas, 2026)).isEqualTo(avant);
    }

    @Test
    void bad_status_or_planned_date_outside_the_period_saves_nothing() {
        PetitPlan plan = petitPlan("eval-validation");
        long c = plan.conventionId();

        Reponse statut = putLigne("ccba", c, 2026, plan.alpha(), corpsLigne("FINI", null, "x", 0));
        assertThat(statut.status()).isEqualTo(400);
        assertThat(statut.champsEnErreur()).containsExactly("statut");
        assertThat(statut.messageDuChamp("statut")).contains("« FINI » inconnu", "réalisé", "non concerné");

        Reponse date = putLigne("ccba", c, 2026, plan.alpha(), corpsLigne("EN_COURS", "2031-03-01", "x", 0));
        assertThat(date.status()).isEqualTo(400);
        assertThat(date.champsEnErreur()).containsExactly("datePrevue");
        assertThat(date.messageDuChamp("datePrevue")).contains("Date prévue", "1er mars 2031", "hors de la période");

        Reponse illisible = putLigne("ccba", c, 2026, plan.alpha(), corpsLigne("EN_COURS", "demain", "x", 0));
        assertThat(illisible.champsEnErreur()).containsExactly("datePrevue");
        assertThat(ligne(lireGrille("ccba", c, 2026), plan.alpha()).path("version").asInt()).as("nothing saved").isZero();

        Page page = pages.poster("ccba", "/conventions/" + c + "/evaluation/2026/lignes/" + plan.alpha(),
                Map.of("statut", "EN_COURS", "datePrevue", "2025-12-31", "resultats", "Texte gardé", "version", "0"));
        Document doc = page.document();
        assertThat(doc.getElementById("erreur-datePrevue").text()).contains("Date prévue", "hors de la période");
        assertThat(doc.getElementById("datePrevue").attr("aria-describedby")).isEqualTo("erreur-datePrevue");
        assertThat(doc.getElementById("resultats").text()).as("what was typed is kept").isEqualTo("Texte gardé");
        assertThat(ligne(lireGrille("ccba", c, 2026), plan.alpha()).path("version").asInt()).isZero();
    }

    @Test
    void a_stale_version_answers_409_and_keeps_the_other_write() {
        PetitPlan plan = petitPlan("eval-version");
        long c = plan.conventionId();
        assertThat(putLigne("ccba", c, 2026, plan.alpha(), corpsLigne("EN_COURS", null, "Première.", 0)).status()).isEqualTo(200);
        Reponse perimee = putLigne("caf07", c, 2026, plan.alpha(), corpsLigne("REALISE", null, "Écrase ?", 0));
        assertThat(perimee.status()).isEqualTo(409);
        assertThat(putLigne("caf07", c, 2026, plan.alpha(), corpsLigne("REALISE", null, "Écrase ?", 7)).status()).isEqualTo(409);
        assertThat(ligne(lireGrille("ccba", c, 2026), plan.alpha()).path("resultats").asString()).isEqualTo("Première.");

        String axe = grille(c, 2026) + "/axes/ETAT_DES_LIEUX_OFFRE";
        assertThat(api.put("caf07", axe, Map.of("ouvertures", "Une crèche", "version", 0)).status()).isEqualTo(200);
        assertThat(api.put("ccba", axe, Map.of("ouvertures", "Deux crèches", "version", 0)).status()).isEqualTo(409);
        Reponse horsEtatDesLieux = api.put("caf07", grille(c, 2026) + "/axes/COMMUNICATION", Map.of("ouvertures", "x", "version", 0));
        assertThat(horsEtatDesLieux.status()).isEqualTo(400);
        assertThat(horsEtatDesLieux.champsEnErreur()).containsExactly("ouvertures");
        assertThat(api.put("caf07", grille(c, 2026) + "/axes/INCONNU", Map.of("version", 0)).status()).isEqualTo(404);
    }
}
