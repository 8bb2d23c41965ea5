package fr.pilotectg.evaluation;

import java.util.List;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 10: a fiche indicator's yearly values are tied to the indicator's own id, not its position:
 * reordering the fiche's indicators keeps each one's values; renaming one in place keeps its values; a new
 * indicator starts empty. (Renamed and moved at once is not recognised: it starts empty, see ADR 0029.)
 */
@IntegrationTest
class IndicateursParCleTest extends EvaluationTestSupport {

    private static final Map<String, Object> FAMILLES = Map.of("libelle", "Nombre de familles accueillies", "type", "QUANTITATIF");
    private static final Map<String, Object> SATISFACTION = Map.of("libelle", "Satisfaction des familles", "type", "QUALITATIF");

    @Test
    void reordering_renaming_and_adding_indicators_keep_each_ones_values() {
        PetitPlan plan = petitPlan("indic-cles");
        long c = plan.conventionId();
        assertThat(api.put("ccba", chemin(c, plan.alpha(), 1), Map.of("unite", "familles", "valeurs", Map.of("2026", "120"), "version", 0))
                .status()).isEqualTo(200);
        assertThat(api.put("ccba", chemin(c, plan.alpha(), 2), Map.of("valeurs", Map.of("2026", "NS"), "version", 0))
                .status()).isEqualTo(200);

        // Reordered: Satisfaction first.
        patcherIndicateurs(plan.alpha(), List.of(SATISFACTION, FAMILLES));
        assertThat(valeur2026(c, "Nombre de familles accueillies")).isEqualTo("120");
        assertThat(valeur2026(c, "Satisfaction des familles")).isEqualTo("NS");
        JsonNode familles = indicateur(c, "Nombre de familles accueillies");
        assertThat(familles.path("position").asInt()).isEqualTo(2);
        assertThat(familles.path("unite").asString()).isEqualTo("familles");

        // Renamed in place (same position, label gone): keeps its values. A new indicator added starts empty.
        patcherIndicateurs(plan.alpha(), List.of(Map.of("libelle", "Satisfaction des familles", "type", "QUALITATIF"),
                Map.of("libelle", "Familles accueillies (nombre)", "type", "QUANTITATIF"),
                Map.of("libelle", "Nouvel indicateur", "type", "QUANTITATIF")));
        assertThat(valeur2026(c, "Familles accueillies (nombre)")).isEqualTo("120");
        assertThat(valeur2026(c, "Satisfaction des familles")).isEqualTo("NS");
        assertThat(valeur2026(c, "Nouvel indicateur")).isNull();

        // Writing by (current) position reaches the right follow-up.
        JsonNode renomme = indicateur(c, "Familles accueillies (nombre)");
        Reponse ecrite = api.put("ccba", chemin(c, plan.alpha(), renomme.path("position").asInt()),
                Map.of("unite", "familles", "valeurs", Map.of("2027", "130"), "version", renomme.path("version").asInt()));
        assertThat(ecrite.status()).as(ecrite.texte()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM indicateur_suivi WHERE fiche_id = :f").param("f", plan.alpha())
                .query(Long.class).single()).as("no duplicate follow-up").isEqualTo(2);
    }

    private void patcherIndicateurs(long ficheId, List<Map<String, Object>> indicateurs) {
        int version = jdbc.sql("SELECT version FROM fiche WHERE id = :f").param("f", ficheId).query(Integer.class).single();
        Reponse reponse = api.patch("caf07", "/api/v1/fiches/" + ficheId + "?version=" + version,
                Map.of("champs", Map.of("indicateurs", indicateurs)));
        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(200);
    }

    private JsonNode indicateur(long c, String libelle) {
        for (JsonNode i : api.get("caf07", "/api/v1/conventions/" + c + "/indicateurs").json()) {
            if (libelle.equals(i.path("libelle").asString())) {
                return i;
            }
        }
        throw new AssertionError("Pas d'indicateur " + libelle);
    }

    private String valeur2026(long c, String libelle) {
        for (JsonNode v : indicateur(c, libelle).path("valeurs")) {
            if (v.path("annee").asInt() == 2026) {
                return v.path("marqueur").isNull() || v.path("marqueur").isMissingNode() ? v.path("valeur").asString() : v.path("marqueur").asString();
            }
        }
        return null;
    }

    private static String chemin(long c, long ficheId, int position) {
        return "/api/v1/conventions/" + c + "/indicateurs/" + ficheId + "/" + position;
    }
}
