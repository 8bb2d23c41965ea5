package fr.pilotectg.suivi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import fr.pilotectg.testsupport.ClientPages.Page;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared table: history, progress of fiches and its weighted roll-up, filters, the fiche's follow-up page. */
class SuiviTableauTest extends SuiviTestSupport {

    private static String ilYA(int jours) {
        return LocalDate.now().minusDays(jours).toString();
    }

    /**
     * Alpha (weight 3): « En cours » without % (50 by default) then « Réalisée » (100); Bravo: « En cours » 20 %;
     * Charlie: no update (0); Delta: « Reportée », no default % (0).
     */
    private PlanDeSuivi planRenseigne() {
        PlanDeSuivi plan = planDeSuivi("suivi-tableau");
        assertThat(api.post("palabre", "/api/v1/fiches/" + plan.alpha() + "/suivi", miseAJour("EN_COURS", null, ilYA(10))).status()).isEqualTo(201);
        assertThat(api.post("palabre", "/api/v1/fiches/" + plan.alpha() + "/suivi", miseAJour("REALISEE", null, ilYA(2))).status()).isEqualTo(201);
        assertThat(api.post("ccba", "/api/v1/fiches/" + plan.bravo() + "/suivi", miseAJour("EN_COURS", 20, ilYA(3))).status()).isEqualTo(201);
        assertThat(api.post("caf07", "/api/v1/fiches/" + plan.delta() + "/suivi", miseAJour("REPORTEE", null, ilYA(1))).status()).isEqualTo(201);
        comme("caf07", () -> {
            suivi.definirPoids(plan.alpha(), BigDecimal.valueOf(3));
            return null;
        });
        return plan;
    }

    @Test
    void progress_rolls_up_to_every_level_and_to_thematiques_weighted_by_the_fiches_weights() {
        PlanDeSuivi plan = planRenseigne();

        TableauSuivi tableau = comme("caf07", () -> suivi.tableau(plan.conventionId()));

        assertThat(tableau.lignes()).extracting(LigneSuivi::avancement).containsExactly(100, 20, 0, 0);
        // Axe A: (3×100 + 1×20) / 4 = 80 ; Axe B: 0 ; Enfance: (300 + 20 + 0) / 5 = 64 ; Jeunesse: 0 ; global: 320 / 6 = 53.3
        assertThat(tableau.parNoeud()).extracting(a -> a.titre() + "=" + a.avancement())
                .containsExactly("Enfance=64", "Axe A=80", "Axe B=0", "Jeunesse=0", "Axe C=0");
        assertThat(tableau.parThematique()).extracting(a -> a.niveau() + " " + a.titre() + "=" + a.avancement())
                .containsExactly("Thématique Enfance=64", "Thématique Jeunesse=0");
        assertThat(tableau.avancementGlobal()).isEqualTo(53);

        Document page = pages.get("ccba", "/conventions/" + plan.conventionId() + "/suivi").document();
        assertThat(page.select("#avancement-global").text()).isEqualTo("53 %");
        assertThat(page.select("#agregats-noeuds .avancement-agregat").eachText()).containsExactly("64 %", "80 %", "0 %", "0 %", "0 %");
        assertThat(ligne(page, plan.alpha()).select(".statut-suivi").text()).isEqualTo("Réalisée");
        assertThat(ligne(page, plan.charlie()).select(".statut-suivi").text()).isEqualTo("Sans mise à jour");
        // The author by name, never by login.
        assertThat(ligne(page, plan.alpha()).text()).contains(PALABRE).doesNotContainPattern("\\bpalabre\\b");
    }

    @Test
    void the_table_filters_by_status_and_porteur_and_sorts_by_progress() {
        PlanDeSuivi plan = planRenseigne();
        String chemin = "/conventions/" + plan.conventionId() + "/suivi";

        assertThat(titres(pages.get("caf07", chemin + "?statut=EN_COURS").document())).containsExactly("Bravo");
        assertThat(titres(pages.get("caf07", chemin + "?statut=AUCUNE").document())).containsExactly("Charlie");
        assertThat(titres(pages.get("caf07", chemin + "?porteur=" + PALABRE).document())).containsExactly("Alpha");
        assertThat(titres(pages.get("caf07", chemin + "?tri=avancement").document())).startsWith("Alpha", "Bravo");
        assertThat(titres(pages.get("caf07", chemin + "?tri=date").document())).containsExactly("Delta", "Alpha", "Bravo", "Charlie");
    }

    @Test
    void the_fiche_page_shows_the_whole_history_latest_first_and_a_form_only_to_those_who_may_write() {
        PlanDeSuivi plan = planRenseigne();

        Document palabre = pages.get("palabre", "/fiches/" + plan.alpha() + "/suivi").document();
        assertThat(palabre.select("#historique tbody tr")).hasSize(2);
        assertThat(palabre.select("#historique tbody tr").get(0).text()).contains("Réalisée").contains(PALABRE)
                .doesNotContainPattern("\\bpalabre\\b");
        assertThat(palabre.select("#historique tbody tr").get(1).text()).contains("En cours");
        assertThat(palabre.select("#formulaire-suivi")).hasSize(1);
        assertThat(pages.get("palabre", "/fiches/" + plan.bravo() + "/suivi").document().select("#formulaire-suivi")).isEmpty();
        assertThat(pages.get("caf42", "/fiches/" + plan.alpha() + "/suivi").status()).isEqualTo(403);
        assertThat(pages.get("palabre", "/fiches/" + plan.alpha()).document().select("a[href$=/suivi]")).isNotEmpty();
    }

    @Test
    void a_form_update_with_bad_values_shows_the_field_errors_and_saves_nothing_then_a_good_one_is_saved() {
        PlanDeSuivi plan = planDeSuivi("suivi-formulaire");
        String chemin = "/fiches/" + plan.charlie() + "/suivi";

        Page refusee = pages.poster("ccba", chemin, Map.of("statut", "EN_COURS", "avancement", "120", "datePoint", "2020-01-01"));

        assertThat(refusee.status()).isEqualTo(400);
        assertThat(refusee.document().select("#erreur-avancement").text()).contains("entre 0 et 100");
        assertThat(refusee.document().select("#erreur-datePoint").text()).contains("période de la convention");
        assertThat(refusee.document().select("#avancement").attr("aria-describedby")).isEqualTo("erreur-avancement");
        assertThat(pages.poster("ccba", chemin, Map.of("statut", "EN_COURS", "avancement", "abc", "datePoint", ilYA(1)))
                .document().select("#erreur-avancement").text()).contains("nombre entier");
        assertThat(api.get("ccba", "/api/v1" + chemin).json()).isEmpty();

        Page acceptee = pages.poster("ccba", chemin, Map.of("statut", "EN_COURS", "avancement", "15", "datePoint", ilYA(1),
                "difficultes", "Salle indisponible"));

        assertThat(acceptee.redirection()).isEqualTo(chemin);
        assertThat(api.get("ccba", "/api/v1" + chemin).json().get(0).path("difficultes").asString()).isEqualTo("Salle indisponible");
    }

    @Test
    void a_convention_gets_the_default_statuses_at_first_use_with_their_evaluation_mapping() {
        PlanDeSuivi plan = planDeSuivi("suivi-statuts-defaut");

        List<StatutSuivi> statuts = comme("ccba", () -> suivi.statuts(plan.conventionId()));

        assertThat(statuts).extracting(s -> s.libelle() + "|" + s.avancementDefaut() + "|" + s.statutEvaluation()).containsExactly(
                "Non démarrée|0|NON_REALISE", "En cours|50|EN_COURS", "Réalisée|100|REALISE", "Reportée|null|NON_REALISE",
                "Abandonnée|null|null");
    }

    @Test
    void managers_configure_the_statuses_and_a_used_status_cannot_be_deleted() {
        PlanDeSuivi plan = planDeSuivi("suivi-statuts");
        String base = "/conventions/" + plan.conventionId() + "/suivi/statuts";
        api.post("caf07", "/api/v1/fiches/" + plan.bravo() + "/suivi", miseAJour("REPORTEE", null, ilYA(1)));

        Page ajout = pages.poster("ccba", base, Map.of("libelle", "Suspendue", "avancementDefaut", "", "statutEvaluation", "NON_REALISE"));
        pages.poster("ccba", base + "/EN_COURS", Map.of("libelle", "En cours de réalisation", "avancementDefaut", "40",
                "statutEvaluation", "EN_COURS", "version", "0"));
        Page perimee = pages.poster("caf07", base + "/EN_COURS", Map.of("libelle", "En cours (ancienne page)", "avancementDefaut", "50",
                "statutEvaluation", "EN_COURS", "version", "0"));
        pages.poster("ccba", base + "/SUSPENDUE/deplacer", Map.of("sens", "-1"));
        pages.poster("ccba", base + "/SUSPENDUE/deplacer", Map.of("sens", "-1"));
        pages.poster("ccba", base + "/SUSPENDUE/deplacer", Map.of("sens", "1"));
        Page refus = pages.poster("ccba", base + "/REPORTEE/supprimer", Map.of("version", "0"));
        Page suppression = pages.poster("ccba", base + "/ABANDONNEE/supprimer", Map.of("version", "0"));
        Page pourcentage = pages.poster("ccba", base, Map.of("libelle", "Trop", "avancementDefaut", "101", "statutEvaluation", ""));

        assertThat(ajout.messageSucces()).contains("Suspendue");
        assertThat(perimee.messageErreur()).contains("« En cours de réalisation » a été modifié entre-temps").contains("rien n'a été enregistré");
        assertThat(refus.messageErreur()).contains("« Reportée » ne peut pas être supprimé").contains("1\u00a0mise à jour du suivi l'utilise");
        assertThat(suppression.messageSucces()).isEqualTo("Statut supprimé.");
        assertThat(pourcentage.messageErreur()).contains("entre 0 et 100");
        assertThat(comme("ccba", () -> suivi.statuts(plan.conventionId())))
                .extracting(s -> s.code() + "|" + s.libelle() + "|" + s.avancementDefaut())
                .containsExactly("NON_DEMARREE|Non démarrée|0", "EN_COURS|En cours de réalisation|40", "REALISEE|Réalisée|100",
                        "REPORTEE|Reportée|null", "SUSPENDUE|Suspendue|null");
        Document page = pages.get("caf07", base).document();
        assertThat(page.select("#statuts tbody tr")).hasSize(5);
        assertThat(pages.get("palabre", base).document().select("#statuts form")).isEmpty();
        assertThat(pages.poster("palabre", base, Map.of("libelle", "Pirate")).status()).isEqualTo(403);
        assertThatThrownBy(() -> comme("palabre", () -> suivi.ajouterStatut(plan.conventionId(), "Pirate", null, null)))
                .hasMessageContaining("gestionnaires");
    }

    private static Element ligne(Document page, long ficheId) {
        return page.selectFirst("#tableau-suivi tr[data-fiche=" + ficheId + "]");
    }

    private static List<String> titres(Document page) {
        return page.select("#tableau-suivi tbody tr td:first-child a span:last-child").eachText();
    }
}
