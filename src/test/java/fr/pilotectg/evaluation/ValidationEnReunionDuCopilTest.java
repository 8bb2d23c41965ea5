package fr.pilotectg.evaluation;

import java.util.List;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi.Reponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The annual grid's COPIL validation is a decision of a COPIL meeting (ADR 0039): validating a year records a decision
 * "fait" of the COPIL meeting of that date (the body created when the convention has none, the meeting reused for a
 * second decision of the same date); unlocking the year abandons it; a refused validation writes no meeting.
 */
@fr.pilotectg.testsupport.IntegrationTest
class ValidationEnReunionDuCopilTest extends EvaluationTestSupport {

    @Test
    void validating_a_year_records_a_decision_of_the_copil_meeting_and_unlocking_abandons_it() {
        PetitPlan plan = petitPlan("eval-reunion");
        long c = plan.conventionId();
        String gouvernance = "/api/v1/conventions/" + c + "/gouvernance";
        assertThat(api.get("caf07", gouvernance).json().path("reunions").size()).isZero();

        Reponse refusee = api.post("caf07", grille(c, 2027) + "/validation", Map.of("dateCopil", "2026-12-01", "decision", "x"));
        assertThat(refusee.status()).isEqualTo(400);
        assertThat(api.get("caf07", gouvernance).json().path("reunions").size()).isZero();
        assertThat(api.post("palabre", grille(c, 2026) + "/validation", Map.of("dateCopil", "2027-01-15", "decision", "x")).status())
                .isIn(403, 404);
        assertThat(api.get("caf07", gouvernance).json().path("reunions").size()).isZero();

        assertThat(valider("ccba", c, 2026, "2027-01-15").status()).isEqualTo(200);
        JsonNode g = api.get("caf07", gouvernance).json();
        assertThat(g.path("instances").get(0).path("type").asString()).isEqualTo("COPIL");
        assertThat(g.path("instances").get(0).path("nom").asString()).isEqualTo("Comité de pilotage");
        assertThat(g.path("reunions")).hasSize(1);
        JsonNode reunion = g.path("reunions").get(0);
        assertThat(reunion.path("date").asString()).isEqualTo("2027-01-15");
        assertThat(reunion.path("instanceId").asInt()).isEqualTo(1);
        assertThat(reunion.path("ordreDuJour").get(0).path("annee").asInt()).isEqualTo(2026);
        JsonNode decision = reunion.path("decisions").get(0);
        assertThat(decision.path("texte").asString()).isEqualTo("Évaluation adoptée");
        assertThat(decision.path("statut").asString()).isEqualTo("FAIT");
        assertThat(decision.path("anneeValidee").asInt()).isEqualTo(2026);
        assertThat(jdbc.sql("SELECT count(*) FROM journal WHERE convention_id = :c AND objet_type = 'reunion' AND action LIKE 'validation%'")
                .param("c", c).query(Long.class).single()).isEqualTo(1);

        // a second year validated by the COPIL of the same day: same meeting, a second decision
        assertThat(valider("caf07", c, 2027, "2027-01-15").status()).isEqualTo(200);
        JsonNode apres = api.get("caf07", gouvernance).json();
        assertThat(apres.path("reunions")).hasSize(1);
        assertThat(apres.path("reunions").get(0).path("decisions")).hasSize(2);
        assertThat(apres.path("reunions").get(0).path("version").asInt()).isEqualTo(2);

        Reponse deverrouillage = api.post("admin", grille(c, 2026) + "/deverrouillage", Map.of("motif", "Correction demandée."));
        assertThat(deverrouillage.status()).as(deverrouillage.texte()).isEqualTo(200);
        JsonNode decisions = api.get("caf07", gouvernance).json().path("reunions").get(0).path("decisions");
        assertThat(List.of(decisions.get(0).path("statut").asString(), decisions.get(1).path("statut").asString()))
                .containsExactly("ABANDONNEE", "FAIT");
        assertThat(decisions.get(0).path("anneeValidee").asInt(0)).isZero();
        assertThat(decisions.get(1).path("anneeValidee").asInt()).isEqualTo(2027);
    }
}
