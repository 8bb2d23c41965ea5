package fr.pilotectg.documents;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.Comme;
import fr.pilotectg.testsupport.IntegrationTest;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The convention document, read back: DOCX with POI, PDF with PDFBox and veraPDF, the DOCX opened by LibreOffice. */
@IntegrationTest
class DocumentConventionTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    DocumentConvention documents;

    @Autowired
    RenduDocx docx;

    @Autowired
    RenduPdf pdf;

    @Autowired
    UserDetailsService utilisateurs;

    MockHttpServletResponse telecharger(String utilisateur, String chemin) throws Exception {
        return mvc.perform(get(chemin).with(httpBasic(utilisateur, ClientApi.MOT_DE_PASSE))).andReturn().getResponse();
    }

    @Test
    void the_aubenas_convention_docx_holds_its_parties_text_signature_slots_annexes_and_every_fiche_in_order() throws Exception {
        ClientApi api = new ClientApi(mvc);
        long aubenas = api.aubenas();
        JsonNode convention = api.convention("ccba", aubenas);
        List<String> titresFiches = StreamSupport.stream(api.get("ccba", "/api/v1/conventions/" + aubenas + "/fiches").json().spliterator(), false)
                .map(f -> f.path("titre").asString()).toList();
        long representants = StreamSupport.stream(convention.path("parties").spliterator(), false)
                .mapToLong(p -> p.path("representants").size()).sum();
        assertThat(convention.path("parties").size()).as("demo data: Aubenas parties").isEqualTo(5);
        assertThat(representants).as("demo data: Aubenas representatives").isEqualTo(6);
        assertThat(titresFiches).as("demo data: Aubenas fiches").hasSize(32);

        MockHttpServletResponse reponse = telecharger("ccba", "/api/v1/conventions/" + aubenas + "/documents/convention.docx");

        assertThat(reponse.getStatus()).isEqualTo(200);
        assertThat(reponse.getContentType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(reponse.getHeader("Content-Disposition")).startsWith("attachment;")
                .contains("filename*=UTF-8''CTG%20du%20Bassin%20d%27Aubenas%202026-2030.docx");
        byte[] contenu = reponse.getContentAsByteArray();
        try (XWPFDocument document = LectureDocuments.docx(contenu)) {
            List<XWPFParagraph> paragraphes = document.getParagraphs();
            List<String> titres1 = textesDuStyle(paragraphes, "Titre1");
            assertThat(titres1).as("Titre 1 headings").contains("Entre les parties", "Signatures", "Annexe 3 – Plan d'actions",
                    "Annexe 4 – Programmation des actions");
            assertThat(document.getStyles().getStyle("Titre1").getName()).isEqualTo("heading 1");
            List<String> parties = paragraphes.stream().map(XWPFParagraph::getText)
                    .filter(t -> t.contains("représentée par") || t.contains("représentant à désigner")).toList();
            assertThat(parties).as("one paragraph per party").hasSize(5);
            assertThat(texte(paragraphes)).contains("1er janvier 2026");

            List<String> fiches = textesDuStyle(paragraphes, "Titre3").stream().filter(t -> t.startsWith("Fiche action ")).toList();
            assertThat(fiches).as("32 fiches in plan order").hasSize(32);
            for (int i = 0; i < titresFiches.size(); i++) {
                assertThat(fiches.get(i)).as("fiche %s", i + 1).endsWith(titresFiches.get(i));
            }

            XWPFTable signatures = tableApres(document, "Fait à ");
            assertThat(signatures.getRows()).as("one slot per representative of a signatory").hasSize(6);
            assertThat(signatures.getRow(0).getCell(0).getText()).as("ADR 0030: a labelled logo slot per signatory").isEqualTo(Document.LOGO);
            assertThat(signatures.getRow(0).getCell(1).getText()).startsWith("Pour ");
            assertThat(signatures.getRows()).allSatisfy(r -> assertThat(r.getTableCells()).hasSize(3));

            assertThat(titres1).as("governance and evaluation template annexes").contains("Annexe 5 – Gouvernance",
                    "Annexe 6 – Modèle de grille d'évaluation annuelle");
            List<String> titres2 = textesDuStyle(paragraphes, "Titre2");
            assertThat(titres2).contains("Comité de pilotage de la CTG (Comité de pilotage)", "Commission petite enfance (Commission thématique ou territoriale)",
                    "Chargés de coopération", "Accueils de loisirs sans hébergement", "Financements de la Caf", "Code couleur", "Axes transversaux");
            XWPFTable charges = tableApres(document, "Chargés de coopération (total");
            assertThat(charges.getRows().stream().map(r -> r.getCell(0).getText()).toList()).contains("Valérie OCTOBRE", "Anna HIRT");
            XWPFTable membresCopil = tableApres(document, "Membres – Comité de pilotage de la CTG");
            assertThat(membresCopil.getRows()).as("header + 6 members").hasSize(7);
            XWPFTable alsh = tableApres(document, "Accueils de loisirs (ALSH)");
            assertThat(alsh.getRow(1).getCell(0).getText()).isEqualTo("PERI AUBENAS PALABRE");
            assertThat(alsh.getRow(1).getCell(3).getText()).as("markers stay as printed").isEqualTo("<5");
            XWPFTable financements = tableApres(document, "Financements de la Caf par secteur");
            assertThat(financements.getRows().stream().map(r -> r.getCell(0).getText()).toList()).contains("Etablissement d'Accueil du Jeune Enfant");
            assertThat(texte(paragraphes) + LectureDocuments.texteDocx(contenu))
                    .contains("Taux de couverture des résidents de l'EPCI par des prestations CAF");
            XWPFTable grille = tableApres(document, "Grille annuelle à renseigner");
            assertThat(grille.getRows()).as("one line per fiche to fill").hasSize(33);
            XWPFTable code = tableApres(document, "Situations d'une action dans l'année");
            assertThat(code.getRow(1).getCell(0).getText()).isEqualTo("réalisé");
            assertThat(code.getRow(1).getCell(0).getColor()).as("colour code as cell shading").isEqualToIgnoringCase("1E6B30");

            XWPFTable creches = tableApres(document, "Crèches et micro-crèches");
            assertThat(creches.getRow(0).isRepeatHeader()).as("header row repeated on each page").isTrue();
            XWPFTableRow total = creches.getRows().get(creches.getRows().size() - 1);
            assertThat(total.getCell(0).getText()).isEqualTo("Total");
            assertThat(total.getCell(4).getText()).as("printed total of places").isEqualTo("228");

            XWPFTable programme = tableApres(document, "Programmation des actions par année");
            assertThat(programme.getRows()).hasSize(33);
            assertThat(programme.getRow(0).getCell(2).getText()).isEqualTo("2026");
            assertThat(document.getDocument().getBody().getSectPr().getPgSz().getOrient().toString()).as("last section portrait").isEqualTo("portrait");
            assertThat(document.getDocument().xmlText()).as("a landscape section for the programme").contains("w:orient=\"landscape\"");
            assertThat(document.getFooterList()).as("page numbers").anySatisfy(pied ->
                    assertThat(pied._getHdrFtr().xmlText()).contains("PAGE"));
        }
        // The demo Aubenas is signed: no working-version mark unless asked for.
        String filigrane = Document.FILIGRANE.toUpperCase(java.util.Locale.FRANCE);
        assertThat(convention.path("statut").asString()).isIn("SIGNEE", "EN_VIGUEUR");
        assertThat(LectureDocuments.texteDocx(contenu)).doesNotContain(filigrane);
        byte[] deTravail = telecharger("ccba", "/api/v1/conventions/" + aubenas + "/documents/convention.docx?versionDeTravail=true")
                .getContentAsByteArray();
        try (XWPFDocument document = LectureDocuments.docx(deTravail)) {
            assertThat(document.getHeaderList()).as("working version asked for").anySatisfy(entete ->
                    assertThat(entete.getText()).contains(filigrane));
        }
    }

    @Test
    void the_aubenas_convention_pdf_is_pdf_ua_1_and_shows_the_same_text_as_the_docx() throws Exception {
        long aubenas = new ClientApi(mvc).aubenas();
        MockHttpServletResponse reponse = telecharger("ccba", "/api/v1/conventions/" + aubenas + "/documents/convention.pdf");
        assertThat(reponse.getStatus()).isEqualTo(200);
        assertThat(reponse.getContentType()).isEqualTo("application/pdf");
        byte[] contenu = reponse.getContentAsByteArray();

        assertThat(LectureDocuments.reglesPdfUaEnEchec(contenu)).as("veraPDF PDF/UA-1 failed rules").isEmpty();
        String texte = LectureDocuments.textePdf(contenu);
        assertThat(texte).contains("CTG du Bassin d'Aubenas 2026-2030", "1er janvier 2026", "Entre les parties", "Signatures");

        // ADR 0019: both renderers print every text of the model.
        Document modele = Comme.utilisateur(utilisateurs, "ccba",
                () -> documents.document(aubenas, EnumSet.allOf(AnnexeConvention.class), true));
        String pdfNormalise = LectureDocuments.normaliser(LectureDocuments.textePdf(pdf.rendre(modele)));
        String docxNormalise = LectureDocuments.normaliser(LectureDocuments.texteDocx(docx.rendre(modele)));
        List<String> absentsPdf = new ArrayList<>();
        List<String> absentsDocx = new ArrayList<>();
        for (String fragment : modele.textes()) {
            String attendu = LectureDocuments.normaliser(fragment);
            if (!pdfNormalise.contains(attendu)) {
                absentsPdf.add(attendu);
            }
            if (!docxNormalise.contains(attendu)) {
                absentsDocx.add(attendu);
            }
        }
        assertThat(modele.textes()).hasSizeGreaterThan(300);
        assertThat(absentsPdf).as("texts of the model missing from the PDF").isEmpty();
        assertThat(absentsDocx).as("texts of the model missing from the DOCX").isEmpty();
    }

    @Test
    void a_user_who_may_not_read_the_convention_gets_403_and_a_bad_format_or_annex_400() throws Exception {
        long aubenas = new ClientApi(mvc).aubenas();
        for (String utilisateur : List.of("caf42", "pilat")) {
            assertThat(telecharger(utilisateur, "/api/v1/conventions/" + aubenas + "/documents/convention.docx").getStatus()).isEqualTo(403);
            assertThat(telecharger(utilisateur, "/conventions/" + aubenas + "/documents/convention.pdf").getStatus()).isEqualTo(403);
        }
        MockHttpServletResponse odt = telecharger("ccba", "/api/v1/conventions/" + aubenas + "/documents/convention.odt");
        assertThat(odt.getStatus()).isEqualTo(400);
        assertThat(odt.getContentAsString(StandardCharsets.UTF_8)).contains("format").contains("docx, pdf");
        MockHttpServletResponse annexe = telecharger("ccba", "/api/v1/conventions/" + aubenas + "/documents/convention.docx?annexes=plan,budget");
        assertThat(annexe.getStatus()).isEqualTo(400);
        assertThat(annexe.getContentAsString(StandardCharsets.UTF_8)).contains("annexes").contains("budget");
        assertThat(telecharger("ccba", "/api/v1/conventions/999999999/documents/convention.docx").getStatus()).isEqualTo(404);
    }

    @Test
    void a_convention_without_plan_gives_a_document_saying_so_and_options_choose_annexes_and_watermark() throws Exception {
        ClientApi api = new ClientApi(mvc);
        long id = api.creerConventionDeTest("caf07", "document").path("id").asLong();
        MockHttpServletResponse reponse = telecharger("caf07", "/api/v1/conventions/" + id + "/documents/convention.docx?annexes=plan");
        assertThat(reponse.getStatus()).isEqualTo(200);
        String texte = LectureDocuments.texteDocx(reponse.getContentAsByteArray());
        assertThat(texte).contains("Plan d'actions non renseigné").doesNotContain("Services soutenus").doesNotContain("Programmation des actions");

        long aubenas = api.aubenas();
        String sansFiligrane = LectureDocuments.textePdf(telecharger("ccba", "/api/v1/conventions/" + aubenas
                + "/documents/convention.pdf?annexes=services&versionDeTravail=false").getContentAsByteArray());
        assertThat(sansFiligrane).doesNotContain(Document.FILIGRANE.toUpperCase(java.util.Locale.FRANCE)).doesNotContain("Fiche action");
    }

    @Test
    void libreoffice_opens_the_convention_docx() throws Exception {
        Assumptions.assumeTrue(soffice() != null, "LibreOffice (soffice) absent : installez le paquet Debian libreoffice-writer-nogui "
                + "(.ci/run le fait) pour vérifier qu'un traitement de texte ouvre le DOCX.");
        long aubenas = new ClientApi(mvc).aubenas();
        byte[] contenu = telecharger("ccba", "/api/v1/conventions/" + aubenas + "/documents/convention.docx").getContentAsByteArray();
        Path dossier = Files.createTempDirectory("soffice");
        Path fichier = dossier.resolve("convention.docx");
        Files.write(fichier, contenu);
        Process process = new ProcessBuilder(soffice(), "-env:UserInstallation=file://" + dossier.resolve("profil"), "--headless",
                "--convert-to", "pdf", "--outdir", dossier.toString(), fichier.toString())
                .redirectErrorStream(true).redirectOutput(dossier.resolve("sortie.txt").toFile()).start();
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("conversion finie en 5 min").isTrue();
        Path pdfConverti = dossier.resolve("convention.pdf");
        assertThat(pdfConverti).as("PDF de LibreOffice (%s)", Files.readString(dossier.resolve("sortie.txt"))).exists();
        byte[] converti = Files.readAllBytes(pdfConverti);
        assertThat(LectureDocuments.pagesPdf(converti)).as("pages").isBetween(30, 400);
        String texte = LectureDocuments.normaliser(LectureDocuments.textePdf(converti));
        assertThat(texte).contains("CTG du Bassin d'Aubenas 2026-2030", "Entre les parties", "1er janvier 2026", "Annexe 3 – Plan d'actions");
        // Every column of a table is laid out: a table width written twice made LibreOffice show its first column only.
        assertThat(texte.split("Signature :", -1)).as("la colonne « Signature » de chacun des 6 emplacements").hasSize(7);
    }

    private static String soffice() {
        for (String chemin : List.of("/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice")) {
            if (Files.isExecutable(Path.of(chemin))) {
                return chemin;
            }
        }
        return null;
    }

    private static List<String> textesDuStyle(List<XWPFParagraph> paragraphes, String style) {
        return paragraphes.stream().filter(p -> style.equals(p.getStyle())).map(XWPFParagraph::getText).toList();
    }

    private static String texte(List<XWPFParagraph> paragraphes) {
        return String.join("\n", paragraphes.stream().map(XWPFParagraph::getText).toList());
    }

    /** The first table after the paragraph starting with {@code debut}. */
    private static XWPFTable tableApres(XWPFDocument document, String debut) {
        boolean trouve = false;
        for (IBodyElement element : document.getBodyElements()) {
            if (element instanceof XWPFParagraph p && p.getText().startsWith(debut)) {
                trouve = true;
            } else if (trouve && element instanceof XWPFTable table) {
                return table;
            }
        }
        throw new AssertionError("Aucun tableau après « " + debut + " »");
    }
}
