package fr.pilotectg.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages.Page;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 item 2: fiches and axes linked to the items of the convention's reference frameworks and to its objectifs
 * conjoints (stable ids), through the fiche and node API, the complete plan and its import, and the pages.
 */
@IntegrationTest
class LiensDuPlanTest extends PlanTestSupport {

    @Autowired
    JdbcClient jdbc;

    /** Ids of a new convention's framework items (0: "1 Petite enfance", 1: its sub-item "1.1", 2: "2 Jeunesse") and objectifs. */
    record Cadre(PlansDeTest.PetitPlan plan, List<Long> elements, List<Long> objectifs, long partie) {
    }

    private Cadre cadre(String prefixe) {
        PlansDeTest.PetitPlan p = plans.petitPlan(prefixe, Numerotation.CONTINUE);
        JsonNode convention = api.convention("caf07", p.conventionId());
        long partie = convention.path("parties").get(0).path("organisation").path("id").asLong();
        Reponse r = api.put("caf07", "/api/v1/conventions/" + p.conventionId() + "/referentiels", Map.of("version", 0, "referentiels",
                List.of(Map.of("nom", "Schéma départemental", "proprietaire", "Département", "elements", List.of(
                        element("1", "Petite enfance", List.of(element("1.1", "Places d'accueil", List.of()))),
                        element("2", "Jeunesse", List.of()))))));
        assertThat(r.status()).as(r.texte()).isEqualTo(200);
        JsonNode elements = r.json().path("referentiels").get(0).path("elements");
        List<Long> ids = List.of(elements.get(0).path("id").asLong(), elements.get(0).path("elements").get(0).path("id").asLong(),
                elements.get(1).path("id").asLong());
        Reponse o = api.put("caf07", "/api/v1/conventions/" + p.conventionId() + "/objectifs-conjoints", Map.of("version", 0, "objectifs",
                List.of(objectif(null, "Développer l'accueil du jeune enfant", partie), objectif(null, "Soutenir la parentalité", partie))));
        assertThat(o.status()).as(o.texte()).isEqualTo(200);
        List<Long> objectifs = new ArrayList<>();
        o.json().path("objectifs").forEach(x -> objectifs.add(x.path("id").asLong()));
        assertThat(objectifs).hasSize(2).doesNotContainNull().allMatch(i -> i > 0);
        return new Cadre(p, ids, objectifs, partie);
    }

    private static Map<String, Object> element(String code, String intitule, List<Object> sous) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("code", code);
        e.put("intitule", intitule);
        e.put("elements", sous);
        return e;
    }

    private static Map<String, Object> objectif(Long id, String intitule, long partie) {
        Map<String, Object> o = new LinkedHashMap<>();
        if (id != null) {
            o.put("id", id);
        }
        o.put("intitule", intitule);
        o.put("parties", List.of(partie));
        return o;
    }

    private List<Long> ids(JsonNode liste) {
        List<Long> ids = new ArrayList<>();
        liste.forEach(x -> ids.add(x.asLong()));
        return ids;
    }

    @Test
    void fiches_and_axes_link_to_framework_items_and_objectifs_and_foreign_ids_are_refused() {
        Cadre c = cadre("liens-api");
        Cadre autre = cadre("liens-autre");
        long alpha = c.plan().alpha();
        JsonNode lue = api.get("caf07", "/api/v1/fiches/" + alpha).json();
        assertThat(lue.path("referentielElements").isArray()).isTrue();
        assertThat(lue.path("referentielElements")).isEmpty();

        Reponse lie = api.patch("caf07", "/api/v1/fiches/" + alpha + "?version=" + lue.path("version").asInt(),
                Map.of("referentielElements", List.of(c.elements().get(1), c.elements().get(2)), "objectifsConjoints", List.of(c.objectifs().get(0))));
        assertThat(lie.status()).as(lie.texte()).isEqualTo(200);
        assertThat(ids(lie.json().path("referentielElements"))).containsExactlyInAnyOrder(c.elements().get(1), c.elements().get(2));
        assertThat(ids(lie.json().path("objectifsConjoints"))).containsExactly(c.objectifs().get(0));
        int version = lie.json().path("version").asInt();
        assertThat(jdbc.sql("SELECT count(*) FROM journal WHERE objet_type = 'fiche' AND objet_id = :f AND action = 'liens aux référentiels et objectifs conjoints'")
                .param("f", alpha).query(Long.class).single()).isEqualTo(1);

        // An id of another convention: 400 naming the member, nothing written.
        long journalAvant = jdbc.sql("SELECT count(*) FROM journal WHERE convention_id = :c").param("c", c.plan().conventionId()).query(Long.class).single();
        Reponse etranger = api.patch("caf07", "/api/v1/fiches/" + alpha + "?version=" + version,
                Map.of("referentielElements", List.of(autre.elements().get(0))));
        assertThat(etranger.status()).as(etranger.texte()).isEqualTo(400);
        assertThat(etranger.champsEnErreur()).containsExactly("referentielElements");
        Reponse objectifEtranger = api.put("caf07", "/api/v1/fiches/" + alpha + "?version=" + version,
                PlansDeTest.corps(api.get("caf07", "/api/v1/fiches/" + alpha).json(), Map.of("objectifsConjoints", List.of(autre.objectifs().get(1)))));
        assertThat(objectifEtranger.status()).as(objectifEtranger.texte()).isEqualTo(400);
        assertThat(objectifEtranger.champsEnErreur()).containsExactly("objectifsConjoints");
        JsonNode inchangee = api.get("caf07", "/api/v1/fiches/" + alpha).json();
        assertThat(inchangee.path("version").asInt()).isEqualTo(version);
        assertThat(ids(inchangee.path("referentielElements"))).containsExactlyInAnyOrder(c.elements().get(1), c.elements().get(2));
        assertThat(jdbc.sql("SELECT count(*) FROM journal WHERE convention_id = :c").param("c", c.plan().conventionId()).query(Long.class).single())
                .isEqualTo(journalAvant);

        // A PATCH of another member keeps the links; readers and other Cafs cannot write them.
        Reponse titre = api.patch("caf07", "/api/v1/fiches/" + alpha + "?version=" + version, Map.of("titre", "Alpha bis"));
        assertThat(titre.status()).as(titre.texte()).isEqualTo(200);
        assertThat(ids(titre.json().path("objectifsConjoints"))).containsExactly(c.objectifs().get(0));
        version = titre.json().path("version").asInt();
        for (String intrus : List.of("lecteur", "caf42")) {
            assertThat(api.patch(intrus, "/api/v1/fiches/" + alpha + "?version=" + version, Map.of("objectifsConjoints", List.of())).status())
                    .as(intrus).isIn(403, 404);
        }
        assertThat(ids(api.get("caf07", "/api/v1/fiches/" + alpha).json().path("objectifsConjoints"))).containsExactly(c.objectifs().get(0));

        // Objectifs keep their id when edited, so the link stays; a deleted objectif takes its links with it.
        Reponse renomme = api.put("caf07", "/api/v1/conventions/" + c.plan().conventionId() + "/objectifs-conjoints", Map.of("version", 1,
                "objectifs", List.of(objectif(c.objectifs().get(1), "Soutenir la parentalité (modifié)", c.partie()),
                        objectif(c.objectifs().get(0), "Développer l'accueil (modifié)", c.partie()))));
        assertThat(renomme.status()).as(renomme.texte()).isEqualTo(200);
        List<Long> ordre = new ArrayList<>();
        renomme.json().path("objectifs").forEach(x -> ordre.add(x.path("id").asLong()));
        assertThat(ordre).containsExactly(c.objectifs().get(1), c.objectifs().get(0));
        assertThat(ids(api.get("caf07", "/api/v1/fiches/" + alpha).json().path("objectifsConjoints"))).containsExactly(c.objectifs().get(0));
        Reponse idEtranger = api.put("caf07", "/api/v1/conventions/" + c.plan().conventionId() + "/objectifs-conjoints", Map.of("version", 2,
                "objectifs", List.of(objectif(autre.objectifs().get(0), "Volé", c.partie()))));
        assertThat(idEtranger.status()).isEqualTo(400);
        assertThat(idEtranger.champsEnErreur()).containsExactly("objectifs[0].id");
        Reponse supprime = api.put("caf07", "/api/v1/conventions/" + c.plan().conventionId() + "/objectifs-conjoints", Map.of("version", 2,
                "objectifs", List.of(objectif(c.objectifs().get(1), "Soutenir la parentalité", c.partie()))));
        assertThat(supprime.status()).as(supprime.texte()).isEqualTo(200);
        assertThat(api.get("caf07", "/api/v1/fiches/" + alpha).json().path("objectifsConjoints")).isEmpty();

        // An axe (plan node): PUT with its links, read back; a foreign id refused.
        JsonNode axe = api.get("caf07", "/api/v1/noeuds/" + c.plan().axeA()).json();
        Reponse axeLie = api.put("caf07", "/api/v1/noeuds/" + c.plan().axeA() + "?version=" + axe.path("version").asInt(),
                Map.of("titre", "Axe A", "referentielElements", List.of(c.elements().get(0)), "objectifsConjoints", List.of(c.objectifs().get(1))));
        assertThat(axeLie.status()).as(axeLie.texte()).isEqualTo(200);
        assertThat(ids(axeLie.json().path("referentielElements"))).containsExactly(c.elements().get(0));
        assertThat(ids(axeLie.json().path("objectifsConjoints"))).containsExactly(c.objectifs().get(1));
        Reponse axeEtranger = api.put("caf07", "/api/v1/noeuds/" + c.plan().axeA() + "?version=" + axeLie.json().path("version").asInt(),
                Map.of("titre", "Axe A", "referentielElements", List.of(autre.elements().get(2))));
        assertThat(axeEtranger.status()).isEqualTo(400);
        assertThat(axeEtranger.champsEnErreur()).containsExactly("referentielElements");
        assertThat(ids(api.get("caf07", "/api/v1/noeuds/" + c.plan().axeA()).json().path("referentielElements"))).containsExactly(c.elements().get(0));

        // The complete plan carries the links; imported into another convention, foreign links are dropped and counted.
        JsonNode complet = api.get("caf07", "/api/v1/conventions/" + c.plan().conventionId() + "/plan?complet=true").json();
        JsonNode noeudA = complet.path("noeuds").get(0);
        assertThat(ids(noeudA.path("referentielElements"))).containsExactly(c.elements().get(0));
        assertThat(ids(noeudA.path("fiches").get(0).path("referentielElements"))).containsExactlyInAnyOrder(c.elements().get(1), c.elements().get(2));
        long copie = plans.convention("liens-copie");
        Reponse importe = api.post("caf07", "/api/v1/conventions/" + copie + "/plan/import", complet);
        assertThat(importe.status()).as(importe.texte()).isEqualTo(201);
        assertThat(importe.json().path("liensIgnores").asInt()).isEqualTo(4);
        assertThat(plans.fichesApi(copie).get(0).path("referentielElements")).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM plan_lien_referentiel l JOIN fiche f ON f.id = l.fiche_id WHERE f.convention_id = :c")
                .param("c", copie).query(Long.class).single()).isZero();
    }

    @Test
    void a_plan_re_imported_into_its_own_convention_keeps_its_links() {
        Cadre c = cadre("liens-reimport");
        JsonNode f = api.get("caf07", "/api/v1/fiches/" + c.plan().charlie()).json();
        assertThat(api.patch("caf07", "/api/v1/fiches/" + c.plan().charlie() + "?version=" + f.path("version").asInt(),
                Map.of("objectifsConjoints", List.of(c.objectifs().get(1)))).status()).isEqualTo(200);
        ObjectNode complet = (ObjectNode) api.get("caf07", "/api/v1/conventions/" + c.plan().conventionId() + "/plan?complet=true").json();
        // The same convention's ids are kept: emptied plan, then the import.
        for (JsonNode fiche : plans.fichesApi(c.plan().conventionId())) {
            assertThat(api.delete("caf07", "/api/v1/fiches/" + fiche.path("id").asLong() + "?version=" + fiche.path("version").asInt()).status()).isEqualTo(204);
        }
        jdbc.sql("DELETE FROM fiche WHERE convention_id = :c").param("c", c.plan().conventionId()).update();
        jdbc.sql("DELETE FROM plan_noeud WHERE convention_id = :c").param("c", c.plan().conventionId()).update();
        Reponse importe = api.post("caf07", "/api/v1/conventions/" + c.plan().conventionId() + "/plan/import", complet);
        assertThat(importe.status()).as(importe.texte()).isEqualTo(201);
        assertThat(importe.json().path("liensIgnores").asInt()).isZero();
        JsonNode charlie = plans.fichesApi(c.plan().conventionId()).stream().filter(x -> x.path("titre").asString().equals("Charlie")).findFirst().orElseThrow();
        assertThat(ids(charlie.path("objectifsConjoints"))).containsExactly(c.objectifs().get(1));
    }

    @Test
    void the_fiche_and_node_edit_pages_tick_links_grouped_by_framework_and_the_fiche_page_shows_them() {
        Cadre c = cadre("liens-pages");
        long bravo = c.plan().bravo();
        Page vide = pages.get("caf07", "/fiches/" + bravo);
        assertThat(vide.status()).isEqualTo(200);
        assertThat(vide.document().select(".liens-vides").text()).contains("Rattachée à aucun");

        Document formulaire = pages.get("caf07", "/fiches/" + bravo + "/modifier").document();
        Element groupe = formulaire.selectFirst("fieldset.liens-referentiels fieldset");
        assertThat(groupe.selectFirst("legend").text()).isEqualTo("Schéma départemental");
        assertThat(groupe.select("input[type=checkbox][name=referentielElements]")).hasSize(3);
        for (Element caseACocher : formulaire.select("input[name=referentielElements], input[name=objectifsConjoints]")) {
            assertThat(formulaire.select("label[for=" + caseACocher.id() + "]")).as(caseACocher.id()).hasSize(1);
        }
        formulaire.getElementById("lien-referentiel-" + c.elements().get(1)).attr("checked", true);
        formulaire.getElementById("lien-objectif-" + c.objectifs().get(0)).attr("checked", true);
        Page enregistre = pages.soumettre("caf07", formulaire, "form[action$=/fiches/" + bravo + "/modifier]");
        assertThat(enregistre.redirection()).as(enregistre.html()).isEqualTo("/fiches/" + bravo);
        Document fiche = pages.get("caf07", "/fiches/" + bravo).document();
        assertThat(fiche.select("ul.liens-referentiels li").eachText()).containsExactly("1.1 Places d'accueil");
        assertThat(fiche.select("ul.liens-objectifs li").eachText()).containsExactly("Développer l'accueil du jeune enfant");
        assertThat(ids(api.get("caf07", "/api/v1/fiches/" + bravo).json().path("referentielElements"))).containsExactly(c.elements().get(1));

        // A forged value: refused naming the list, nothing written.
        Document encore = pages.get("caf07", "/fiches/" + bravo + "/modifier").document();
        Map<String, String> champs = fr.pilotectg.testsupport.ClientPages.champs(encore, "form[action$=/fiches/" + bravo + "/modifier]");
        champs.put("referentielElements", String.valueOf(cadre("liens-pages-autre").elements().get(0)));
        Page refuse = pages.poster("caf07", "/fiches/" + bravo + "/modifier", champs);
        assertThat(refuse.status()).isIn(200, 400);
        assertThat(refuse.document().select("#erreur-referentielElements").text()).contains("n'est pas un élément des référentiels");
        assertThat(ids(api.get("caf07", "/api/v1/fiches/" + bravo).json().path("referentielElements"))).containsExactly(c.elements().get(1));

        // The node edit page.
        String chemin = "/conventions/" + c.plan().conventionId() + "/plan/noeuds/" + c.plan().axeB() + "/modifier";
        Document noeud = pages.get("caf07", chemin).document();
        noeud.getElementById("lien-objectif-" + c.objectifs().get(1)).attr("checked", true);
        Page noeudEnregistre = pages.soumettre("caf07", noeud, "form[action$=/modifier]");
        assertThat(noeudEnregistre.redirection()).as(noeudEnregistre.html()).isEqualTo("/conventions/" + c.plan().conventionId() + "/plan");
        assertThat(ids(api.get("caf07", "/api/v1/noeuds/" + c.plan().axeB()).json().path("objectifsConjoints"))).containsExactly(c.objectifs().get(1));
        assertThat(pages.get("caf07", chemin).document().getElementById("lien-objectif-" + c.objectifs().get(1)).hasAttr("checked")).isTrue();
        // A reader cannot open the edit pages.
        assertThat(pages.get("lecteur", chemin).status()).isIn(403, 404);
        assertThat(pages.get("lecteur", "/fiches/" + bravo + "/modifier").status()).isIn(403, 404);
    }
}
