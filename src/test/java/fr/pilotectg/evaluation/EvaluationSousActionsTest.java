package fr.pilotectg.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.ClientPages.Page;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 item 2 (ADR 0038): the annual grid given per sub-action; the fiche's line rolls up from its sub-actions
 * (weighted) until the fiche's own line is saved; same rights, lock, versions and French refusals as fiche lines;
 * the grid page and the whole-year entry page carry the sub-actions.
 */
@IntegrationTest
class EvaluationSousActionsTest extends EvaluationTestSupport {

    /** Gives a fiche its sub-actions through the API: libellé → poids (and planned years when given). */
    private long[] sousActions(long ficheId, Object[][] definitions) {
        JsonNode fiche = api.get("caf07", "/api/v1/fiches/" + ficheId).json();
        List<Map<String, Object>> liste = new ArrayList<>();
        for (Object[] d : definitions) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("libelle", d[0]);
            s.put("poids", d[1]);
            if (d.length > 2) {
                s.put("annees", d[2]);
            }
            liste.add(s);
        }
        Reponse r = api.patch("caf07", "/api/v1/fiches/" + ficheId + "?version=" + fiche.path("version").asInt(),
                Map.of("sousActions", liste));
        assertThat(r.status()).as(r.texte()).isEqualTo(200);
        JsonNode sous = r.json().path("sousActions");
        long[] ids = new long[sous.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = sous.get(i).path("id").asLong();
        }
        return ids;
    }

    private Reponse putSousAction(String utilisateur, long c, int annee, long sousActionId, String statut, String resultats, Integer version) {
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("statut", statut);
        corps.put("resultats", resultats);
        corps.put("version", version);
        return api.put(utilisateur, grille(c, annee) + "/sous-actions/" + sousActionId, corps);
    }

    private long lignesSousActions(long c) {
        return jdbc.sql("SELECT count(*) FROM evaluation_sous_action WHERE convention_id = :c").param("c", c).query(Long.class).single();
    }

    private long journal(long c) {
        return jdbc.sql("SELECT count(*) FROM journal WHERE convention_id = :c AND objet_type = 'evaluation'").param("c", c)
                .query(Long.class).single();
    }

    @Test
    void a_sub_action_line_per_year_and_the_fiche_line_rolls_up_weighted_until_its_own_line_is_saved() {
        PetitPlan plan = petitPlan("eval-sa");
        long c = plan.conventionId();
        long[] sa = sousActions(plan.alpha(), new Object[][]{{"Recenser", 2}, {"Former", 1}, {"Évaluer", 1, List.of(2027)}});

        JsonNode alpha = ligne(lireGrille("caf07", c, 2026), plan.alpha());
        assertThat(alpha.path("sousActions")).hasSize(3);
        assertThat(alpha.path("origine").asString()).as("nothing entered yet: the fiche's own rule").isEqualTo("DEFAUT");
        assertThat(alpha.path("sousActions").get(0).path("mention").asString()).isEqualTo("à renseigner");
        assertThat(alpha.path("sousActions").get(2).path("statut").asString()).as("planned in 2027 only").isEqualTo("NON_CONCERNE");

        Reponse r = putSousAction("caf07", c, 2026, sa[0], "REALISE", "Recensement fait.", 0);
        assertThat(r.status()).as(r.texte()).isEqualTo(200);
        // Concerned: Recenser (2) réalisé, Former (1) non réalisé; Évaluer is not concerned in 2026 → 2/3 = 67 %.
        assertThat(r.json().path("statut").asString()).isEqualTo("EN_COURS");
        assertThat(r.json().path("origine").asString()).isEqualTo("SOUS_ACTIONS");
        assertThat(r.json().path("tauxSousActions").asInt()).isEqualTo(67);
        assertThat(r.json().path("mention").asString()).contains("calculé depuis les sous-actions", "67 %");

        r = putSousAction("caf07", c, 2026, sa[1], "EN_COURS", null, 0);
        assertThat(r.json().path("tauxSousActions").asInt()).as("(2 + ½) / 3").isEqualTo(83);
        r = putSousAction("caf07", c, 2026, sa[1], "REALISE", "Agents formés.", 1);
        assertThat(r.status()).as(r.texte()).isEqualTo(200);
        assertThat(r.json().path("statut").asString()).isEqualTo("REALISE");
        assertThat(r.json().path("tauxSousActions").asInt()).isEqualTo(100);
        assertThat(ligne(lireGrille("caf07", c, 2027), plan.alpha()).path("origine").asString())
                .as("another year is its own grid").isEqualTo("DEFAUT");
        assertThat(journal(c)).isEqualTo(3);
        assertThat(jdbc.sql("SELECT action FROM journal WHERE convention_id = :c AND objet_type = 'evaluation' ORDER BY id LIMIT 1")
                .param("c", c).query(String.class).single()).contains("Alpha", "sous-action « Recenser »");

        // The fiche's own saved line wins; the roll-up stays shown beside it.
        assertThat(putLigne("caf07", c, 2026, plan.alpha(), corpsLigne("EN_COURS", null, "Jugement du COPIL.", 0)).status()).isEqualTo(200);
        alpha = ligne(lireGrille("caf07", c, 2026), plan.alpha());
        assertThat(alpha.path("statut").asString()).isEqualTo("EN_COURS");
        assertThat(alpha.path("origine").asString()).isEqualTo("ENREGISTRE");
        assertThat(alpha.path("tauxSousActions").asInt()).isEqualTo(100);

        Document page = pages.get("caf07", "/conventions/" + c + "/evaluation/2026").document();
        assertThat(page.select("tr.ligne-sous-action")).hasSize(3);
        assertThat(page.getElementById("ligne-sa-" + sa[1]).text()).contains("Former", "réalisé", "Agents formés.");
        assertThat(page.getElementById("ligne-" + plan.alpha()).select(".taux-sous-actions").text()).contains("100 %");
        assertThat(pages.get("palabre", "/conventions/" + c + "/evaluation/2026").document().select("tr.ligne-sous-action")).hasSize(3);
    }

    @Test
    void bad_input_stale_versions_other_porteurs_other_cafs_and_a_validated_year_are_refused_and_write_nothing() {
        PetitPlan plan = petitPlan("eval-sa-refus");
        long c = plan.conventionId();
        long[] alpha = sousActions(plan.alpha(), new Object[][]{{"Recenser", 1}});
        long[] bravo = sousActions(plan.bravo(), new Object[][]{{"Ouvrir", 1}});

        Reponse r = putSousAction("caf07", c, 2026, alpha[0], "PRESQUE", null, 0);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.texte()).contains("statut", "inconnu");
        r = putSousAction("caf07", c, 2026, alpha[0], "REALISE", null, null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.texte()).contains("version");
        assertThat(putSousAction("caf07", c, 2026, alpha[0], "REALISE", "x".repeat(20_001), 0).status()).isEqualTo(400);
        assertThat(putSousAction("caf07", c, 2026, 999_999_999L, "REALISE", null, 0).status()).isEqualTo(404);
        assertThat(putSousAction("caf07", c, 2031, alpha[0], "REALISE", null, 0).status()).as("year outside the period").isEqualTo(404);
        assertThat(lignesSousActions(c)).isZero();

        // The porteur of Alpha writes Alpha's sub-actions, not Bravo's; another Caf writes nothing.
        assertThat(putSousAction("palabre", c, 2026, alpha[0], "EN_COURS", "Lancé.", 0).status()).isEqualTo(200);
        assertThat(putSousAction("palabre", c, 2026, bravo[0], "REALISE", null, 0).status()).isEqualTo(403);
        assertThat(putSousAction("caf42", c, 2026, alpha[0], "REALISE", null, 1).status()).isIn(403, 404);
        // A sub-action of another convention through this convention's URL.
        PetitPlan autre = petitPlan("eval-sa-autre");
        long[] ailleurs = sousActions(autre.alpha(), new Object[][]{{"Ailleurs", 1}});
        assertThat(putSousAction("caf07", c, 2026, ailleurs[0], "REALISE", null, 0).status()).isEqualTo(404);
        assertThat(lignesSousActions(c)).isEqualTo(1);
        assertThat(lignesSousActions(autre.conventionId())).isZero();

        // Stale version: 409 and the line unchanged.
        r = putSousAction("caf07", c, 2026, alpha[0], "REALISE", "Trop tard.", 0);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.texte()).contains("modifiée par quelqu'un d'autre");
        assertThat(jdbc.sql("SELECT statut FROM evaluation_sous_action WHERE sous_action_id = :s").param("s", alpha[0])
                .query(String.class).single()).isEqualTo("EN_COURS");

        // A validated year is locked.
        assertThat(api.post("caf07", grille(c, 2026) + "/validation", Map.of("dateCopil", "2027-01-15", "decision", "adoptée"))
                .status()).isEqualTo(200);
        assertThat(putSousAction("caf07", c, 2026, alpha[0], "REALISE", null, 1).status()).isEqualTo(409);
        assertThat(journal(c)).isEqualTo(2);
    }

    @Test
    void the_whole_year_entry_page_saves_sub_actions_with_the_fiche_lines_all_or_nothing() {
        PetitPlan plan = petitPlan("eval-sa-page");
        long c = plan.conventionId();
        long[] sa = sousActions(plan.alpha(), new Object[][]{{"Recenser", 1}, {"Former", 1}});
        String chemin = "/conventions/" + c + "/evaluation/2026/saisie";
        Document page = pages.get("caf07", chemin).document();
        assertThat(page.select("fieldset.ligne-saisie")).hasSize(3);
        assertThat(page.select("#saisie-sous-actions-" + plan.alpha() + " .ligne-sous-action-saisie")).hasSize(2);
        assertThat(page.select("label[for=sa-statut-" + sa[0] + "]").text()).isEqualTo("Recenser");

        // A bad status on a sub-action: 400, its row says why, the typed fiche text comes back, nothing written.
        Map<String, String> champs = ClientPages.champs(page, "#form-saisie");
        champs.put("resultats-" + plan.charlie(), "Texte gardé.");
        champs.put("sa-statut-" + sa[0], "PRESQUE");
        champs.put("sa-resultats-" + sa[1], "Formation lancée.");
        Page refus = pages.poster("caf07", chemin, champs);
        assertThat(refus.status()).isEqualTo(400);
        assertThat(refus.document().getElementById("erreur-sa-statut-" + sa[0]).text()).contains("inconnu");
        assertThat(refus.document().getElementById("sa-resultats-" + sa[1]).text()).isEqualTo("Formation lancée.");
        assertThat(refus.document().getElementById("resultats-" + plan.charlie()).text()).isEqualTo("Texte gardé.");
        assertThat(lignesSousActions(c)).isZero();
        assertThat(journal(c)).isZero();

        // Fixed: the fiche row and the two sub-action rows are saved together.
        champs.put("sa-statut-" + sa[0], "REALISE");
        champs.put("sa-statut-" + sa[1], "EN_COURS");
        Page ok = pages.poster("caf07", chemin, champs);
        assertThat(ok.status()).isEqualTo(302);
        assertThat(ok.messageSucces()).isEqualTo("3 lignes enregistrées.");
        assertThat(lignesSousActions(c)).isEqualTo(2);
        JsonNode alpha = ligne(lireGrille("caf07", c, 2026), plan.alpha());
        assertThat(alpha.path("tauxSousActions").asInt()).isEqualTo(75);
        assertThat(alpha.path("statut").asString()).isEqualTo("EN_COURS");

        // Someone else changes a sub-action meanwhile: the stale page is a conflict, nothing of it is written.
        Map<String, String> vieux = ClientPages.champs(pages.get("caf07", chemin).document(), "#form-saisie");
        assertThat(putSousAction("palabre", c, 2026, sa[1], "REALISE", "Par le Palabre.", 1).status()).isEqualTo(200);
        vieux.put("sa-resultats-" + sa[1], "Mon texte.");
        vieux.put("resultats-" + plan.charlie(), "Autre texte.");
        Page conflit = pages.poster("caf07", chemin, vieux);
        assertThat(conflit.status()).isEqualTo(409);
        assertThat(conflit.document().getElementById("saisie-sa-" + sa[1]).select(".conflit-ligne").text()).contains("réalisé");
        assertThat(conflit.document().getElementById("sa-resultats-" + sa[1]).text()).isEqualTo("Mon texte.");
        assertThat(jdbc.sql("SELECT resultats FROM evaluation_ligne WHERE fiche_id = :f").param("f", plan.charlie())
                .query(String.class).single()).isEqualTo("Texte gardé.");
        // The porteur's page shows only its fiche's sub-actions as editable; another Caf has no page.
        assertThat(pages.get("palabre", chemin).document().select(".ligne-sous-action-saisie")).hasSize(2);
        assertThat(pages.get("caf42", chemin).status()).isIn(403, 404);
    }

    @Test
    void the_dashboard_counts_the_fiche_status_and_progress_rolled_up_from_its_sub_actions() {
        PetitPlan plan = petitPlan("eval-sa-tableau");
        long c = plan.conventionId();
        long[] sa = sousActions(plan.alpha(), new Object[][]{{"Recenser", 1}, {"Former", 1}});
        String base = "/api/v1/fiches/" + plan.alpha() + "/sous-actions/";
        Reponse r = api.post("caf07", base + sa[0] + "/suivi", Map.of("statut", "REALISEE", "avancement", 100, "datePoint", "2026-06-15"));
        assertThat(r.status()).as(r.texte()).isEqualTo(201);
        r = api.post("caf07", base + sa[1] + "/suivi", Map.of("statut", "EN_COURS", "avancement", 50, "datePoint", "2026-06-15"));
        assertThat(r.status()).as(r.texte()).isEqualTo(201);
        JsonNode alpha = ligne(lireGrille("caf07", c, 2026), plan.alpha());
        assertThat(alpha.path("origine").asString()).as("pre-filled from the sub-actions' follow-ups").isEqualTo("SOUS_ACTIONS");
        assertThat(alpha.path("statut").asString()).isEqualTo("EN_COURS");
        assertThat(realiseesEn(c, 2026)).as("Alpha en cours, Charlie non réalisé").isEqualTo("0/2");

        assertThat(putSousAction("caf07", c, 2026, sa[1], "REALISE", null, 0).status()).isEqualTo(200);
        assertThat(ligne(lireGrille("caf07", c, 2026), plan.alpha()).path("statut").asString()).isEqualTo("REALISE");
        assertThat(realiseesEn(c, 2026)).as("the dashboard counts the same roll-up as the grid").isEqualTo("1/2");
        // Progress: Alpha (100 + 50) / 2 = 75 from its sub-actions, Bravo and Charlie 0 → 25 %.
        Document page = pages.get("caf07", "/conventions/" + c + "/tableau-de-bord").document();
        assertThat(page.getElementById("avancement").text().replace('\u00a0', ' ')).isEqualTo("25 %");
    }

    /** « réalisées/concernées » of a year in the dashboard's chart data table. */
    private String realiseesEn(long c, int annee) {
        Document page = pages.get("caf07", "/conventions/" + c + "/tableau-de-bord").document();
        for (org.jsoup.nodes.Element ligne : page.select("#graphique-annees table tbody tr")) {
            List<String> cellules = ligne.select("th, td").eachText();
            if (cellules.get(0).equals(String.valueOf(annee))) {
                return cellules.get(1) + "/" + cellules.get(cellules.size() - 1);
            }
        }
        throw new AssertionError("pas d'année " + annee + " : " + page.select("#graphique-annees").html());
    }
}
