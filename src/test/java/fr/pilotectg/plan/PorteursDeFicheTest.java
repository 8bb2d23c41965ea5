package fr.pilotectg.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import fr.pilotectg.shared.audit.EntreeJournal;
import fr.pilotectg.shared.audit.Journal;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who carries a fiche decides who reads the convention: a porteur edits the content of its fiche, never the
 * organisations linked to it, and every grant of access is journalled under the organisation's real name.
 */
@IntegrationTest
class PorteursDeFicheTest extends PlanTestSupport {

    @Autowired
    Journal journal;

    long aubenas;
    long cafLoire;

    @BeforeEach
    void conventions() {
        aubenas = api.aubenas();
        cafLoire = api.convention("admin", api.pilat()).path("caf").path("id").asLong();
    }

    @Test
    void a_porteur_cannot_link_another_organisation_to_its_fiche_under_any_name() {
        JsonNode fa15 = plans.ficheApi(aubenas, "FA15");
        Reponse reponse = api.put("palabre", "/api/v1/fiches/" + fa15.path("id").asLong() + "?version=" + fa15.path("version").asInt(),
                PlansDeTest.corps(fa15, Map.of("champs", avecPorteur(fa15, cafLoire, "Centre social Le Palabre"))));

        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(403);
        assertThat(reponse.json().path("message").asString()).contains("gestionnaires de la convention");
        assertThat(PlansDeTest.sansVersion(plans.ficheApi(aubenas, "FA15"))).isEqualTo(PlansDeTest.sansVersion(fa15));
        assertThat(api.get("caf42", "/api/v1/conventions/" + aubenas).status()).isIn(403, 404);
    }

    @Test
    void a_porteur_cannot_link_an_organisation_by_typing_its_exact_name_either() {
        JsonNode fa20 = plans.ficheApi(aubenas, "FA20");
        ObjectNode champs = ((ObjectNode) fa20.path("champs")).deepCopy();
        ((ArrayNode) champs.withArray("porteurs")).add("Caf de la Loire");
        Reponse reponse = api.put("palabre", "/api/v1/fiches/" + fa20.path("id").asLong() + "?version=" + fa20.path("version").asInt(),
                PlansDeTest.corps(fa20, Map.of("champs", champs)));

        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(403);
        assertThat(api.get("caf42", "/api/v1/conventions/" + aubenas).status()).isIn(403, 404);
    }

    @Test
    void a_manager_links_an_organisation_which_is_shown_and_journalled_under_its_real_name() {
        PlansDeTest.PetitPlan plan = plans.petitPlan("porteurs", Numerotation.CONTINUE);
        JsonNode alpha = api.get("caf07", "/api/v1/fiches/" + plan.alpha()).json();

        Reponse reponse = api.put("caf07", "/api/v1/fiches/" + plan.alpha() + "?version=" + alpha.path("version").asInt(),
                PlansDeTest.corps(alpha, Map.of("champs", avecPorteur(alpha, cafLoire, "Un nom trompeur"))));

        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(200);
        assertThat(reponse.json().path("champs").path("porteurs").get(0).path("nom").asString()).isEqualTo("Caf de la Loire");
        List<EntreeJournal> entrees = journal.pourConvention(plan.conventionId(), 20, 0);
        assertThat(entrees).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("accès accordé (plan)");
            assertThat(e.changements()).extracting(c -> c.apres()).containsExactly("Caf de la Loire (Caf)");
        });
    }

    @Test
    void an_unknown_organisation_id_is_refused_naming_the_field() {
        PlansDeTest.PetitPlan plan = plans.petitPlan("porteur inconnu", Numerotation.CONTINUE);
        JsonNode bravo = api.get("caf07", "/api/v1/fiches/" + plan.bravo()).json();

        Reponse reponse = api.put("caf07", "/api/v1/fiches/" + plan.bravo() + "?version=" + bravo.path("version").asInt(),
                PlansDeTest.corps(bravo, Map.of("champs", avecPorteur(bravo, 987_654_321L, "Fantôme"))));

        assertThat(reponse.status()).isEqualTo(400);
        assertThat(reponse.champsEnErreur()).containsExactly("porteurs");
        assertThat(api.get("caf07", "/api/v1/fiches/" + plan.bravo()).json().path("version").asInt()).isEqualTo(bravo.path("version").asInt());
    }

    private static ObjectNode avecPorteur(JsonNode fiche, long organisationId, String nom) {
        ObjectNode champs = ((ObjectNode) fiche.path("champs")).deepCopy();
        List<JsonNode> porteurs = new ArrayList<>();
        StreamSupport.stream(champs.path("porteurs").spliterator(), false).forEach(porteurs::add);
        ArrayNode liste = JsonNodeFactory.instance.arrayNode();
        porteurs.forEach(liste::add);
        liste.add(JsonNodeFactory.instance.objectNode().put("nom", nom).put("organisationId", organisationId));
        champs.set("porteurs", liste);
        return champs;
    }
}
