package fr.pilotectg.documents;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.Comme;
import fr.pilotectg.testsupport.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDContentStream;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, ADR 0045: a chart of a PDF document is drawn as vector paths (SVG painted by Batik into the PDF, no
 * bitmap), beside its data table, and the file stays PDF/UA-1. The Aubenas diagnostic annex holds the chart of
 * the crèches' places.
 */
@IntegrationTest
class GraphiquesVectorielsPdfTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    DocumentConvention documents;

    @Autowired
    RenduPdf pdf;

    @Autowired
    UserDetailsService utilisateurs;

    @Test
    void the_chart_of_the_diagnostic_annex_is_vector_paths_beside_its_table_and_the_pdf_stays_pdf_ua_1() throws Exception {
        long aubenas = new ClientApi(mvc).aubenas();
        Document modele = Comme.utilisateur(utilisateurs, "ccba",
                () -> documents.document(aubenas, EnumSet.allOf(AnnexeConvention.class), false));
        Document.Figure figure = modele.blocs().stream().filter(Document.Figure.class::isInstance).map(Document.Figure.class::cast)
                .findFirst().orElseThrow();
        assertThat(figure.valeurs()).hasSizeGreaterThan(2);

        byte[] contenu = mesurer(modele);

        try (PDDocument lu = Loader.loadPDF(contenu)) {
            List<Operator> traces = new ArrayList<>();
            List<String> images = new ArrayList<>();
            for (PDPage page : lu.getPages()) {
                formes(page.getResources(), traces, images);
            }
            assertThat(images).as("image XObjects (the chart must not be a bitmap)").isEmpty();
            long remplissages = traces.stream().map(Operator::getName).filter(n -> n.equals("f") || n.equals("f*") || n.equals("B")).count();
            long chemins = traces.stream().map(Operator::getName).filter(n -> n.equals("re") || n.equals("l") || n.equals("c")).count();
            assertThat(remplissages).as("filled paths of the bars, in the chart's form XObject").isGreaterThanOrEqualTo(figure.valeurs().size());
            assertThat(chemins).as("path segments of the bars").isGreaterThanOrEqualTo(figure.valeurs().size());

            // Tagged as a figure with its alternative text (PDF/UA), not hidden as an artifact.
            List<String> figures = new ArrayList<>();
            alternatives(lu.getDocumentCatalog().getStructureTreeRoot().getKids(), figures);
            assertThat(figures).anyMatch(alt -> alt.startsWith("Graphique en barres : " + figure.legende()));

            // The data table beside the chart: every label and value as text, on the chart's page or the next.
            int page = pageDe(lu, LectureDocuments.normaliser(figure.legende()));
            PDFTextStripper lecteur = new PDFTextStripper();
            lecteur.setStartPage(page + 1);
            lecteur.setEndPage(page + 2);
            String texte = LectureDocuments.normaliser(lecteur.getText(lu));
            for (Document.Figure.Valeur valeur : figure.valeurs()) {
                assertThat(texte).contains(LectureDocuments.normaliser(valeur.libelle()), LectureDocuments.normaliser(valeur.texte()));
            }
        }
        assertThat(LectureDocuments.reglesPdfUaEnEchec(contenu)).as("veraPDF PDF/UA-1 failed rules").isEmpty();
    }

    /** Renders the model a few times and prints the timings (issue 13's before/after figures, not an assertion). */
    private byte[] mesurer(Document modele) {
        byte[] contenu = pdf.rendre(modele);
        List<Long> durees = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long debut = System.nanoTime();
            contenu = pdf.rendre(modele);
            durees.add((System.nanoTime() - debut) / 1_000_000);
        }
        System.out.println("PDF convention Aubenas (annexes complètes), ms : " + durees + ", charge " + charge());
        return contenu;
    }

    private static String charge() {
        return String.format(java.util.Locale.ROOT, "%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The first page (0-based) whose text holds {@code texte}. */
    private static int pageDe(PDDocument lu, String texte) throws IOException {
        PDFTextStripper lecteur = new PDFTextStripper();
        for (int i = 0; i < lu.getNumberOfPages(); i++) {
            lecteur.setStartPage(i + 1);
            lecteur.setEndPage(i + 1);
            if (LectureDocuments.normaliser(lecteur.getText(lu)).contains(texte)) {
                return i;
            }
        }
        throw new AssertionError("aucune page ne contient « " + texte + " »");
    }

    /** The alternative texts of the structure's Figure elements. */
    private static void alternatives(List<Object> enfants, List<String> figures) {
        for (Object enfant : enfants) {
            if (enfant instanceof PDStructureElement element) {
                if ("Figure".equals(element.getStructureType()) && element.getAlternateDescription() != null) {
                    figures.add(element.getAlternateDescription());
                }
                alternatives(element.getKids(), figures);
            }
        }
    }

    /** The operators of every form XObject of these resources (recursively), and the names of their images. */
    private static void formes(PDResources ressources, List<Operator> traces, List<String> images) throws IOException {
        if (ressources == null) {
            return;
        }
        for (COSName nom : ressources.getXObjectNames()) {
            PDXObject objet = ressources.getXObject(nom);
            if (objet instanceof PDImageXObject) {
                images.add(nom.getName());
            } else if (objet instanceof PDFormXObject forme) {
                traces.addAll(operateurs(forme));
                formes(forme.getResources(), traces, images);
            }
        }
    }

    private static List<Operator> operateurs(PDContentStream flux) throws IOException {
        return new PDFStreamParser(flux).parse().stream().filter(Operator.class::isInstance).map(Operator.class::cast).toList();
    }
}
