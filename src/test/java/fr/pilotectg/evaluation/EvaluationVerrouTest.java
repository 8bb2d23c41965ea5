package fr.pilotectg.evaluation;

import java.util.List;
import java.util.Map;

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
 * The COPIL validation locks the year: every write to it answers 409 and changes nothing, until an administrator
 * unlocks it with a reason kept in the journal.
 */
@IntegrationTest
class EvaluationVerrouTest extends EvaluationTestSupport {

    @Autowired
    Journal journal;

    @Test
    void after_the_copil_every_write_to_the_year_answers_409_and_changes_nothing() {
        PetitPlan plan = petitPlan("eval-verrou");
        long c = plan.conventionId();
        assertThat(putLigne("ccba", c, 2026, plan.alpha(), corpsLigne("EN_COURS", null, "Avant le COPIL.", 0)).status()).isEqualTo(200);
        assertThat(api.put("ccba", "/api/v1/conventions/" + c + "/indicateurs/" + plan.alpha() + "/1",
                Map.of("valeurs", Map.of("2026", "10"), "version", 0)).status()).isEqualTo(200);

        Reponse validation = valider("caf07", c, 2026, "2027-01-15");
        assertThat(validation.status()).as(validation.texte()).isEqualTo(200);
        assertThat(validation.json().path("valide").asBoolean()).isTrue();
        assertThat(validation.json().path("copil").path("date").asString()).isEqualTo("2027-01-15");
        JsonNode avant = lireGrille("caf07", c, 2026);
        String indicateursAvant = api.get("caf07", "/api/v1/conventions/" + c + "/indicateurs").texte();

        String base = grille(c, 2026);
        List<Reponse> ecritures = List.of(
                putLigne("ccba", c, 2026, plan.alpha(), corpsLigne("REALISE", null, "Après le COPIL.", 1)),
                putLigne("admin", c, 2026, plan.charlie(), corpsLigne("REALISE", null, "Après le COPIL.", 0)),
                putLigne("palabre", c, 2026, plan.alpha(), corpsLigne("REALISE", null, "Après le COPIL.", 1)),
                api.put("caf07", base + "/axes/GOUVERNANCE", Map.of("resultats", "Après le COPIL.", "version", 0)),
                api.put("caf07", base + "/commentaires", Map.of("commentaires", "Après le COPIL.", "version", avant.path("version").asInt())),
                valider("caf07", c, 2026, "2027-02-01"),
                api.put("ccba", "/api/v1/conventions/" + c + "/indicateurs/" + plan.alpha() + "/1",
                        Map.of("valeurs", Map.of("2026", "12"), "version", 1)));
        for (Reponse reponse : ecritures) {
            assertThat(reponse.status()).as(reponse.texte()).isEqualTo(409);
            assertThat(reponse.json().path("message").asString()).contains("validée par le COPIL du 15 janvier 2027");
        }
        assertThat(lireGrille("caf07", c, 2026)).isEqualTo(avant);
        assertThat(api.get("caf07", "/api/v1/conventions/" + c + "/indicateurs").texte()).isEqualTo(indicateursAvant);

        assertThat(putLigne("ccba", c, 2027, plan.alpha(), corpsLigne("EN_COURS", null, "Année suivante.", 0)).status())
                .as("other years stay open").isEqualTo(200);
        assertThat(api.put("ccba", "/api/v1/conventions/" + c + "/indicateurs/" + plan.alpha() + "/1",
                Map.of("valeurs", Map.of("2026", "10", "2027", "11"), "version", 1)).status())
                .as("an unchanged value of a locked year is not a write").isEqualTo(200);
    }

    @Test
    void the_locked_page_is_read_only_with_a_banner_and_a_stale_form_saves_nothing() {
        PetitPlan plan = petitPlan("eval-verrou-page");
        long c = plan.conventionId();
        Document formulaire = pages.get("ccba", "/conventions/" + c + "/evaluation/2026/lignes/" + plan.charlie()).document();
        formulaire.select("input[name=statut]").removeAttr("checked");
        formulaire.selectFirst("#statut-REALISE").attr("checked", true);
        formulaire.selectFirst("#resultats").text("Saisi avant la validation, envoyé après.");
        assertThat(valider("caf07", c, 2026, "2027-01-15").status()).isEqualTo(200);

        Page envoi = pages.soumettre("ccba", formulaire, "#form-ligne");
        assertThat(envoi.status()).isEqualTo(200);
        assertThat(envoi.document().getElementById("conflit").text()).contains("validée par le COPIL du 15 janvier 2027", "rien n'a été enregistré");
        assertThat(ligne(lireGrille("ccba", c, 2026), plan.charlie()).path("origine").asString()).isEqualTo("DEFAUT");

        Document page = pages.get("ccba", "/conventions/" + c + "/evaluation/2026").document();
        assertThat(page.getElementById("bandeau-validation").text()).isEqualTo("Année validée par le COPIL du 15 janvier 2027");
        assertThat(page.select("a:contains(Modifier), #form-commentaires, #form-validation, #form-deverrouillage")).isEmpty();
        assertThat(pages.get("ccba", "/conventions/" + c + "/evaluation/2026/lignes/" + plan.charlie()).redirection())
                .isEqualTo("/conventions/" + c + "/evaluation/2026#ligne-" + plan.charlie());
        assertThat(pages.get("admin", "/conventions/" + c + "/evaluation/2026").document().select("#form-deverrouillage")).hasSize(1);
    }

    @Test
    void only_an_admin_unlocks_with_a_reason_kept_in_the_journal() {
        PetitPlan plan = petitPlan("eval-deverrouillage");
        long c = plan.conventionId();
        assertThat(valider("ccba", c, 2026, "2027-01-15").status()).isEqualTo(200);
        String deverrouillage = grille(c, 2026) + "/deverrouillage";

        for (String utilisateur : List.of("caf07", "ccba", "palabre")) {
            assertThat(api.post(utilisateur, deverrouillage, Map.of("motif", "Erreur de saisie")).status()).as(utilisateur).isEqualTo(403);
        }
        Reponse sansMotif = api.post("admin", deverrouillage, Map.of("motif", "  "));
        assertThat(sansMotif.status()).isEqualTo(400);
        assertThat(sansMotif.champsEnErreur()).containsExactly("motif");
        assertThat(lireGrille("caf07", c, 2026).path("valide").asBoolean()).isTrue();

        Reponse reponse = api.post("admin", deverrouillage, Map.of("motif", "Le COPIL a demandé de corriger la fiche Alpha."));
        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(200);
        assertThat(reponse.json().path("valide").asBoolean()).isFalse();
        assertThat(putLigne("ccba", c, 2026, plan.alpha(), corpsLigne("REALISE", null, "Corrigé.", 0)).status()).isEqualTo(200);

        List<EntreeJournal> entrees = journal.pourConvention(c, 50, 0);
        EntreeJournal entree = entrees.stream().filter(e -> e.action().equals("déverrouillage de l'évaluation 2026")).findFirst()
                .orElseThrow(() -> new AssertionError("pas de déverrouillage au journal : " + entrees));
        assertThat(entree.utilisateur()).isEqualTo("admin");
        assertThat(entree.changements()).anySatisfy(ch -> {
            assertThat(ch.champ()).isEqualTo("Motif");
            assertThat(ch.apres()).isEqualTo("Le COPIL a demandé de corriger la fiche Alpha.");
        });
        assertThat(entrees).anyMatch(e -> e.action().equals("validation de l'évaluation 2026 par le COPIL") && e.utilisateur().equals("ccba"));
    }

    @Test
    void the_copil_needs_a_date_not_before_the_year_and_a_decision() {
        PetitPlan plan = petitPlan("eval-copil");
        long c = plan.conventionId();
        Reponse reponse = api.post("caf07", grille(c, 2027) + "/validation", Map.of("dateCopil", "2026-12-01", "decision", ""));
        assertThat(reponse.status()).isEqualTo(400);
        assertThat(reponse.champsEnErreur()).containsExactlyInAnyOrder("dateCopil", "decision");
        assertThat(reponse.messageDuChamp("dateCopil")).contains("Date du COPIL", "précède l'année évaluée");
        assertThat(lireGrille("caf07", c, 2027).path("valide").asBoolean()).isFalse();
    }
}
