package fr.pilotectg.suivi;

import java.time.LocalDate;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi.Reponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From the porteur's follow-up to the COPIL: an update entered by palabre pre-fills its line of that year's evaluation
 * grid, and once the COPIL has validated the year, every write to the grid of that year answers 409.
 */
class SuiviVersEvaluationTest extends SuiviTestSupport {

    @Test
    void a_follow_up_by_palabre_pre_fills_the_grid_and_the_copil_validation_locks_the_year() {
        PlanDeSuivi plan = planDeSuivi("suivi-evaluation");
        String grille = "/api/v1/conventions/" + plan.conventionId() + "/evaluation/2026";
        Map<String, Object> point = miseAJour("REALISEE", null, LocalDate.of(2026, 10, 2).toString());
        point.put("realisations", "Trois ateliers parents-enfants ouverts à Vals-les-Bains.");

        Reponse suivi = api.post("palabre", "/api/v1/fiches/" + plan.alpha() + "/suivi", point);

        assertThat(suivi.status()).as(suivi.texte()).isEqualTo(201);
        JsonNode ligne = ligne(api.get("palabre", grille).json(), plan.alpha());
        assertThat(ligne.path("statut").asString()).isEqualTo("REALISE");
        assertThat(ligne.path("origine").asString()).isEqualTo("SUIVI");
        assertThat(ligne.path("resultats").asString()).isEqualTo("Trois ateliers parents-enfants ouverts à Vals-les-Bains.");

        Reponse validation = api.post("caf07", grille + "/validation", Map.of("dateCopil", "2026-11-20", "decision", "Évaluation 2026 adoptée"));
        assertThat(validation.status()).as(validation.texte()).isEqualTo(200);

        Map<String, Object> correction = Map.of("statut", "EN_COURS", "resultats", "Corrigé après le COPIL.", "version", 0);
        assertThat(api.put("palabre", grille + "/lignes/" + plan.alpha(), correction).status()).isEqualTo(409);
        assertThat(api.put("caf07", grille + "/lignes/" + plan.alpha(), correction).status()).isEqualTo(409);
        assertThat(api.put("caf07", grille + "/axes/GOUVERNANCE", Map.of("resultats", "Après le COPIL.", "version", 0)).status())
                .isEqualTo(409);
        JsonNode apres = api.get("caf07", grille).json();
        assertThat(apres.path("valide").asBoolean()).isTrue();
        assertThat(ligne(apres, plan.alpha()).path("statut").asString()).isEqualTo("REALISE");
    }

    private static JsonNode ligne(JsonNode grille, long ficheId) {
        for (JsonNode ligne : grille.path("lignes")) {
            if (ligne.path("ficheId").asLong() == ficheId) {
                return ligne;
            }
        }
        throw new AssertionError("Aucune ligne pour la fiche " + ficheId + " dans " + grille);
    }
}
