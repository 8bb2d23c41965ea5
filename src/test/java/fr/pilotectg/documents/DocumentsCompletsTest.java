package fr.pilotectg.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import fr.pilotectg.evaluation.Situation;
import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.IntegrationTest;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What session 4 added to the documents (issue 13), read back: grid colour code as cell colours, COPIL decisions
 * awaited and every update since the date, the AO matrix of the CDSF extract, the fiches of one plan node, bold and
 * italics of the text, the plan XLSX's added fields, months and money.
 */
@IntegrationTest
class DocumentsCompletsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RenduDocx docx;

    @Autowired
    RenduPdf pdf;

    MockHttpServletResponse telecharger(String utilisateur, String chemin) throws Exception {
        return mvc.perform(get(chemin).with(httpBasic(utilisateur, ClientApi.MOT_DE_PASSE))).andReturn().getResponse();
    }

    @Test
    void the_grid_colours_each_situation_cell_and_keeps_its_label_in_docx_and_pdf() throws Exception {
        long aubenas = new ClientApi(mvc).aubenas();
        byte[] contenu = telecharger("ccba", "/api/v1/conventions/" + aubenas + "/documents/evaluation-2026.docx").getContentAsByteArray();
        int colorees = 0;
        try (XWPFDocument document = LectureDocuments.docx(contenu)) {
            for (XWPFTable table : document.getTables()) {
                if (!table.getRow(0).getCell(1).getText().equals("Situation 2026")) {
                    continue;
                }
                for (XWPFTableRow ligne : table.getRows().subList(1, table.getRows().size())) {
                    String libelle = ligne.getCell(1).getText();
                    Situation situation = Arrays.stream(Situation.values()).filter(s -> s.libelle().equals(libelle)).findFirst().orElse(null);
                    if (situation != null) {
                        assertThat(ligne.getCell(1).getColor()).as("cell of « %s »", libelle).isEqualToIgnoringCase(situation.couleur().substring(1));
                        assertThat(ligne.getCell(0).getColor()).as("only the situation cell is coloured").isNull();
                        colorees++;
                    }
                }
            }
        }
        assertThat(colorees).as("coloured situation cells").isGreaterThan(0);
        byte[] enPdf = telecharger("ccba", "/api/v1/conventions/" + aubenas + "/documents/evaluation-2026.pdf").getContentAsByteArray();
        assertThat(LectureDocuments.reglesPdfUaEnEchec(enPdf)).isEmpty();

        // The PDF draws the colour behind the label: a coloured cell still reads « réalisé » and stays PDF/UA.
        Document grille = new Document("Grille", null, false, true, List.of(new Document.Tableau("Essai", List.of("Action", "Situation"),
                List.of(List.of("FA1", "réalisé")), false, List.of(Arrays.asList(null, "#1e6b30")))));
        byte[] essai = pdf.rendre(grille);
        assertThat(LectureDocuments.textePdf(essai)).contains("réalisé");
        assertThat(LectureDocuments.reglesPdfUaEnEchec(essai)).isEmpty();
    }

    @Test
    void the_copil_pack_lists_every_update_since_the_date_and_the_open_decisions_of_the_governance() throws Exception {
        ClientApi api = new ClientApi(mvc);
        long aubenas = api.aubenas();
        JsonNode fiche = api.get("ccba", "/api/v1/conventions/" + aubenas + "/fiches").json().get(0);
        long ficheId = fiche.path("id").asLong();
        List<Long> ajoutees = new ArrayList<>();
        try {
            for (int i = 2; i >= 1; i--) {
                ClientApi.Reponse r = api.post("caf07", "/api/v1/fiches/" + ficheId + "/suivi", Map.of("statut", "EN_COURS", "avancement", 10 * i,
                        "datePoint", LocalDate.now().minusDays(i).toString(), "realisations", "Réalisation du point numéro " + i));
                assertThat(r.status()).as(r.texte()).isEqualTo(201);
                ajoutees.add(r.json().path("id").asLong());
            }
            String depuis = LocalDate.now().minusDays(5).toString();
            MockHttpServletResponse reponse = telecharger("ccba", "/api/v1/conventions/" + aubenas + "/documents/copil.docx?depuis=" + depuis);
            assertThat(reponse.getStatus()).isEqualTo(200);
            String texte = LectureDocuments.texteDocx(reponse.getContentAsByteArray());
            assertThat(texte).as("both updates of the same fiche, not only the latest").contains("Réalisation du point numéro 1",
                    "Réalisation du point numéro 2");
            assertThat(texte).contains("Décisions attendues", "Proposer un calendrier des commissions pour 2027",
                    "Préparer la grille d'évaluation 2026 avec les porteurs de fiches");
            assertThat(texte).as("a decision done is not awaited").doesNotContain("Réunir la commission petite enfance avant l'été");
            byte[] enPdf = telecharger("ccba", "/api/v1/conventions/" + aubenas + "/documents/copil.pdf?depuis=" + depuis).getContentAsByteArray();
            assertThat(LectureDocuments.reglesPdfUaEnEchec(enPdf)).isEmpty();
            assertThat(LectureDocuments.normaliser(LectureDocuments.textePdf(enPdf))).contains("Réalisation du point numéro 2",
                    "Proposer un calendrier des commissions pour 2027");
        } finally {
            for (Long id : ajoutees) {
                jdbc.sql("DELETE FROM suivi_fiche WHERE id = :id").param("id", id).update();
            }
        }
    }

    @Test
    void the_cdsf_extract_carries_the_ao_matrix() throws Exception {
        long aubenas = new ClientApi(mvc).aubenas();
        byte[] contenu = telecharger("ccba", "/api/v1/conventions/" + aubenas + "/documents/extrait-cdsf.docx").getContentAsByteArray();
        String texte = LectureDocuments.texteDocx(contenu);
        assertThat(texte).contains("Autorités organisatrices", "Matrice des compétences : qui exerce quoi");
        try (XWPFDocument document = LectureDocuments.docx(contenu)) {
            XWPFTable matrice = document.getTables().stream().filter(t -> t.getRow(0).getCell(0).getText().equals("Collectivité")).findFirst().orElseThrow();
            assertThat(matrice.getRows()).hasSizeGreaterThan(1);
            assertThat(matrice.getRow(0).getTableCells()).hasSizeGreaterThan(3);
        }
        byte[] enPdf = telecharger("ccba", "/api/v1/conventions/" + aubenas + "/documents/extrait-cdsf.pdf").getContentAsByteArray();
        assertThat(LectureDocuments.reglesPdfUaEnEchec(enPdf)).isEmpty();
        assertThat(LectureDocuments.normaliser(LectureDocuments.textePdf(enPdf))).contains("Matrice des compétences");
    }

    @Test
    void the_fiches_of_one_node_come_in_one_file_and_a_foreign_or_bad_node_is_refused() throws Exception {
        ClientApi api = new ClientApi(mvc);
        long aubenas = api.aubenas();
        long pilat = api.pilat();
        // A leaf node of the Aubenas plan holding fiches: its fiches are all the file holds.
        Map<String, Object> feuille = jdbc.sql("""
                        SELECT n.id AS id, count(f.id) AS fiches FROM plan_noeud n
                        JOIN fiche f ON f.noeud_id = n.id AND f.supprimee_le IS NULL
                        WHERE n.convention_id = :c AND n.supprime_le IS NULL
                          AND NOT EXISTS (SELECT 1 FROM plan_noeud e WHERE e.parent_id = n.id AND e.supprime_le IS NULL)
                        GROUP BY n.id ORDER BY n.id LIMIT 1""").param("c", aubenas).query().singleRow();
        String noeud = String.valueOf(feuille.get("id"));
        long nombre = ((Number) feuille.get("fiches")).longValue();
        assertThat(nombre).as("demo data: a leaf node with fiches").isPositive();

        MockHttpServletResponse reponse = telecharger("ccba", "/api/v1/conventions/" + aubenas + "/documents/fiches.docx?noeud=" + noeud);
        assertThat(reponse.getStatus()).as(reponse.getContentAsString()).isEqualTo(200);
        assertThat(reponse.getHeader("Content-Disposition")).contains("Fiches%20actions");
        try (XWPFDocument document = LectureDocuments.docx(reponse.getContentAsByteArray())) {
            long titres = document.getParagraphs().stream().filter(p -> "Titre1".equals(p.getStyle()) && p.getText().startsWith("Fiche action ")).count();
            assertThat(titres).isEqualTo(nombre);
        }
        byte[] enPdf = telecharger("ccba", "/conventions/" + aubenas + "/documents/fiches.pdf?noeud=" + noeud).getContentAsByteArray();
        assertThat(LectureDocuments.reglesPdfUaEnEchec(enPdf)).isEmpty();

        long noeudPilat = jdbc.sql("SELECT min(id) FROM plan_noeud WHERE convention_id = :c").param("c", pilat).query(Long.class).single();
        assertThat(telecharger("ccba", "/api/v1/conventions/" + aubenas + "/documents/fiches.docx?noeud=" + noeudPilat).getStatus())
                .as("a node of another convention").isEqualTo(404);
        MockHttpServletResponse mauvais = telecharger("ccba", "/api/v1/conventions/" + aubenas + "/documents/fiches.docx?noeud=abc");
        assertThat(mauvais.getStatus()).isEqualTo(400);
        assertThat(mauvais.getContentAsString(StandardCharsets.UTF_8)).contains("noeud");
        assertThat(telecharger("caf42", "/api/v1/conventions/" + aubenas + "/documents/fiches.docx?noeud=" + noeud).getStatus())
                .isEqualTo(403);
    }

    @Test
    void bold_and_italics_of_a_text_section_are_kept_in_word_and_pdf() {
        List<Document.Bloc> blocs = HtmlEnBlocs.blocs("<p>La Caf <strong>finance</strong> et la commune <em>anime</em> le réseau.</p><p>Sans style.</p>");
        assertThat(blocs).hasSize(2);
        assertThat(blocs.get(0)).isInstanceOf(Document.TexteRiche.class);
        assertThat(blocs.get(1)).isInstanceOf(Document.Paragraphe.class);
        Document document = new Document("Texte", null, false, blocs);
        try (XWPFDocument lu = LectureDocuments.docx(docx.rendre(document))) {
            XWPFParagraph paragraphe = lu.getParagraphs().stream().filter(p -> p.getText().startsWith("La Caf")).findFirst().orElseThrow();
            assertThat(paragraphe.getText()).isEqualTo("La Caf finance et la commune anime le réseau.");
            XWPFRun gras = paragraphe.getRuns().stream().filter(r -> "finance".equals(r.text())).findFirst().orElseThrow();
            assertThat(gras.isBold()).isTrue();
            XWPFRun italique = paragraphe.getRuns().stream().filter(r -> "anime".equals(r.text())).findFirst().orElseThrow();
            assertThat(italique.isItalic()).isTrue();
            assertThat(paragraphe.getRuns().get(0).isBold()).isFalse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] enPdf = pdf.rendre(document);
        // openhtmltopdf writes each font's runs in turn: read the text in reading order (by position).
        try (org.apache.pdfbox.pdmodel.PDDocument lu = org.apache.pdfbox.Loader.loadPDF(enPdf)) {
            org.apache.pdfbox.text.PDFTextStripper lecteur = new org.apache.pdfbox.text.PDFTextStripper();
            lecteur.setSortByPosition(true);
            assertThat(LectureDocuments.normaliser(lecteur.getText(lu)))
                    .contains(LectureDocuments.normaliser("La Caf finance et la commune anime le réseau."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(LectureDocuments.reglesPdfUaEnEchec(enPdf)).isEmpty();
    }

    @Test
    void the_plan_xlsx_has_the_added_fields_the_months_and_the_money_as_typed_cells() throws Exception {
        ClientApi api = new ClientApi(mvc);
        long pilat = api.pilat();
        String champs = "/api/v1/conventions/" + pilat + "/plan/champs";
        JsonNode fiche = api.get("caf42", "/api/v1/conventions/" + pilat + "/fiches").json().get(0);
        long ficheId = fiche.path("id").asLong();
        try {
            for (Map<String, Object> definition : List.of(Map.<String, Object>of("libelle", "Date de lancement", "type", "DATE", "cle", "lancementEssai"),
                    Map.<String, Object>of("libelle", "Nombre de familles", "type", "NOMBRE", "cle", "famillesEssai"),
                    Map.<String, Object>of("libelle", "Priorité", "type", "CHOIX_UNIQUE", "cle", "prioriteEssai", "choix", List.of("Haute", "Basse")))) {
                ClientApi.Reponse r = api.post("caf42", champs, definition);
                assertThat(r.status()).as(r.texte()).isEqualTo(201);
            }
            ClientApi.Reponse rempli = api.patch("caf42", "/api/v1/fiches/" + ficheId + "?version=" + fiche.path("version").asInt(), Map.of(
                    "champs", Map.of("lancementEssai", "2027-03-15", "famillesEssai", 42, "prioriteEssai", "Haute"),
                    "debut", "2026-09", "fin", "2028-06",
                    "financements", List.of(Map.of("annee", 2026, "financeur", "CAF_PRESTATION_SERVICE", "prevu", new BigDecimal("1200.50"),
                            "realise", new BigDecimal("1000")), Map.of("annee", 2027, "financeur", "AUTRE", "nom", "Département",
                            "prevu", new BigDecimal("300")))));
            assertThat(rempli.status()).as(rempli.texte()).isEqualTo(200);

            MockHttpServletResponse reponse = telecharger("caf42", "/api/v1/conventions/" + pilat + "/exports/plan.xlsx");
            assertThat(reponse.getStatus()).isEqualTo(200);
            try (XSSFWorkbook classeur = new XSSFWorkbook(new ByteArrayInputStream(reponse.getContentAsByteArray()))) {
                XSSFSheet feuille = classeur.getSheetAt(0);
                List<String> entetes = new ArrayList<>();
                feuille.getRow(0).forEach(c -> entetes.add(c.getStringCellValue()));
                assertThat(entetes).contains("Date de lancement", "Nombre de familles", "Priorité", "Début (mois)", "Fin (mois)",
                        "Financement prévu (€)", "Financement réalisé (€)");
                int titre = entetes.indexOf("Titre");
                Row row = null;
                for (int i = 1; i <= feuille.getLastRowNum(); i++) {
                    if (feuille.getRow(i).getCell(titre).getStringCellValue().equals(fiche.path("titre").asString())) {
                        row = feuille.getRow(i);
                    }
                }
                assertThat(row).as("the fiche's row").isNotNull();
                Cell lancement = row.getCell(entetes.indexOf("Date de lancement"));
                assertThat(lancement.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(DateUtil.isCellDateFormatted(lancement)).isTrue();
                assertThat(lancement.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2027, 3, 15));
                assertThat(row.getCell(entetes.indexOf("Nombre de familles")).getNumericCellValue()).isEqualTo(42.0);
                assertThat(row.getCell(entetes.indexOf("Priorité")).getStringCellValue()).isEqualTo("Haute");
                Cell debut = row.getCell(entetes.indexOf("Début (mois)"));
                assertThat(DateUtil.isCellDateFormatted(debut)).isTrue();
                assertThat(debut.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 9, 1));
                assertThat(debut.getCellStyle().getDataFormatString()).isEqualTo("mm/yyyy");
                assertThat(row.getCell(entetes.indexOf("Financement prévu (€)")).getNumericCellValue()).isEqualTo(1500.5);
                assertThat(row.getCell(entetes.indexOf("Financement réalisé (€)")).getNumericCellValue()).isEqualTo(1000.0);
                assertThat(row.getCell(entetes.indexOf("Financement prévu (€)")).getCellStyle().getDataFormatString()).contains("€");
                assertThat(feuille.getDataValidations()).as("the choice field is a drop-down").anySatisfy(v ->
                        assertThat(v.getValidationConstraint().getExplicitListValues()).containsExactly("Haute", "Basse"));
            }
            String csv = telecharger("caf42", "/api/v1/conventions/" + pilat + "/exports/plan.csv").getContentAsString(StandardCharsets.UTF_8);
            assertThat(csv).contains("09/2026", "06/2028", "1500,50", "15/03/2027");
        } finally {
            JsonNode lue = api.get("caf42", "/api/v1/fiches/" + ficheId).json();
            api.patch("caf42", "/api/v1/fiches/" + ficheId + "?version=" + lue.path("version").asInt(), Map.of("financements", List.of()));
            jdbc.sql("UPDATE fiche SET debut = NULL, fin = NULL WHERE id = :id").param("id", ficheId).update();
            for (JsonNode champ : api.get("caf42", champs).json()) {
                if (champ.path("cle").asString().endsWith("Essai")) {
                    api.delete("caf42", champs + "/" + champ.path("id").asLong() + "?version=" + champ.path("version").asInt());
                }
            }
        }
    }
}
