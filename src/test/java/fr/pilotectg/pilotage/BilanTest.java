package fr.pilotectg.pilotage;

import java.util.List;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.ClientPages.Page;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/** The mid-term and final bilans: years covered, realisations per axe, results, transversal axes, the synthesis. */
@IntegrationTest
class BilanTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    ClientApi api;
    ClientPages pages;
    SuiviDeTest suivi;

    @BeforeEach
    void clients() {
        api = new ClientApi(mvc);
        pages = new ClientPages(mvc);
        suivi = new SuiviDeTest(api, jdbc);
    }

    @Test
    void the_mid_term_bilan_gathers_the_first_half_of_the_period_and_the_final_one_all_years() {
        ScenarioDeSuivi s = ScenarioDeSuivi.creer(suivi, "bilan");
        int y = s.annee();
        suivi.axeTransversal(s.convention(), y - 2, "GOUVERNANCE", "Deux COPIL tenus.");
        suivi.axeTransversal(s.convention(), y + 1, "COMMUNICATION", "Lettre aux familles.");

        Document intermediaire = bilan("caf07", s.convention(), "intermediaire");
        assertThat(intermediaire.getElementById("annees-bilan").text()).isEqualTo((y - 3) + "–" + (y - 1));
        // A1: FA1 done, in progress, not concerned; FA2 not done three times. A2: FA3 done in Y-1 only. A3: FA4 not done, then done.
        assertThat(intermediaire.select("#table-realisations tbody tr").eachText()).containsExactly(
                "A1 1 1 3 0 0 1", "A2 1 0 0 0 0 2", "A3 1 0 1 0 0 1", "Hors axe 0 0 0 0 0 3");
        assertThat(intermediaire.select(".resultat").eachText()).containsExactly((y - 1) + " : Trois ateliers tenus.");
        assertThat(intermediaire.select(".axes-transversaux caption").eachText()).containsExactly("Axes transversaux " + (y - 2));
        assertThat(intermediaire.select(".axes-transversaux tbody tr").eachText()).containsExactly("Gouvernance (COTECH/COPIL) Deux COPIL tenus. — —");
        assertThat(intermediaire.select("#graphique-bilan svg[role=img] title").text()).contains((y - 3) + "–" + (y - 1));
        assertThat(intermediaire.getElementById("badge-exemple")).isNotNull();

        Document fin = bilan("caf07", s.convention(), "final");
        assertThat(fin.getElementById("annees-bilan").text()).isEqualTo((y - 3) + "–" + (y + 1));
        assertThat(fin.select("#table-realisations tbody tr").eachText()).containsExactly(
                // Réalisé, en cours, non réalisé, en cours d'année (Y), à venir (Y+1), non concerné.
                "A1 1 2 3 0 1 3", "A2 1 0 0 1 0 3", "A3 1 0 1 0 0 3", "Hors axe 0 0 0 1 0 4");
        assertThat(fin.select(".axes-transversaux caption").eachText())
                .containsExactly("Axes transversaux " + (y - 2), "Axes transversaux " + (y + 1));
        assertThat(fin.select("#table-indicateurs tbody tr").eachText().get(0).replace('\u00a0', ' '))
                .isEqualTo("FA1 — Alpha Places d'accueil 10 (" + (y - 3) + ") 15 (" + (y - 1) + ") 20 (" + (y + 1) + ")");
    }

    @Test
    void writers_save_the_synthesis_and_a_stale_form_saves_nothing() {
        long convention = suivi.convention("synthese");
        Document page = bilan("ccba", convention, "intermediaire");
        assertThat(page.getElementById("aucune-realisation")).isNotNull();
        assertThat(page.getElementById("aucun-indicateur")).isNotNull();
        assertThat(page.getElementById("aucun-axe-transversal")).isNotNull();
        page.getElementById("realisations").text("Huit actions menées sur dix.");
        page.getElementById("recommandations").text("Garder le COPIL thématique.");
        Page enregistree = pages.soumettre("ccba", page, "#form-synthese");
        assertThat(enregistree.messageSucces()).isEqualTo("Synthèse du bilan intermédiaire enregistrée.");

        Document relue = bilan("caf07", convention, "intermediaire");
        assertThat(relue.getElementById("realisations").text()).isEqualTo("Huit actions menées sur dix.");
        assertThat(relue.getElementById("auteur-synthese").text()).contains("Chargée de coopération CCBA").doesNotContain("ccba");
        assertThat(bilan("caf07", convention, "final").getElementById("realisations").text()).isEmpty();

        // The first form, read before the save, is now stale.
        page.getElementById("realisations").text("Version concurrente.");
        Page perimee = pages.soumettre("caf07", page, "#form-synthese");
        assertThat(perimee.messageErreur()).contains("modifiée par quelqu'un d'autre").contains("rien n'a été enregistré");
        assertThat(((SyntheseBilan) perimee.flash().get("saisie")).realisations()).isEqualTo("Version concurrente.");
        assertThat(bilan("caf07", convention, "intermediaire").getElementById("realisations").text()).isEqualTo("Huit actions menées sur dix.");
        assertThat(jdbc.sql("SELECT count(*) FROM journal WHERE convention_id = :c AND objet_type = 'BILAN_SYNTHESE'")
                .param("c", convention).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT changements::text FROM journal WHERE convention_id = :c AND objet_type = 'BILAN_SYNTHESE'")
                .param("c", convention).query(String.class).single()).contains("Huit actions menées sur dix.").contains("Recommandations");

        Page tropLong = pages.poster("ccba", "/conventions/" + convention + "/bilans/final",
                Map.of("version", "0", "changementsHabitants", "x".repeat(SyntheseBilan.LONGUEUR_MAX + 1)));
        // Refused at the door, like any field over its limit (shared.Limites), naming the field; nothing saved.
        assertThat(tropLong.status()).isEqualTo(400);
        assertThat(tropLong.html()).contains("changementsHabitants").contains("au plus 20");
        assertThat(bilan("caf07", convention, "final").getElementById("changementsHabitants").text()).isEmpty();
    }

    @Test
    void readers_read_the_synthesis_and_others_are_refused() {
        long aubenas = api.aubenas();
        Document lecture = bilan("lecteur", aubenas, "final");
        assertThat(lecture.getElementById("form-synthese")).isNull();
        assertThat(lecture.select("#synthese-lecture dt").eachText()).containsExactly("Réalisations",
                "Changements pour les habitants du territoire", "Fonctionnement du partenariat et de la gouvernance",
                "Recommandations pour la CTG suivante");
        assertThat(lecture.getElementById("annees-bilan").text()).isEqualTo("2026–2030");
        assertThat(bilan("lecteur", aubenas, "intermediaire").getElementById("annees-bilan").text()).isEqualTo("2026–2028");
        assertThat(pages.poster("lecteur", "/conventions/" + aubenas + "/bilans/final", Map.of("version", "0", "realisations", "x")).status())
                .isEqualTo(403);
        long convention = suivi.convention("bilan-refus");
        assertThat(pages.get("caf42", "/conventions/" + convention + "/bilans/final").status()).isEqualTo(403);
        assertThat(pages.poster("pilat", "/conventions/" + convention + "/bilans/final", Map.of("version", "0")).status()).isEqualTo(403);
        assertThat(pages.get("caf07", "/conventions/" + convention + "/bilans/annuel").status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM bilan_synthese WHERE convention_id IN (:a, :c)")
                .param("a", aubenas).param("c", convention).query(Long.class).single()).isZero();
        List<String> liens = bilan("caf07", convention, "final").select("nav[aria-label^=Fil] a").eachText();
        assertThat(liens).contains("Tableau de bord");
    }

    private Document bilan(String utilisateur, long convention, String type) {
        Page page = pages.get(utilisateur, "/conventions/" + convention + "/bilans/" + type);
        assertThat(page.status()).as(page.html()).isEqualTo(200);
        return page.document();
    }
}
