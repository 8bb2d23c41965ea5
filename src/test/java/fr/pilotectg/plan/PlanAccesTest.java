package fr.pilotectg.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientPages.Page;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who may read and change the action plan: the partners of the convention edit the whole plan; a porteur
 * edits only the fiches it carries, and neither creates, deletes nor moves fiches; a reader only reads.
 * Refusals are checked on requests that would otherwise succeed, and leave the plan as it was. Demo
 * fiches changed by an allowed edit are put back.
 */
@IntegrationTest
class PlanAccesTest extends PlanTestSupport {

    private static final Set<String> FICHES_DU_PALABRE = Set.of("FA15", "FA20", "FA25");

    long aubenas;

    @BeforeEach
    void lireAubenas() {
        aubenas = api.aubenas();
    }

    // --- palabre: porteur of FA15 (pilote), FA20 and FA25 ---

    @Test
    void palabre_edits_the_three_fiches_it_carries() {
        for (String reference : List.of("FA15", "FA20", "FA25")) {
            JsonNode original = plans.ficheApi(aubenas, reference);
            long id = original.path("id").asLong();
            try {
                String titre = original.path("titre").asString() + " (relu par le Palabre)";
                Reponse reponse = api.put("palabre", "/api/v1/fiches/" + id + "?version=" + original.path("version").asInt(),
                        PlansDeTest.corps(original, Map.of("titre", titre)));
                assertThat(reponse.status()).as("%s : %s", reference, reponse.texte()).isEqualTo(200);
                assertThat(reponse.json().path("titre").asString()).isEqualTo(titre);
                assertThat(reponse.json().path("version").asInt()).isEqualTo(original.path("version").asInt() + 1);
                assertThat(api.get("caf07", "/api/v1/fiches/" + id).json().path("titre").asString()).isEqualTo(titre);
            } finally {
                plans.remettre(original);
            }
        }
    }

    @Test
    void palabre_gets_403_on_every_other_aubenas_fiche() {
        List<JsonNode> fiches = plans.fichesApi(aubenas);
        assertThat(fiches).hasSize(32);
        for (JsonNode fiche : fiches) {
            if (FICHES_DU_PALABRE.contains(fiche.path("reference").asString())) {
                continue;
            }
            long id = fiche.path("id").asLong();
            assertInterdit(api.put("palabre", "/api/v1/fiches/" + id + "?version=" + fiche.path("version").asInt(),
                    PlansDeTest.corps(fiche, Map.of("titre", "Réécrite par le Palabre"))));
        }
        assertThat(plans.fichesApi(aubenas)).as("nothing written").isEqualTo(fiches);
    }

    @Test
    void palabre_neither_reads_nor_edits_monts_du_pilat() {
        long pilat = api.pilat();
        JsonNode pe7 = plans.ficheApi(pilat, "PE7");
        long id = pe7.path("id").asLong();

        assertInterdit(api.get("palabre", "/api/v1/conventions/" + pilat + "/plan"));
        assertInterdit(api.get("palabre", "/api/v1/conventions/" + pilat + "/fiches"));
        assertInterdit(api.get("palabre", "/api/v1/fiches/" + id));
        assertInterdit(api.put("palabre", "/api/v1/fiches/" + id + "?version=" + pe7.path("version").asInt(),
                PlansDeTest.corps(pe7, Map.of("titre", "Réécrite par le Palabre"))));
        assertPageInterdite(pages.get("palabre", "/conventions/" + pilat + "/plan"));
        assertPageInterdite(pages.get("palabre", "/fiches/" + id));

        assertThat(api.get("admin", "/api/v1/fiches/" + id).json()).isEqualTo(pe7);
    }

    @Test
    void palabre_sees_aubenas_where_it_carries_fiches_but_not_monts_du_pilat() {
        assertThat(api.titresVisibles("palabre")).contains(ClientApi.AUBENAS).doesNotContain(ClientApi.PILAT);
        assertThat(api.get("palabre", "/api/v1/conventions/" + aubenas + "/fiches").status()).isEqualTo(200);
        assertThat(pages.get("palabre", "/conventions/" + aubenas + "/plan").status()).isEqualTo(200);
    }

    @Test
    void palabre_cannot_create_delete_or_move_fiches_nor_move_axes() {
        JsonNode fa15 = plans.ficheApi(aubenas, "FA15");
        List<JsonNode> avant = plans.fichesApi(aubenas);
        JsonNode planAvant = api.get("admin", "/api/v1/conventions/" + aubenas + "/plan").json();

        for (Map.Entry<String, Map<String, String>> ecriture : ecrituresDuPlan(fa15).entrySet()) {
            assertPageInterdite(pages.poster("palabre", ecriture.getKey(), ecriture.getValue()));
        }

        assertThat(plans.fichesApi(aubenas)).as("fiches unchanged").isEqualTo(avant);
        assertThat(api.get("admin", "/api/v1/conventions/" + aubenas + "/plan").json()).as("plan unchanged").isEqualTo(planAvant);
    }

    @Test
    void palabre_gets_the_edit_form_only_for_its_own_fiches_and_without_move_or_delete() {
        long fa15 = plans.ficheApi(aubenas, "FA15").path("id").asLong();
        long fa1 = plans.ficheApi(aubenas, "FA1").path("id").asLong();

        Page formulaire = pages.get("palabre", "/fiches/" + fa15 + "/modifier");
        assertThat(formulaire.status()).isEqualTo(200);
        Document page = formulaire.document();
        assertThat(page.select("form[action=/fiches/" + fa15 + "/modifier]")).hasSize(1);
        assertThat(page.select("form[action$=/deplacer], form[action$=/supprimer]")).isEmpty();
        assertThat(pages.get("palabre", "/fiches/" + fa15).document().select("a:containsOwn(Modifier la fiche)")).hasSize(1);

        assertPageInterdite(pages.get("palabre", "/fiches/" + fa1 + "/modifier"));
        assertThat(pages.get("palabre", "/fiches/" + fa1).document().select("a:containsOwn(Modifier la fiche)")).isEmpty();
        assertThat(pages.get("palabre", "/fiches/" + fa1).document().select("a[href$=/modifier]")).isEmpty();

        Document plan = pages.get("palabre", "/conventions/" + aubenas + "/plan").document();
        assertThat(plan.select("form[method=post]").eachAttr("action")).as("no plan write on the plan page")
                .allMatch(action -> action.equals("/deconnexion"));
    }

    @Test
    void palabre_cannot_post_the_form_of_a_fiche_it_does_not_carry() {
        JsonNode fa1 = plans.ficheApi(aubenas, "FA1");
        long id = fa1.path("id").asLong();
        assertPageInterdite(pages.poster("palabre", "/fiches/" + id + "/modifier",
                Map.of("version", fa1.path("version").asString(), "titre", "Réécrite par le Palabre")));
        assertThat(api.get("admin", "/api/v1/fiches/" + id).json()).isEqualTo(fa1);
    }

    @Test
    void naming_an_organisation_as_porteur_lets_its_users_in_and_removing_it_shuts_them_out() {
        PlansDeTest.PetitPlan plan = plans.petitPlan("Porteur impliqué", Numerotation.CONTINUE);
        String titre = api.convention("caf07", plan.conventionId()).path("titre").asString();
        assertThat(api.titresVisibles("palabre")).doesNotContain(titre);
        assertInterdit(api.get("palabre", "/api/v1/fiches/" + plan.alpha()));

        JsonNode alpha = api.get("caf07", "/api/v1/fiches/" + plan.alpha()).json();
        Reponse nomme = api.put("caf07", "/api/v1/fiches/" + plan.alpha() + "?version=" + alpha.path("version").asInt(),
                PlansDeTest.corps(alpha, Map.of("champs", Map.of("porteurs", List.of("Centre social Le Palabre")))));
        assertThat(nomme.status()).as(nomme.texte()).isEqualTo(200);

        assertThat(api.titresVisibles("palabre")).contains(titre);
        JsonNode vueParLePalabre = api.get("palabre", "/api/v1/fiches/" + plan.alpha()).json();
        Reponse modifiee = api.put("palabre", "/api/v1/fiches/" + plan.alpha() + "?version=" + vueParLePalabre.path("version").asInt(),
                PlansDeTest.corps(vueParLePalabre, Map.of("echeances", "2027")));
        assertThat(modifiee.status()).as(modifiee.texte()).isEqualTo(200);
        JsonNode bravo = api.get("palabre", "/api/v1/fiches/" + plan.bravo()).json();
        assertInterdit(api.put("palabre", "/api/v1/fiches/" + plan.bravo() + "?version=" + bravo.path("version").asInt(),
                PlansDeTest.corps(bravo, Map.of("echeances", "2027"))));

        // Taken off the fiche, the porteur no longer sees the convention.
        Reponse retire = api.put("caf07", "/api/v1/fiches/" + plan.alpha() + "?version=" + modifiee.json().path("version").asInt(),
                PlansDeTest.corps(modifiee.json(), Map.of("champs", Map.of())));
        assertThat(retire.status()).as(retire.texte()).isEqualTo(200);
        assertThat(api.titresVisibles("palabre")).doesNotContain(titre);
        assertInterdit(api.get("palabre", "/api/v1/fiches/" + plan.alpha()));
    }

    // --- lecteur: reads Aubenas only ---

    @Test
    void lecteur_reads_the_plan_and_gets_403_on_every_plan_write() {
        JsonNode fa1 = plans.ficheApi(aubenas, "FA1");
        long id = fa1.path("id").asLong();
        List<JsonNode> avant = plans.fichesApi(aubenas);
        JsonNode planAvant = api.get("admin", "/api/v1/conventions/" + aubenas + "/plan").json();

        assertThat(api.get("lecteur", "/api/v1/conventions/" + aubenas + "/plan").status()).isEqualTo(200);
        assertThat(pages.get("lecteur", "/fiches/" + id).document().select("a:containsOwn(Modifier la fiche)")).isEmpty();

        assertInterdit(api.put("lecteur", "/api/v1/fiches/" + id + "?version=" + fa1.path("version").asInt(),
                PlansDeTest.corps(fa1, Map.of("titre", "Réécrite par le lecteur"))));
        assertPageInterdite(pages.get("lecteur", "/fiches/" + id + "/modifier"));
        assertPageInterdite(pages.poster("lecteur", "/fiches/" + id + "/modifier",
                Map.of("version", fa1.path("version").asString(), "titre", "Réécrite par le lecteur")));
        for (Map.Entry<String, Map<String, String>> ecriture : ecrituresDuPlan(fa1).entrySet()) {
            assertPageInterdite(pages.poster("lecteur", ecriture.getKey(), ecriture.getValue()));
        }

        assertThat(plans.fichesApi(aubenas)).as("fiches unchanged").isEqualTo(avant);
        assertThat(api.get("admin", "/api/v1/conventions/" + aubenas + "/plan").json()).as("plan unchanged").isEqualTo(planAvant);
    }

    // --- ccba and caf07: partners of Aubenas ---

    @Test
    void ccba_and_caf07_edit_any_aubenas_fiche() {
        Map<String, String> quiModifieQuoi = Map.of("ccba", "FA1", "caf07", "FA32");
        quiModifieQuoi.forEach((utilisateur, reference) -> {
            JsonNode original = plans.ficheApi(aubenas, reference);
            long id = original.path("id").asLong();
            try {
                Reponse reponse = api.put(utilisateur, "/api/v1/fiches/" + id + "?version=" + original.path("version").asInt(),
                        PlansDeTest.corps(original, Map.of("echeances", "Relue par " + utilisateur)));
                assertThat(reponse.status()).as("%s sur %s : %s", utilisateur, reference, reponse.texte()).isEqualTo(200);
                assertThat(reponse.json().path("echeances").asString()).isEqualTo("Relue par " + utilisateur);
            } finally {
                plans.remettre(original);
            }
            Document fiche = pages.get(utilisateur, "/fiches/" + id).document();
            assertThat(fiche.select("a:containsOwn(Modifier la fiche)")).as(utilisateur).hasSize(1);
            Document formulaire = pages.get(utilisateur, "/fiches/" + id + "/modifier").document();
            assertThat(formulaire.select("form[action$=/deplacer], form[action$=/supprimer]")).as(utilisateur).hasSize(2);
        });
        Document plan = pages.get("ccba", "/conventions/" + aubenas + "/plan").document();
        assertThat(plan.select("form[action=/conventions/" + aubenas + "/plan/fiches]")).as("no form per node: the page stays light").isEmpty();
        assertThat(plan.select(".actions-noeud a[href$=/ajouter]")).as("one per thématique and axis").hasSize(16);
        Document ajout = pages.get("ccba", plan.select(".actions-noeud a[href$=/ajouter]").get(0).attr("href")).document();
        assertThat(ajout.select("form[action=/conventions/" + aubenas + "/plan/fiches]")).as("a fiche under a thématique").hasSize(1);
        assertThat(ajout.select("form[action=/conventions/" + aubenas + "/plan/noeuds]")).as("an axe under it").hasSize(1);
        assertThat(plan.select("a.deplacer-noeud")).as("one per thématique and axis").hasSize(16);
        String deplacement = plan.select("a.deplacer-noeud").get(1).attr("href");
        Document page = pages.get("ccba", deplacement).document();
        assertThat(page.select("form[action$=/deplacer] select[name=parentId] option")).as("the thématiques").hasSize(5);
        assertThat(pages.get("lecteur", deplacement).status()).as("a reader does not reorganise the plan").isEqualTo(403);
        assertThat(pages.get("caf42", deplacement).status()).isIn(403, 404);
    }

    @Test
    void ccba_cannot_read_the_plan_of_monts_du_pilat() {
        long pilat = api.pilat();
        long pe7 = plans.ficheApi(pilat, "PE7").path("id").asLong();

        assertInterdit(api.get("ccba", "/api/v1/conventions/" + pilat + "/plan"));
        assertInterdit(api.get("ccba", "/api/v1/conventions/" + pilat + "/fiches"));
        assertInterdit(api.get("ccba", "/api/v1/fiches/" + pe7));
        assertPageInterdite(pages.get("ccba", "/conventions/" + pilat + "/plan"));
        assertPageInterdite(pages.get("ccba", "/conventions/" + pilat + "/plan?q=ludothèque"));
        assertPageInterdite(pages.get("ccba", "/conventions/" + pilat + "/programme"));
        assertPageInterdite(pages.get("ccba", "/fiches/" + pe7));
        // Control: the Caf of the Loire does read it.
        assertThat(api.get("caf42", "/api/v1/conventions/" + pilat + "/plan").status()).isEqualTo(200);
    }

    @Test
    void caf42_cannot_edit_an_aubenas_fiche() {
        JsonNode fa1 = plans.ficheApi(aubenas, "FA1");
        assertInterdit(api.put("caf42", "/api/v1/fiches/" + fa1.path("id").asLong() + "?version=" + fa1.path("version").asInt(),
                PlansDeTest.corps(fa1, Map.of("titre", "Réécrite par la Loire"))));
        assertThat(api.get("admin", "/api/v1/fiches/" + fa1.path("id").asLong()).json()).isEqualTo(fa1);
    }

    @Test
    void the_plan_service_serves_nobody_without_a_user() {
        // The test thread itself has no user: code that forgets to log in fails rather than running as admin.
        assertThat(org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThatThrownBy(() -> planService.arbre(aubenas, FiltreFiches.AUCUN)).hasMessageContaining("Aucun utilisateur connecté");
        assertThat(plans.comme("lecteur", () -> planService.arbre(aubenas, FiltreFiches.AUCUN).nombreFiches())).isEqualTo(32);
    }

    // --- helpers ---

    /**
     * The plan writes of the pages, on this fiche and its axis, with fields that would succeed for an editor:
     * create a fiche under the axis, delete the fiche, move it under another axis, move its axis.
     */
    private Map<String, Map<String, String>> ecrituresDuPlan(JsonNode fiche) {
        long id = fiche.path("id").asLong();
        Fiche enBase = plans.fiche(id);
        ArbrePlan arbre = plans.arbre(aubenas);
        ArbrePlan.Branche axe = arbre.branches().filter(b -> b.noeud().id().equals(enBase.noeudId())).findFirst().orElseThrow();
        ArbrePlan.Branche autreAxe = arbre.branches().filter(b -> b.noeud().rang() == 1 && !b.noeud().id().equals(enBase.noeudId()))
                .findFirst().orElseThrow();
        Map<String, Map<String, String>> ecritures = new LinkedHashMap<>();
        ecritures.put("/conventions/" + aubenas + "/plan/fiches", Map.of("noeudId", String.valueOf(axe.noeud().id()),
                "titre", "Fiche créée sans droit"));
        ecritures.put("/fiches/" + id + "/supprimer", Map.of("version", String.valueOf(enBase.version())));
        ecritures.put("/fiches/" + id + "/deplacer", Map.of("version", String.valueOf(enBase.version()),
                "noeudId", String.valueOf(autreAxe.noeud().id()), "position", "1"));
        ecritures.put("/noeuds/" + axe.noeud().id() + "/deplacer", Map.of("conventionId", String.valueOf(aubenas),
                "version", String.valueOf(axe.noeud().version()), "parentId", String.valueOf(autreAxe.noeud().parentId()),
                "position", "1"));
        return ecritures;
    }

    /** 403 from the application's rights check (a JSON message), not from CSRF or authentication. */
    private static void assertInterdit(Reponse reponse) {
        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(403);
        assertThat(reponse.json().path("message").asString()).containsAnyOf("pas accès", "pas la modifier", "ne pouvez pas");
    }

    /** 403 from the application's rights check: the readable "Accès refusé" page, not a bare CSRF refusal. */
    private static void assertPageInterdite(Page page) {
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.document().select("h1").text()).isEqualTo("Accès refusé");
        assertThat(page.document().select("main p").text()).containsAnyOf("pas accès", "pas la modifier", "ne pouvez pas");
    }
}
