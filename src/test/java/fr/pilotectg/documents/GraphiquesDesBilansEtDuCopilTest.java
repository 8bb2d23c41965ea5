package fr.pilotectg.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import fr.pilotectg.pilotage.BilanService;
import fr.pilotectg.pilotage.Graphique;
import fr.pilotectg.pilotage.TableauDeBordService;
import fr.pilotectg.pilotage.TypeBilan;
import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.Comme;
import fr.pilotectg.testsupport.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.pattern.PDAbstractPattern;
import org.apache.pdfbox.pdmodel.graphics.pattern.PDTilingPattern;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue 13, ADR 0046: the bilan and the COPIL pack carry the charts of their pages (the bilan's, the dashboard's),
 * the very {@link Graphique} objects the pages draw. PDF: vector paths in the page's colours, tagged as a Figure with
 * its alternative text, followed by the data table, PDF/UA-1 kept. DOCX: a native Word chart of the same values
 * (embedded workbook, alternative text) followed by the same data table; LibreOffice opens it.
 */
@IntegrationTest
class GraphiquesDesBilansEtDuCopilTest {

    private static final String DEPUIS = "2026-01-01";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService utilisateurs;

    @Autowired
    BilanService bilans;

    @Autowired
    TableauDeBordService tableauxDeBord;

    @Autowired
    DocumentsDEvaluation evaluations;

    @Autowired
    DocumentCopil copil;

    @Autowired
    RenduPdf pdf;

    @Autowired
    RenduDocx docx;

    @Test
    void the_bilan_pdf_draws_the_page_chart_as_vector_paths_tagged_as_a_figure_and_followed_by_its_data_table() throws Exception {
        long aubenas = new ClientApi(mvc).aubenas();
        Graphique graphique = Comme.utilisateur(utilisateurs, "ccba", () -> bilans.bilan(aubenas, TypeBilan.INTERMEDIAIRE).graphique());
        assertThat(graphique.series()).as("a stacked chart").hasSizeGreaterThan(1);
        MockHttpServletResponse reponse = telecharger("/api/v1/conventions/" + aubenas + "/documents/bilan-intermediaire.pdf");
        assertThat(reponse.getStatus()).isEqualTo(200);
        verifierPdf(reponse.getContentAsByteArray(), List.of(graphique));
    }

    @Test
    void the_copil_pack_pdf_draws_the_dashboard_charts_as_vector_paths() throws Exception {
        long aubenas = new ClientApi(mvc).aubenas();
        List<Graphique> graphiques = graphiquesDuTableauDeBord(aubenas);
        assertThat(graphiques).as("by year, by axe, by thématique").hasSize(3);
        MockHttpServletResponse reponse = telecharger("/api/v1/conventions/" + aubenas + "/documents/copil.pdf?depuis=" + DEPUIS);
        assertThat(reponse.getStatus()).isEqualTo(200);
        verifierPdf(reponse.getContentAsByteArray(), graphiques);
    }

    @Test
    void the_bilan_and_copil_docx_hold_native_word_charts_of_the_same_values_with_alt_text_and_their_data_tables() throws Exception {
        long aubenas = new ClientApi(mvc).aubenas();
        Graphique duBilan = Comme.utilisateur(utilisateurs, "ccba", () -> bilans.bilan(aubenas, TypeBilan.FINAL).graphique());
        verifierDocx(telecharger("/api/v1/conventions/" + aubenas + "/documents/bilan-final.docx").getContentAsByteArray(), List.of(duBilan));
        verifierDocx(telecharger("/api/v1/conventions/" + aubenas + "/documents/copil.docx?depuis=" + DEPUIS).getContentAsByteArray(),
                graphiquesDuTableauDeBord(aubenas));
    }

    @Test
    void both_renderers_print_every_text_of_the_charts_of_the_bilan_and_copil_models() {
        long aubenas = new ClientApi(mvc).aubenas();
        for (Document modele : Comme.utilisateur(utilisateurs, "ccba", () -> List.of(evaluations.bilan(aubenas, TypeBilan.INTERMEDIAIRE),
                copil.pack(aubenas, java.time.LocalDate.parse(DEPUIS))))) {
            assertThat(modele.blocs()).as(modele.titre()).anyMatch(Document.Diagramme.class::isInstance);
            String textePdf = LectureDocuments.normaliser(LectureDocuments.textePdf(pdf.rendre(modele)));
            String texteDocx = LectureDocuments.normaliser(LectureDocuments.texteDocx(docx.rendre(modele)));
            List<String> absentsPdf = new ArrayList<>();
            List<String> absentsDocx = new ArrayList<>();
            List<String> textes = modele.blocs().stream().filter(Document.Diagramme.class::isInstance).flatMap(b -> b.textes().stream()).toList();
            assertThat(textes).hasSizeGreaterThan(10);
            for (String fragment : textes) {
                String attendu = LectureDocuments.normaliser(fragment);
                if (!textePdf.contains(attendu)) {
                    absentsPdf.add(attendu);
                }
                if (!texteDocx.contains(attendu)) {
                    absentsDocx.add(attendu);
                }
            }
            assertThat(absentsPdf).as("texts of the %s missing from the PDF", modele.titre()).isEmpty();
            assertThat(absentsDocx).as("texts of the %s missing from the DOCX", modele.titre()).isEmpty();
        }
    }

    @Test
    void libreoffice_opens_the_copil_docx_with_its_charts() throws Exception {
        Assumptions.assumeTrue(soffice() != null, "LibreOffice (soffice) absent : installez le paquet Debian libreoffice-writer-nogui "
                + "(.ci/run le fait) pour vérifier qu'un traitement de texte ouvre le DOCX.");
        long aubenas = new ClientApi(mvc).aubenas();
        List<Graphique> graphiques = graphiquesDuTableauDeBord(aubenas);
        byte[] contenu = telecharger("/api/v1/conventions/" + aubenas + "/documents/copil.docx?depuis=" + DEPUIS).getContentAsByteArray();
        Path dossier = Files.createTempDirectory("soffice");
        Path fichier = dossier.resolve("copil.docx");
        Files.write(fichier, contenu);
        Process process = new ProcessBuilder(soffice(), "-env:UserInstallation=file://" + dossier.resolve("profil"), "--headless",
                "--convert-to", "pdf", "--outdir", dossier.toString(), fichier.toString())
                .redirectErrorStream(true).redirectOutput(dossier.resolve("sortie.txt").toFile()).start();
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("conversion finie en 5 min").isTrue();
        Path converti = dossier.resolve("copil.pdf");
        assertThat(converti).as("PDF de LibreOffice (%s)", Files.readString(dossier.resolve("sortie.txt"))).exists();
        String texte = LectureDocuments.normaliser(LectureDocuments.textePdf(Files.readAllBytes(converti)));
        for (Graphique graphique : graphiques) {
            assertThat(texte).contains("Graphique : " + LectureDocuments.normaliser(graphique.titre()), LectureDocuments.normaliser(graphique.titre()) + " — données");
            // The chart itself, drawn by LibreOffice from the chart part: its title a second time (after the caption "Graphique : …").
            String apresLegende = texte.substring(texte.indexOf("Graphique : " + LectureDocuments.normaliser(graphique.titre())) + 12);
            assertThat(apresLegende.indexOf(LectureDocuments.normaliser(graphique.titre()), 1))
                    .as("title of the chart drawn by LibreOffice: %s", graphique.titre())
                    .isLessThan(apresLegende.indexOf(LectureDocuments.normaliser(graphique.titre()) + " — données"));
        }
    }

    private List<Graphique> graphiquesDuTableauDeBord(long conventionId) {
        return Comme.utilisateur(utilisateurs, "ccba", () -> tableauxDeBord.tableau(conventionId).graphiques().stream()
                .filter(g -> !g.estVide()).toList());
    }

    private MockHttpServletResponse telecharger(String chemin) throws Exception {
        return mvc.perform(get(chemin).with(httpBasic("ccba", ClientApi.MOT_DE_PASSE))).andReturn().getResponse();
    }

    private static void verifierPdf(byte[] contenu, List<Graphique> graphiques) throws IOException {
        try (PDDocument lu = Loader.loadPDF(contenu)) {
            Dessin dessin = new Dessin();
            for (PDPage page : lu.getPages()) {
                dessin.lire(page.getResources(), false);
            }
            assertThat(dessin.images).as("image XObjects (a chart must not be a bitmap)").isEmpty();

            List<String> alternatives = new ArrayList<>();
            figures(lu.getDocumentCatalog().getStructureTreeRoot().getKids(), alternatives);
            String texte = LectureDocuments.normaliser(new org.apache.pdfbox.text.PDFTextStripper().getText(lu));
            for (Graphique graphique : graphiques) {
                assertThat(alternatives).as("Figure tags' /Alt").contains(graphique.texteAlternatif());
                // The page's colours as vector fills; a hatched series as a tiling pattern drawn in its colour.
                for (Graphique.Serie serie : graphique.series()) {
                    String couleur = serie.couleur().toLowerCase(Locale.ROOT);
                    assertThat(serie.hachuree() ? dessin.couleursDesMotifs : dessin.remplissages).as("fill of « %s » %s (fills %s, in patterns %s)", serie.nom(), couleur, dessin.remplissages, dessin.couleursDesMotifs).contains(couleur);
                }
                // The caption, then the chart, then its data table: every label and value as text.
                String legende = LectureDocuments.normaliser("Graphique : " + graphique.titre());
                String tableau = LectureDocuments.normaliser(graphique.titre() + " — données");
                assertThat(texte).contains(legende, tableau);
                String suite = texte.substring(texte.indexOf(tableau));
                assertThat(texte.indexOf(legende)).isLessThan(texte.indexOf(tableau));
                graphique.entetes().forEach(e -> assertThat(suite).contains(LectureDocuments.normaliser(e)));
                graphique.lignesDuTableau().forEach(l -> assertThat(suite).contains(LectureDocuments.normaliser(String.join(" ", l))));
            }
            assertThat(dessin.rectangles).as("bars drawn as rectangles or paths").isGreaterThanOrEqualTo(
                    graphiques.stream().mapToInt(g -> g.lignes().size()).sum());
        }
        assertThat(LectureDocuments.reglesPdfUaEnEchec(contenu)).as("veraPDF PDF/UA-1 failed rules").isEmpty();
    }

    private static void verifierDocx(byte[] contenu, List<Graphique> graphiques) throws Exception {
        try (XWPFDocument document = LectureDocuments.docx(contenu)) {
            assertThat(document.getCharts()).as("one native chart per chart of the page").hasSize(graphiques.size());
            List<IBodyElement> corps = document.getBodyElements();
            for (int n = 0; n < graphiques.size(); n++) {
                Graphique graphique = graphiques.get(n);
                XWPFChart chart = document.getCharts().get(n);
                assertThat(chart.getCTChart().getTitle().getTx().getRich().getPArray(0).getRArray(0).getT()).isEqualTo(graphique.titre());
                XDDFChartData barres = chart.getChartSeries().get(0);
                assertThat(barres.getSeriesCount()).isEqualTo(graphique.series().size());
                for (int s = 0; s < graphique.series().size(); s++) {
                    XDDFChartData.Series serie = barres.getSeries(s);
                    assertThat(chart.getCTChart().getPlotArea().getBarChartArray(0).getSerArray(s).getTx().getStrRef().getStrCache().getPtArray(0).getV())
                            .isEqualTo(graphique.series().get(s).nom());
                    // Hatched as on the page (diagonal stripes of the series' colour), else filled with it.
                    String forme = chart.getCTChart().getPlotArea().getBarChartArray(0).getSerArray(s).getSpPr().xmlText();
                    String couleur = graphique.series().get(s).couleur().substring(1).toUpperCase(Locale.ROOT);
                    assertThat(forme).contains(graphique.series().get(s).hachuree() ? "pattFill prst=\"wdUpDiag\"" : "solidFill", "\"" + couleur + "\"");
                    for (int l = 0; l < graphique.lignes().size(); l++) {
                        assertThat(serie.getCategoryData().getPointAt(l)).isEqualTo(graphique.lignes().get(l).libelle());
                        assertThat(serie.getValuesData().getPointAt(l).doubleValue()).isEqualTo(graphique.valeur(l, s));
                    }
                }
                assertThat(chart.getCTChart().getPlotArea().getCatAxArray(0).xmlText()).as("every label written").contains("tickLblSkip val=\"1\"");
                if (graphique.series().size() > 1) {
                    assertThat(chart.getCTChart().getPlotArea().getBarChartArray(0).xmlText()).contains("grouping val=\"stacked\"", "overlap val=\"100\"");
                }
                // Editable in Word: the values are in the chart's embedded workbook.
                var feuille = chart.getWorkbook().getSheetAt(0);
                assertThat(feuille.getRow(1).getCell(0).getStringCellValue()).isEqualTo(graphique.lignes().get(0).libelle());
                assertThat(feuille.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(graphique.valeur(0, 0));

                // The drawing's alternative text, then the data table right after it.
                int position = -1;
                for (int i = 0; i < corps.size() && position < 0; i++) {
                    if (corps.get(i) instanceof XWPFParagraph p && p.getRuns().stream().anyMatch(r -> graphique.texteAlternatif().equals(descr(r)))) {
                        position = i;
                    }
                }
                assertThat(position).as("paragraph of the chart with its descr: %s", graphique.texteAlternatif()).isGreaterThanOrEqualTo(0);
                assertThat(((XWPFParagraph) corps.get(position - 1)).getText()).isEqualTo("Graphique : " + graphique.titre());
                assertThat(((XWPFParagraph) corps.get(position + 1)).getText()).isEqualTo(graphique.titre() + " — données");
                XWPFTable table = (XWPFTable) corps.get(position + 2);
                List<List<String>> attendu = new ArrayList<>();
                attendu.add(graphique.entetes());
                attendu.addAll(graphique.lignesDuTableau());
                assertThat(LectureDocuments.lignes(table)).isEqualTo(attendu);
            }
        }
    }

    private static String descr(XWPFRun run) {
        if (run.getCTR().sizeOfDrawingArray() == 0 || run.getCTR().getDrawingArray(0).sizeOfInlineArray() == 0) {
            return null;
        }
        return run.getCTR().getDrawingArray(0).getInlineArray(0).getDocPr().getDescr();
    }

    private static void figures(List<Object> enfants, List<String> alternatives) {
        for (Object enfant : enfants) {
            if (enfant instanceof PDStructureElement element) {
                if ("Figure".equals(element.getStructureType()) && element.getAlternateDescription() != null) {
                    alternatives.add(element.getAlternateDescription());
                }
                figures(element.getKids(), alternatives);
            }
        }
    }

    /** What the form XObjects of the pages draw: colours of their fills, colours inside their patterns, rectangles, images. */
    private static final class Dessin {
        final Set<String> remplissages = new HashSet<>();
        final Set<String> couleursDesMotifs = new HashSet<>();
        final List<String> images = new ArrayList<>();
        int rectangles;

        void lire(PDResources ressources, boolean dansUnMotif) throws IOException {
            if (ressources == null) {
                return;
            }
            for (COSName nom : ressources.getXObjectNames()) {
                PDXObject objet = ressources.getXObject(nom);
                if (objet instanceof PDImageXObject) {
                    images.add(nom.getName());
                } else if (objet instanceof PDFormXObject forme) {
                    operateurs(new PDFStreamParser(forme).parse(), dansUnMotif ? couleursDesMotifs : remplissages, !dansUnMotif);
                    lire(forme.getResources(), dansUnMotif);
                }
            }
            for (COSName nom : ressources.getPatternNames()) {
                PDAbstractPattern motif = ressources.getPattern(nom);
                if (motif instanceof PDTilingPattern tuile) {
                    operateurs(new PDFStreamParser(tuile).parse(), couleursDesMotifs, false);
                    lire(tuile.getResources(), true);
                }
            }
        }

        /** The colours set by "r g b rg" (non-stroking, the fills), counting the rectangles and filled paths. */
        private void operateurs(List<Object> jetons, Set<String> couleurs, boolean compter) {
            for (int i = 0; i < jetons.size(); i++) {
                if (jetons.get(i) instanceof Operator operateur) {
                    String nom = operateur.getName();
                    if ((nom.equals("rg") || nom.equals("sc") || nom.equals("scn")) && i >= 3 && jetons.get(i - 3) instanceof COSNumber r
                            && jetons.get(i - 2) instanceof COSNumber g && jetons.get(i - 1) instanceof COSNumber b) {
                        couleurs.add(String.format(Locale.ROOT, "#%02x%02x%02x", canal(r), canal(g), canal(b)));
                    } else if (compter && (nom.equals("f") || nom.equals("f*"))) {
                        rectangles++;
                    }
                }
            }
        }

        private static int canal(COSBase valeur) {
            return Math.round(((COSNumber) valeur).floatValue() * 255);
        }
    }

    private static String soffice() {
        for (String chemin : List.of("/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice")) {
            if (Files.isExecutable(Path.of(chemin))) {
                return chemin;
            }
        }
        return null;
    }
}
