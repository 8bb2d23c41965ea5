package fr.pilotectg.documents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Fiche sheets and the programme table, read back. */
@IntegrationTest
class DocumentsDuPlanTest {

    @Autowired
    MockMvc mvc;

    MockHttpServletResponse telecharger(String utilisateur, String chemin) throws Exception {
        return mvc.perform(get(chemin).with(httpBasic(utilisateur, ClientApi.MOT_DE_PASSE))).andReturn().getResponse();
    }

    @Test
    void a_fiche_sheet_holds_every_field_of_its_template_in_docx_and_in_a_pdf_ua_pdf() throws Exception {
        ClientApi api = new ClientApi(mvc);
        long aubenas = api.aubenas();
        JsonNode fiche = api.get("ccba", "/api/v1/conventions/" + aubenas + "/fiches").json().get(0);
        long id = fiche.path("id").asLong();
        String titre = fiche.path("titre").asString();

        MockHttpServletResponse docx = telecharger("ccba", "/api/v1/fiches/" + id + "/document.docx");
        assertThat(docx.getStatus()).isEqualTo(200);
        assertThat(docx.getHeader("Content-Disposition")).contains("filename*=UTF-8''CTG%20du%20Bassin%20d%27Aubenas%202026-2030%20%E2%80%93%20fiche");
        try (XWPFDocument document = LectureDocuments.docx(docx.getContentAsByteArray())) {
            List<String> titres = document.getParagraphs().stream().filter(p -> "Titre1".equals(p.getStyle())).map(XWPFParagraph::getText).toList();
            assertThat(titres).singleElement().asString().startsWith("Fiche action").endsWith(titre);
            String texte = String.join("\n", document.getParagraphs().stream().map(XWPFParagraph::getText).toList());
            assertThat(texte).contains("Enjeu CTG :", "Objectifs CTG :", "Indicateurs d'évaluation :", "Collectivité(s) garante(s) de l'action :");
        }

        MockHttpServletResponse pdf = telecharger("ccba", "/api/v1/fiches/" + id + "/document.pdf");
        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(LectureDocuments.reglesPdfUaEnEchec(pdf.getContentAsByteArray())).isEmpty();
        assertThat(LectureDocuments.normaliser(LectureDocuments.textePdf(pdf.getContentAsByteArray()))).contains(titre, "Enjeu CTG :");

        assertThat(telecharger("caf42", "/api/v1/fiches/" + id + "/document.pdf").getStatus()).isEqualTo(403);
        assertThat(telecharger("pilat", "/fiches/" + id + "/document.docx").getStatus()).isEqualTo(403);
        assertThat(telecharger("ccba", "/api/v1/fiches/" + id + "/document.rtf").getStatus()).isEqualTo(400);
        assertThat(telecharger("ccba", "/api/v1/fiches/999999999/document.pdf").getStatus()).isEqualTo(404);
    }

    @Test
    void a_fiche_sheet_also_holds_its_dates_added_fields_sub_actions_and_money_lines() throws Exception {
        ClientApi api = new ClientApi(mvc);
        long convention = api.creerConventionDeTest("caf07", "fiche complète").path("id").asLong();
        Map<String, Object> fiche = new LinkedHashMap<>();
        fiche.put("reference", "FA1");
        fiche.put("titre", "Relais petite enfance itinérant");
        fiche.put("debut", "2026-09");
        fiche.put("fin", "2027-06");
        fiche.put("champs", Map.of("competenceEpci", true, "ressource", "https://exemple.fr/guide"));
        fiche.put("sousActions", List.of(Map.of("libelle", "Recenser les assistantes maternelles", "porteur", "Centre social", "debut", "2026-09"),
                Map.of("libelle", "Ouvrir deux permanences")));
        fiche.put("financements", List.of(Map.of("annee", 2026, "financeur", "BONUS_TERRITOIRE_CTG", "prevu", 1500),
                Map.of("annee", 2027, "financeur", "COLLECTIVITE", "nom", "Commune de Lalevade", "prevu", 2500.5, "realise", 1000)));
        Map<String, Object> plan = Map.of("modele", "NATIONAL",
                "niveaux", List.of(Map.of("nom", "Axe", "numerotation", "CONTINUE", "prefixe", ""),
                        Map.of("nom", "Fiche action", "numerotation", "CONTINUE", "prefixe", "FA")),
                "champs", List.of(Map.of("cle", "competenceEpci", "libelle", "Compétence de l'EPCI", "type", "OUI_NON"),
                        Map.of("cle", "ressource", "libelle", "Ressource en ligne", "type", "URL"),
                        Map.of("cle", "budgetVote", "libelle", "Inscrite au budget annuel", "type", "OUI_NON")),
                "noeuds", List.of(), "fiches", List.of(fiche));
        ClientApi.Reponse importe = api.post("caf07", "/api/v1/conventions/" + convention + "/plan/import", plan);
        assertThat(importe.status()).as(importe.texte()).isEqualTo(201);
        long id = api.get("caf07", "/api/v1/conventions/" + convention + "/fiches").json().get(0).path("id").asLong();

        String attendu = "Période : septembre 2026 – juin 2027";
        try (XWPFDocument document = LectureDocuments.docx(telecharger("caf07", "/api/v1/fiches/" + id + "/document.docx").getContentAsByteArray())) {
            String texte = String.join("\n", document.getParagraphs().stream().map(XWPFParagraph::getText).toList());
            assertThat(texte).contains(attendu, "Compétence de l'EPCI : Oui", "Ressource en ligne : https://exemple.fr/guide",
                    "Inscrite au budget annuel : non renseigné");
            List<List<String>> sousActions = LectureDocuments.lignes(document.getTables().get(0));
            assertThat(sousActions).containsExactly(List.of("Sous-action", "Porteur", "Période", "Années"),
                    List.of("Recenser les assistantes maternelles", "Centre social", "à partir de septembre 2026", "2026, 2027, 2028, 2029, 2030"),
                    List.of("Ouvrir deux permanences", "", "", ""));
            List<List<String>> argent = LectureDocuments.lignes(document.getTables().get(1));
            assertThat(argent).hasSize(4);
            assertThat(argent.get(1)).containsExactly("2026", "Caf — bonus territoire CTG", "1\u202f500,00\u00a0€", "—");
            assertThat(argent.get(2)).containsExactly("2027", "Collectivité – Commune de Lalevade", "2\u202f500,50\u00a0€", "1\u202f000,00\u00a0€");
            assertThat(argent.get(3)).containsExactly("Total", "", "4\u202f000,50\u00a0€", "1\u202f000,00\u00a0€");
        }
        byte[] pdf = telecharger("caf07", "/api/v1/conventions/" + convention + "/documents/fiches.pdf").getContentAsByteArray();
        assertThat(LectureDocuments.reglesPdfUaEnEchec(pdf)).isEmpty();
        assertThat(LectureDocuments.normaliser(LectureDocuments.textePdf(pdf)))
                .contains(attendu, "Compétence de l'EPCI : Oui", "Recenser les assistantes maternelles", "Commune de Lalevade");
    }

    @Test
    void all_fiches_of_the_plan_come_one_per_page_and_the_programme_is_landscape() throws Exception {
        ClientApi api = new ClientApi(mvc);
        long aubenas = api.aubenas();
        List<String> titresFiches = StreamSupport.stream(api.get("ccba", "/api/v1/conventions/" + aubenas + "/fiches").json().spliterator(), false)
                .map(f -> f.path("titre").asString()).toList();

        byte[] fiches = telecharger("ccba", "/api/v1/conventions/" + aubenas + "/documents/fiches.docx").getContentAsByteArray();
        try (XWPFDocument document = LectureDocuments.docx(fiches)) {
            List<String> titres = document.getParagraphs().stream().filter(p -> "Titre1".equals(p.getStyle())).map(XWPFParagraph::getText).toList();
            assertThat(titres).hasSize(titresFiches.size());
            for (int i = 0; i < titres.size(); i++) {
                assertThat(titres.get(i)).endsWith(titresFiches.get(i));
            }
        }
        byte[] fichesPdf = telecharger("ccba", "/api/v1/conventions/" + aubenas + "/documents/fiches.pdf").getContentAsByteArray();
        assertThat(LectureDocuments.pagesPdf(fichesPdf)).as("one page at least per fiche").isGreaterThanOrEqualTo(titresFiches.size());

        MockHttpServletResponse programme = telecharger("ccba", "/api/v1/conventions/" + aubenas + "/documents/programme.pdf");
        assertThat(programme.getStatus()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(programme.getContentAsByteArray())) {
            PDRectangle page = document.getPage(0).getMediaBox();
            assertThat(page.getWidth()).as("landscape").isGreaterThan(page.getHeight());
        }
        String texte = LectureDocuments.normaliser(LectureDocuments.textePdf(programme.getContentAsByteArray()));
        assertThat(texte).contains("2026", "2030", titresFiches.get(0), titresFiches.get(titresFiches.size() - 1));
        assertThat(LectureDocuments.reglesPdfUaEnEchec(programme.getContentAsByteArray())).isEmpty();

        String programmeDocx = LectureDocuments.texteDocx(telecharger("ccba", "/api/v1/conventions/" + aubenas
                + "/documents/programme.docx").getContentAsByteArray());
        assertThat(programmeDocx).contains(titresFiches.get(0), Programme.PREVUE);

        assertThat(telecharger("caf42", "/api/v1/conventions/" + aubenas + "/documents/programme.docx").getStatus()).isEqualTo(403);
        assertThat(telecharger("caf42", "/conventions/" + aubenas + "/documents/fiches.pdf").getStatus()).isEqualTo(403);
    }

    @Test
    void a_convention_without_plan_has_fiche_and_programme_documents_saying_so() throws Exception {
        long id = new ClientApi(mvc).creerConventionDeTest("caf07", "fiches").path("id").asLong();
        for (String document : List.of("fiches", "programme")) {
            MockHttpServletResponse reponse = telecharger("caf07", "/api/v1/conventions/" + id + "/documents/" + document + ".docx");
            assertThat(reponse.getStatus()).isEqualTo(200);
            assertThat(LectureDocuments.texteDocx(reponse.getContentAsByteArray())).contains("Plan d'actions non renseigné");
        }
    }
}
