package fr.pilotectg.pilotage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientPages.Page;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The convention dashboard: its figures equal the same counts made directly in SQL (and the values worked out by
 * hand for a known follow-up), its empty states, and who may see it and programme COPIL meetings.
 */
class TableauDeBordTest extends PilotageTestSupport {

    @Test
    void figures_equal_direct_sql_counts_and_the_hand_worked_values() {
        ScenarioDeSuivi s = ScenarioDeSuivi.creer(suivi, "tableau");
        int y = s.annee();
        Document page = tableau("caf07", s.convention());

        Map<Integer, String> parAnnee = realiseesParAnnee(page);
        assertThat(parAnnee).isEqualTo(sql.parAnnee(s.convention()));
        // Y-3: FA1 done, FA2 not; Y-2: FA1 in progress, FA2 and FA4 not done; Y-1: FA3 and FA4 done by the grid, FA2's
        // last follow-up has no grid status; Y: FA2 in progress, FA3 and FA5 not done; Y+1: only FA2 (no planned years).
        assertThat(parAnnee).containsExactly(Map.entry(y - 3, "1/2"), Map.entry(y - 2, "0/3"), Map.entry(y - 1, "2/3"),
                Map.entry(y, "0/3"), Map.entry(y + 1, "0/1"));

        assertThat(page.getElementById("nombre-fiches").text()).isEqualTo(String.valueOf(sql.fiches(s.convention()))).isEqualTo("5");
        String[] jusqua = sql.jusqua(s.convention(), y).split("/");
        assertThat(texte(page, "taux-realise"))
                .isEqualTo(Math.round(100.0 * Integer.parseInt(jusqua[0]) / Integer.parseInt(jusqua[1])) + " %").isEqualTo("27 %");
        // (3 × 60 + 50 + 50 + 0 + 0) / 7: FA1 weighs 3; FA2 and FA3 take their status's default progress.
        assertThat(texte(page, "avancement")).isEqualTo(sql.avancement(s.convention()) + " %").isEqualTo("40 %");

        assertThat(page.select("#table-retards tbody tr")).hasSize((int) sql.retards(s.convention(), y));
        assertThat(page.select("#table-retards tbody tr").eachText())
                .containsExactly("FA1 Alpha " + (y - 2) + " en cours de réalisation", "FA4 Delta " + (y - 2) + " non réalisé");

        assertThat(lignes(page, "#table-axes")).containsExactly(
                "A1 2 6 1 2 3 0 17 % 58 %", "A2 1 2 1 0 0 1 50 % 50 %", "A3 1 2 1 0 1 0 50 % 0 %", "Hors axe 1 1 0 0 0 1 0 % 0 %");
        assertThat(lignes(page, "#table-thematiques")).containsExactly(
                "T1 3 8 2 2 3 1 25 % 56 %", "T2 1 2 1 0 1 0 50 % 0 %", "Hors thématique 1 1 0 0 0 1 0 % 0 %");

        Element campagne = page.selectFirst(".campagne-avancement");
        assertThat(campagne.selectFirst(".repondues").text() + "/" + campagne.selectFirst(".concernees").text())
                .isEqualTo(sql.campagneOuverte(s.convention())).isEqualTo("2/3");
        assertThat(page.select(".table-manquantes tbody tr").eachText()).containsExactly("FA3 Charlie");

        assertThat(lignes(page, "#table-indicateurs")).containsExactly(
                "FA1 — Alpha Places d'accueil 10 (" + (y - 3) + ") 15 (" + (y - 1) + ") 20 (" + (y + 1) + ") 50 %",
                "FA3 — Charlie Familles accompagnées — NS (" + (y - 1) + ") 40 (" + (y + 1) + ") —");
        assertThat(page.select("#table-indicateurs .marqueur").eachText()).containsExactly("NS");
        assertThat(page.getElementById("badge-exemple")).isNotNull();
    }

    @Test
    void charts_are_images_with_a_title_and_their_data_table() {
        ScenarioDeSuivi s = ScenarioDeSuivi.creer(suivi, "graphiques");
        Document page = tableau("ccba", s.convention());
        for (String id : List.of("graphique-annees", "graphique-axes", "graphique-thematiques")) {
            Element bloc = page.getElementById(id);
            Element svg = bloc.selectFirst("svg");
            assertThat(svg.attr("role")).isEqualTo("img");
            assertThat(svg.attr("aria-label")).isNotBlank();
            assertThat(svg.selectFirst("title").text()).isNotBlank();
            assertThat(svg.nextElementSibling().selectFirst("table")).isNotNull();
            assertThat(svg.nextElementSibling().selectFirst("table > caption")).isNotNull();
        }
        // The stacked chart's table says the same as the counts by year.
        assertThat(page.select("#graphique-annees table tbody tr").eachText()).contains(
                (s.annee() - 1) + " 2 0 1 0 0 3",
                // The current year: FA3 and FA5 are under way, not failed; the next year is to come.
                s.annee() + " 0 1 0 2 0 3", (s.annee() + 1) + " 0 0 0 0 1 1");
    }

    @Test
    void the_dashboard_of_aubenas_matches_direct_sql_whatever_its_follow_up() {
        long aubenas = api.aubenas();
        Document page = tableau("lecteur", aubenas);
        assertThat(realiseesParAnnee(page)).isEqualTo(sql.parAnnee(aubenas));
        assertThat(page.getElementById("nombre-fiches").text()).isEqualTo(String.valueOf(sql.fiches(aubenas)));
        assertThat(texte(page, "avancement")).isEqualTo(sql.avancement(aubenas) + " %");
        int y = java.time.LocalDate.now().getYear();
        assertThat(page.getElementById("nombre-retards").text()).isEqualTo(String.valueOf(sql.retards(aubenas, y)));
        // Aubenas ranks its fiches by thématique, then by axe stratégique.
        assertThat(lignes(page, "#table-thematiques").stream().filter(l -> !l.startsWith("Hors"))).hasSize(5)
                .first().asString().startsWith("1. Petite enfance");
        assertThat(lignes(page, "#table-axes").stream().filter(l -> !l.startsWith("Hors"))).hasSize(11);
        assertThat(page.getElementById("badge-exemple") != null)
                .isEqualTo(jdbc.sql("SELECT " + StatutsEffectifs.EXEMPLE + " FROM convention c WHERE c.id = :c")
                        .param("c", aubenas).query(Boolean.class).single());
    }

    @Test
    void a_convention_without_plan_nor_follow_up_shows_empty_states() {
        long convention = suivi.convention("vide");
        Document page = tableau("caf07", convention);
        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.getElementById("aucune-fiche")).isNotNull();
        assertThat(page.getElementById("aucune-campagne")).isNotNull();
        assertThat(page.getElementById("aucun-indicateur")).isNotNull();
        assertThat(page.getElementById("aucun-copil").text()).isEqualTo("Aucun COPIL programmé.");
        assertThat(page.getElementById("badge-exemple")).isNull();
        assertThat(page.select("svg")).isEmpty();
    }

    @Test
    void users_without_access_to_the_convention_are_refused() {
        long convention = suivi.convention("refus");
        assertThat(pages.get("caf42", "/conventions/" + convention + "/tableau-de-bord").status()).isEqualTo(403);
        assertThat(pages.get("lecteur", "/conventions/" + convention + "/tableau-de-bord").status()).isEqualTo(403);
        assertThat(pages.get("pilat", "/conventions/" + convention + "/tableau-de-bord").status()).isEqualTo(403);
        assertThat(pages.get("caf07", "/conventions/999999999/tableau-de-bord").status()).isEqualTo(404);
    }

    @Test
    void writers_programme_copils_and_readers_cannot() {
        long convention = suivi.convention("copil");
        Document page = tableau("ccba", convention);
        Map<String, String> champs = new LinkedHashMap<>(Map.of("date", "2027-03-15", "objet", "Bilan annuel"));
        Page reponse = pages.poster("ccba", page.getElementById("form-copil").attr("action"), champs);
        assertThat(reponse.messageSucces()).isEqualTo("COPIL programmé le 15 mars 2027.");
        assertThat(lignes(tableau("caf07", convention), "#table-copils")).containsExactly("15 mars 2027 Bilan annuel Retirer");
        // a planned COPIL is a meeting of the convention's COPIL (ADR 0039), journalled once
        assertThat(jdbc.sql("SELECT count(*) FROM journal WHERE convention_id = :c AND objet_type = 'reunion' AND action LIKE 'programmation%'")
                .param("c", convention).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                        SELECT gi.type FROM gouvernance_reunion r JOIN gouvernance_instance gi
                            ON gi.convention_id = r.convention_id AND gi.cle = r.instance_cle WHERE r.convention_id = :c""")
                .param("c", convention).query(String.class).single()).isEqualTo("COPIL");

        assertThat(pages.poster("ccba", "/conventions/" + convention + "/copils", Map.of("date", "15/03/2027")).messageErreur())
                .isEqualTo("La date du COPIL « 15/03/2027 » n'est pas une date valide.");
        assertThat(pages.poster("ccba", "/conventions/" + convention + "/copils", Map.of("objet", "sans date")).messageErreur())
                .startsWith("La date du COPIL est obligatoire");

        long aubenas = api.aubenas();
        assertThat(tableau("lecteur", aubenas).getElementById("form-copil")).isNull();
        assertThat(pages.poster("lecteur", "/conventions/" + aubenas + "/copils", Map.of("date", "2027-01-10")).status()).isEqualTo(403);
        assertThat(pages.poster("caf42", "/conventions/" + convention + "/copils", Map.of("date", "2027-01-10")).status()).isEqualTo(403);
        long copil = jdbc.sql("SELECT id FROM gouvernance_reunion WHERE convention_id = :c").param("c", convention).query(Long.class).single();
        assertThat(pages.poster("caf42", "/conventions/" + convention + "/copils/" + copil + "/supprimer", Map.of()).status()).isEqualTo(403);
        assertThat(pages.poster("caf07", "/conventions/" + aubenas + "/copils/" + copil + "/supprimer", Map.of()).status()).isEqualTo(404);
        assertThat(tableau("caf07", convention).select("#table-copils tbody tr")).hasSize(1);

        pages.poster("caf07", "/conventions/" + convention + "/copils/" + copil + "/supprimer", Map.of());
        assertThat(tableau("caf07", convention).getElementById("aucun-copil")).isNotNull();
    }

    private Document tableau(String utilisateur, long convention) {
        Page page = pages.get(utilisateur, "/conventions/" + convention + "/tableau-de-bord");
        assertThat(page.status()).as(page.html()).isEqualTo(200);
        return page.document();
    }

    /** Per year of the stacked chart's data table: "réalisées/concernées". */
    private static Map<Integer, String> realiseesParAnnee(Document page) {
        Map<Integer, String> resultat = new LinkedHashMap<>();
        for (Element ligne : page.select("#graphique-annees table tbody tr")) {
            List<String> cellules = ligne.select("th, td").eachText();
            resultat.put(Integer.parseInt(cellules.get(0)), cellules.get(1) + "/" + cellules.get(cellules.size() - 1));
        }
        return resultat;
    }

    private static String texte(Document page, String id) {
        return page.getElementById(id).text().replace('\u00a0', ' ');
    }

    private static List<String> lignes(Document page, String table) {
        return page.select(table + " tbody tr").eachText().stream().map(t -> t.replace('\u00a0', ' ')).toList();
    }
}
