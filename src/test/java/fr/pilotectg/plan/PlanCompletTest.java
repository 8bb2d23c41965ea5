package fr.pilotectg.plan;

import java.util.List;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10 item 9: the complete plan read in one call and imported in one call, all or nothing, references kept. */
@IntegrationTest
class PlanCompletTest extends PlanTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void copying_the_pilat_plan_to_a_new_convention_gives_the_same_48_fiches() {
        JsonNode pilat = api.get("admin", "/api/v1/conventions/" + api.pilat() + "/plan?complet=true").json();
        assertThat(pilat.path("modele").isString()).isTrue();
        long copie = plans.convention("Copie du Pilat");

        Reponse importe = api.post("caf07", "/api/v1/conventions/" + copie + "/plan/import", pilat);
        assertThat(importe.status()).as(importe.texte()).isEqualTo(201);
        assertThat(importe.json().path("fiches").asInt()).isEqualTo(48);

        JsonNode lu = api.get("caf07", "/api/v1/conventions/" + copie + "/plan?complet=true").json();
        for (String membre : List.of("modele", "niveaux", "champs", "noeuds", "fiches")) {
            assertThat(lu.path(membre)).as(membre).isEqualTo(pilat.path(membre));
        }
        List<JsonNode> source = plans.fichesApi(api.pilat());
        List<JsonNode> copiees = plans.fichesApi(copie);
        assertThat(copiees).hasSize(48);
        assertThat(copiees).extracting(f -> f.path("reference").asString() + " " + f.path("titre").asString())
                .containsExactlyElementsOf(source.stream().map(f -> f.path("reference").asString() + " " + f.path("titre").asString()).toList());
        assertThat(copiees).extracting(f -> f.path("champs")).containsExactlyElementsOf(source.stream().map(f -> f.path("champs")).toList());
        // A new fiche still gets the next free number: the references came back as they were.
        assertThat(jdbc.sql("SELECT count(*) FROM journal WHERE convention_id = :c AND action = 'import d''un plan complet'")
                .param("c", copie).query(Long.class).single()).isEqualTo(1);

        Reponse encore = api.post("caf07", "/api/v1/conventions/" + copie + "/plan/import", pilat);
        assertThat(encore.status()).isEqualTo(409);
        assertThat(plans.fichesApi(copie)).hasSize(48);
        assertThat(api.post("caf07", "/api/v1/conventions/" + api.aubenas() + "/plan/import", pilat).status()).isEqualTo(409);
    }

    @Test
    void a_failed_import_names_the_bad_element_and_leaves_nothing() {
        JsonNode pilat = api.get("admin", "/api/v1/conventions/" + api.pilat() + "/plan?complet=true").json();
        long cible = plans.convention("Import refusé");
        long transactionsAvant = jdbc.sql("SELECT count(*) FROM journal WHERE convention_id = :c").param("c", cible).query(Long.class).single();

        ObjectNode corps = (ObjectNode) pilat.deepCopy();
        String chemin = premiereFiche(corps.path("noeuds"), "noeuds");
        ObjectNode fiche = (ObjectNode) suivre(corps, chemin);
        fiche.put("titre", "  ");
        Reponse refuse = api.post("caf07", "/api/v1/conventions/" + cible + "/plan/import", corps);
        assertThat(refuse.status()).as(refuse.texte()).isEqualTo(400);
        assertThat(refuse.champsEnErreur()).containsExactly(chemin + ".titre");
        assertRienEcrit(cible, transactionsAvant);

        ObjectNode avecLien = (ObjectNode) pilat.deepCopy();
        avecLien.set("champs", JSON_LIEN);
        ((ObjectNode) ((ObjectNode) suivre(avecLien, chemin)).path("champs")).put("lien", "javascript:alert(1)");
        Reponse lienRefuse = api.post("caf07", "/api/v1/conventions/" + cible + "/plan/import", avecLien);
        assertThat(lienRefuse.status()).as(lienRefuse.texte()).isEqualTo(400);
        assertThat(lienRefuse.champsEnErreur()).containsExactly(chemin + ".champs.lien");
        assertRienEcrit(cible, transactionsAvant);

        // Denials: a reader, a porteur, another Caf's manager.
        for (String intrus : List.of("lecteur", "palabre", "caf42")) {
            assertThat(api.post(intrus, "/api/v1/conventions/" + cible + "/plan/import", pilat).status()).as(intrus).isIn(403, 404);
        }
        assertRienEcrit(cible, transactionsAvant);
    }

    private static final JsonNode JSON_LIEN = tools.jackson.databind.json.JsonMapper.builder().build()
            .valueToTree(List.of(Map.of("cle", "lien", "libelle", "Lien", "type", "URL")));

    private void assertRienEcrit(long convention, long journalAvant) {
        assertThat(api.get("caf07", "/api/v1/conventions/" + convention + "/plan/niveaux").status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM fiche WHERE convention_id = :c").param("c", convention).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM plan_noeud WHERE convention_id = :c").param("c", convention).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM journal WHERE convention_id = :c").param("c", convention).query(Long.class).single())
                .isEqualTo(journalAvant);
    }

    /** The path of the first fiche met under the nodes, depth first ("noeuds[0].noeuds[1].fiches[0]"). */
    private static String premiereFiche(JsonNode noeuds, String chemin) {
        for (int i = 0; i < noeuds.size(); i++) {
            JsonNode n = noeuds.get(i);
            if (n.path("fiches").size() > 0) {
                return chemin + "[" + i + "].fiches[0]";
            }
            String dessous = premiereFiche(n.path("noeuds"), chemin + "[" + i + "].noeuds");
            if (dessous != null) {
                return dessous;
            }
        }
        return null;
    }

    private static JsonNode suivre(JsonNode racine, String chemin) {
        JsonNode courant = racine;
        for (String morceau : chemin.split("\\.")) {
            String nom = morceau.substring(0, morceau.indexOf('['));
            int index = Integer.parseInt(morceau.substring(morceau.indexOf('[') + 1, morceau.indexOf(']')));
            courant = courant.path(nom).get(index);
        }
        return courant;
    }
}
