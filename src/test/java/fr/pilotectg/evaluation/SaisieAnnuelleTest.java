package fr.pilotectg.evaluation;

import java.util.Map;

import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.ClientPages.Page;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole-year entry (issue 15 item 5) without a browser: « Tout enregistrer » saves only the changed rows, in one
 * transaction; a bad field or a stale row writes nothing and gives every typed text back; rights as on the grid.
 */
@IntegrationTest
class SaisieAnnuelleTest extends EvaluationTestSupport {

    @Test
    void save_all_writes_the_changed_rows_only_each_journalled() {
        PetitPlan plan = petitPlan("saisie-tout");
        long c = plan.conventionId();
        String chemin = saisie(c);
        Document page = pages.get("caf07", chemin).document();
        assertThat(page.select("fieldset.ligne-saisie")).hasSize(3);
        Map<String, String> champs = ClientPages.champs(page, "#form-saisie");
        champs.put("statut-" + plan.alpha(), "EN_COURS");
        champs.put("resultats-" + plan.alpha(), "Trois ateliers menés.");
        champs.put("statut-" + plan.charlie(), "REALISE");
        champs.put("impacts-" + plan.charlie(), "Cinquante familles.");

        Page reponse = pages.poster("caf07", chemin, champs);
        assertThat(reponse.status()).isEqualTo(302);
        assertThat(reponse.messageSucces()).isEqualTo("2 lignes enregistrées.");
        assertThat(version(plan.alpha())).isEqualTo(1);
        assertThat(version(plan.charlie())).isEqualTo(1);
        assertThat(lignesEnregistrees(c)).as("Bravo was not touched").isEqualTo(2);
        assertThat(jdbc.sql("SELECT resultats FROM evaluation_ligne WHERE fiche_id = :f").param("f", plan.alpha())
                .query(String.class).single()).isEqualTo("Trois ateliers menés.");
        assertThat(journal(c)).isEqualTo(2);

        Page rien = pages.poster("caf07", chemin, ClientPages.champs(pages.get("caf07", chemin).document(), "#form-saisie"));
        assertThat(rien.messageSucces()).isEqualTo("Aucune ligne modifiée : rien à enregistrer.");
        assertThat(journal(c)).isEqualTo(2);
    }

    @Test
    void a_bad_field_answers_400_on_its_row_and_writes_nothing_of_the_other_rows() {
        PetitPlan plan = petitPlan("saisie-erreur");
        long c = plan.conventionId();
        Map<String, String> champs = ClientPages.champs(pages.get("caf07", saisie(c)).document(), "#form-saisie");
        champs.put("resultats-" + plan.alpha(), "Bon texte gardé.");
        champs.put("statut-" + plan.charlie(), "EN_COURS");
        champs.put("datePrevue-" + plan.charlie(), "2031-02-01");

        Page reponse = pages.poster("caf07", saisie(c), champs);
        assertThat(reponse.status()).isEqualTo(400);
        Document page = reponse.document();
        assertThat(page.getElementById("erreur-datePrevue-" + plan.charlie()).text()).contains("Date prévue", "hors de la période");
        assertThat(page.getElementById("saisie-" + plan.charlie()).hasClass("ligne-en-erreur")).isTrue();
        assertThat(page.getElementById("resultats-" + plan.alpha()).text()).as("typed text given back").isEqualTo("Bon texte gardé.");
        assertThat(page.getElementById("saisie-refus").text()).contains("Charlie");
        assertThat(lignesEnregistrees(c)).isZero();
        assertThat(journal(c)).isZero();
    }

    @Test
    void a_stale_row_is_a_conflict_that_keeps_the_typed_text_and_writes_nothing() {
        PetitPlan plan = petitPlan("saisie-conflit");
        long c = plan.conventionId();
        Map<String, String> champs = ClientPages.champs(pages.get("caf07", saisie(c)).document(), "#form-saisie");
        // Meanwhile, ccba saves Alpha.
        assertThat(putLigne("ccba", c, 2026, plan.alpha(), corpsLigne("REALISE", null, "Saisi par la CCBA.", 0)).status()).isEqualTo(200);
        champs.put("resultats-" + plan.alpha(), "Mon texte sur Alpha.");
        champs.put("resultats-" + plan.charlie(), "Mon texte sur Charlie.");

        Page reponse = pages.poster("caf07", saisie(c), champs);
        assertThat(reponse.status()).isEqualTo(409);
        Document page = reponse.document();
        assertThat(page.getElementById("saisie-" + plan.alpha()).hasClass("ligne-en-conflit")).isTrue();
        assertThat(page.getElementById("saisie-" + plan.alpha()).select(".conflit-ligne").text()).contains("Saisi par la CCBA.");
        assertThat(page.getElementById("resultats-" + plan.alpha()).text()).isEqualTo("Mon texte sur Alpha.");
        assertThat(page.getElementById("resultats-" + plan.charlie()).text()).isEqualTo("Mon texte sur Charlie.");
        assertThat(page.getElementById("saisie-" + plan.charlie()).hasClass("ligne-en-conflit")).isFalse();
        assertThat(page.getElementById("saisie-refus").text()).contains("Alpha", "modifiée par quelqu'un d'autre");
        assertThat(lignesEnregistrees(c)).as("Charlie not written either").isEqualTo(1);
        assertThat(jdbc.sql("SELECT resultats FROM evaluation_ligne WHERE fiche_id = :f").param("f", plan.alpha())
                .query(String.class).single()).isEqualTo("Saisi par la CCBA.");

        // Saving again is a deliberate choice: the row now carries the saved version.
        Page encore = pages.soumettre("caf07", page, "#form-saisie");
        assertThat(encore.status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT resultats FROM evaluation_ligne WHERE fiche_id = :f").param("f", plan.alpha())
                .query(String.class).single()).isEqualTo("Mon texte sur Alpha.");
        assertThat(lignesEnregistrees(c)).isEqualTo(2);
    }

    @Test
    void one_row_saves_on_its_own_and_htmx_gets_the_row_back() throws Exception {
        PetitPlan plan = petitPlan("saisie-ligne");
        long c = plan.conventionId();
        Map<String, String> champs = ClientPages.champs(pages.get("caf07", saisie(c)).document(), "#form-saisie");
        champs.put("resultats-" + plan.alpha(), "Ligne seule.");
        champs.put("resultats-" + plan.charlie(), "Pas envoyée avec ce bouton.");
        Page reponse = pages.poster("caf07", saisie(c) + "/lignes/" + plan.alpha(), champs);
        assertThat(reponse.status()).isEqualTo(302);
        assertThat(lignesEnregistrees(c)).isEqualTo(1);
        assertThat(version(plan.alpha())).isEqualTo(1);

        champs.put("statut-" + plan.charlie(), "FINI");
        Page refus = pages.poster("caf07", saisie(c) + "/lignes/" + plan.charlie(), champs);
        assertThat(refus.status()).isEqualTo(400);
        assertThat(refus.document().getElementById("erreur-statut-" + plan.charlie()).text()).contains("« FINI »");
        assertThat(lignesEnregistrees(c)).isEqualTo(1);
    }

    @Test
    void readers_strangers_and_porteurs_on_other_rows_are_refused_and_nothing_is_written() {
        PetitPlan plan = petitPlan("saisie-droits");
        long c = plan.conventionId();
        Map<String, String> champs = ClientPages.champs(pages.get("caf07", saisie(c)).document(), "#form-saisie");
        champs.put("resultats-" + plan.alpha(), "Alpha.");
        champs.put("resultats-" + plan.charlie(), "Charlie.");
        for (String etranger : new String[]{"pilat", "caf42"}) {
            assertThat(pages.get(etranger, saisie(c)).status()).as(etranger).isIn(403, 404);
            assertThat(pages.poster(etranger, saisie(c), champs).status()).as(etranger).isIn(403, 404);
        }
        assertThat(pages.posterSansCsrf("caf07", saisie(c), champs).status()).isEqualTo(403);

        // palabre carries Alpha only: the page shows Charlie read-only, and a forged Charlie field refuses everything.
        Document page = pages.get("palabre", saisie(c)).document();
        assertThat(page.getElementById("resultats-" + plan.alpha())).isNotNull();
        assertThat(page.getElementById("resultats-" + plan.charlie())).isNull();
        Page forge = pages.poster("palabre", saisie(c) + "/lignes/" + plan.charlie(), champs);
        assertThat(forge.status()).isEqualTo(403);
        assertThat(lignesEnregistrees(c)).isZero();
        Page sienne = pages.poster("palabre", saisie(c), champs);
        assertThat(sienne.status()).isEqualTo(302);
        assertThat(lignesEnregistrees(c)).as("only Alpha, Charlie's field ignored").isEqualTo(1);

        long aubenas = api.aubenas();
        assertThat(pages.get("lecteur", saisie(aubenas)).status()).isEqualTo(403);
        assertThat(pages.poster("lecteur", saisie(aubenas), Map.of()).status()).isEqualTo(403);
    }

    @Test
    void indicator_values_of_a_year_are_saved_together_and_a_bad_value_writes_nothing() {
        PetitPlan plan = petitPlan("saisie-indicateurs");
        long c = plan.conventionId();
        String chemin = "/conventions/" + c + "/indicateurs/saisie/2026";
        Document page = pages.get("caf07", chemin).document();
        assertThat(page.select("fieldset.ligne-saisie")).hasSize(2);
        Map<String, String> champs = ClientPages.champs(page, "#form-saisie");
        String k1 = cle(plan.alpha(), 1);
        String k2 = cle(plan.alpha(), 2);
        champs.put("valeur-" + k1, "12,5");
        champs.put("valeur-" + k2, "<3");
        Page refus = pages.poster("caf07", chemin, champs);
        assertThat(refus.status()).isEqualTo(400);
        assertThat(refus.document().getElementById("erreur-valeur-" + k2).text())
                .contains("Valeur 2026 de « Satisfaction des familles »", "« <3 »");
        assertThat(refus.document().getElementById("valeur-" + k1).val()).isEqualTo("12,5");
        assertThat(valeurs(c)).isZero();

        champs.put("valeur-" + k2, "ND");
        Page ok = pages.poster("caf07", chemin, champs);
        assertThat(ok.status()).isEqualTo(302);
        assertThat(ok.messageSucces()).isEqualTo("2 valeurs enregistrées.");
        assertThat(valeurs(c)).isEqualTo(2);

        // A stale version: 409, the typed value kept, nothing written.
        champs.put("valeur-" + k1, "14");
        champs.put("valeur-" + k2, "NS");
        Page conflit = pages.poster("caf07", chemin, champs);
        assertThat(conflit.status()).isEqualTo(409);
        assertThat(conflit.document().getElementById("saisie-" + k1).hasClass("ligne-en-conflit")).isTrue();
        assertThat(conflit.document().getElementById("valeur-" + k1).val()).isEqualTo("14");
        assertThat(jdbc.sql("SELECT marqueur FROM indicateur_suivi_valeur v JOIN indicateur_suivi i ON i.id = v.indicateur_id "
                + "WHERE i.convention_id = :c AND i.position = 2").param("c", c).query(String.class).single()).isEqualTo("ND");

        assertThat(pages.get("lecteur", "/conventions/" + api.aubenas() + "/indicateurs/saisie/2026").status()).isEqualTo(403);
        assertThat(pages.poster("pilat", chemin, champs).status()).isIn(403, 404);
        assertThat(valeurs(c)).isEqualTo(2);
    }

    /** The key of a row of the indicators' entry page: fiche id and the indicator's own id. */
    private String cle(long ficheId, int position) {
        return ficheId + "-" + jdbc.sql("SELECT champs -> 'indicateurs' -> 'indicateurs' -> :p ->> 'cle' FROM fiche WHERE id = :f")
                .param("p", position - 1).param("f", ficheId).query(String.class).single();
    }

    private static String saisie(long c) {
        return "/conventions/" + c + "/evaluation/2026/saisie";
    }

    private int version(long ficheId) {
        return jdbc.sql("SELECT version FROM evaluation_ligne WHERE fiche_id = :f AND annee = 2026").param("f", ficheId)
                .query(Integer.class).single();
    }

    private long lignesEnregistrees(long c) {
        return jdbc.sql("SELECT count(*) FROM evaluation_ligne WHERE convention_id = :c").param("c", c).query(Long.class).single();
    }

    private long valeurs(long c) {
        return jdbc.sql("SELECT count(*) FROM indicateur_suivi_valeur v JOIN indicateur_suivi i ON i.id = v.indicateur_id "
                + "WHERE i.convention_id = :c").param("c", c).query(Long.class).single();
    }

    private long journal(long c) {
        return jdbc.sql("SELECT count(*) FROM journal WHERE convention_id = :c AND objet_type = 'evaluation'").param("c", c)
                .query(Long.class).single();
    }
}
