package fr.pilotectg.plan;

import java.util.List;
import java.util.Map;

import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.EntreeJournal;
import fr.pilotectg.shared.audit.Journal;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientPages.Page;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Creating, moving, deleting and restoring fiches and axes on throw-away plans ("Axe" / "Fiche action",
 * Axe A holding Alpha and Bravo, Axe B holding Charlie), through the pages as caf07: references stay as they were
 * given at creation (ADR 0011), undo puts a fiche back where it was, and every write lands in the fiche's history.
 */
@IntegrationTest
class PlanOperationsTest extends PlanTestSupport {

    @Autowired
    Journal journal;


    // --- continuous numbering (FA1… across the plan) ---

    @Test
    void moving_a_fiche_to_another_axis_keeps_every_reference() {
        PlansDeTest.PetitPlan p = plans.petitPlan("Déplacer une fiche", Numerotation.CONTINUE);
        assertThat(plans.fichesDansLOrdre(p.conventionId())).containsExactly("FA1 Alpha", "FA2 Bravo", "FA3 Charlie");

        Page page = deplacerFiche(p.alpha(), p.axeB(), 2);

        assertThat(page.redirection()).isEqualTo("/conventions/" + p.conventionId() + "/plan");
        assertThat(page.messageSucces()).contains("FA1");
        assertThat(plans.fichesDansLOrdre(p.conventionId())).containsExactly("FA2 Bravo", "FA3 Charlie", "FA1 Alpha");
        assertThat(plans.fiche(p.bravo()).ordre()).as("the siblings left behind close ranks").isEqualTo(1);
        assertThat(plans.fiche(p.alpha()).ordre()).isEqualTo(2);
        JsonNode alpha = api.get("caf07", "/api/v1/fiches/" + p.alpha()).json();
        assertThat(alpha.path("chemin").get(0).asString()).isEqualTo("Axe 2 : Axe B");

        // Within the same axis, to the first place.
        deplacerFiche(p.alpha(), p.axeB(), 1);
        assertThat(plans.fichesDansLOrdre(p.conventionId())).containsExactly("FA2 Bravo", "FA1 Alpha", "FA3 Charlie");
        // Out of any axis: after every axis.
        deplacerFiche(p.bravo(), null, 1);
        assertThat(plans.fichesDansLOrdre(p.conventionId())).containsExactly("FA1 Alpha", "FA3 Charlie", "FA2 Bravo");
        assertThat(plans.arbre(p.conventionId()).fichesHorsAxe()).extracting(Fiche::titre).containsExactly("Bravo");
    }

    @Test
    void moving_an_axis_keeps_the_references_of_axes_and_fiches() {
        PlansDeTest.PetitPlan p = plans.petitPlan("Déplacer un axe", Numerotation.CONTINUE);

        Page page = pages.poster("caf07", "/noeuds/" + p.axeB() + "/deplacer", Map.of("conventionId", String.valueOf(p.conventionId()),
                "version", String.valueOf(plans.noeud(p.conventionId(), p.axeB()).version()), "position", "1"));

        assertThat(page.messageErreur()).isNull();
        assertThat(page.messageSucces()).contains("références");
        JsonNode plan = api.get("caf07", "/api/v1/conventions/" + p.conventionId() + "/plan").json();
        assertThat(plan.path("noeuds")).extracting(n -> n.path("reference").asString() + " " + n.path("titre").asString())
                .containsExactly("2 Axe B", "1 Axe A");
        assertThat(plans.fichesDansLOrdre(p.conventionId())).containsExactly("FA3 Charlie", "FA1 Alpha", "FA2 Bravo");
        assertThat(journal.pourObjet("noeud", p.axeB()).get(0).action()).isEqualTo("déplacement");

        Document pagePlan = pages.get("caf07", "/conventions/" + p.conventionId() + "/plan").document();
        assertThat(pagePlan.select("li.branche > div > span:first-child").eachText()).containsExactly("Axe 2 :", "Axe 1 :");
        assertThat(pagePlan.select("li.fiche .fw-semibold").eachText()).containsExactly("FA3", "FA1", "FA2");
    }

    @Test
    void moving_an_axis_to_another_theme_keeps_its_number_and_its_fiches_numbers() {
        long convention = plans.convention("Axe vers un autre thème");
        long[] ids = plans.comme("admin", () -> {
            planService.initialiser(convention, ModeleFiche.NATIONAL, List.of(
                    new Niveau(0, "Thème", Numerotation.PAR_PARENT, ""),
                    new Niveau(1, "Axe", Numerotation.CONTINUE, ""),
                    new Niveau(2, "Fiche action", Numerotation.CONTINUE, "FA")), List.of(), List.of(), List.of());
            long theme1 = planService.ajouterNoeud(convention, null, null, "Thème un", null, List.of(), null).id();
            long theme2 = planService.ajouterNoeud(convention, null, null, "Thème deux", null, List.of(), null).id();
            long axe1 = planService.ajouterNoeud(convention, theme1, null, "Axe un", null, List.of(), null).id();
            long axe2 = planService.ajouterNoeud(convention, theme2, null, "Axe deux", null, List.of(), null).id();
            return new long[] {theme1, theme2, axe1, axe2};
        });
        plans.creer(convention, ids[2], null, "Fiche de l'axe un");
        plans.creer(convention, ids[3], null, "Fiche de l'axe deux");
        assertThat(plans.fichesDansLOrdre(convention)).containsExactly("FA1 Fiche de l'axe un", "FA2 Fiche de l'axe deux");

        Page page = pages.poster("caf07", "/noeuds/" + ids[3] + "/deplacer", Map.of("conventionId", String.valueOf(convention),
                "version", String.valueOf(plans.noeud(convention, ids[3]).version()), "parentId", String.valueOf(ids[0]), "position", "1"));

        assertThat(page.messageErreur()).isNull();
        assertThat(plans.fichesDansLOrdre(convention)).containsExactly("FA2 Fiche de l'axe deux", "FA1 Fiche de l'axe un");
        assertThat(plans.noeud(convention, ids[3]).reference()).isEqualTo("2");
        assertThat(plans.noeud(convention, ids[2]).reference()).isEqualTo("1");
        assertThat(plans.noeud(convention, ids[1]).reference()).as("themes keep their numbers").isEqualTo("2");
        Document plan = pages.get("caf07", "/conventions/" + convention + "/plan").document();
        Element themeDeux = plan.select("li.branche").stream().filter(b -> b.selectFirst("div").text().startsWith("Thème 2 :"))
                .findFirst().orElseThrow();
        assertThat(themeDeux.select("p.vide").text()).isEqualTo("Aucune action.");
    }

    @Test
    void a_new_fiche_from_the_plan_page_takes_the_next_free_number() {
        PlansDeTest.PetitPlan p = plans.petitPlan("Créer une fiche", Numerotation.CONTINUE);

        Page page = pages.poster("caf07", "/conventions/" + p.conventionId() + "/plan/fiches",
                Map.of("noeudId", String.valueOf(p.axeA()), "titre", "  Delta  "));

        assertThat(page.redirection()).matches("/fiches/\\d+/modifier");
        assertThat(page.messageSucces()).contains("créée");
        assertThat(plans.fichesDansLOrdre(p.conventionId())).containsExactly("FA1 Alpha", "FA2 Bravo", "FA4 Delta", "FA3 Charlie");
        long delta = Long.parseLong(page.redirection().replaceAll("\\D", ""));
        assertThat(journal.pourObjet("fiche", delta)).extracting(EntreeJournal::utilisateur, EntreeJournal::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("caf07", "création"));
    }

    @Test
    void deleting_a_fiche_renumbers_nothing_and_undo_puts_it_back_in_its_place_with_its_number() throws Exception {
        PlansDeTest.PetitPlan p = plans.petitPlan("Supprimer une fiche", Numerotation.CONTINUE);
        JsonNode alpha = api.get("caf07", "/api/v1/fiches/" + p.alpha()).json();
        MockHttpSession session = new MockHttpSession();

        MvcResult suppression = mvc.perform(post("/fiches/" + p.alpha() + "/supprimer").session(session)
                .with(httpBasic("caf07", ClientApi.MOT_DE_PASSE)).with(csrf())
                .param("version", alpha.path("version").asString())).andReturn();

        assertThat(suppression.getResponse().getRedirectedUrl()).isEqualTo("/conventions/" + p.conventionId() + "/plan");
        assertThat(suppression.getFlashMap().get("ficheSupprimee")).isNotNull();
        assertThat(plans.fichesDansLOrdre(p.conventionId())).containsExactly("FA2 Bravo", "FA3 Charlie");
        assertThat(api.get("caf07", "/api/v1/fiches/" + p.alpha()).status()).isEqualTo(404);

        // The plan page of the same session offers to restore it.
        String html = mvc.perform(get("/conventions/" + p.conventionId() + "/plan").session(session)
                .with(httpBasic("caf07", ClientApi.MOT_DE_PASSE))).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        Element corbeille = Jsoup.parse(html).selectFirst("details.corbeille");
        assertThat(corbeille).isNotNull();
        assertThat(corbeille.text()).contains("FA1 — Alpha");
        assertThat(corbeille.select("form").attr("action")).isEqualTo("/fiches/" + p.alpha() + "/restaurer");

        MvcResult restauration = mvc.perform(post("/fiches/" + p.alpha() + "/restaurer").session(session)
                .with(httpBasic("caf07", ClientApi.MOT_DE_PASSE)).with(csrf())).andReturn();

        assertThat(restauration.getResponse().getRedirectedUrl()).isEqualTo("/fiches/" + p.alpha());
        assertThat((String) restauration.getFlashMap().get("messageSucces")).contains("Alpha", "restaurée");
        assertThat(plans.fichesDansLOrdre(p.conventionId())).containsExactly("FA1 Alpha", "FA2 Bravo", "FA3 Charlie");
        JsonNode restauree = api.get("caf07", "/api/v1/fiches/" + p.alpha()).json();
        assertThat(PlansDeTest.sansVersion(restauree)).as("content as before").isEqualTo(PlansDeTest.sansVersion(alpha));
        String apres = mvc.perform(get("/conventions/" + p.conventionId() + "/plan").session(session)
                .with(httpBasic("caf07", ClientApi.MOT_DE_PASSE))).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(apres).select("details.corbeille")).as("nothing left to restore").isEmpty();
    }

    @Test
    void a_fiche_deleted_in_the_middle_comes_back_in_the_middle() {
        PlansDeTest.PetitPlan p = plans.petitPlan("Supprimer au milieu", Numerotation.CONTINUE);
        long delta = plans.creer(p.conventionId(), p.axeA(), null, "Delta");
        assertThat(plans.fichesDansLOrdre(p.conventionId())).containsExactly("FA1 Alpha", "FA2 Bravo", "FA4 Delta", "FA3 Charlie");

        supprimer(p.bravo());
        assertThat(plans.fichesDansLOrdre(p.conventionId())).containsExactly("FA1 Alpha", "FA4 Delta", "FA3 Charlie");
        assertThat(plans.fiche(delta).ordre()).isEqualTo(2);

        pages.poster("caf07", "/fiches/" + p.bravo() + "/restaurer", Map.of());
        assertThat(plans.fichesDansLOrdre(p.conventionId())).containsExactly("FA1 Alpha", "FA2 Bravo", "FA4 Delta", "FA3 Charlie");
        assertThat(plans.fiche(p.bravo()).ordre()).isEqualTo(2);
        assertThat(plans.fiche(delta).ordre()).isEqualTo(3);
    }

    @Test
    void a_delete_with_a_stale_version_deletes_nothing() {
        PlansDeTest.PetitPlan p = plans.petitPlan("Supprimer périmé", Numerotation.CONTINUE);
        JsonNode alpha = api.get("caf07", "/api/v1/fiches/" + p.alpha()).json();
        Reponse modification = api.put("ccba", "/api/v1/fiches/" + p.alpha() + "?version=" + alpha.path("version").asInt(),
                PlansDeTest.corps(alpha, Map.of("titre", "Alpha revue par la CCBA")));
        assertThat(modification.status()).isEqualTo(200);

        Page page = pages.poster("caf07", "/fiches/" + p.alpha() + "/supprimer", Map.of("version", alpha.path("version").asString()));

        assertThat(page.messageErreur()).contains("modifiée par quelqu'un d'autre");
        assertThat(plans.fichesDansLOrdre(p.conventionId())).containsExactly("FA1 Alpha revue par la CCBA", "FA2 Bravo", "FA3 Charlie");
    }

    // --- history ---

    @Test
    void the_journal_records_creation_modification_move_and_deletion_and_the_fiche_page_shows_them() {
        PlansDeTest.PetitPlan p = plans.petitPlan("Historique", Numerotation.CONTINUE);
        JsonNode alpha = api.get("caf07", "/api/v1/fiches/" + p.alpha()).json();

        Reponse modification = api.put("ccba", "/api/v1/fiches/" + p.alpha() + "?version=" + alpha.path("version").asInt(),
                PlansDeTest.corps(alpha, Map.of("titre", "Alpha modifiée", "annees", List.of(2027),
                        "champs", Map.of("publicCible", List.of("Familles")))));
        assertThat(modification.status()).as(modification.texte()).isEqualTo(200);
        deplacerFiche(p.alpha(), p.axeB(), 2);
        supprimer(p.alpha());
        pages.poster("caf07", "/fiches/" + p.alpha() + "/restaurer", Map.of());

        List<EntreeJournal> historique = journal.pourObjet("fiche", p.alpha());
        assertThat(historique).extracting(EntreeJournal::action)
                .containsExactly("restauration", "suppression", "déplacement", "modification", "création");
        assertThat(historique).extracting(EntreeJournal::utilisateur).containsExactly("caf07", "caf07", "caf07", "ccba", "admin");
        assertThat(historique).allSatisfy(e -> assertThat(e.conventionId()).isEqualTo(p.conventionId()));

        EntreeJournal modifiee = historique.get(3);
        assertThat(modifiee.changements()).containsExactly(
                new Changement("Titre", "Alpha", "Alpha modifiée"),
                new Changement("Années prévues", null, "2027"),
                new Changement("Public cible (Pour qui ?)", null, "Familles"));
        assertThat(historique.get(2).changements()).singleElement().satisfies(c -> {
            assertThat(c.champ()).isEqualTo("Emplacement");
            assertThat(c.avant()).contains("Axe A", "position 1");
            assertThat(c.apres()).contains("Axe B", "position 2");
        });
        assertThat(historique.get(1).changements()).containsExactly(new Changement("Fiche", "FA1 — Alpha modifiée", null));
        assertThat(historique.get(4).changements()).contains(new Changement("Titre", null, "Alpha"));

        Document page = pages.get("caf07", "/fiches/" + p.alpha()).document();
        List<Element> lignes = page.select("ol.historique > li");
        assertThat(lignes).extracting(li -> li.selectFirst("strong").text())
                .containsExactly("restauration", "suppression", "déplacement", "modification", "création");
        assertThat(lignes.get(3).text()).contains("par Chargée de coopération CCBA").doesNotContain("par ccba");
        assertThat(lignes.get(3).select("ul li").eachText()).containsExactly("Titre", "Années prévues", "Public cible (Pour qui ?)");
    }

    @Test
    void a_refused_edit_leaves_no_trace_in_the_history() {
        PlansDeTest.PetitPlan p = plans.petitPlan("Historique refus", Numerotation.CONTINUE);
        JsonNode alpha = api.get("caf07", "/api/v1/fiches/" + p.alpha()).json();
        int avant = journal.pourObjet("fiche", p.alpha()).size();

        assertThat(api.put("caf07", "/api/v1/fiches/" + p.alpha() + "?version=" + alpha.path("version").asInt(),
                PlansDeTest.corps(alpha, Map.of("titre", ""))).status()).isEqualTo(400);
        assertThat(api.put("caf07", "/api/v1/fiches/" + p.alpha() + "?version=" + (alpha.path("version").asInt() + 5),
                PlansDeTest.corps(alpha, Map.of("titre", "Périmée"))).status()).isEqualTo(409);
        assertThat(api.put("caf42", "/api/v1/fiches/" + p.alpha() + "?version=" + alpha.path("version").asInt(),
                PlansDeTest.corps(alpha, Map.of("titre", "Sans droit"))).status()).isEqualTo(403);

        assertThat(journal.pourObjet("fiche", p.alpha())).hasSize(avant);
    }

    // --- numbering per parent and free references ---

    @Test
    void numbering_per_parent_restarts_under_each_axis() {
        PlansDeTest.PetitPlan p = plans.petitPlan("Par parent", Numerotation.PAR_PARENT);
        assertThat(plans.fichesDansLOrdre(p.conventionId())).containsExactly("FA1 Alpha", "FA2 Bravo", "FA1 Charlie");

        deplacerFiche(p.bravo(), p.axeB(), 1);
        assertThat(plans.fichesDansLOrdre(p.conventionId())).as("FA2 is free under Axe B: kept")
                .containsExactly("FA1 Alpha", "FA2 Bravo", "FA1 Charlie");
        deplacerFiche(p.alpha(), p.axeB(), 3);
        assertThat(plans.fichesDansLOrdre(p.conventionId())).as("FA1 is taken under Axe B: next free number there")
                .containsExactly("FA2 Bravo", "FA1 Charlie", "FA3 Alpha");

        long horsAxe = plans.creer(p.conventionId(), null, null, "Hors axe");
        assertThat(plans.fiche(horsAxe).reference()).as("outside any axis, numbered among themselves").isEqualTo("FA1");

        supprimer(p.bravo());
        assertThat(plans.fichesDansLOrdre(p.conventionId())).containsExactly("FA1 Charlie", "FA3 Alpha", "FA1 Hors axe");
    }

    @Test
    void free_references_are_never_renumbered_and_stay_editable() {
        PlansDeTest.PetitPlan p = plans.petitPlan("Références libres", Numerotation.LIBRE);
        assertThat(plans.fichesDansLOrdre(p.conventionId())).containsExactly("PE7 Alpha", "G1 Bravo", "S3 Charlie");

        deplacerFiche(p.charlie(), p.axeA(), 1);
        supprimer(p.alpha());
        pages.poster("caf07", "/noeuds/" + p.axeB() + "/deplacer", Map.of("conventionId", String.valueOf(p.conventionId()),
                "version", String.valueOf(plans.noeud(p.conventionId(), p.axeB()).version()), "position", "1"));
        assertThat(plans.fichesDansLOrdre(p.conventionId())).containsExactly("S3 Charlie", "G1 Bravo");
        pages.poster("caf07", "/fiches/" + p.alpha() + "/restaurer", Map.of());
        assertThat(plans.fichesDansLOrdre(p.conventionId())).as("back at its place, second of Axe A").containsExactly("S3 Charlie", "PE7 Alpha", "G1 Bravo");

        JsonNode bravo = api.get("caf07", "/api/v1/fiches/" + p.bravo()).json();
        Reponse reponse = api.put("caf07", "/api/v1/fiches/" + p.bravo() + "?version=" + bravo.path("version").asInt(),
                PlansDeTest.corps(bravo, Map.of("reference", "G2")));
        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(200);
        assertThat(reponse.json().path("reference").asString()).isEqualTo("G2");
        assertThat(pages.get("caf07", "/fiches/" + p.bravo() + "/modifier").document().getElementById("reference").val()).isEqualTo("G2");
    }

    @Test
    void a_computed_reference_cannot_be_edited() {
        PlansDeTest.PetitPlan p = plans.petitPlan("Référence calculée", Numerotation.CONTINUE);
        JsonNode alpha = api.get("caf07", "/api/v1/fiches/" + p.alpha()).json();

        Reponse reponse = api.put("caf07", "/api/v1/fiches/" + p.alpha() + "?version=" + alpha.path("version").asInt(),
                PlansDeTest.corps(alpha, Map.of("reference", "FA99")));

        assertThat(reponse.status()).isEqualTo(200);
        assertThat(reponse.json().path("reference").asString()).isEqualTo("FA1");
        assertThat(pages.get("caf07", "/fiches/" + p.alpha() + "/modifier").document().getElementById("reference"))
                .as("no reference input where numbering is computed").isNull();
    }

    // --- the edit form ---

    @Test
    void saving_the_edit_form_unchanged_changes_nothing() {
        PlansDeTest.PetitPlan p = plans.petitPlan("Formulaire inchangé", Numerotation.CONTINUE);
        JsonNode alpha = api.get("caf07", "/api/v1/fiches/" + p.alpha()).json();
        Map<String, Object> champs = new java.util.LinkedHashMap<>();
        champs.put("enjeu", "Un enjeu\nsur deux lignes");
        champs.put("objectifsCtg", List.of("Objectif un", "Objectif deux"));
        champs.put("competencesSppe", List.of("PLANIFIER", "SOUTENIR_QUALITE"));
        champs.put("modalites", "Des modalités");
        champs.put("porteurs", List.of(Map.of("nom", "Centre social Le Palabre", "role", "pilote"), Map.of("nom", "PRH", "role", "co-porteur")));
        champs.put("partenaires", List.of("Les professionnels du médico-social (ADAPEI PRH)", "CAF"));
        champs.put("indicateurs", List.of(Map.of("libelle", "Nombre de familles", "type", "QUANTITATIF"), Map.of("libelle", "Satisfaction")));
        champs.put("garantes", List.of("Communes porteuses d'ALSH (Lavilledieu et Vals Les Bains)"));
        Reponse remplie = api.put("caf07", "/api/v1/fiches/" + p.alpha() + "?version=" + alpha.path("version").asInt(),
                PlansDeTest.corps(alpha, Map.of("champs", champs, "annees", List.of(2026, 2028), "echeances", "2026 puis tous les 2 ans")));
        assertThat(remplie.status()).as(remplie.texte()).isEqualTo(200);
        JsonNode avant = remplie.json();
        assertThat(avant.path("champs").path("porteurs").get(0).path("organisationId").isNumber()).as("linked by name").isTrue();

        Document formulaire = pages.get("caf07", "/fiches/" + p.alpha() + "/modifier").document();
        assertThat(formulaire.getElementById("champ_enjeu").wholeText()).isEqualTo("Un enjeu\nsur deux lignes");
        assertThat(formulaire.getElementById("champ_porteurs").wholeText()).isEqualTo("Centre social Le Palabre (pilote)\nPRH (co-porteur)");
        assertThat(formulaire.getElementById("champ_indicateurs").wholeText()).isEqualTo("Nombre de familles | quantitatif\nSatisfaction");
        Page enregistrement = pages.soumettre("caf07", formulaire, "form[action=/fiches/" + p.alpha() + "/modifier]");

        assertThat(enregistrement.redirection()).isEqualTo("/fiches/" + p.alpha());
        assertThat(enregistrement.messageSucces()).isEqualTo("Fiche enregistrée.");
        JsonNode apres = api.get("caf07", "/api/v1/fiches/" + p.alpha()).json();
        assertThat(PlansDeTest.sansVersion(apres)).isEqualTo(PlansDeTest.sansVersion(avant));
        assertThat(journal.pourObjet("fiche", p.alpha()).get(0).changements()).as("no field changed").isEmpty();
    }

    @Test
    void the_edit_form_saves_what_is_typed() {
        PlansDeTest.PetitPlan p = plans.petitPlan("Formulaire saisi", Numerotation.CONTINUE);
        Document formulaire = pages.get("ccba", "/fiches/" + p.alpha() + "/modifier").document();
        formulaire.getElementById("titre").val("Alpha saisie");
        formulaire.getElementById("champ_publicCible").text("Familles\nEnfants");
        formulaire.getElementById("champ_porteurs").text("Centre social Le Palabre (pilote)\nAssociation inconnue");
        formulaire.getElementById("champ_indicateurs").text("Nombre de familles | quantitatif");
        formulaire.getElementById("annee-2027").attr("checked", true);
        formulaire.selectFirst("input[name=multi_competencesSppe][value=PLANIFIER]").attr("checked", true);

        Page enregistrement = pages.soumettre("ccba", formulaire, "form[action=/fiches/" + p.alpha() + "/modifier]");

        assertThat(enregistrement.redirection()).isEqualTo("/fiches/" + p.alpha());
        JsonNode alpha = api.get("ccba", "/api/v1/fiches/" + p.alpha()).json();
        assertThat(alpha.path("titre").asString()).isEqualTo("Alpha saisie");
        assertThat(alpha.path("annees")).extracting(JsonNode::asInt).containsExactly(2027);
        assertThat(alpha.path("champs").path("publicCible")).extracting(JsonNode::asString).containsExactly("Familles", "Enfants");
        assertThat(alpha.path("champs").path("competencesSppe")).extracting(JsonNode::asString).containsExactly("PLANIFIER");
        assertThat(alpha.path("champs").path("porteurs").get(0).path("role").asString()).isEqualTo("pilote");
        assertThat(alpha.path("champs").path("porteurs").get(0).path("organisationId").isNumber()).isTrue();
        assertThat(alpha.path("champs").path("porteurs").get(1).path("organisationId").isNull()).isTrue();
        assertThat(alpha.path("champs").path("indicateurs").get(0).path("type").asString()).isEqualTo("QUANTITATIF");

        Document page = pages.get("ccba", "/fiches/" + p.alpha()).document();
        assertThat(page.select("dd li:contains(non reliée au référentiel)")).as("the unknown name is shown as not linked").hasSize(1);
    }

    // --- a convention without plan ---

    @Test
    void a_convention_without_plan_says_so() {
        long convention = plans.convention("Sans plan");
        Reponse reponse = api.get("caf07", "/api/v1/conventions/" + convention + "/plan");
        assertThat(reponse.status()).isEqualTo(404);
        assertThat(reponse.json().path("message").asString()).contains("pas encore de plan");
        assertThat(pages.get("caf07", "/conventions/" + convention + "/plan").document().select(".alert-info").text())
                .contains("pas encore de plan");
        assertThat(pages.get("caf07", "/conventions/" + convention + "/programme").document().select(".alert-info").text())
                .contains("pas encore de plan");
    }

    // --- helpers ---

    private Page deplacerFiche(long id, Long noeudId, int position) {
        Page page = pages.poster("caf07", "/fiches/" + id + "/deplacer", Map.of("version", String.valueOf(plans.fiche(id).version()),
                "noeudId", noeudId == null ? "" : String.valueOf(noeudId), "position", String.valueOf(position)));
        assertThat(page.messageErreur()).as("déplacement de %s", id).isNull();
        return page;
    }

    private void supprimer(long id) {
        Page page = pages.poster("caf07", "/fiches/" + id + "/supprimer", Map.of("version", String.valueOf(plans.fiche(id).version())));
        assertThat(page.messageErreur()).as("suppression de %s", id).isNull();
        assertThat(page.flash()).containsKey("ficheSupprimee");
    }
}
