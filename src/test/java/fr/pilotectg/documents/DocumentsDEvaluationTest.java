package fr.pilotectg.documents;

import java.nio.charset.StandardCharsets;
import java.util.List;

import fr.pilotectg.evaluation.Situation;
import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The annual grid and the bilans, read back. */
@IntegrationTest
class DocumentsDEvaluationTest {

    @Autowired
    MockMvc mvc;

    MockHttpServletResponse telecharger(String utilisateur, String chemin) throws Exception {
        return mvc.perform(get(chemin).with(httpBasic(utilisateur, ClientApi.MOT_DE_PASSE))).andReturn().getResponse();
    }

    @Test
    void the_2026_grid_holds_one_line_per_fiche_with_its_status_label_the_axes_and_the_copil_validation() throws Exception {
        long aubenas = new ClientApi(mvc).aubenas();
        MockHttpServletResponse docx = telecharger("ccba", "/api/v1/conventions/" + aubenas + "/documents/evaluation-2026.docx");
        assertThat(docx.getStatus()).isEqualTo(200);
        List<String> libelles = java.util.Arrays.stream(Situation.values()).map(Situation::libelle).toList();
        try (XWPFDocument document = LectureDocuments.docx(docx.getContentAsByteArray())) {
            List<XWPFTable> actions = document.getTables().stream().filter(t -> t.getRow(0).getCell(1).getText().equals("Situation 2026")).toList();
            int lignes = actions.stream().mapToInt(t -> t.getRows().size() - 1).sum();
            assertThat(lignes).as("one line per fiche").isEqualTo(32);
            actions.forEach(t -> t.getRows().stream().skip(1).forEach(r ->
                    assertThat(r.getCell(1).getText()).as("status label").isIn(libelles)));
            assertThat(document.getDocument().getBody().getSectPr().getPgSz().getOrient().toString()).isEqualTo("landscape");
        }
        String texte = LectureDocuments.texteDocx(docx.getContentAsByteArray());
        assertThat(texte).contains("Axes transversaux", "Gouvernance (COTECH/COPIL)", "Commentaires", "Validation par le COPIL");

        MockHttpServletResponse pdf = telecharger("ccba", "/api/v1/conventions/" + aubenas + "/documents/evaluation-2026.pdf");
        assertThat(pdf.getStatus()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.getContentAsByteArray())) {
            assertThat(document.getPage(0).getMediaBox().getWidth()).as("landscape").isGreaterThan(document.getPage(0).getMediaBox().getHeight());
        }
        assertThat(LectureDocuments.reglesPdfUaEnEchec(pdf.getContentAsByteArray())).isEmpty();
        assertThat(LectureDocuments.normaliser(LectureDocuments.textePdf(pdf.getContentAsByteArray()))).contains("Situation 2026", "Commentaires");

        MockHttpServletResponse horsPeriode = telecharger("ccba", "/api/v1/conventions/" + aubenas + "/documents/evaluation-2040.pdf");
        assertThat(horsPeriode.getStatus()).isEqualTo(400);
        assertThat(horsPeriode.getContentAsString(StandardCharsets.UTF_8)).contains("annee", "2026, 2027, 2028, 2029, 2030");
        assertThat(telecharger("caf42", "/api/v1/conventions/" + aubenas + "/documents/evaluation-2026.pdf").getStatus()).isEqualTo(403);
    }

    @Test
    void the_bilans_print_their_synthesis_sections_and_refuse_an_unknown_type() throws Exception {
        long aubenas = new ClientApi(mvc).aubenas();
        MockHttpServletResponse docx = telecharger("ccba", "/api/v1/conventions/" + aubenas + "/documents/bilan-intermediaire.docx");
        assertThat(docx.getStatus()).isEqualTo(200);
        assertThat(docx.getHeader("Content-Disposition")).contains("Bilan%20interm%C3%A9diaire");
        assertThat(LectureDocuments.texteDocx(docx.getContentAsByteArray())).contains("Synthèse", "Réalisations",
                "Changements pour les habitants du territoire", "Recommandations pour la CTG suivante", "Réalisation des actions par axe");
        MockHttpServletResponse pdf = telecharger("ccba", "/api/v1/conventions/" + aubenas + "/documents/bilan-final.pdf");
        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(LectureDocuments.reglesPdfUaEnEchec(pdf.getContentAsByteArray())).isEmpty();
        assertThat(telecharger("ccba", "/api/v1/conventions/" + aubenas + "/documents/bilan-annuel.pdf").getStatus()).isEqualTo(400);
        assertThat(telecharger("pilat", "/api/v1/conventions/" + aubenas + "/documents/bilan-final.docx").getStatus()).isEqualTo(403);
    }

    @Test
    void the_cdsf_extract_prints_the_early_childhood_part_and_the_consents() throws Exception {
        long aubenas = new ClientApi(mvc).aubenas();
        MockHttpServletResponse docx = telecharger("ccba", "/api/v1/conventions/" + aubenas + "/documents/extrait-cdsf.docx");
        assertThat(docx.getStatus()).isEqualTo(200);
        assertThat(LectureDocuments.texteDocx(docx.getContentAsByteArray())).contains("Indicateurs petite enfance du diagnostic",
                "Services petite enfance soutenus", "Consentement des signataires à la transmission");
        MockHttpServletResponse pdf = telecharger("ccba", "/api/v1/conventions/" + aubenas + "/documents/extrait-cdsf.pdf");
        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(LectureDocuments.reglesPdfUaEnEchec(pdf.getContentAsByteArray())).isEmpty();
        assertThat(telecharger("caf42", "/api/v1/conventions/" + aubenas + "/documents/extrait-cdsf.pdf").getStatus()).isEqualTo(403);
    }

    @Test
    void the_copil_pack_gives_updates_since_a_date_late_actions_indicators_and_the_grid_summary() throws Exception {
        long aubenas = new ClientApi(mvc).aubenas();
        MockHttpServletResponse docx = telecharger("ccba", "/api/v1/conventions/" + aubenas + "/documents/copil.docx?depuis=2026-01-01");
        assertThat(docx.getStatus()).isEqualTo(200);
        assertThat(LectureDocuments.texteDocx(docx.getContentAsByteArray())).contains("Dossier du COPIL", "Avancement depuis le 1er janvier 2026",
                "Mises à jour depuis le dernier COPIL", "Actions en retard", "Indicateurs et cibles", "Prochaines étapes");
        MockHttpServletResponse pdf = telecharger("ccba", "/api/v1/conventions/" + aubenas + "/documents/copil.pdf?depuis=2026-01-01");
        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(LectureDocuments.reglesPdfUaEnEchec(pdf.getContentAsByteArray())).isEmpty();
        MockHttpServletResponse sansDate = telecharger("ccba", "/api/v1/conventions/" + aubenas + "/documents/copil.pdf");
        assertThat(sansDate.getStatus()).isEqualTo(400);
        assertThat(sansDate.getContentAsString(StandardCharsets.UTF_8)).contains("depuis");
        assertThat(telecharger("ccba", "/api/v1/conventions/" + aubenas + "/documents/copil.pdf?depuis=hier").getStatus()).isEqualTo(400);
        assertThat(telecharger("caf42", "/api/v1/conventions/" + aubenas + "/documents/copil.pdf?depuis=2026-01-01").getStatus()).isEqualTo(403);
    }
}
