package fr.pilotectg.importation;

import java.util.ArrayList;
import java.util.List;

import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.Comme;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 17 acceptance: confirming the Pilat draft creates a convention whose plan API equals the demo convention's
 * plan — 48 fiches, same references, titles and fields. The one field compared differently is the action's
 * context: the demo fixture summarises the printed prose (the project does not copy the seeds' prose), so the
 * imported context is the printed one, checked against its fingerprint by {@link NotationPlan} (100 %).
 */
@IntegrationTest
class ConfirmationPlanPilatTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService utilisateurs;

    @Autowired
    ConfirmationPlan confirmation;

    @Autowired
    JdbcClient jdbc;

    @Test
    void confirming_the_pilat_draft_gives_the_demo_plan() throws Exception {
        ClientApi api = new ClientApi(mvc);
        PlanTrouve plan = new AnalysePlan().analyser(AnalysePlanTest.semence("pilat"));
        long convention = api.creerConventionDeTest("caf07", "Import du Pilat").path("id").asLong();

        Comme.utilisateur(utilisateurs, "caf07", () -> {
            confirmation.confirmer(convention, plan);
            return null;
        });

        JsonNode demo = api.get("admin", "/api/v1/conventions/" + api.pilat() + "/plan?complet=true").json();
        JsonNode importe = api.get("caf07", "/api/v1/conventions/" + convention + "/plan?complet=true").json();
        assertThat(importe.path("modele")).isEqualTo(demo.path("modele"));
        assertThat(importe.path("niveaux")).isEqualTo(demo.path("niveaux"));
        assertThat(titres(importe.path("noeuds"))).isEqualTo(titres(demo.path("noeuds")));
        List<JsonNode> attendues = fiches(demo);
        List<JsonNode> trouvees = fiches(importe);
        assertThat(trouvees).hasSize(48);
        assertThat(trouvees).extracting(f -> f.path("reference").asString() + " " + f.path("titre").asString())
                .containsExactlyInAnyOrderElementsOf(attendues.stream().map(f -> f.path("reference").asString() + " " + f.path("titre").asString()).toList());
        for (JsonNode a : attendues) {
            JsonNode t = trouvees.stream().filter(f -> f.path("reference").equals(a.path("reference"))).findFirst().orElseThrow();
            ObjectNode champsAttendus = ((ObjectNode) a.path("champs")).deepCopy();
            ObjectNode champsTrouves = ((ObjectNode) t.path("champs")).deepCopy();
            assertThat(champsTrouves.path("contexte").asString()).as(a.path("reference").asString()).isNotBlank();
            champsAttendus.remove("contexte");
            champsTrouves.remove("contexte");
            assertThat(champsTrouves).as(a.path("reference").asString()).isEqualTo(champsAttendus);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM journal WHERE convention_id = :c AND action = 'import d''un plan complet'")
                .param("c", convention).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_reader_cannot_confirm_a_plan_and_nothing_is_written() throws Exception {
        ClientApi api = new ClientApi(mvc);
        PlanTrouve plan = new AnalysePlan().analyser(AnalysePlanTest.semence("pilat"));
        long convention = api.creerConventionDeTest("caf07", "Import refusé").path("id").asLong();

        assertThatThrownBy(() -> Comme.utilisateur(utilisateurs, "lecteur", () -> {
            confirmation.confirmer(convention, plan);
            return null;
        })).isInstanceOf(AccesRefuse.class);
        assertThat(jdbc.sql("SELECT count(*) FROM fiche WHERE convention_id = :c").param("c", convention).query(Long.class).single()).isZero();

        Comme.utilisateur(utilisateurs, "caf07", () -> {
            confirmation.confirmer(convention, PlanTrouve.vide());
            return null;
        });
        assertThat(jdbc.sql("SELECT count(*) FROM plan_noeud WHERE convention_id = :c").param("c", convention).query(Long.class).single()).isZero();
    }

    private static List<String> titres(JsonNode noeuds) {
        List<String> titres = new ArrayList<>();
        noeuds.forEach(n -> {
            titres.add(n.path("reference").asString() + " " + n.path("titre").asString());
            titres.addAll(titres(n.path("noeuds")));
        });
        return titres;
    }

    /** Every fiche of a draft's plan part, at any depth. */
    static List<JsonNode> fiches(JsonNode plan) {
        List<JsonNode> fiches = new ArrayList<>();
        plan.path("noeuds").forEach(n -> fichesDe(n, fiches));
        plan.path("fiches").forEach(fiches::add);
        return fiches;
    }

    private static void fichesDe(JsonNode n, List<JsonNode> fiches) {
        n.path("fiches").forEach(fiches::add);
        n.path("noeuds").forEach(e -> fichesDe(e, fiches));
    }
}
