package fr.pilotectg.diagnostic;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.Comme;
import fr.pilotectg.testsupport.CompteurDeRequetes;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Issue 16: the diagnostic page reads from the database only what it shows (per indicator its count, its sources and
 * periods, the values shown and those it flags), and shows exactly what the whole read gives: the same values, counts,
 * sources and écarts, the écarts of values it does not show included. With ten times more values, the page runs as many
 * statements and reads as many rows.
 */
@IntegrationTest
class LectureDuDiagnosticTest {

    private static final int COMMUNES = 30;

    @Autowired
    MockMvc mvc;
    @Autowired
    DiagnosticService service;
    @Autowired
    UserDetailsService utilisateurs;
    @Autowired
    JdbcClient jdbc;

    @Test
    void the_page_read_shows_what_the_whole_read_shows_including_the_ecarts_of_values_it_folds() throws Exception {
        ClientApi api = new ClientApi(mvc);
        long convention = api.creerConventionDeTest("caf07", "lecture du diagnostic").path("id").asLong();
        indicateur(api, convention, "TAUX", "Taux de couverture", "%", null, null);
        indicateur(api, convention, "NB_ENFANTS", "Enfants de moins de 3 ans", "enfants", null, null);
        indicateur(api, convention, "NB_HAB", "Habitants", "habitants", null, null);
        indicateur(api, convention, "PART", "Part des enfants", "%", "NB_ENFANTS", "NB_HAB");
        indicateur(api, convention, "EVOL", "Évolution des naissances", "%", null, null);
        indicateur(api, convention, "PETIT", "Taux d'activité", "%", null, null);
        indicateur(api, convention, "SEUL", "Population", "habitants", null, null);
        List<String> communes = communes();
        StringBuilder csv = new StringBuilder("indicateur;territoire;periode;valeur;source\n");
        for (int annee = 2019; annee <= 2022; annee++) {
            csv.append("TAUX;France;").append(annee).append(";5,5;Insee\nTAUX;Ardèche;").append(annee).append(";6,5;Insee\n");
            for (int c = 0; c < COMMUNES; c++) {
                String valeur = (c * 3 + annee) % 9 + 1 + ",5";
                // Flagged values, most of them in periods the page folds: out of bound, ten times above, ten times below.
                if (c == 3 && annee == 2019) {
                    valeur = "150";
                } else if (c == 4 && annee == 2020) {
                    valeur = "95";
                } else if (c == 5 && annee == 2021) {
                    valeur = "0,1";
                } else if (c == 6 && annee == 2019) {
                    valeur = "entre 2 et 3";
                } else if (c == 7 && annee == 2020) {
                    valeur = "<5";
                } else if (c == 8 && annee == 2022) {
                    valeur = "120";
                }
                csv.append("TAUX;").append(communes.get(c)).append(";").append(annee).append(";").append(valeur).append(";Insee\n");
                csv.append("EVOL;").append(communes.get(c)).append(";").append(annee).append(";")
                        .append(c == 2 && annee == 2019 ? "180" : String.valueOf(c % 7 + 1)).append(";Insee\n");
            }
        }
        for (int annee = 2020; annee <= 2022; annee++) {
            for (int c = 0; c < COMMUNES; c++) {
                int enfants = 10 + c;
                int habitants = 100 + 7 * c;
                String part = BigDecimal.valueOf(enfants * 100L).divide(BigDecimal.valueOf(habitants), 1, RoundingMode.HALF_UP)
                        .toPlainString().replace('.', ',');
                // Ratios that differ from their recomputation, hidden and shown, a range among them.
                if (c == 2 && annee == 2020) {
                    part = "12";
                } else if (c == 11 && annee == 2020) {
                    part = "entre 1 et 2";
                } else if (c == 9 && annee == 2022) {
                    part = "15,3";
                }
                csv.append("NB_ENFANTS;").append(communes.get(c)).append(";").append(annee).append(";").append(enfants).append(";Insee\n");
                csv.append("NB_HAB;").append(communes.get(c)).append(";").append(annee).append(";").append(habitants).append(";Caf\n");
                csv.append("PART;").append(communes.get(c)).append(";").append(annee).append(";").append(part).append(";Insee\n");
            }
        }
        csv.append("PETIT;France;2022;70;Insee\nPETIT;France;2022;71;Caf\nPETIT;Ardèche;2022;68;Insee\nPETIT;Ardèche;;69;\n")
                .append("SEUL;Ardèche;2021;328278;Insee\n");
        importer(convention, csv);

        Diagnostic tout = Comme.utilisateur(utilisateurs, "caf07", () -> service.diagnostic(convention));
        Diagnostic affiche = Comme.utilisateur(utilisateurs, "caf07", () -> service.diagnosticAffiche(convention));
        comparer(tout, affiche);
        IndicateurAvecValeurs taux = indicateur(affiche, "TAUX");
        assertThat(taux.valeurs()).as("the page read holds only the values shown").hasSize(IndicateurAvecValeurs.AFFICHEES_MAX);
        assertThat(taux.nombreDeValeurs()).isEqualTo(4 * (COMMUNES + 2));
        assertThat(indicateur(tout, "TAUX").valeurs()).hasSize(4 * (COMMUNES + 2));
        assertThat(tout.ecarts()).as("écarts of folded values (2019, 2020, 2021) and of shown ones")
                .anyMatch(e -> e.startsWith("Plausibilité — Taux de couverture") && e.contains(" 2019 : valeur peu plausible : 150 %"))
                .anyMatch(e -> e.startsWith("Plausibilité — Taux de couverture") && e.contains(" 2020 : valeur peu plausible : 95 %"))
                .anyMatch(e -> e.startsWith("Plausibilité — Taux de couverture") && e.contains(" 2021 : valeur peu plausible : 0,1 %"))
                .anyMatch(e -> e.startsWith("Plausibilité — Taux de couverture") && e.contains(" 2022 : valeur peu plausible : 120 %"))
                .anyMatch(e -> e.startsWith("Part des enfants — ") && e.contains(" 2020 : valeur saisie 12 %"))
                .anyMatch(e -> e.startsWith("Part des enfants — ") && e.contains(" 2020 : valeur saisie 1 à 2 %"))
                .anyMatch(e -> e.startsWith("Part des enfants — ") && e.contains(" 2022 : valeur saisie 15,3 %"));

        // The page prints them all, folded or not.
        ClientPages.Page page = new ClientPages(mvc).get("caf07", "/conventions/" + convention + "/diagnostic");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("#ecarts li.ecart-signale").eachText()).isEqualTo(tout.ecarts());
        assertThat(page.document().select("#indicateur-TAUX a.toutes-les-valeurs").text()).contains("(128 :");

        // And so on every diagnostic of the database (the demo conventions' real ones included).
        for (long id : jdbc.sql("SELECT DISTINCT convention_id FROM diagnostic_indicateur ORDER BY 1").query(Long.class).list()) {
            comparer(Comme.utilisateur(utilisateurs, "admin", () -> service.diagnostic(id)),
                    Comme.utilisateur(utilisateurs, "admin", () -> service.diagnosticAffiche(id)));
        }
    }

    @Test
    void the_page_runs_as_many_statements_and_reads_as_many_rows_with_ten_times_more_values() throws Exception {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        long petite = conventionAvecValeurs(api, 2);
        long grande = conventionAvecValeurs(api, 20);
        assertThat(valeurs(grande)).isEqualTo(10 * valeurs(petite));

        int[] petit = mesurer(pages, petite);
        int[] grand = mesurer(pages, grande);
        assertThat(grand[0]).as("statements of the page, %s values then %s", valeurs(petite), valeurs(grande)).isEqualTo(petit[0]);
        assertThat(grand[1]).as("rows read by the page, %s values then %s", valeurs(petite), valeurs(grande)).isEqualTo(petit[1]);
        assertThat(grand[1]).as("rows read for %s values", valeurs(grande)).isLessThan(valeurs(grande) / 4);
    }

    private int[] mesurer(ClientPages pages, long convention) throws Exception {
        String chemin = "/conventions/" + convention + "/diagnostic";
        assertThat(pages.get("caf07", chemin).status()).isEqualTo(200); // warm: caches filled once are not the page's cost
        int[] statut = new int[2];
        int requetes = CompteurDeRequetes.compter(() -> statut[0] = pages.get("caf07", chemin).status());
        int lignes = CompteurDeRequetes.lignes(() -> statut[1] = pages.get("caf07", chemin).status());
        assertThat(statut).containsOnly(200);
        return new int[]{requetes, lignes};
    }

    /** Three indicators (a rate, a count, a ratio of the count) over France, Ardèche and 30 communes, for some years. */
    private long conventionAvecValeurs(ClientApi api, int annees) throws Exception {
        long convention = api.creerConventionDeTest("caf07", "diagnostic de " + annees + " ans").path("id").asLong();
        indicateur(api, convention, "TAUX", "Taux de couverture", "%", null, null);
        indicateur(api, convention, "NB", "Enfants", "enfants", null, null);
        indicateur(api, convention, "PART", "Part des enfants", "%", "NB", "TAUX");
        List<String> territoires = new ArrayList<>(List.of("France", "Ardèche"));
        territoires.addAll(communes());
        StringBuilder csv = new StringBuilder("indicateur;territoire;periode;valeur;source\n");
        for (int annee = 2025 - annees; annee < 2025; annee++) {
            for (int t = 0; t < territoires.size(); t++) {
                int taux = 40 + (t + annee) % 20;
                int enfants = 10 + t % 20;
                csv.append("TAUX;").append(territoires.get(t)).append(";").append(annee).append(";").append(taux).append(";Insee\n")
                        .append("NB;").append(territoires.get(t)).append(";").append(annee).append(";").append(enfants).append(";Insee\n")
                        .append("PART;").append(territoires.get(t)).append(";").append(annee).append(";")
                        .append(BigDecimal.valueOf(enfants * 100L).divide(BigDecimal.valueOf(taux), 2, RoundingMode.HALF_UP).toPlainString())
                        .append(";Insee\n");
            }
        }
        importer(convention, csv);
        return convention;
    }

    private int valeurs(long convention) {
        return jdbc.sql("SELECT count(*) FROM diagnostic_valeur v JOIN diagnostic_indicateur i ON i.id = v.indicateur_id WHERE i.convention_id = :c")
                .param("c", convention).query(Integer.class).single();
    }

    static void comparer(Diagnostic tout, Diagnostic affiche) {
        String titre = tout.titreConvention();
        assertThat(affiche.ecarts()).as("écarts of %s", titre).isEqualTo(tout.ecarts());
        assertThat(affiche.indicateurs()).hasSameSizeAs(tout.indicateurs());
        for (int k = 0; k < tout.indicateurs().size(); k++) {
            IndicateurAvecValeurs t = tout.indicateurs().get(k);
            IndicateurAvecValeurs a = affiche.indicateurs().get(k);
            String nom = titre + " / " + t.indicateur().code();
            assertThat(a.indicateur()).isEqualTo(t.indicateur());
            assertThat(a.affichees()).as("values shown, %s", nom).isEqualTo(t.affichees());
            assertThat(a.nombreDeValeurs()).as("count, %s", nom).isEqualTo(t.nombreDeValeurs());
            assertThat(a.repliees()).as("folded, %s", nom).isEqualTo(t.repliees());
            assertThat(a.sourcesEtPeriodes()).as("sources, %s", nom).isEqualTo(t.sourcesEtPeriodes());
            assertThat(a.signalees()).as("flagged values, %s", nom).isEqualTo(t.signalees());
        }
        assertThat(affiche.sections()).hasSameSizeAs(tout.sections());
        for (int k = 0; k < tout.sections().size(); k++) {
            SectionThematique t = tout.sections().get(k);
            SectionThematique a = affiche.sections().get(k);
            assertThat(a.figures().stream().map(i -> i.indicateur().code()).toList())
                    .isEqualTo(t.figures().stream().map(i -> i.indicateur().code()).toList());
            assertThat(a.chiffresSeuls().stream().map(IndicateurAvecValeurs::affichees).toList())
                    .isEqualTo(t.chiffresSeuls().stream().map(IndicateurAvecValeurs::affichees).toList());
            assertThat(a.graphiques()).as("charts of %s", titre).isEqualTo(t.graphiques());
        }
    }

    private static IndicateurAvecValeurs indicateur(Diagnostic d, String code) {
        return d.indicateurs().stream().filter(i -> i.indicateur().code().equals(code)).findFirst().orElseThrow();
    }

    private static void indicateur(ClientApi api, long convention, String code, String libelle, String unite, String numerateur,
                                   String denominateur) {
        Map<String, Object> corps = new HashMap<>(Map.of("code", code, "libelle", libelle, "unite", unite, "thematique", "Petite enfance"));
        if (numerateur != null) {
            corps.put("numerateur", numerateur);
            corps.put("denominateur", denominateur);
        }
        Reponse reponse = api.post("caf07", "/api/v1/conventions/" + convention + "/diagnostic/indicateurs", corps);
        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(201);
    }

    private void importer(long convention, StringBuilder csv) throws Exception {
        MockHttpServletResponse importe = mvc.perform(MockMvcRequestBuilders.post("/api/v1/conventions/" + convention + "/diagnostic/valeurs")
                .contentType("text/csv").content(csv.toString().getBytes(StandardCharsets.UTF_8))
                .with(httpBasic("caf07", ClientApi.MOT_DE_PASSE))).andReturn().getResponse();
        assertThat(importe.getStatus()).as(importe.getContentAsString(StandardCharsets.UTF_8)).isIn(200, 201);
    }

    /** The first INSEE codes of the shipped referential. */
    static List<String> communes() throws Exception {
        List<String> codes = new ArrayList<>();
        try (BufferedReader lecteur = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                LectureDuDiagnosticTest.class.getResourceAsStream("/referentiel/communes.tsv.gz")), StandardCharsets.UTF_8))) {
            lecteur.readLine();
            String ligne;
            while (codes.size() < COMMUNES && (ligne = lecteur.readLine()) != null) {
                codes.add(ligne.split("\t")[0]);
            }
        }
        return codes;
    }
}
