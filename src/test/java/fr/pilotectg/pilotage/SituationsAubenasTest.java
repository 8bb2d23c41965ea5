package fr.pilotectg.pilotage;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.pilotectg.testsupport.ClientPages.Page;
import fr.pilotectg.testsupport.HorlogeDeTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 acceptance on the Aubenas demo convention, the application's clock stopped on 3 December 2026: future
 * years are « à venir » only, 2026 is counted as the grid shows it, the late fiche-years are those of past years,
 * and the axes come in the plan's order, labels whole.
 */
class SituationsAubenasTest extends PilotageTestSupport {

    private static final LocalDate JOUR = LocalDate.of(2026, 12, 3);

    @Autowired
    HorlogeDeTest horloge;

    @BeforeEach
    void arreterLHorloge() {
        horloge.fixer(JOUR);
    }

    @AfterEach
    void remettreLHorloge() {
        horloge.remettreALHeure();
    }

    @Test
    void future_years_are_to_come_and_2026_is_counted_as_the_grid_shows_it() {
        long aubenas = api.aubenas();
        Document page = page("lecteur", "/conventions/" + aubenas + "/tableau-de-bord");

        Map<Integer, String> parAnnee = new LinkedHashMap<>();
        for (Element ligne : page.select("#graphique-annees table tbody tr")) {
            List<String> cellules = ligne.select("th, td").eachText();
            parAnnee.put(Integer.parseInt(cellules.get(0)), String.join(" ", cellules.subList(1, cellules.size())));
        }
        assertThat(page.select("#graphique-annees table thead th").eachText()).containsExactly(
                "Libellé", "réalisé", "en cours de réalisation", "non réalisé", "en cours d'année", "à venir", "Total");
        assertThat(parAnnee).isEqualTo(sql.situations(aubenas, JOUR));
        for (int annee = 2027; annee <= 2030; annee++) {
            String[] chiffres = parAnnee.get(annee).split(" ");
            assertThat(chiffres[4]).as("à venir en " + annee).isEqualTo(chiffres[5]).isNotEqualTo("0");
            assertThat(List.of(chiffres).subList(0, 4)).as("rien d'autre en " + annee).containsOnly("0");
        }

        // The 2026 grid shows each fiche as the dashboard counts it.
        Document grille = page("lecteur", "/conventions/" + aubenas + "/evaluation/2026");
        Map<String, Long> situations = grille.select("#grille tr.ligne").stream()
                .collect(Collectors.groupingBy(l -> l.attr("data-situation"), Collectors.counting()));
        String[] y2026 = parAnnee.get(2026).split(" ");
        assertThat(String.valueOf(situations.getOrDefault("REALISE", 0L))).isEqualTo(y2026[0]);
        assertThat(String.valueOf(situations.getOrDefault("EN_COURS", 0L))).isEqualTo(y2026[1]);
        assertThat(String.valueOf(situations.getOrDefault("NON_REALISE", 0L))).isEqualTo(y2026[2]);
        assertThat(String.valueOf(situations.getOrDefault("EN_COURS_D_ANNEE", 0L))).isEqualTo(y2026[3]).isNotEqualTo("0");
        assertThat(grille.select("#grille tr.ligne .mention").eachText()).doesNotContain("non réalisé");

        // Words agree with their numbers.
        assertThat(page.getElementById("chiffres-cles").text()).contains(sql.fiches(aubenas) + " fiches actions")
                .doesNotContain("(s)");

        // Late: planned in a past year and not done; none of 2026 (no fiche has an end date yet).
        assertThat(page.getElementById("nombre-retards").text()).isEqualTo(String.valueOf(sql.retards(aubenas, 2026)));
        assertThat(page.select("#table-retards tbody tr td:nth-of-type(3)").eachText()).allMatch(a -> Integer.parseInt(a) < 2026);

        // The 2028 grid: every line to come, none « à renseigner ».
        Document grille2028 = page("lecteur", "/conventions/" + aubenas + "/evaluation/2028");
        assertThat(grille2028.select("#grille tr.ligne").eachAttr("data-situation")).containsOnly("A_VENIR", "NON_CONCERNE");
        assertThat(grille2028.select("#grille .eval-non-realise")).isEmpty();

        // The API says the same.
        List<String> situationsApi = new java.util.ArrayList<>();
        api.get("lecteur", "/api/v1/conventions/" + aubenas + "/evaluation/2027").json().path("lignes")
                .forEach(l -> situationsApi.add(l.path("situation").asString()));
        assertThat(situationsApi).isNotEmpty().containsOnly("A_VENIR", "NON_CONCERNE");

        // The final bilan counts the years to come apart.
        Document bilan = page("lecteur", "/conventions/" + aubenas + "/bilans/final");
        int aVenir = bilan.select("#table-realisations tbody tr td:nth-of-type(5)").eachText().stream().mapToInt(Integer::parseInt).sum();
        assertThat(aVenir).isEqualTo(parAnnee.entrySet().stream().filter(e -> e.getKey() > 2026)
                .mapToInt(e -> Integer.parseInt(e.getValue().split(" ")[4])).sum());
    }

    @Test
    void charts_and_tables_list_the_axes_in_the_plan_order_with_whole_labels() {
        long aubenas = api.aubenas();
        Document page = page("lecteur", "/conventions/" + aubenas + "/tableau-de-bord");
        List<String> numeros = page.select("#graphique-axes table tbody th").eachText().stream().filter(l -> !l.startsWith("Hors"))
                .map(l -> l.substring(0, l.indexOf('.'))).toList();
        assertThat(numeros).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
        assertThat(page.select("#table-axes tbody th").eachText().stream().filter(l -> !l.startsWith("Hors"))
                .map(l -> l.substring(0, l.indexOf('.'))).toList()).isEqualTo(numeros);
        // The SVG labels, wrapped on tspans, say the whole label of the data table.
        List<String> libellesSvg = page.select("#graphique-axes svg text.libelle").stream()
                .map(t -> t.select("tspan").eachText().stream().collect(Collectors.joining(" "))).toList();
        assertThat(libellesSvg).isEqualTo(page.select("#graphique-axes table tbody th").eachText());
        assertThat(page.select("svg").text()).doesNotContain("…");
        assertThat(page.select("#graphique-thematiques table tbody th").eachText().stream().filter(l -> !l.startsWith("Hors"))
                .map(l -> l.substring(0, l.indexOf('.'))).toList()).containsExactly("1", "2", "3", "4", "5");

        Document bilan = page("lecteur", "/conventions/" + aubenas + "/bilans/intermediaire");
        assertThat(bilan.select("#table-realisations tbody th").eachText().stream().filter(l -> !l.startsWith("Hors"))
                .map(l -> l.substring(0, l.indexOf('.'))).toList()).isEqualTo(numeros);
    }

    private Document page(String utilisateur, String adresse) {
        Page page = pages.get(utilisateur, adresse);
        assertThat(page.status()).as(adresse).isEqualTo(200);
        return page.document();
    }
}
