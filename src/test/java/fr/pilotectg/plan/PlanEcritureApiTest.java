package fr.pilotectg.plan;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** Issue 10 item 9 (first part): nodes and fiches written through the API, with versions, rights and refusals. */
@IntegrationTest
class PlanEcritureApiTest extends PlanTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An empty plan Orientation / Objectif / Sous-objectif / Mesure / Action, set up as the admin. */
    private long planVide(String prefixe) {
        long convention = plans.convention(prefixe);
        plans.comme("admin", () -> planService.initialiser(convention, ModeleFiche.NATIONAL, List.of(
                new Niveau(0, "Orientation", Numerotation.CONTINUE, ""), new Niveau(1, "Objectif", Numerotation.PAR_PARENT, ""),
                new Niveau(2, "Sous-objectif", Numerotation.PAR_PARENT, ""), new Niveau(3, "Mesure", Numerotation.PAR_PARENT, ""),
                new Niveau(4, "Action", Numerotation.CONTINUE, "A")), List.of(), List.of(), List.of()));
        return convention;
    }

    @Test
    void a_five_level_plan_is_built_through_the_api_and_shows_as_built() {
        long c = planVide("Plan par l'API");
        long orientation = creerNoeud(c, null, "Orientation une", null);
        long objectif = creerNoeud(c, orientation, "Objectif un", "En s'appuyant sur le RPE");
        long sousObjectif = creerNoeud(c, objectif, "Sous-objectif un", null);
        long mesure = creerNoeud(c, sousObjectif, "", null);
        Reponse fiche = api.post("caf07", "/api/v1/conventions/" + c + "/plan/fiches", Map.of("noeudId", objectif, "titre", "Action de l'objectif",
                "annees", List.of(2027), "champs", Map.of("publicCible", List.of("Familles"), "enjeu", "Un enjeu"),
                "sousActions", List.of(Map.of("libelle", "Première étape"), Map.of("libelle", "Deuxième étape"),
                        Map.of("libelle", "Troisième étape", "porteur", "RPE"))));
        assertThat(fiche.status()).as(fiche.texte()).isEqualTo(201);
        assertThat(fiche.json().path("sousActions")).extracting(s -> s.path("libelle").asString())
                .containsExactly("Première étape", "Deuxième étape", "Troisième étape");
        assertThat(fiche.json().path("reference").asString()).isEqualTo("A1");
        assertThat(fiche.json().path("chemin")).extracting(JsonNode::asString).containsExactly("Orientation 1 : Orientation une", "Objectif 1 : Objectif un");
        Reponse sansSous = api.post("caf07", "/api/v1/conventions/" + c + "/plan/fiches", Map.of("noeudId", objectif, "titre", "Action sans sous-action"));
        assertThat(sansSous.status()).as(sansSous.texte()).isEqualTo(201);
        assertThat(sansSous.json().path("sousActions")).isEmpty();
        Reponse auFond = api.post("caf07", "/api/v1/conventions/" + c + "/plan/fiches", Map.of("noeudId", mesure, "titre", "Action de la mesure"));
        assertThat(auFond.status()).as(auFond.texte()).isEqualTo(201);
        Map<String, Object> racine = new HashMap<>();
        racine.put("noeudId", null);
        racine.put("titre", "Action à la racine");
        assertThat(api.post("caf07", "/api/v1/conventions/" + c + "/plan/fiches", racine).status()).isEqualTo(201);

        JsonNode plan = api.get("caf07", "/api/v1/conventions/" + c + "/plan").json();
        JsonNode o = plan.path("noeuds").get(0);
        assertThat(o.path("titre").asString()).isEqualTo("Orientation une");
        JsonNode obj = o.path("enfants").get(0);
        assertThat(obj.path("fiches")).extracting(f -> f.path("titre").asString() + " " + f.path("nombreSousActions").asInt())
                .containsExactly("Action de l'objectif 3", "Action sans sous-action 0");
        assertThat(obj.path("enfants").get(0).path("enfants").get(0).path("titre").asString()).isEqualTo("(intitulé manquant)");
        assertThat(obj.path("enfants").get(0).path("enfants").get(0).path("fiches").get(0).path("reference").asString()).isEqualTo("A3");
        assertThat(plan.path("fichesHorsAxe")).extracting(f -> f.path("reference").asString() + " " + f.path("titre").asString())
                .containsExactly("A4 Action à la racine");
        JsonNode complet = api.get("caf07", "/api/v1/conventions/" + c + "/plan?complet=true").json();
        assertThat(complet.path("noeuds").get(0).path("noeuds").get(0).path("fiches").get(0).path("sousActions"))
                .extracting(s -> s.path("libelle").asString() + "/" + (s.path("porteur").isNull() || s.path("porteur").isMissingNode() ? "" : s.path("porteur").asString()))
                .containsExactly("Première étape/", "Deuxième étape/", "Troisième étape/RPE");
        JsonNode noeud = api.get("caf07", "/api/v1/noeuds/" + objectif).json();
        assertThat(noeud.path("contexte").asString()).isEqualTo("En s'appuyant sur le RPE");
        assertThat(api.get("caf07", "/api/v1/noeuds/" + mesure).json().path("intituleManquant").asBoolean()).isTrue();

        Document page = pages.get("caf07", "/conventions/" + c + "/plan").document();
        assertThat(page.selectFirst("li.branche[data-noeud=" + objectif + "] > ol.fiches").text()).contains("A1", "Action de l'objectif",
                "3 sous-actions", "A2", "Action sans sous-action");
        assertThat(page.select("li.branche[data-noeud=" + objectif + "] > ol.fiches > li.fiche").get(1).select(".sous-actions")).isEmpty();
        Document pageFiche = pages.get("caf07", "/fiches/" + fiche.json().path("id").asLong()).document();
        assertThat(pageFiche.select("table.sous-actions-fiche tbody tr")).extracting(tr -> tr.selectFirst("th").text())
                .containsExactly("Première étape", "Deuxième étape", "Troisième étape");
        assertThat(page.selectFirst("li.branche[data-noeud=" + mesure + "] .intitule-manquant")).isNotNull();
    }

    @Test
    void patch_changes_only_what_is_sent_and_put_replaces_the_whole_fiche() {
        long c = planVide("PATCH d'une fiche");
        long objectif = creerNoeud(c, creerNoeud(c, null, "Orientation", null), "Objectif", null);
        JsonNode cree = api.post("caf07", "/api/v1/conventions/" + c + "/plan/fiches", Map.of("noeudId", objectif, "titre", "Avant",
                "annees", List.of(2027), "echeances", "2027", "champs", Map.of("publicCible", List.of("Familles"), "enjeu", "Un enjeu"))).json();
        long id = cree.path("id").asLong();

        Reponse patch = envoyer("caf07", MockMvcRequestBuilders.patch("/api/v1/fiches/" + id + "?version=" + cree.path("version").asInt()),
                Map.of("titre", "Après", "champs", Map.of("enjeu", "Un autre enjeu")));

        assertThat(patch.status()).as(patch.texte()).isEqualTo(200);
        JsonNode apres = patch.json();
        assertThat(apres.path("titre").asString()).isEqualTo("Après");
        assertThat(apres.path("champs").path("enjeu").asString()).isEqualTo("Un autre enjeu");
        assertThat(apres.path("champs").path("publicCible")).extracting(JsonNode::asString).containsExactly("Familles");
        assertThat(apres.path("annees")).extracting(JsonNode::asInt).containsExactly(2027);
        assertThat(apres.path("echeances").asString()).isEqualTo("2027");
        assertThat(apres.path("reference").asString()).isEqualTo("A1");

        Map<String, Object> vider = new HashMap<>();
        vider.put("echeances", null);
        JsonNode vide = envoyer("caf07", MockMvcRequestBuilders.patch("/api/v1/fiches/" + id + "?version=" + apres.path("version").asInt()), vider).json();
        assertThat(vide.path("echeances").isNull()).isTrue();
        assertThat(vide.path("titre").asString()).isEqualTo("Après");

        Reponse perime = envoyer("caf07", MockMvcRequestBuilders.patch("/api/v1/fiches/" + id + "?version=" + cree.path("version").asInt()),
                Map.of("titre", "Périmée"));
        assertThat(perime.status()).isEqualTo(409);
        Reponse sansTitre = envoyer("caf07", MockMvcRequestBuilders.patch("/api/v1/fiches/" + id + "?version=" + vide.path("version").asInt()),
                Map.of("titre", ""));
        assertThat(sansTitre.status()).isEqualTo(400);
        assertThat(sansTitre.champsEnErreur()).contains("titre");
        assertThat(envoyer("lecteur", MockMvcRequestBuilders.patch("/api/v1/fiches/" + id + "?version=" + vide.path("version").asInt()),
                Map.of("titre", "Par le lecteur")).status()).isIn(403, 404);
        assertThat(api.get("caf07", "/api/v1/fiches/" + id).json().path("titre").asString()).isEqualTo("Après");

        String doc = api.get("caf07", "/api/v1/openapi").texte();
        assertThat(doc).contains("PUT remplace toute la fiche");
    }

    @Test
    void nodes_and_fiches_are_moved_edited_and_deleted_with_their_versions_and_bad_input_writes_nothing() {
        long c = planVide("Écritures de l'API");
        long o1 = creerNoeud(c, null, "Orientation une", null);
        long o2 = creerNoeud(c, null, "Orientation deux", null);
        long obj = creerNoeud(c, o1, "Objectif", null);
        JsonNode fiche = api.post("caf07", "/api/v1/conventions/" + c + "/plan/fiches", Map.of("noeudId", obj, "titre", "Action")).json();
        long f = fiche.path("id").asLong();

        // A fiche under a node of another convention, a node under its own descendant, a stale version: refused, nothing written.
        long axeAubenas = plans.arbre(api.aubenas()).racines().get(0).noeud().id();
        Reponse ailleurs = api.post("caf07", "/api/v1/fiches/" + f + "/deplacement?version=" + fiche.path("version").asInt(),
                Map.of("noeudId", axeAubenas, "position", 1));
        assertThat(ailleurs.status()).isEqualTo(400);
        assertThat(ailleurs.champsEnErreur()).containsExactly("noeudId");
        assertThat(api.post("caf07", "/api/v1/conventions/" + c + "/plan/fiches", Map.of("noeudId", axeAubenas, "titre", "Intruse")).status())
                .isEqualTo(400);
        int versionO1 = api.get("caf07", "/api/v1/noeuds/" + o1).json().path("version").asInt();
        Reponse cycle = api.post("caf07", "/api/v1/noeuds/" + o1 + "/deplacement?version=" + versionO1, Map.of("parentId", obj, "position", 1));
        assertThat(cycle.status()).isEqualTo(400);
        assertThat(cycle.champsEnErreur()).containsExactly("parentId");
        assertThat(api.put("caf07", "/api/v1/noeuds/" + o1 + "?version=" + (versionO1 + 3), Map.of("titre", "Périmé")).status()).isEqualTo(409);
        assertThat(plans.arbre(c).fichesDansLOrdre()).extracting(Fiche::titre).containsExactly("Action");

        Reponse deplacee = api.post("caf07", "/api/v1/fiches/" + f + "/deplacement?version=" + fiche.path("version").asInt(),
                Map.of("noeudId", o2, "position", 1));
        assertThat(deplacee.status()).as(deplacee.texte()).isEqualTo(200);
        assertThat(deplacee.json().path("chemin")).extracting(JsonNode::asString).containsExactly("Orientation 2 : Orientation deux");
        Reponse objDeplace = api.post("caf07", "/api/v1/noeuds/" + obj + "/deplacement?version="
                + api.get("caf07", "/api/v1/noeuds/" + obj).json().path("version").asInt(), Map.of("parentId", o2));
        assertThat(objDeplace.status()).as(objDeplace.texte()).isEqualTo(200);
        assertThat(objDeplace.json().path("parentId").asLong()).isEqualTo(o2);
        Reponse renomme = api.put("caf07", "/api/v1/noeuds/" + o2 + "?version=" + api.get("caf07", "/api/v1/noeuds/" + o2).json().path("version").asInt(),
                Map.of("titre", "Orientation renommée", "objectifs", List.of("Un objectif")));
        assertThat(renomme.status()).as(renomme.texte()).isEqualTo(200);
        assertThat(renomme.json().path("titre").asString()).isEqualTo("Orientation renommée");

        assertThat(envoyer("lecteur", MockMvcRequestBuilders.delete("/api/v1/noeuds/" + o2 + "?version=0"), null).status()).isIn(403, 404);
        int versionF = api.get("caf07", "/api/v1/fiches/" + f).json().path("version").asInt();
        assertThat(envoyer("caf07", MockMvcRequestBuilders.delete("/api/v1/fiches/" + f + "?version=" + (versionF + 1)), null).status()).isEqualTo(409);
        assertThat(envoyer("caf07", MockMvcRequestBuilders.delete("/api/v1/fiches/" + f + "?version=" + versionF), null).status()).isEqualTo(204);
        assertThat(api.get("caf07", "/api/v1/fiches/" + f).status()).isEqualTo(404);
        int versionO2 = api.get("caf07", "/api/v1/noeuds/" + o2).json().path("version").asInt();
        assertThat(envoyer("caf07", MockMvcRequestBuilders.delete("/api/v1/noeuds/" + o2 + "?version=" + versionO2), null).status()).isEqualTo(204);
        assertThat(api.get("caf07", "/api/v1/noeuds/" + obj).status()).as("deleted with its parent").isEqualTo(404);
        assertThat(api.get("caf07", "/api/v1/conventions/" + c + "/plan").json().path("noeuds")).extracting(n -> n.path("titre").asString())
                .containsExactly("Orientation une");
    }

    private long creerNoeud(long convention, Long parentId, String titre, String contexte) {
        Map<String, Object> corps = new HashMap<>();
        corps.put("parentId", parentId);
        corps.put("titre", titre);
        corps.put("contexte", contexte);
        Reponse reponse = api.post("caf07", "/api/v1/conventions/" + convention + "/plan/noeuds", corps);
        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(201);
        return reponse.json().path("id").asLong();
    }

    private Reponse envoyer(String utilisateur, MockHttpServletRequestBuilder requete, Object corps) {
        try {
            if (corps != null) {
                requete.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(corps));
            }
            MockHttpServletResponse reponse = mvc.perform(requete.with(httpBasic(utilisateur, ClientApi.MOT_DE_PASSE))).andReturn().getResponse();
            return new Reponse(reponse.getStatus(), reponse.getContentAsString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
