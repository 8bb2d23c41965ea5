package fr.pilotectg.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10 item 9: a plan created through the API, its levels read and replaced, the level of a new node checked. */
@IntegrationTest
class PlanNiveauxApiTest extends PlanTestSupport {

    private static Map<String, Object> niveau(Integer rang, String nom, String numerotation, String prefixe) {
        Map<String, Object> n = new HashMap<>();
        n.put("rang", rang);
        n.put("nom", nom);
        n.put("numerotation", numerotation);
        n.put("prefixe", prefixe);
        return n;
    }

    private long planParLApi(String prefixe) {
        long c = plans.convention(prefixe);
        Reponse cree = api.post("caf07", "/api/v1/conventions/" + c + "/plan", Map.of("modele", "NATIONAL", "niveaux", List.of(
                Map.of("nom", "Orientation"), Map.of("nom", "Objectif"), Map.of("nom", "Action", "prefixe", "A"))));
        assertThat(cree.status()).as(cree.texte()).isEqualTo(201);
        return c;
    }

    @Test
    void a_plan_is_created_once_through_the_api_and_only_by_its_managers() {
        long c = plans.convention("Plan créé par l'API");
        assertThat(api.post("caf42", "/api/v1/conventions/" + c + "/plan", Map.of("modele", "NATIONAL",
                "niveaux", List.of(Map.of("nom", "Axe"), Map.of("nom", "Fiche")))).status()).isIn(403, 404);
        Reponse sansModele = api.post("caf07", "/api/v1/conventions/" + c + "/plan", Map.of("niveaux", List.of(Map.of("nom", "Axe"), Map.of("nom", "Fiche"))));
        assertThat(sansModele.status()).isEqualTo(400);
        assertThat(sansModele.champsEnErreur()).containsExactly("modele");
        Reponse unSeulNiveau = api.post("caf07", "/api/v1/conventions/" + c + "/plan", Map.of("modele", "COURT", "niveaux", List.of(Map.of("nom", "Fiche"))));
        assertThat(unSeulNiveau.status()).isEqualTo(400);
        Reponse nomVide = api.post("caf07", "/api/v1/conventions/" + c + "/plan", Map.of("modele", "COURT",
                "niveaux", List.of(Map.of("nom", "Axe"), Map.of("nom", " "))));
        assertThat(nomVide.champsEnErreur()).containsExactly("niveaux[1].nom");
        assertThat(api.get("caf07", "/api/v1/conventions/" + c + "/plan/niveaux").status()).as("nothing created").isEqualTo(404);

        Reponse cree = api.post("caf07", "/api/v1/conventions/" + c + "/plan", Map.of("modele", "COURT", "niveaux", List.of(
                Map.of("nom", "Axe"), Map.of("nom", "Fiche action", "prefixe", "FA"))));
        assertThat(cree.status()).as(cree.texte()).isEqualTo(201);
        assertThat(cree.json().path("modele").asString()).isEqualTo("COURT");
        assertThat(cree.json().path("niveaux")).extracting(n -> n.path("nom").asString() + "/" + n.path("numerotation").asString())
                .containsExactly("Axe/PAR_PARENT", "Fiche action/CONTINUE");
        Reponse encore = api.post("caf07", "/api/v1/conventions/" + c + "/plan", Map.of("modele", "NATIONAL", "niveaux", List.of(
                Map.of("nom", "Autre"), Map.of("nom", "Fiche"))));
        assertThat(encore.status()).isEqualTo(409);
        assertThat(api.get("caf07", "/api/v1/conventions/" + c + "/plan/niveaux").json().path("modele").asString()).isEqualTo("COURT");
        assertThat(api.post("lecteur", "/api/v1/conventions/" + api.aubenas() + "/plan", Map.of("modele", "NATIONAL",
                "niveaux", List.of(Map.of("nom", "Axe"), Map.of("nom", "Fiche")))).status()).isIn(403, 404);
    }

    @Test
    void levels_are_replaced_with_the_plan_version_all_or_nothing() {
        long c = planParLApi("Niveaux par l'API");
        JsonNode lus = api.get("caf07", "/api/v1/conventions/" + c + "/plan/niveaux").json();
        int version = lus.path("version").asInt();
        assertThat(lus.path("niveaux")).extracting(n -> n.path("nom").asString()).containsExactly("Orientation", "Objectif", "Action");

        Reponse remplaces = api.put("caf07", "/api/v1/conventions/" + c + "/plan/niveaux?version=" + version, Map.of("niveaux", List.of(
                niveau(0, "Orientation", "CONTINUE", ""), niveau(1, "Objectif opérationnel", "PAR_PARENT", ""),
                niveau(null, "Mesure", null, "M"), niveau(2, "Action", "CONTINUE", "A"))));
        assertThat(remplaces.status()).as(remplaces.texte()).isEqualTo(200);
        assertThat(remplaces.json().path("niveaux")).extracting(n -> n.path("rang").asInt() + " " + n.path("nom").asString()
                        + " " + n.path("numerotation").asString() + " " + n.path("prefixe").asString())
                .containsExactly("0 Orientation CONTINUE ", "1 Objectif opérationnel PAR_PARENT ", "2 Mesure PAR_PARENT M", "3 Action CONTINUE A");
        int nouvelle = remplaces.json().path("version").asInt();
        assertThat(nouvelle).isGreaterThan(version);

        Reponse perime = api.put("caf07", "/api/v1/conventions/" + c + "/plan/niveaux?version=" + version, Map.of("niveaux", List.of(
                niveau(0, "Périmé", null, ""), niveau(3, "Action", null, "A"))));
        assertThat(perime.status()).isEqualTo(409);

        // An orientation holds a node: its level cannot go; the whole request is refused, the rename in it too.
        long orientation = creerNoeud(c, null, 0, "Orientation une").json().path("id").asLong();
        Reponse occupe = api.put("caf07", "/api/v1/conventions/" + c + "/plan/niveaux?version=" + nouvelle, Map.of("niveaux", List.of(
                niveau(1, "Objectif renommé", null, ""), niveau(2, "Mesure", null, "M"), niveau(3, "Action", null, "A"))));
        assertThat(occupe.status()).isEqualTo(400);
        assertThat(occupe.champsEnErreur()).containsExactly("niveaux");
        assertThat(occupe.texte()).contains("Orientation");
        Reponse desordre = api.put("caf07", "/api/v1/conventions/" + c + "/plan/niveaux?version=" + nouvelle, Map.of("niveaux", List.of(
                niveau(1, "Objectif", null, ""), niveau(0, "Orientation", null, ""), niveau(3, "Action", null, "A"))));
        assertThat(desordre.champsEnErreur()).containsExactly("niveaux[1].rang");
        Reponse sansNom = api.put("caf07", "/api/v1/conventions/" + c + "/plan/niveaux?version=" + nouvelle, Map.of("niveaux", List.of(
                niveau(0, "", null, ""), niveau(3, "Action", null, "A"))));
        assertThat(sansNom.champsEnErreur()).contains("niveaux[0].nom");
        JsonNode apres = api.get("caf07", "/api/v1/conventions/" + c + "/plan/niveaux").json();
        assertThat(apres.path("version").asInt()).isEqualTo(nouvelle);
        assertThat(apres.path("niveaux")).extracting(n -> n.path("nom").asString())
                .containsExactly("Orientation", "Objectif opérationnel", "Mesure", "Action");

        // Removing the empty Mesure level is fine; the node keeps its reference.
        Reponse retrait = api.put("caf07", "/api/v1/conventions/" + c + "/plan/niveaux?version=" + nouvelle, Map.of("niveaux", List.of(
                niveau(0, "Orientation", null, ""), niveau(1, "Objectif opérationnel", null, ""), niveau(3, "Action", null, "A"))));
        assertThat(retrait.status()).as(retrait.texte()).isEqualTo(200);
        assertThat(retrait.json().path("niveaux")).hasSize(3);
        assertThat(api.get("caf07", "/api/v1/noeuds/" + orientation).json().path("reference").asString()).isEqualTo("1");

        // Denials: another Caf's manager, a reader, a porteur.
        int v = retrait.json().path("version").asInt();
        Map<String, Object> corps = Map.of("niveaux", List.of(niveau(0, "Volé", null, ""), niveau(1, "Objectif", null, ""), niveau(2, "Action", null, "A")));
        assertThat(api.put("caf42", "/api/v1/conventions/" + c + "/plan/niveaux?version=" + v, corps).status()).isIn(403, 404);
        assertThat(api.get("caf42", "/api/v1/conventions/" + c + "/plan/niveaux").status()).isIn(403, 404);
        long aubenas = api.aubenas();
        int vAubenas = api.get("caf07", "/api/v1/conventions/" + aubenas + "/plan/niveaux").json().path("version").asInt();
        assertThat(api.get("lecteur", "/api/v1/conventions/" + aubenas + "/plan/niveaux").status()).isEqualTo(200);
        assertThat(api.put("lecteur", "/api/v1/conventions/" + aubenas + "/plan/niveaux?version=" + vAubenas, corps).status()).isIn(403, 404);
        assertThat(api.put("palabre", "/api/v1/conventions/" + aubenas + "/plan/niveaux?version=" + vAubenas, corps).status()).isIn(403, 404);
        assertThat(api.get("caf07", "/api/v1/conventions/" + c + "/plan/niveaux").json().path("niveaux").get(0).path("nom").asString())
                .isEqualTo("Orientation");
    }

    @Test
    void the_level_of_a_new_node_is_checked_against_its_parent() {
        long c = planParLApi("Niveau d'un élément");
        Reponse orientation = creerNoeud(c, null, 0, "Orientation");
        assertThat(orientation.status()).as(orientation.texte()).isEqualTo(201);
        long o = orientation.json().path("id").asLong();
        Reponse mauvais = creerNoeud(c, o, 0, "Objectif mal placé");
        assertThat(mauvais.status()).isEqualTo(400);
        assertThat(mauvais.champsEnErreur()).containsExactly("niveau");
        assertThat(mauvais.messageDuChamp("niveau")).contains("Objectif");
        assertThat(creerNoeud(c, null, 1, "Objectif à la racine").champsEnErreur()).containsExactly("niveau");
        assertThat(creerNoeud(c, o, 7, "Trop profond").champsEnErreur()).containsExactly("niveau");
        Reponse bon = creerNoeud(c, o, 1, "Objectif");
        assertThat(bon.status()).as(bon.texte()).isEqualTo(201);
        assertThat(bon.json().path("niveau").asString()).isEqualTo("Objectif");
        assertThat(creerNoeud(c, bon.json().path("id").asLong(), 2, "Sous un objectif").champsEnErreur()).containsExactly("niveau");
        assertThat(plans.arbre(c).racines()).hasSize(1);
        assertThat(plans.arbre(c).racines().get(0).enfants()).extracting(b -> b.noeud().titre()).containsExactly("Objectif");
    }

    private Reponse creerNoeud(long convention, Long parentId, Integer niveau, String titre) {
        Map<String, Object> corps = new HashMap<>();
        corps.put("parentId", parentId);
        corps.put("niveau", niveau);
        corps.put("titre", titre);
        return api.post("caf07", "/api/v1/conventions/" + convention + "/plan/noeuds", corps);
    }
}
