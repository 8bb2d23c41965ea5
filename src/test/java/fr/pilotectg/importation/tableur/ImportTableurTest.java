package fr.pilotectg.importation.tableur;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.IntegrationTest;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Issue 17 item 4: the plan and follow-up tables exported, changed with POI (or as CSV text) and imported back.
 * This class changes the Pilat plan and the Aubenas follow-up for good, so it has its own embedded PostgreSQL.
 */
@IntegrationTest
class ImportTableurTest {

    @DynamicPropertySource
    static void proprietes(DynamicPropertyRegistry proprietes) {
        proprietes.add("pilote.base-embarquee.repertoire", () -> "target/test-postgres-tableur");
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    ClientApi api;

    @BeforeEach
    void client() {
        api = new ClientApi(mvc);
    }

    // --- acceptance ---

    @Test
    void pilat_plan_xlsx_three_cells_and_one_new_row_give_exactly_four_changes_applied_once() throws Exception {
        long pilat = api.pilat();
        byte[] export = telecharger("caf42", "/api/v1/conventions/" + pilat + "/exports/plan.xlsx");
        XSSFWorkbook classeur = new XSSFWorkbook(new ByteArrayInputStream(export));
        XSSFSheet feuille = classeur.getSheet("Plan d'actions");
        List<String> entetes = ligne(feuille, 0);
        int titre = entetes.indexOf("Titre");
        int contexte = entetes.indexOf("Contexte de l'action");
        int interet = entetes.indexOf("Intérêt");
        int reference = entetes.indexOf("Référence");
        assertThat(entetes).contains("Version");
        ecrire(feuille, 1, titre, "Titre changé par le tableur");
        ecrire(feuille, 2, contexte, "Contexte réécrit dans Excel.\nSur deux lignes.");
        String interetAvant = ligne(feuille, 3).get(interet);
        ecrire(feuille, 3, interet, "Intérêt fort".equals(interetAvant) ? "Top 5" : "Intérêt fort");
        int nouvelle = feuille.getLastRowNum() + 1;
        Row row = feuille.createRow(nouvelle);
        for (int i = 0; i < reference; i++) {
            row.createCell(i).setCellValue(ligne(feuille, 1).get(i));
        }
        row.createCell(titre).setCellValue("Action nouvelle venue du tableur");
        byte[] fichier = octets(classeur);

        String avant = etat(pilat);
        JsonNode apercu = importer("caf42", pilat, "plan", fichier, "plan.xlsx", false, 200);
        assertThat(apercu.path("erreurs")).as(apercu.toString()).isEmpty();
        assertThat(apercu.path("changements")).hasSize(4);
        assertThat(natures(apercu)).containsExactlyInAnyOrder("champ modifié", "champ modifié", "champ modifié", "fiche créée");
        assertThat(apercu.toString()).contains("Titre changé par le tableur", "Action nouvelle venue du tableur");
        assertThat(etat(pilat)).as("a preview writes nothing").isEqualTo(avant);

        JsonNode applique = importer("caf42", pilat, "plan", fichier, "plan.xlsx", true, 200);
        assertThat(applique.path("applique").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM fiche WHERE convention_id = :c AND supprimee_le IS NULL AND titre = :t")
                .param("c", pilat).param("t", "Action nouvelle venue du tableur").query(Long.class).single()).isEqualTo(1L);
        assertThat(jdbc.sql("SELECT count(*) FROM fiche WHERE convention_id = :c AND titre = 'Titre changé par le tableur'")
                .param("c", pilat).query(Long.class).single()).isEqualTo(1L);
        assertThat(jdbc.sql("SELECT count(*) FROM journal WHERE convention_id = :c AND action LIKE 'import du tableur%'")
                .param("c", pilat).query(Long.class).single()).isEqualTo(1L);
        // The new export carries the changes.
        XSSFSheet relu = new XSSFWorkbook(new ByteArrayInputStream(telecharger("caf42", "/api/v1/conventions/" + pilat
                + "/exports/plan.xlsx"))).getSheet("Plan d'actions");
        assertThat(ligne(relu, 3).get(interet)).isEqualTo("Intérêt fort".equals(interetAvant) ? "Top 5" : "Intérêt fort");

        String apres = etat(pilat);
        JsonNode second = importer("caf42", pilat, "plan", fichier, "plan.xlsx", false, 200);
        assertThat(second.path("changements")).as(second.toString()).isEmpty();
        assertThat(second.path("erreurs")).isEmpty();
        importer("caf42", pilat, "plan", fichier, "plan.xlsx", true, 200);
        assertThat(etat(pilat)).as("a second import of the same file changes nothing").isEqualTo(apres);

        // The same table as CSV: one cell changed, imported back the same way.
        String csv = new String(telecharger("caf42", "/api/v1/conventions/" + pilat + "/exports/plan.csv"), StandardCharsets.UTF_8);
        JsonNode telQuel = importer("caf42", pilat, "plan", csv.getBytes(StandardCharsets.UTF_8), "plan.csv", false, 200);
        assertThat(telQuel.path("changements")).as("the CSV export imported as is changes nothing").isEmpty();
        assertThat(telQuel.path("erreurs")).as(telQuel.toString()).isEmpty();
        String change = csv.replaceFirst("Titre changé par le tableur", "Titre changé par le CSV");
        JsonNode apercuCsv = importer("caf42", pilat, "plan", change.getBytes(StandardCharsets.UTF_8), "plan.csv", true, 200);
        assertThat(apercuCsv.path("changements")).hasSize(1);
        assertThat(importer("caf42", pilat, "plan", change.getBytes(StandardCharsets.UTF_8), "plan.csv", false, 200)
                .path("changements")).isEmpty();
    }

    @Test
    void aubenas_suivi_xlsx_and_csv_round_trip_adds_updates_once_and_refuses_stale_rows() throws Exception {
        long aubenas = api.aubenas();
        byte[] export = telecharger("caf07", "/api/v1/conventions/" + aubenas + "/exports/suivi.xlsx");
        XSSFWorkbook classeur = new XSSFWorkbook(new ByteArrayInputStream(export));
        XSSFSheet feuille = classeur.getSheet("Suivi");
        List<String> entetes = ligne(feuille, 0);
        int statut = entetes.indexOf("Statut");
        int realisations = entetes.indexOf("Réalisations");
        int difficultes = entetes.indexOf("Difficultés");
        int avancement = entetes.indexOf("Avancement (%)");
        List<String> statuts = statutsAubenas(aubenas);
        String statutLigne1 = ligne(feuille, 1).get(statut);
        ecrire(feuille, 1, statut, statuts.stream().filter(s -> !s.equals(statutLigne1)).findFirst().orElseThrow());
        ecrire(feuille, 2, realisations, "Trois ateliers tenus, écrits dans le tableur.");
        ecrire(feuille, 3, difficultes, "Aucune, selon le tableur.");
        String avancementAvant = ligne(feuille, 4).get(avancement);
        feuille.getRow(4).createCell(avancement).setCellValue("37.0".equals(avancementAvant) ? 38 : 37);
        for (int r = 2; r <= 4; r++) {
            if (ligne(feuille, r).get(statut).isBlank()) {
                ecrire(feuille, r, statut, statuts.get(0));
            }
        }
        byte[] fichier = octets(classeur);

        String avant = etat(aubenas);
        JsonNode apercu = importer("caf07", aubenas, "suivi", fichier, "suivi.xlsx", false, 200);
        assertThat(apercu.path("erreurs")).as(apercu.toString()).isEmpty();
        assertThat(apercu.path("changements")).hasSize(4);
        assertThat(natures(apercu)).containsOnly("mise à jour ajoutée");
        assertThat(etat(aubenas)).isEqualTo(avant);
        long derniere = jdbc.sql("SELECT coalesce(max(id), 0) FROM suivi_fiche").query(Long.class).single();
        importer("caf07", aubenas, "suivi", fichier, "suivi.xlsx", true, 200);
        // Written in one batch, each update is still linked to the open campaign of its fiche, as one entered on its page.
        assertThat(jdbc.sql("""
                        SELECT count(*) FILTER (WHERE s.campagne_id IS NOT DISTINCT FROM (SELECT c.id FROM campagne c
                            JOIN campagne_fiche cf ON cf.campagne_id = c.id WHERE cf.fiche_id = s.fiche_id AND c.cloturee_le IS NULL
                            ORDER BY c.ouverte_le DESC, c.id DESC LIMIT 1)) || '/' || count(*)
                        FROM suivi_fiche s WHERE s.convention_id = :c AND s.id > :derniere""")
                .param("c", aubenas).param("derniere", derniere).query(String.class).single()).isEqualTo("4/4");
        assertThat(jdbc.sql("SELECT count(*) FROM journal WHERE convention_id = :c AND objet_type = 'fiche' AND action = 'mise à jour du suivi' "
                + "AND horodatage >= (SELECT max(cree_le) FROM suivi_fiche WHERE convention_id = :c)").param("c", aubenas)
                .query(Long.class).single()).as("one journal entry per fiche updated").isEqualTo(4L);
        assertThat(jdbc.sql("SELECT count(*) FROM suivi_fiche WHERE convention_id = :c AND realisations = :r")
                .param("c", aubenas).param("r", "Trois ateliers tenus, écrits dans le tableur.").query(Long.class).single()).isEqualTo(1L);
        String apres = etat(aubenas);
        assertThat(importer("caf07", aubenas, "suivi", fichier, "suivi.xlsx", false, 200).path("changements")).isEmpty();
        importer("caf07", aubenas, "suivi", fichier, "suivi.xlsx", true, 200);
        assertThat(etat(aubenas)).isEqualTo(apres);

        // Stale row: the file exported before is changed again on a row updated since → conflict named, nothing written.
        ecrire(feuille, 2, realisations, "Une autre version, sur un fichier périmé.");
        JsonNode perime = importer("caf07", aubenas, "suivi", octets(classeur), "suivi.xlsx", false, 200);
        assertThat(perime.path("erreurs")).hasSize(1);
        assertThat(perime.path("erreurs").get(0).path("message").asString()).contains("Feuille « Suivi », ligne 3", "conflit",
                "« Réalisations »");
        MockHttpServletResponse refus = envoyer("caf07", aubenas, "suivi", octets(classeur), "suivi.xlsx", true);
        assertThat(refus.getStatus()).isEqualTo(400);
        assertThat(refus.getContentAsString(StandardCharsets.UTF_8)).contains("conflit");
        assertThat(etat(aubenas)).isEqualTo(apres);

        // CSV of the same table, one text changed.
        String csv = new String(telecharger("caf07", "/api/v1/conventions/" + aubenas + "/exports/suivi.csv"), StandardCharsets.UTF_8);
        assertThat(importer("caf07", aubenas, "suivi", csv.getBytes(StandardCharsets.UTF_8), "suivi.csv", false, 200)
                .path("changements")).isEmpty();
        String change = csv.replace("Aucune, selon le tableur.", "Une difficulté écrite en CSV.");
        assertThat(importer("caf07", aubenas, "suivi", change.getBytes(StandardCharsets.UTF_8), "suivi.csv", true, 200)
                .path("changements")).hasSize(1);
        assertThat(importer("caf07", aubenas, "suivi", change.getBytes(StandardCharsets.UTF_8), "suivi.csv", false, 200)
                .path("changements")).isEmpty();
    }

    // --- columns, bad values ---

    @Test
    void reordered_columns_are_read_by_name_and_a_renamed_required_column_is_named() throws Exception {
        long aubenas = api.aubenas();
        XSSFSheet source = new XSSFWorkbook(new ByteArrayInputStream(
                telecharger("caf07", "/api/v1/conventions/" + aubenas + "/exports/suivi.xlsx"))).getSheet("Suivi");
        XSSFWorkbook inverse = new XSSFWorkbook();
        XSSFSheet feuille = inverse.createSheet("Suivi");
        int colonnes = source.getRow(0).getLastCellNum();
        for (int r = 0; r <= source.getLastRowNum(); r++) {
            Row de = source.getRow(r);
            Row vers = feuille.createRow(r);
            for (int c = 0; c < colonnes; c++) {
                Cell cellule = de == null ? null : de.getCell(c);
                if (cellule == null) {
                    continue;
                }
                Cell copie = vers.createCell(colonnes - 1 - c);
                if (cellule.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    if (org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cellule)) {
                        copie.setCellValue(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")
                                .format(cellule.getLocalDateTimeCellValue()));
                    } else {
                        copie.setCellValue(cellule.getNumericCellValue());
                    }
                } else {
                    copie.setCellValue(cellule.getStringCellValue());
                }
            }
        }
        JsonNode lu = importer("caf07", aubenas, "suivi", octets(inverse), "suivi.xlsx", false, 200);
        assertThat(lu.path("erreurs")).as(lu.toString()).isEmpty();
        assertThat(lu.path("changements")).as(lu.toString()).isEmpty();

        feuille.getRow(0).getCell(colonnes - 1).setCellValue("Code fiche");
        JsonNode refuse = importer("caf07", aubenas, "suivi", octets(inverse), "suivi.xlsx", false, 200);
        assertThat(refuse.path("erreurs").get(0).path("message").asString())
                .contains("Feuille « Suivi », ligne 1, colonne « Référence »", "introuvable", "Code fiche");
        assertThat(envoyer("caf07", aubenas, "suivi", octets(inverse), "suivi.xlsx", true).getStatus()).isEqualTo(400);
    }

    @Test
    void a_bad_date_or_an_unknown_status_is_named_by_sheet_line_and_column_and_nothing_is_written() throws Exception {
        long aubenas = api.aubenas();
        XSSFWorkbook classeur = new XSSFWorkbook(new ByteArrayInputStream(
                telecharger("caf07", "/api/v1/conventions/" + aubenas + "/exports/suivi.xlsx")));
        XSSFSheet feuille = classeur.getSheet("Suivi");
        List<String> entetes = ligne(feuille, 0);
        ecrire(feuille, 5, entetes.indexOf("Date du point"), "31/02/2026");
        ecrire(feuille, 6, entetes.indexOf("Statut"), "Presque fini");
        String avant = etat(aubenas);
        JsonNode apercu = importer("caf07", aubenas, "suivi", octets(classeur), "suivi.xlsx", false, 200);
        List<String> messages = new ArrayList<>();
        apercu.path("erreurs").forEach(e -> messages.add(e.path("message").asString()));
        assertThat(messages).contains("Feuille « Suivi », ligne 6, colonne « Date du point » : date « 31/02/2026 » invalide (attendu : jj/mm/aaaa).");
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("Feuille « Suivi », ligne 7, colonne « Statut » : statut « Presque fini » inconnu"));
        MockHttpServletResponse refus = envoyer("caf07", aubenas, "suivi", octets(classeur), "suivi.xlsx", true);
        assertThat(refus.getStatus()).isEqualTo(400);
        assertThat(refus.getContentAsString(StandardCharsets.UTF_8)).contains("31/02/2026");
        assertThat(etat(aubenas)).isEqualTo(avant);
    }

    @Test
    void broken_files_are_a_french_400_and_write_nothing() throws Exception {
        long aubenas = api.aubenas();
        byte[] export = telecharger("caf07", "/api/v1/conventions/" + aubenas + "/exports/suivi.xlsx");
        byte[] aleatoire = new byte[50_000];
        new Random(17).nextBytes(aleatoire);
        byte[] ligneGeante = ("Référence;Statut;" + "x".repeat(10 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);
        byte[] faussementZip = Arrays.copyOf("PK\u0003\u0004pas un classeur".getBytes(StandardCharsets.ISO_8859_1), 200);
        String avant = etat(aubenas);
        for (String tableau : List.of("plan", "suivi")) {
            for (byte[] fichier : List.of(Arrays.copyOf(export, export.length / 2), aleatoire, ligneGeante, faussementZip, new byte[0])) {
                for (boolean confirmer : List.of(false, true)) {
                    MockHttpServletResponse reponse = envoyer("caf07", aubenas, tableau, fichier, "x.xlsx", confirmer);
                    String texte = reponse.getContentAsString(StandardCharsets.UTF_8);
                    assertThat(reponse.getStatus()).as("%s %d octets: %s", tableau, fichier.length, texte.length() > 300
                            ? texte.substring(0, 300) : texte).isEqualTo(400);
                    assertThat(texte).contains("\"message\"").containsAnyOf("illisible", "vide", "ni un classeur", "caractères",
                            "introuvable", "Joignez");
                }
            }
        }
        assertThat(etat(aubenas)).isEqualTo(avant);
    }

    // --- rights ---

    @Test
    void another_caf_is_refused_and_a_porteur_updates_only_its_own_fiches() throws Exception {
        long aubenas = api.aubenas();
        byte[] export = telecharger("caf07", "/api/v1/conventions/" + aubenas + "/exports/suivi.xlsx");
        assertThat(envoyer("caf42", aubenas, "suivi", export, "suivi.xlsx", false).getStatus()).isEqualTo(403);
        assertThat(envoyer("caf42", aubenas, "plan", export, "plan.xlsx", true).getStatus()).isEqualTo(403);

        XSSFWorkbook classeur = new XSSFWorkbook(new ByteArrayInputStream(export));
        XSSFSheet feuille = classeur.getSheet("Suivi");
        List<String> entetes = ligne(feuille, 0);
        int porteurs = entetes.indexOf("Porteurs");
        int difficultes = entetes.indexOf("Difficultés");
        int autre = -1;
        for (int r = 1; r <= feuille.getLastRowNum() && autre < 0; r++) {
            if (!ligne(feuille, r).get(porteurs).contains("Palabre") && !ligne(feuille, r).get(entetes.indexOf("Statut")).isBlank()) {
                autre = r;
            }
        }
        assertThat(autre).as("a fiche not carried by the Centre social Le Palabre").isPositive();
        ecrire(feuille, autre, difficultes, "Écrit par un porteur qui n'en a pas le droit.");
        String avant = etat(aubenas);
        JsonNode apercu = importer("palabre", aubenas, "suivi", octets(classeur), "suivi.xlsx", false, 200);
        assertThat(apercu.path("erreurs")).hasSize(1);
        assertThat(apercu.path("erreurs").get(0).path("droits").asBoolean()).isTrue();
        assertThat(envoyer("palabre", aubenas, "suivi", octets(classeur), "suivi.xlsx", true).getStatus()).isEqualTo(403);
        assertThat(etat(aubenas)).isEqualTo(avant);

        // The page: another Caf's agent is refused, the convention's agent sees the form.
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/conventions/" + aubenas + "/imports/tableur")
                .with(httpBasic("caf42", ClientApi.MOT_DE_PASSE))).andReturn().getResponse().getStatus()).isEqualTo(403);
        MockHttpServletResponse page = mvc.perform(MockMvcRequestBuilders.multipart("/conventions/" + aubenas + "/imports/tableur")
                .file(new MockMultipartFile("fichier", "suivi.xlsx", "application/octet-stream", octets(classeur)))
                .param("tableau", "suivi").param("action", "apercu")
                .with(httpBasic("caf07", ClientApi.MOT_DE_PASSE)).with(csrf())).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("table-changements", "mise à jour ajoutée");
        assertThat(etat(aubenas)).isEqualTo(avant);
    }

    // --- helpers ---

    private String etat(long conventionId) {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM fiche WHERE convention_id = :c) || '/'
                            || (SELECT coalesce(sum(version), 0) FROM fiche WHERE convention_id = :c) || '/'
                            || (SELECT count(*) FROM suivi_fiche WHERE convention_id = :c) || '/'
                            || (SELECT count(*) FROM journal WHERE convention_id = :c)""")
                .param("c", conventionId).query(String.class).single();
    }

    private List<String> statutsAubenas(long conventionId) {
        return jdbc.sql("SELECT libelle FROM suivi_statut WHERE convention_id = :c ORDER BY ordre").param("c", conventionId)
                .query(String.class).list();
    }

    private static List<String> natures(JsonNode apercu) {
        List<String> natures = new ArrayList<>();
        apercu.path("changements").forEach(c -> natures.add(c.path("nature").asString()));
        return natures;
    }

    private byte[] telecharger(String utilisateur, String chemin) throws Exception {
        MockHttpServletResponse reponse = mvc.perform(MockMvcRequestBuilders.get(chemin)
                .with(httpBasic(utilisateur, ClientApi.MOT_DE_PASSE))).andReturn().getResponse();
        assertThat(reponse.getStatus()).isEqualTo(200);
        return reponse.getContentAsByteArray();
    }

    private MockHttpServletResponse envoyer(String utilisateur, long conventionId, String tableau, byte[] fichier, String nom,
                                            boolean confirmer) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.multipart("/api/v1/conventions/" + conventionId + "/imports/" + tableau)
                .file(new MockMultipartFile("fichier", nom, "application/octet-stream", fichier))
                .param("confirmer", String.valueOf(confirmer))
                .with(httpBasic(utilisateur, ClientApi.MOT_DE_PASSE))).andReturn().getResponse();
    }

    private JsonNode importer(String utilisateur, long conventionId, String tableau, byte[] fichier, String nom, boolean confirmer,
                              int attendu) throws Exception {
        MockHttpServletResponse reponse = envoyer(utilisateur, conventionId, tableau, fichier, nom, confirmer);
        String texte = reponse.getContentAsString(StandardCharsets.UTF_8);
        assertThat(reponse.getStatus()).as(texte).isEqualTo(attendu);
        return JSON.readTree(texte);
    }

    static List<String> ligne(XSSFSheet feuille, int numero) {
        List<String> valeurs = new ArrayList<>();
        Row row = feuille.getRow(numero);
        for (int i = 0; i < feuille.getRow(0).getLastCellNum(); i++) {
            Cell cellule = row == null ? null : row.getCell(i);
            valeurs.add(cellule == null ? "" : switch (cellule.getCellType()) {
                case STRING -> cellule.getStringCellValue();
                case NUMERIC -> String.valueOf(cellule.getNumericCellValue());
                default -> "";
            });
        }
        return valeurs;
    }

    private static void ecrire(XSSFSheet feuille, int ligne, int colonne, String valeur) {
        assertThat(colonne).as("column found").isNotNegative();
        Row row = feuille.getRow(ligne) == null ? feuille.createRow(ligne) : feuille.getRow(ligne);
        // The export writes inline strings (SXSSF); POI's setCellValue on such a cell writes <v> but keeps the old <is>,
        // which readers (POI included) still read first: a new cell holds a plain shared string, as a spreadsheet saves it.
        Cell existante = row.getCell(colonne);
        if (existante != null) {
            row.removeCell(existante);
        }
        row.createCell(colonne).setCellValue(valeur);
    }

    private static byte[] octets(XSSFWorkbook classeur) throws Exception {
        ByteArrayOutputStream sortie = new ByteArrayOutputStream();
        classeur.write(sortie);
        return sortie.toByteArray();
    }
}
