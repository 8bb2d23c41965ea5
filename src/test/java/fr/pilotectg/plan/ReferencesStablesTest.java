package fr.pilotectg.plan;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import fr.pilotectg.shared.audit.EntreeJournal;
import fr.pilotectg.shared.audit.Journal;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages.Page;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stable references (issue 10 item 5, ADR 0011): given once at creation, never moved by inserts, moves or deletions;
 * "Renuméroter le plan" is an explicit action with a preview, refused on a signed convention; references stay unique.
 */
@IntegrationTest
class ReferencesStablesTest extends PlanTestSupport {

    @Autowired
    Journal journal;

    @Test
    void a_fiche_inserted_at_the_start_of_the_aubenas_plan_gets_fa33_and_leaves_fa1_to_fa32_alone() {
        long aubenas = api.aubenas();
        ArbrePlan avant = plans.arbre(aubenas);
        List<String> referencesAvant = avant.fichesDansLOrdre().stream().map(Fiche::reference).toList();
        assertThat(referencesAvant).containsExactlyElementsOf(IntStream.rangeClosed(1, 32).mapToObj(i -> "FA" + i).toList());
        long premierAxe = avant.racines().get(0).enfants().get(0).noeud().id();
        Long nouvelle = null;
        try {
            Page creation = pages.poster("caf07", "/conventions/" + aubenas + "/plan/fiches",
                    Map.of("noeudId", String.valueOf(premierAxe), "titre", "Une action ajoutée en tête du plan"));
            assertThat(creation.redirection()).matches("/fiches/\\d+/modifier");
            nouvelle = Long.parseLong(creation.redirection().replaceAll("\\D", ""));
            Page deplacement = pages.poster("caf07", "/fiches/" + nouvelle + "/deplacer", Map.of(
                    "version", String.valueOf(plans.fiche(nouvelle).version()), "noeudId", String.valueOf(premierAxe), "position", "1"));
            assertThat(deplacement.messageErreur()).isNull();

            List<String> apres = plans.fichesDansLOrdre(aubenas);
            assertThat(apres.get(0)).isEqualTo("FA33 Une action ajoutée en tête du plan");
            assertThat(apres.subList(1, 33)).extracting(f -> f.substring(0, f.indexOf(' '))).containsExactlyElementsOf(referencesAvant);
            assertThat(api.get("caf07", "/api/v1/fiches/" + nouvelle).json().path("reference").asString()).isEqualTo("FA33");

            // The explicit renumbering shows what it would do, but Aubenas is signed: no button, and a post is refused.
            Document apercu = pages.get("caf07", "/conventions/" + aubenas + "/plan/renumerotation").document();
            assertThat(apercu.select("#apercu tbody tr").first().select("td").eachText())
                    .containsExactly("Fiche action", "Une action ajoutée en tête du plan", "FA33", "FA1");
            assertThat(apercu.select("#apercu tbody tr")).hasSize(33);
            assertThat(apercu.select("#refus").text()).contains("signée", "avenant");
            assertThat(apercu.select("form[action$=/renumerotation]")).isEmpty();
            Page refus = pages.poster("caf07", "/conventions/" + aubenas + "/plan/renumerotation", Map.of("empreinte", "x"));
            assertThat(refus.messageErreur()).contains("signée");
            assertThat(plans.fiche(nouvelle).reference()).isEqualTo("FA33");
            assertThat(plans.fichesDansLOrdre(aubenas).subList(1, 33)).extracting(f -> f.substring(0, f.indexOf(' ')))
                    .containsExactlyElementsOf(referencesAvant);
        } finally {
            if (nouvelle != null) {
                long id = nouvelle;
                plans.comme("admin", () -> planService.supprimerFiche(id, plans.fiche(id).version()));
            }
        }
        assertThat(plans.fichesDansLOrdre(aubenas)).hasSize(32);
    }

    @Test
    void renumbering_shows_old_and_new_references_then_applies_them_and_journals_them() {
        PlansDeTest.PetitPlan p = plans.petitPlan("Renuméroter", Numerotation.CONTINUE);
        long delta = plans.creer(p.conventionId(), p.axeA(), null, "Delta");
        Page deplacement = pages.poster("caf07", "/fiches/" + delta + "/deplacer", Map.of(
                "version", String.valueOf(plans.fiche(delta).version()), "noeudId", String.valueOf(p.axeA()), "position", "1"));
        assertThat(deplacement.messageErreur()).isNull();
        assertThat(plans.fichesDansLOrdre(p.conventionId())).containsExactly("FA4 Delta", "FA1 Alpha", "FA2 Bravo", "FA3 Charlie");

        Document plan = pages.get("caf07", "/conventions/" + p.conventionId() + "/plan").document();
        assertThat(plan.select("#lien-renumerotation").attr("href")).isEqualTo("/conventions/" + p.conventionId() + "/plan/renumerotation");
        Document apercu = pages.get("caf07", "/conventions/" + p.conventionId() + "/plan/renumerotation").document();
        assertThat(apercu.select("#apercu tbody tr")).extracting(tr -> tr.select("td.ancienne").text() + " → " + tr.select("td.nouvelle").text())
                .containsExactly("FA4 → FA1", "FA1 → FA2", "FA2 → FA3", "FA3 → FA4");
        assertThat(plans.fichesDansLOrdre(p.conventionId())).as("a preview writes nothing").first().isEqualTo("FA4 Delta");

        // Someone adds a fiche in Axe A after the preview was shown: the preview is stale, nothing is renumbered.
        long echo = plans.creer(p.conventionId(), p.axeA(), null, "Echo");
        Page perime = pages.soumettre("caf07", apercu, "form[action$=/renumerotation]");
        assertThat(perime.messageErreur()).contains("modifié par quelqu'un d'autre");
        assertThat(plans.fichesDansLOrdre(p.conventionId())).containsExactly("FA4 Delta", "FA1 Alpha", "FA2 Bravo", "FA5 Echo", "FA3 Charlie");

        Document actuel = pages.get("caf07", "/conventions/" + p.conventionId() + "/plan/renumerotation").document();
        Page faite = pages.soumettre("caf07", actuel, "form[action$=/renumerotation]");
        assertThat(faite.messageErreur()).isNull();
        assertThat(faite.messageSucces()).contains("5 référence(s)");
        assertThat(plans.fichesDansLOrdre(p.conventionId())).containsExactly("FA1 Delta", "FA2 Alpha", "FA3 Bravo", "FA4 Echo", "FA5 Charlie");
        assertThat(journal.pourObjet("fiche", p.alpha()).get(0)).satisfies(e -> {
            assertThat(e.action()).isEqualTo("renumérotation");
            assertThat(e.changements()).singleElement().satisfies(c -> {
                assertThat(c.avant()).isEqualTo("FA1");
                assertThat(c.apres()).isEqualTo("FA2");
            });
        });
        assertThat(journal.pourObjet("fiche", echo)).extracting(EntreeJournal::action).containsExactly("renumérotation", "création");
        assertThat(journal.pourObjet("plan", p.conventionId()).get(0).changements()).hasSize(5);
        assertThat(pages.get("caf07", "/conventions/" + p.conventionId() + "/plan/renumerotation").document()
                .select("#rien-a-renumeroter")).hasSize(1);
    }

    @Test
    void a_fiche_restored_after_a_renumbering_that_gave_its_number_away_takes_the_next_free_one() {
        PlansDeTest.PetitPlan p = plans.petitPlan("Restaurer après renumérotation", Numerotation.CONTINUE);
        plans.comme("admin", () -> planService.supprimerFiche(p.alpha(), plans.fiche(p.alpha()).version()));
        plans.comme("admin", () -> planService.renumeroterPlan(p.conventionId(),
                planService.apercuRenumerotation(p.conventionId()).empreinte()));
        assertThat(plans.fichesDansLOrdre(p.conventionId())).containsExactly("FA1 Bravo", "FA2 Charlie");

        Page page = pages.poster("caf07", "/fiches/" + p.alpha() + "/restaurer", Map.of());

        assertThat(page.messageSucces()).contains("FA3");
        assertThat(plans.fichesDansLOrdre(p.conventionId())).containsExactly("FA3 Alpha", "FA1 Bravo", "FA2 Charlie");
    }

    @Test
    void a_free_reference_already_used_in_the_plan_is_refused_with_the_field_named() {
        PlansDeTest.PetitPlan p = plans.petitPlan("Référence en double", Numerotation.LIBRE);
        JsonNode bravo = api.get("caf07", "/api/v1/fiches/" + p.bravo()).json();

        Reponse reponse = api.put("caf07", "/api/v1/fiches/" + p.bravo() + "?version=" + bravo.path("version").asInt(),
                PlansDeTest.corps(bravo, Map.of("reference", "PE7", "titre", "Bravo renommée")));

        assertThat(reponse.status()).isEqualTo(400);
        assertThat(reponse.champsEnErreur()).containsExactly("reference");
        assertThat(reponse.messageDuChamp("reference")).contains("« PE7 »", "déjà");
        assertThat(PlansDeTest.sansVersion(api.get("caf07", "/api/v1/fiches/" + p.bravo()).json())).isEqualTo(PlansDeTest.sansVersion(bravo));
        assertThat(plans.fichesDansLOrdre(p.conventionId())).containsExactly("PE7 Alpha", "G1 Bravo", "S3 Charlie");
    }

    @Test
    void only_those_who_edit_the_plan_may_preview_or_renumber() {
        PlansDeTest.PetitPlan p = plans.petitPlan("Renumérotation refusée", Numerotation.CONTINUE);
        plans.comme("admin", () -> planService.supprimerFiche(p.alpha(), plans.fiche(p.alpha()).version()));
        String empreinte = plans.comme("admin", () -> planService.apercuRenumerotation(p.conventionId()).empreinte());
        String chemin = "/conventions/" + p.conventionId() + "/plan/renumerotation";

        assertThat(pages.get("caf42", chemin).status()).isIn(403, 404);
        assertThat(pages.poster("caf42", chemin, Map.of("empreinte", empreinte)).status()).isIn(403, 404);
        assertThat(pages.poster("pilat", chemin, Map.of("empreinte", empreinte)).status()).isIn(403, 404);
        assertThat(pages.get("caf07", "/conventions/" + p.conventionId() + "/plan").document().select("#lien-renumerotation")).hasSize(1);
        long aubenas = api.aubenas();
        assertThat(pages.get("lecteur", "/conventions/" + aubenas + "/plan/renumerotation").status()).as("a reader").isEqualTo(403);
        assertThat(pages.poster("lecteur", "/conventions/" + aubenas + "/plan/renumerotation", Map.of("empreinte", "x")).status()).isEqualTo(403);
        assertThat(pages.get("lecteur", "/conventions/" + aubenas + "/plan").document().select("#lien-renumerotation")).isEmpty();

        assertThat(plans.fichesDansLOrdre(p.conventionId())).containsExactly("FA2 Bravo", "FA3 Charlie");
    }
}
