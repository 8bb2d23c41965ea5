package fr.pilotectg.plan;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.pilotectg.organisation.NouvelleOrganisation;
import fr.pilotectg.organisation.Organisation;
import fr.pilotectg.organisation.OrganisationService;
import fr.pilotectg.organisation.TypeOrganisation;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientPages.Page;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Bad input on the plan is refused before anything is written: 400 with the field named and a French
 * message, 409 on a stale version; the fiche keeps its version and content. Writes go to throw-away plans
 * (a refused edit of a Monts du Pilat fiche writes nothing either).
 */
@IntegrationTest
class PlanValidationTest extends PlanTestSupport {

    @Autowired
    OrganisationService organisations;

    PlansDeTest.PetitPlan plan;
    JsonNode alpha;

    @BeforeEach
    void planDeTest() {
        plan = plans.petitPlan("Validation du plan", Numerotation.CONTINUE);
        alpha = fiche(plan.alpha());
    }

    // --- PUT /api/v1/fiches/{id} ---

    @Test
    void a_fiche_without_title_is_refused() {
        for (Object titre : Arrays.asList("", "   ", null)) {
            Map<String, Object> corps = new java.util.HashMap<>(PlansDeTest.corps(alpha, Map.of()));
            corps.put("titre", titre);
            Reponse reponse = modifier(alpha, corps);
            assertRefus(reponse, "titre", "titre", "obligatoire");
        }
        assertRienEnregistre(alpha);
    }

    @Test
    void a_year_outside_the_period_of_the_convention_is_refused() {
        Reponse reponse = modifier(alpha, PlansDeTest.corps(alpha, Map.of("annees", List.of(2026, 2031))));
        assertRefus(reponse, "annees", "2031", "période", "2026", "2030");
        assertRienEnregistre(alpha);
    }

    @Test
    void a_vocabulary_value_outside_its_list_is_refused_on_a_pilat_fiche() {
        JsonNode pe7 = plans.ficheApi(api.pilat(), "PE7");
        tools.jackson.databind.node.ObjectNode champs = ((tools.jackson.databind.node.ObjectNode) pe7.path("champs")).deepCopy();
        champs.put("interet", "TRES_FORT");
        Reponse reponse = api.put("caf42", "/api/v1/fiches/" + pe7.path("id").asLong() + "?version=" + pe7.path("version").asInt(),
                PlansDeTest.corps(pe7, Map.of("champs", champs)));
        assertRefus(reponse, "interet", "TRES_FORT", "n'est pas une valeur possible", "Top 5");
        assertThat(api.get("admin", "/api/v1/fiches/" + pe7.path("id").asLong()).json()).isEqualTo(pe7);

        // A multiple vocabulary: each value is checked.
        Reponse multiple = modifier(alpha, PlansDeTest.corps(alpha, Map.of("champs", Map.of("competencesSppe", List.of("PLANIFIER", "TOUT")))));
        assertRefus(multiple, "competencesSppe", "TOUT", "Compétence(s) SPPE");
        assertRienEnregistre(alpha);
    }

    @Test
    void a_field_unknown_to_the_template_is_refused() {
        Reponse reponse = modifier(alpha, PlansDeTest.corps(alpha, Map.of("champs", Map.of("enjeu", "Un enjeu", "budget", "EXISTANT"))));
        assertRefus(reponse, "budget", "budget", "n'existe pas", "Modèle national");
        assertRienEnregistre(alpha);
    }

    @Test
    void a_value_of_the_wrong_shape_is_refused() {
        assertRefus(modifier(alpha, PlansDeTest.corps(alpha, Map.of("champs", Map.of("publicCible", "Familles")))),
                "publicCible", "forme inattendue", "liste");
        assertRefus(modifier(alpha, PlansDeTest.corps(alpha, Map.of("champs", Map.of("publicCible", Arrays.asList("Familles", null))))),
                "publicCible", "forme inattendue");
        assertRefus(modifier(alpha, PlansDeTest.corps(alpha, Map.of("champs", Map.of("indicateurs",
                List.of(Map.of("libelle", "Nombre de familles", "type", "IMPACT")))))), "indicateurs", "IMPACT", "quantitatif");
        assertRienEnregistre(alpha);
    }

    @Test
    void an_organisation_name_shared_by_several_organisations_is_refused() {
        String nom = "Association Homonyme " + UUID.randomUUID().toString().substring(0, 8);
        organisations.creer(new NouvelleOrganisation(nom, null, TypeOrganisation.ASSOCIATION, null, null, "07"));
        organisations.creer(new NouvelleOrganisation(nom, null, TypeOrganisation.CENTRE_SOCIAL, null, null, "26"));

        Reponse reponse = modifier(alpha, PlansDeTest.corps(alpha, Map.of("champs", Map.of("porteurs", List.of(nom)))));
        assertRefus(reponse, "porteurs", nom, "plusieurs organisations", "Association", "Centre social");
        assertRienEnregistre(alpha);

        // Control: a name borne by one organisation only is linked to it.
        String unique = "Association Unique " + UUID.randomUUID().toString().substring(0, 8);
        Organisation creee = organisations.creer(new NouvelleOrganisation(unique, null, TypeOrganisation.ASSOCIATION, null, null, "07"));
        Reponse liee = modifier(alpha, PlansDeTest.corps(alpha, Map.of("champs", Map.of("porteurs", List.of(unique.toUpperCase())))));
        assertThat(liee.status()).as(liee.texte()).isEqualTo(200);
        assertThat(liee.json().path("champs").path("porteurs").get(0).path("organisationId").asLong()).isEqualTo(creee.id());
        assertThat(liee.json().path("champs").path("porteurs").get(0).path("nom").asString()).isEqualTo(unique);
    }

    @Test
    void a_stale_edit_is_a_conflict_and_the_first_edit_is_kept() {
        Reponse premiere = modifier(alpha, PlansDeTest.corps(alpha, Map.of("titre", "Alpha, première modification")));
        assertThat(premiere.status()).as(premiere.texte()).isEqualTo(200);

        Reponse seconde = modifier(alpha, PlansDeTest.corps(alpha, Map.of("titre", "Alpha, seconde modification")));
        assertThat(seconde.status()).as(seconde.texte()).isEqualTo(409);
        assertThat(seconde.json().path("status").asInt()).isEqualTo(409);
        assertThat(seconde.json().path("message").asString()).contains("modifiée par quelqu'un d'autre", "Rechargez");

        JsonNode apres = fiche(plan.alpha());
        assertThat(apres.path("titre").asString()).isEqualTo("Alpha, première modification");
        assertThat(apres.path("version").asInt()).isEqualTo(alpha.path("version").asInt() + 1);
    }

    @Test
    void an_edit_without_version_is_refused() throws Exception {
        var reponse = mvc.perform(MockMvcRequestBuilders.put("/api/v1/fiches/" + plan.alpha())
                .with(httpBasic("caf07", ClientApi.MOT_DE_PASSE)).contentType("application/json")
                .content("{\"titre\": \"Sans version\"}")).andReturn().getResponse();
        Reponse sansVersion = new Reponse(reponse.getStatus(), reponse.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertRefus(sansVersion, "version", "version manquante");
        assertRienEnregistre(alpha);
    }

    // --- the edit form ---

    @Test
    void the_edit_form_shows_errors_next_to_their_field_and_saves_nothing() {
        Page page = pages.poster("caf07", "/fiches/" + plan.alpha() + "/modifier",
                Map.of("version", alpha.path("version").asString(), "titre", " ", "champ_enjeu", "Un enjeu tapé"));
        assertThat(page.status()).isEqualTo(400);
        Document formulaire = page.document();
        assertThat(formulaire.select(".alert-danger").text()).contains("Rien n'a été enregistré");
        assertThat(formulaire.getElementById("erreur-titre").text()).contains("titre", "obligatoire");
        assertThat(formulaire.getElementById("titre").hasClass("is-invalid")).isTrue();
        assertThat(formulaire.getElementById("champ_enjeu").text()).as("what was typed is kept").isEqualTo("Un enjeu tapé");
        assertRienEnregistre(alpha);
    }

    @Test
    void the_edit_form_refuses_a_year_out_of_the_period_or_not_a_number() {
        for (String annee : List.of("2031", "deux mille")) {
            var requete = MockMvcRequestBuilders.post("/fiches/" + plan.alpha() + "/modifier")
                    .with(httpBasic("caf07", ClientApi.MOT_DE_PASSE)).with(csrf())
                    .param("version", alpha.path("version").asString()).param("titre", "Alpha")
                    .param("annees", "2026", annee);
            var reponse = page(requete);
            assertThat(reponse.status()).as(annee).isEqualTo(400);
            assertThat(reponse.document().getElementById("erreur-annees").text()).as(annee).contains(annee);
            assertThat(reponse.document().getElementById("annee-2026").hasAttr("checked")).as("what was ticked stays ticked").isTrue();
        }
        assertRienEnregistre(alpha);
    }

    @Test
    void creating_a_fiche_without_title_from_the_plan_page_creates_nothing() {
        List<JsonNode> avant = plans.fichesApi(plan.conventionId());
        Page page = pages.poster("caf07", "/conventions/" + plan.conventionId() + "/plan/fiches",
                Map.of("noeudId", String.valueOf(plan.axeA()), "titre", "  "));
        assertThat(page.redirection()).isEqualTo("/conventions/" + plan.conventionId() + "/plan");
        assertThat(page.messageErreur()).contains("titre", "obligatoire");
        assertThat(plans.fichesApi(plan.conventionId())).isEqualTo(avant);
    }

    // --- moves: no JSON API, so through the service (ErreurValidation is what the API answers 400 with) and the page ---

    @Test
    void a_node_cannot_move_under_itself_or_its_descendant() {
        TroisNiveaux t = troisNiveaux();
        JsonNode planAvant = api.get("admin", "/api/v1/conventions/" + t.convention() + "/plan").json();

        ErreurValidation sousDescendant = refusDeDeplacement(() -> planService.deplacerNoeud(t.theme1(), version(t, t.theme1()), t.axe1(), 1));
        assertThat(sousDescendant.erreurs()).singleElement().satisfies(e -> {
            assertThat(e.champ()).isEqualTo("parentId");
            assertThat(e.message()).contains("Thème un", "descendants");
        });
        ErreurValidation sousLuiMeme = refusDeDeplacement(() -> planService.deplacerNoeud(t.theme1(), version(t, t.theme1()), t.theme1(), 1));
        assertThat(sousLuiMeme.erreurs()).extracting(ErreurValidation.Erreur::champ).containsExactly("parentId");

        Page page = pages.poster("caf07", "/noeuds/" + t.theme1() + "/deplacer", Map.of("conventionId", String.valueOf(t.convention()),
                "version", String.valueOf(version(t, t.theme1())), "parentId", String.valueOf(t.axe1()), "position", "1"));
        assertThat(page.redirection()).isEqualTo("/conventions/" + t.convention() + "/plan");
        assertThat(page.messageErreur()).contains("descendants");

        assertThat(api.get("admin", "/api/v1/conventions/" + t.convention() + "/plan").json()).as("nothing moved").isEqualTo(planAvant);
    }

    @Test
    void a_node_cannot_move_under_a_node_of_the_wrong_level() {
        TroisNiveaux t = troisNiveaux();
        JsonNode planAvant = api.get("admin", "/api/v1/conventions/" + t.convention() + "/plan").json();

        ErreurValidation axeSousAxe = refusDeDeplacement(() -> planService.deplacerNoeud(t.axe1(), version(t, t.axe1()), t.axe2(), 1));
        assertThat(axeSousAxe.erreurs()).singleElement().satisfies(e -> {
            assertThat(e.champ()).isEqualTo("parentId");
            assertThat(e.message()).contains("« Axe » se place sous un(e) « Thème »");
        });
        ErreurValidation axeALaRacine = refusDeDeplacement(() -> planService.deplacerNoeud(t.axe1(), version(t, t.axe1()), null, 1));
        assertThat(axeALaRacine.erreurs()).extracting(ErreurValidation.Erreur::champ).containsExactly("parentId");
        Page noeud = pages.poster("caf07", "/noeuds/" + t.axe1() + "/deplacer", Map.of("conventionId", String.valueOf(t.convention()),
                "version", String.valueOf(version(t, t.axe1())), "parentId", String.valueOf(t.axe2()), "position", "1"));
        assertThat(noeud.messageErreur()).contains("« Thème »");

        assertThat(api.get("admin", "/api/v1/conventions/" + t.convention() + "/plan").json()).as("nothing moved").isEqualTo(planAvant);
    }

    @Test
    void a_fiche_cannot_move_into_another_convention() {
        JsonNode fa1 = plans.ficheApi(api.aubenas(), "FA1");
        long axeAubenas = plans.fiche(fa1.path("id").asLong()).noeudId();
        ErreurValidation erreur = refusDeDeplacement(() -> planService.deplacerFiche(plan.alpha(), alpha.path("version").asInt(), axeAubenas, 1));
        assertThat(erreur.erreurs()).extracting(ErreurValidation.Erreur::champ).containsExactly("noeudId");
        assertThat(erreur.getMessage()).contains("n'existe pas dans le plan de cette convention");
        assertRienEnregistre(alpha);
    }

    // --- helpers ---

    /** Thème (numbered per parent) / Axe (numbered across) / Fiche action: two thèmes, one axe each, one fiche. */
    record TroisNiveaux(long convention, long theme1, long theme2, long axe1, long axe2, long fiche) {
    }

    private TroisNiveaux troisNiveaux() {
        long convention = plans.convention("Trois niveaux");
        return plans.comme("admin", () -> {
            planService.initialiser(convention, ModeleFiche.NATIONAL, List.of(
                    new Niveau(0, "Thème", Numerotation.PAR_PARENT, ""),
                    new Niveau(1, "Axe", Numerotation.CONTINUE, ""),
                    new Niveau(2, "Fiche action", Numerotation.CONTINUE, "FA")), List.of(), List.of(), List.of());
            long theme1 = planService.ajouterNoeud(convention, null, null, "Thème un", null, List.of(), null).id();
            long theme2 = planService.ajouterNoeud(convention, null, null, "Thème deux", null, List.of(), null).id();
            long axe1 = planService.ajouterNoeud(convention, theme1, null, "Axe un", null, List.of(), null).id();
            long axe2 = planService.ajouterNoeud(convention, theme2, null, "Axe deux", null, List.of(), null).id();
            long fiche = planService.creerFiche(convention, axe1, new ContenuFiche(null, "Fiche un", ChampsFiche.VIDES, List.of(), null,
                    List.of())).id();
            return new TroisNiveaux(convention, theme1, theme2, axe1, axe2, fiche);
        });
    }

    private int version(TroisNiveaux t, long noeudId) {
        return plans.noeud(t.convention(), noeudId).version();
    }

    private ErreurValidation refusDeDeplacement(Runnable deplacement) {
        ErreurValidation erreur = catchThrowableOfType(ErreurValidation.class, () -> plans.comme("caf07", deplacement));
        assertThat(erreur).as("déplacement refusé attendu").isNotNull();
        return erreur;
    }

    private JsonNode fiche(long id) {
        return api.get("caf07", "/api/v1/fiches/" + id).json();
    }

    private Reponse modifier(JsonNode fiche, Map<String, Object> corps) {
        return api.put("caf07", "/api/v1/fiches/" + fiche.path("id").asLong() + "?version=" + fiche.path("version").asInt(), corps);
    }

    private void assertRienEnregistre(JsonNode avant) {
        assertThat(fiche(avant.path("id").asLong())).as("nothing saved: same version and content").isEqualTo(avant);
    }

    private static void assertRefus(Reponse reponse, String champ, String... motsDuMessage) {
        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(400);
        assertThat(reponse.champsEnErreur()).as(reponse.texte()).contains(champ);
        assertThat(reponse.messageDuChamp(champ)).contains(motsDuMessage);
    }

    private ClientPages.Page page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder requete) {
        try {
            var resultat = mvc.perform(requete.accept("text/html")).andReturn();
            return new ClientPages.Page(resultat.getResponse().getStatus(), resultat.getResponse().getRedirectedUrl(), Map.of(),
                    resultat.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
