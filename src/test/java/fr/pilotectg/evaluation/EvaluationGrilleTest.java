package fr.pilotectg.evaluation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.StreamSupport;

import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages.Page;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grid of a year: one line per fiche in plan order, each the saved line, else non concerné when the fiche
 * is not planned that year, else pre-filled from the year's last follow-up, else "à renseigner".
 */
@IntegrationTest
class EvaluationGrilleTest extends EvaluationTestSupport {

    @Test
    void aubenas_2026_has_32_lines_fa5_not_concerned_and_the_example_lines() {
        JsonNode grille = lireGrille("caf07", api.aubenas(), 2026);

        assertThat(grille.path("annee").asInt()).isEqualTo(2026);
        assertThat(grille.path("valide").asBoolean()).isFalse();
        assertThat(grille.path("lignes")).hasSize(32);
        assertThat(StreamSupport.stream(grille.path("lignes").spliterator(), false).map(l -> l.path("reference").asString()).toList())
                .startsWith("FA1", "FA2", "FA3").endsWith("FA31", "FA32");
        JsonNode fa5 = ligne(grille, "FA5");
        assertThat(fa5.path("statut").asString()).isEqualTo("NON_CONCERNE");
        assertThat(fa5.path("origine").asString()).isEqualTo("DEFAUT");
        assertThat(fa5.path("version").asInt()).isZero();

        JsonNode fa1 = ligne(grille, "FA1");
        assertThat(fa1.path("statut").asString()).isEqualTo("REALISE");
        assertThat(fa1.path("origine").asString()).isEqualTo("ENREGISTRE");
        assertThat(fa1.path("exemple").asBoolean()).isTrue();
        JsonNode fa3 = ligne(grille, "FA3");
        assertThat(fa3.path("statut").asString()).isEqualTo("EN_COURS");
        assertThat(fa3.path("datePrevue").asString()).isEqualTo("2027-06-30");
        List<String> enregistrees = StreamSupport.stream(grille.path("lignes").spliterator(), false)
                .filter(l -> "ENREGISTRE".equals(l.path("origine").asString())).map(l -> l.path("statut").asString()).toList();
        assertThat(enregistrees).hasSizeBetween(8, 12).contains("REALISE", "EN_COURS", "NON_REALISE");
        assertThat(grille.path("axesTransversaux")).hasSize(5);
        grille.path("axesTransversaux").forEach(a -> {
            assertThat(a.path("resultats").asString()).as(a.path("axe").asString()).isNotBlank();
            assertThat(a.path("exemple").asBoolean()).isTrue();
        });
        assertThat(grille.path("commentaires").asString()).isNotBlank();
    }

    @Test
    void defaults_non_concerne_then_a_renseigner_and_a_saved_line_wins() {
        PetitPlan plan = petitPlan("eval-defauts");
        JsonNode grille = lireGrille("ccba", plan.conventionId(), 2026);

        assertThat(grille.path("lignes")).hasSize(3);
        assertThat(ligne(grille, plan.bravo()).path("statut").asString()).isEqualTo("NON_CONCERNE");
        JsonNode charlie = ligne(grille, plan.charlie());
        assertThat(charlie.path("statut").asString()).as("no planned year: concerned every year").isEqualTo("NON_REALISE");
        assertThat(charlie.path("mention").asString()).isEqualTo("à renseigner");
        assertThat(ligne(lireGrille("ccba", plan.conventionId(), 2028), plan.bravo()).path("statut").asString()).isEqualTo("NON_REALISE");

        Reponse reponse = putLigne("ccba", plan.conventionId(), 2026, plan.bravo(), corpsLigne("REALISE", "2026-05-01", "Fait en avance.", 0));
        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(200);
        assertThat(reponse.json().path("origine").asString()).isEqualTo("ENREGISTRE");
        assertThat(reponse.json().path("datePrevue").isNull()).as("no planned date once done").isTrue();
        assertThat(reponse.json().path("version").asInt()).isEqualTo(1);
        JsonNode bravo = ligne(lireGrille("caf07", plan.conventionId(), 2026), plan.bravo());
        assertThat(bravo.path("statut").asString()).isEqualTo("REALISE");
        assertThat(bravo.path("resultats").asString()).isEqualTo("Fait en avance.");
    }

    @Test
    void the_last_follow_up_of_the_year_pre_fills_the_line() {
        PetitPlan plan = petitPlan("eval-suivi");
        long c = plan.conventionId();
        statut(c, "EN_COURS", "En cours", "EN_COURS", 1);
        statut(c, "TERMINE", "Terminée", "REALISE", 2);
        statut(c, "ABANDON", "Abandonnée", null, 3);
        suivi(c, plan.alpha(), "2026-03-01", "TERMINE", "Premier point.");
        suivi(c, plan.alpha(), "2026-09-15", "EN_COURS", "Deux ateliers tenus avec les familles.");
        suivi(c, plan.alpha(), "2027-02-01", "TERMINE", "Point de l'année suivante.");
        suivi(c, plan.bravo(), "2026-06-01", "TERMINE", "Suivi d'une fiche non prévue en 2026.");
        suivi(c, plan.charlie(), "2026-06-01", "ABANDON", "Abandonnée en COPIL.");

        JsonNode grille = lireGrille("ccba", c, 2026);
        JsonNode alpha = ligne(grille, plan.alpha());
        assertThat(alpha.path("origine").asString()).isEqualTo("SUIVI");
        assertThat(alpha.path("statut").asString()).isEqualTo("EN_COURS");
        assertThat(alpha.path("resultats").asString()).isEqualTo("Deux ateliers tenus avec les familles.");
        assertThat(alpha.path("mention").asString()).isEqualTo("pré-rempli depuis le suivi du 15 septembre 2026");
        assertThat(ligne(grille, plan.bravo()).path("statut").asString()).as("not planned wins over a follow-up").isEqualTo("NON_CONCERNE");
        assertThat(ligne(grille, plan.charlie()).path("origine").asString()).as("a status that does not pre-fill").isEqualTo("DEFAUT");
        assertThat(ligne(lireGrille("ccba", c, 2027), plan.alpha()).path("statut").asString()).isEqualTo("REALISE");

        Document page = pages.get("ccba", "/conventions/" + c + "/evaluation/2026").document();
        Element ligneAlpha = page.getElementById("ligne-" + plan.alpha());
        assertThat(ligneAlpha.text()).contains("en cours de réalisation", "pré-rempli depuis le suivi du 15 septembre 2026",
                "Deux ateliers tenus avec les familles.");
    }

    @Test
    void the_grid_page_labels_every_status_in_text_and_greys_non_concerned_lines() {
        long aubenas = api.aubenas();
        Page page = pages.get("lecteur", "/conventions/" + aubenas + "/evaluation/2026");
        assertThat(page.status()).isEqualTo(200);
        Document doc = page.document();
        assertThat(doc.select("h1")).hasSize(1);
        assertThat(doc.select("#grille tbody tr.ligne")).hasSize(32);
        for (Element ligne : doc.select("#grille tbody tr.ligne")) {
            Element statut = ligne.selectFirst(".eval-statut");
            StatutEvaluation attendu = StatutEvaluation.valueOf(ligne.attr("data-statut"));
            // What the line shows is its situation on the day (« en cours d'année » for this year's « non réalisé »
            // while the year is open), always as text.
            Situation situation = Situation.valueOf(ligne.attr("data-situation"));
            assertThat(statut.text()).isEqualTo(situation.libelle());
            assertThat(situation == Situation.EN_COURS_D_ANNEE ? StatutEvaluation.NON_REALISE : StatutEvaluation.valueOf(situation.name()))
                    .isEqualTo(attendu);
            assertThat(ligne.hasClass("ligne-non-concernee")).isEqualTo(attendu == StatutEvaluation.NON_CONCERNE);
        }
        Element fa5 = doc.select("#grille tr.ligne").stream().filter(l -> l.selectFirst("th").text().startsWith("FA5 ")).findFirst().orElseThrow();
        assertThat(fa5.text()).contains("non concerné", "Prévue en 2027");
        assertThat(doc.select("#grille .badge-exemple").eachText()).hasSize(doc.select("#grille tr[data-origine=ENREGISTRE]").size())
                .allMatch("données d'exemple"::equals);
        assertThat(doc.select("#grille tr[data-origine=DEFAUT] .badge-exemple")).isEmpty();
        assertThat(doc.select("#axes-transversaux .badge-exemple")).hasSize(5);
        assertThat(doc.select("a:contains(Modifier)")).as("a reader edits nothing").isEmpty();
        assertThat(doc.select("form#form-validation, form#form-commentaires")).isEmpty();
        assertThat(doc.select("nav[aria-label=Années de la période] .pagination a").eachText()).containsExactly("2026", "2027", "2028", "2029", "2030");
    }

    @Test
    void evaluation_home_redirects_to_a_year_of_the_period() {
        long aubenas = api.aubenas();
        Page page = pages.get("ccba", "/conventions/" + aubenas + "/evaluation");
        int courante = LocalDate.now().getYear();
        int attendue = courante >= 2026 && courante <= 2030 ? courante : 2026;
        assertThat(page.redirection()).isEqualTo("/conventions/" + aubenas + "/evaluation/" + attendue);
        assertThat(api.get("ccba", grille(aubenas, 2031)).status()).isEqualTo(404);
        assertThat(pages.get("ccba", "/conventions/" + aubenas).document().select("a[href$=/evaluation], a[href$=/indicateurs]")).hasSize(2);
    }

    private void statut(long conventionId, String code, String libelle, String statutEvaluation, int ordre) {
        jdbc.sql("INSERT INTO suivi_statut (convention_id, code, libelle, ordre, statut_evaluation) VALUES (:c, :code, :l, :o, :s)")
                .param("c", conventionId).param("code", code).param("l", libelle).param("o", ordre).param("s", statutEvaluation).update();
    }

    private void suivi(long conventionId, long ficheId, String date, String statut, String realisations) {
        jdbc.sql("""
                        INSERT INTO suivi_fiche (convention_id, fiche_id, date_point, statut, realisations, auteur, cree_le)
                        VALUES (:c, :f, :d, :s, :r, 'test', :le)""")
                .param("c", conventionId).param("f", ficheId).param("d", LocalDate.parse(date)).param("s", statut)
                .param("r", realisations).param("le", OffsetDateTime.now()).update();
    }
}
