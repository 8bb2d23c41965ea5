package fr.pilotectg.documents;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.IntegrationTest;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** Spreadsheet exports read back with POI (XLSX) and as text (CSV): content, types, header, rights and bad input. */
@IntegrationTest
class ExportsTableurTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    MockHttpServletResponse get(String utilisateur, String chemin) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(chemin).with(httpBasic(utilisateur, ClientApi.MOT_DE_PASSE)))
                .andReturn().getResponse();
    }

    XSSFWorkbook classeur(String utilisateur, String chemin) throws Exception {
        MockHttpServletResponse reponse = get(utilisateur, chemin);
        assertThat(reponse.getStatus()).as("GET %s: %s", chemin, reponse.getContentAsString()).isEqualTo(200);
        assertThat(reponse.getContentType()).isEqualTo(XLSX);
        return new XSSFWorkbook(new ByteArrayInputStream(reponse.getContentAsByteArray()));
    }

    static List<String> ligne(XSSFSheet feuille, int numero) {
        List<String> valeurs = new ArrayList<>();
        Row row = feuille.getRow(numero);
        for (int i = 0; i < row.getLastCellNum(); i++) {
            Cell cellule = row.getCell(i);
            valeurs.add(cellule == null ? "" : cellule.getCellType() == CellType.NUMERIC ? String.valueOf(cellule.getNumericCellValue())
                    : cellule.getStringCellValue());
        }
        return valeurs;
    }

    static int colonne(XSSFSheet feuille, String titre) {
        List<String> entete = ligne(feuille, 0);
        assertThat(entete).contains(titre);
        return entete.indexOf(titre);
    }

    static void enteteFigeeEtFiltre(XSSFSheet feuille) {
        assertThat(feuille.getPaneInformation()).isNotNull();
        assertThat(feuille.getPaneInformation().isFreezePane()).isTrue();
        assertThat(feuille.getPaneInformation().getHorizontalSplitPosition()).as("first row frozen").isEqualTo((short) 1);
        assertThat(feuille.getCTWorksheet().isSetAutoFilter()).isTrue();
        CellRangeAddress filtre = CellRangeAddress.valueOf(feuille.getCTWorksheet().getAutoFilter().getRef());
        assertThat(filtre.getFirstRow()).isZero();
        assertThat(filtre.getLastColumn()).isEqualTo(feuille.getRow(0).getLastCellNum() - 1);
        assertThat(feuille.getRow(0).getCell(0).getCellStyle().getFont().getBold()).isTrue();
        assertThat(feuille.getColumnWidth(0)).isGreaterThan(6 * 256);
    }

    @Test
    void the_pilat_plan_has_48_rows_with_the_scored_templates_columns_and_the_path_per_level() throws Exception {
        ClientApi api = new ClientApi(mvc);
        long pilat = api.pilat();
        MockHttpServletResponse reponse = get("caf42", "/api/v1/conventions/" + pilat + "/exports/plan.xlsx");
        String disposition = reponse.getHeader("Content-Disposition");
        assertThat(disposition).startsWith("attachment; filename=\"Plan d'actions - CTG des Monts du Pilat 2026-2030.xlsx\"")
                .contains("filename*=UTF-8''Plan%20d%27actions%20-%20CTG%20des%20Monts%20du%20Pilat%202026-2030.xlsx");

        try (XSSFWorkbook classeur = classeur("caf42", "/api/v1/conventions/" + pilat + "/exports/plan.xlsx")) {
            XSSFSheet feuille = classeur.getSheetAt(0);
            assertThat(feuille.getLastRowNum()).as("48 fiches after the header").isEqualTo(48);
            assertThat(ligne(feuille, 0)).contains("Référence", "Titre", "Intérêt", "Méthodologie", "Public cible", "Budget",
                    "Porteur de l'action", "Territoire(s) cible(s)", "Champ(s) d'intervention", "Contexte de l'action",
                    "Objectif(s)", "Critères quantitatifs", "Critères qualitatifs", "Années prévues");
            enteteFigeeEtFiltre(feuille);
            List<String> fiches = jdbc.sql("SELECT titre FROM fiche WHERE convention_id = :c AND supprimee_le IS NULL")
                    .param("c", pilat).query(String.class).list();
            int titre = colonne(feuille, "Titre");
            List<String> titres = new ArrayList<>();
            int sansAxe = 0;
            for (int i = 1; i <= 48; i++) {
                titres.add(feuille.getRow(i).getCell(titre).getStringCellValue());
                Cell axe = feuille.getRow(i).getCell(0);
                if (axe == null) {
                    sansAxe++;
                } else {
                    assertThat(axe.getStringCellValue()).as("path column of the first level").matches("\\d+ — .+");
                }
            }
            assertThat(titres).containsExactlyInAnyOrderElementsOf(fiches);
            assertThat(ligne(feuille, 0).get(0)).isEqualTo("Axe");
            assertThat(sansAxe).as("the fiches outside any axe").isEqualTo(jdbc.sql(
                    "SELECT count(*) FROM fiche WHERE convention_id = :c AND supprimee_le IS NULL AND noeud_id IS NULL")
                    .param("c", pilat).query(Integer.class).single());
        }
    }

    @Test
    void the_aubenas_follow_up_has_the_latest_update_per_fiche_typed_and_the_full_history() throws Exception {
        ClientApi api = new ClientApi(mvc);
        long aubenas = api.aubenas();
        int fiches = jdbc.sql("SELECT count(*) FROM fiche WHERE convention_id = :c AND supprimee_le IS NULL").param("c", aubenas)
                .query(Integer.class).single();
        int misesAJour = jdbc.sql("SELECT count(*) FROM suivi_fiche s JOIN fiche f ON f.id = s.fiche_id "
                        + "WHERE s.convention_id = :c AND f.supprimee_le IS NULL").param("c", aubenas)
                .query(Integer.class).single();
        assertThat(misesAJour).as("demo updates").isPositive();
        try (XSSFWorkbook classeur = classeur("ccba", "/api/v1/conventions/" + aubenas + "/exports/suivi.xlsx")) {
            XSSFSheet suivi = classeur.getSheet("Suivi");
            assertThat(suivi.getLastRowNum()).isEqualTo(fiches);
            enteteFigeeEtFiltre(suivi);
            int date = colonne(suivi, "Date du point");
            int avancement = colonne(suivi, "Avancement (%)");
            int statut = colonne(suivi, "Statut");
            Row avecPoint = StreamSupport.stream(suivi.spliterator(), false).skip(1)
                    .filter(r -> r.getCell(date) != null).findFirst().orElseThrow();
            assertThat(avecPoint.getCell(date).getCellType()).as("a date is a date, not text").isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(avecPoint.getCell(date))).isTrue();
            assertThat(avecPoint.getCell(avancement).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(avecPoint.getCell(statut).getStringCellValue()).isNotBlank();
            assertThat(suivi.getDataValidations()).as("statuses as a drop-down list")
                    .anySatisfy(v -> assertThat(v.getRegions().getCellRangeAddress(0).getFirstColumn()).isEqualTo(statut));
            List<String> libelles = jdbc.sql("SELECT libelle FROM suivi_statut WHERE convention_id = :c").param("c", aubenas)
                    .query(String.class).list();
            assertThat(suivi.getDataValidations().get(0).getValidationConstraint().getExplicitListValues())
                    .containsExactlyInAnyOrderElementsOf(libelles);

            XSSFSheet historique = classeur.getSheet("Historique");
            assertThat(historique.getLastRowNum()).isEqualTo(misesAJour);
            enteteFigeeEtFiltre(historique);
        }
    }

    @Test
    void a_marker_stays_text_and_a_value_is_a_number_in_the_indicators() throws Exception {
        ClientApi api = new ClientApi(mvc);
        try (XSSFWorkbook classeur = classeur("ccba", "/api/v1/conventions/" + api.aubenas() + "/exports/indicateurs.xlsx")) {
            XSSFSheet feuille = classeur.getSheetAt(0);
            enteteFigeeEtFiltre(feuille);
            int debut = colonne(feuille, "2026");
            List<Cell> valeurs = new ArrayList<>();
            StreamSupport.stream(feuille.spliterator(), false).skip(1).forEach(r -> {
                for (int i = debut; i < debut + 5; i++) {
                    if (r.getCell(i) != null) {
                        valeurs.add(r.getCell(i));
                    }
                }
            });
            assertThat(valeurs).anySatisfy(c -> {
                assertThat(c.getCellType()).isEqualTo(CellType.STRING);
                assertThat(c.getStringCellValue()).isEqualTo("<5");
            });
            assertThat(valeurs).as("a number is a number").anySatisfy(c -> assertThat(c.getCellType()).isEqualTo(CellType.NUMERIC));
        }
        String csv = get("ccba", "/api/v1/conventions/" + api.aubenas() + "/exports/indicateurs.csv").getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).containsPattern(";<5(;|\r\n)").doesNotContain("'<5");
    }

    @Test
    void the_grid_of_a_year_services_ao_and_the_csv() throws Exception {
        ClientApi api = new ClientApi(mvc);
        long aubenas = api.aubenas();
        int fiches = jdbc.sql("SELECT count(*) FROM fiche WHERE convention_id = :c AND supprimee_le IS NULL").param("c", aubenas)
                .query(Integer.class).single();
        try (XSSFWorkbook classeur = classeur("ccba", "/api/v1/conventions/" + aubenas + "/exports/evaluation-2026.xlsx")) {
            XSSFSheet grille = classeur.getSheet("Évaluation 2026");
            assertThat(grille.getLastRowNum()).isEqualTo(fiches);
            assertThat(ligne(grille, 0)).contains("Fiche action", "Statut 2026", "Résultats (état d'avancement et actions menées)",
                    "Perspectives", "Impacts");
            enteteFigeeEtFiltre(grille);
            int statut = colonne(grille, "Statut 2026");
            assertThat(grille.getDataValidations()).anySatisfy(v -> assertThat(v.getValidationConstraint().getExplicitListValues())
                    .containsExactly("réalisé", "en cours de réalisation", "non réalisé", "non concerné"));
            assertThat(grille.getRow(1).getCell(statut).getStringCellValue()).isNotBlank();
            assertThat(classeur.getSheet("Axes transversaux").getLastRowNum()).isEqualTo(5);
        }
        try (XSSFWorkbook classeur = classeur("ccba", "/api/v1/conventions/" + aubenas + "/exports/services.xlsx")) {
            XSSFSheet services = classeur.getSheetAt(0);
            int nombre = jdbc.sql("SELECT count(*) FROM service_soutenu WHERE convention_id = :c").param("c", aubenas)
                    .query(Integer.class).single();
            assertThat(services.getLastRowNum()).isEqualTo(nombre).isPositive();
            int capacite = colonne(services, "Capacité");
            assertThat(StreamSupport.stream(services.spliterator(), false).skip(1).map(r -> r.getCell(capacite))
                    .filter(c -> c != null)).isNotEmpty().allSatisfy(c -> assertThat(c.getCellType()).isEqualTo(CellType.NUMERIC));
        }
        try (XSSFWorkbook classeur = classeur("ccba", "/api/v1/conventions/" + aubenas + "/exports/ao.xlsx")) {
            assertThat(classeur.getSheet("Matrice des compétences").getLastRowNum()).isPositive();
            assertThat(classeur.getSheet("Projection")).isNotNull();
        }

        MockHttpServletResponse csv = get("ccba", "/api/v1/conventions/" + aubenas + "/exports/plan.csv");
        assertThat(csv.getStatus()).isEqualTo(200);
        assertThat(csv.getContentType()).startsWith("text/csv");
        byte[] octets = csv.getContentAsByteArray();
        assertThat(octets).startsWith(0xEF, 0xBB, 0xBF);
        String texte = new String(octets, StandardCharsets.UTF_8).substring(1);
        String entete = texte.substring(0, texte.indexOf("\r\n"));
        assertThat(entete).contains(";Référence;Titre;");
        assertThat(texte.split("\r\n(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")).hasSize(fiches + 1);
        String disposition = URLDecoder.decode(csv.getHeader("Content-Disposition").replaceAll(".*filename\\*=UTF-8''", ""),
                StandardCharsets.UTF_8);
        assertThat(disposition).isEqualTo("Plan d'actions - " + ClientApi.AUBENAS + ".csv");
    }

    @Test
    void csv_fields_are_quoted_and_formulas_neutralised() {
        assertThat(TableurCsv.champ("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(TableurCsv.champ("+33 4")).isEqualTo("'+33 4");
        assertThat(TableurCsv.champ("-1")).isEqualTo("'-1");
        assertThat(TableurCsv.champ("@SUM")).isEqualTo("'@SUM");
        assertThat(TableurCsv.champ("a;b")).isEqualTo("\"a;b\"");
        assertThat(TableurCsv.champ("deux\nlignes")).isEqualTo("\"deux\nlignes\"");
        assertThat(TableurCsv.champ(new java.math.BigDecimal("-12.50"))).as("a number is not text").isEqualTo("-12,5");
        assertThat(TableurCsv.champ(java.time.LocalDate.of(2026, 1, 1))).isEqualTo("01/01/2026");
    }

    @Test
    void refusals_year_outside_the_period_and_unknown_format() throws Exception {
        ClientApi api = new ClientApi(mvc);
        long aubenas = api.aubenas();
        for (String table : List.of("plan", "suivi", "evaluation-2026", "indicateurs", "services", "ao")) {
            for (String format : List.of("xlsx", "csv")) {
                for (String utilisateur : List.of("caf42", "pilat")) {
                    MockHttpServletResponse reponse = get(utilisateur, "/api/v1/conventions/" + aubenas + "/exports/" + table + "." + format);
                    assertThat(reponse.getStatus()).as("%s.%s as %s", table, format, utilisateur).isEqualTo(403);
                    assertThat(String.valueOf(reponse.getHeader("Content-Disposition"))).as("nothing generated").doesNotContain("attachment");
                    assertThat(reponse.getContentType()).startsWith("application/json");
                }
            }
        }
        MockHttpServletResponse horsPeriode = get("ccba", "/api/v1/conventions/" + aubenas + "/exports/evaluation-2031.xlsx");
        assertThat(horsPeriode.getStatus()).isEqualTo(400);
        assertThat(horsPeriode.getContentAsString(StandardCharsets.UTF_8)).contains("annee", "2031", "hors de la période");
        MockHttpServletResponse format = get("ccba", "/api/v1/conventions/" + aubenas + "/exports/plan.ods");
        assertThat(format.getStatus()).isEqualTo(400);
        assertThat(format.getContentAsString(StandardCharsets.UTF_8)).contains("format", "« ods »", "xlsx, csv");
        assertThat(get("ccba", "/api/v1/conventions/" + aubenas + "/exports/evaluation-deux.xlsx").getStatus()).isEqualTo(400);
        assertThat(get("ccba", "/api/v1/conventions/999999/exports/plan.xlsx").getStatus()).isEqualTo(404);
        assertThat(get("ccba", "/api/v1/portefeuille.xlsx").getStatus()).as("not a Caf agent").isEqualTo(403);
        assertThat(get("lecteur", "/api/v1/portefeuille.xlsx").getStatus()).isEqualTo(403);
        assertThat(get("caf07", "/api/v1/portefeuille.pdf").getStatus()).isEqualTo(400);
    }

    @Test
    void a_convention_without_a_plan_exports_empty_tables() throws Exception {
        ClientApi api = new ClientApi(mvc);
        JsonNode convention = api.creerConventionDeTest("caf07", "export-vide");
        long id = convention.path("id").asLong();
        for (String table : List.of("plan", "suivi", "evaluation-2026", "indicateurs", "services")) {
            try (XSSFWorkbook classeur = classeur("caf07", "/api/v1/conventions/" + id + "/exports/" + table + ".xlsx")) {
                assertThat(classeur.getSheetAt(0).getLastRowNum()).as(table).isZero();
            }
        }
    }

    @Test
    void the_portfolio_holds_the_agents_caf_only() throws Exception {
        ClientApi api = new ClientApi(mvc);
        long ardeche = api.cafArdeche();
        List<String> attendus = jdbc.sql("SELECT titre FROM convention WHERE caf_id = :caf").param("caf", ardeche)
                .query(String.class).list();
        try (XSSFWorkbook classeur = classeur("caf07", "/api/v1/portefeuille.xlsx")) {
            XSSFSheet feuille = classeur.getSheetAt(0);
            enteteFigeeEtFiltre(feuille);
            List<String> titres = new ArrayList<>();
            for (int i = 1; i <= feuille.getLastRowNum(); i++) {
                titres.add(feuille.getRow(i).getCell(0).getStringCellValue());
                assertThat(feuille.getRow(i).getCell(1).getStringCellValue()).isEqualTo("Caf de l'Ardèche");
            }
            assertThat(titres).containsExactlyInAnyOrderElementsOf(attendus).contains(ClientApi.AUBENAS).doesNotContain(ClientApi.PILAT);
            int fiches = colonne(feuille, "Fiches");
            assertThat(feuille.getRow(1).getCell(fiches).getCellType()).isEqualTo(CellType.NUMERIC);
        }
        try (XSSFWorkbook classeur = classeur("caf42", "/api/v1/portefeuille.xlsx")) {
            List<String> titres = new ArrayList<>();
            XSSFSheet feuille = classeur.getSheetAt(0);
            for (int i = 1; i <= feuille.getLastRowNum(); i++) {
                titres.add(feuille.getRow(i).getCell(0).getStringCellValue());
            }
            assertThat(titres).contains(ClientApi.PILAT).doesNotContain(ClientApi.AUBENAS);
        }
    }
}
