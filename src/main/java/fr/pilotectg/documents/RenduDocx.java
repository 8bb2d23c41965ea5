package fr.pilotectg.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

import javax.xml.namespace.QName;

import fr.pilotectg.pilotage.Graphique;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.xmlbeans.XmlCursor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarSer;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTCatAx;
import org.openxmlformats.schemas.drawingml.x2006.main.CTShapeProperties;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.springframework.stereotype.Component;

/**
 * Writes a {@link Document} as an editable Word file: the built-in heading styles (shown as Titre 1–3 in a French
 * Word, so the navigation pane and a table of contents work), tables whose header row repeats on every page,
 * page numbers in the footer, landscape sections around the tables that need it, French as the language.
 */
@Component
public class RenduDocx {

    static final String STYLE_TITRE = "Titre";
    private static final long A4_LARGEUR = 11906;
    private static final long A4_HAUTEUR = 16838;
    /** Logo slot, organisation and signatory, signature: in twentieths of a point, the width of a portrait A4 page with 2 cm margins. */
    private static final List<String> LARGEURS_SIGNATURE = List.of("1400", "4600", "3638");
    private static final String POLICE = "DejaVu Sans";

    public byte[] rendre(Document document) {
        try (XWPFDocument docx = new XWPFDocument(); ByteArrayOutputStream sortie = new ByteArrayOutputStream()) {
            docx.getProperties().getCoreProperties().setTitle(document.titre());
            docx.getProperties().getCoreProperties().setCreator("Pilote CTG");
            styles(docx);
            CTSectPr section = docx.getDocument().getBody().isSetSectPr() ? docx.getDocument().getBody().getSectPr()
                    : docx.getDocument().getBody().addNewSectPr();
            format(section, document.paysage());
            piedDePage(docx, document);
            titreDuDocument(docx, document);
            for (Document.Bloc bloc : document.blocs()) {
                if (bloc instanceof Document.Titre titre) {
                    paragraphe(docx, "Titre" + titre.niveau(), titre.texte());
                } else if (bloc instanceof Document.Paragraphe p) {
                    paragrapheAvecLibelle(docx, p);
                } else if (bloc instanceof Document.TexteRiche riche) {
                    texteRiche(docx, riche);
                } else if (bloc instanceof Document.Liste liste) {
                    liste.elements().forEach(e -> paragraphe(docx, "Liste", "• " + e));
                } else if (bloc instanceof Document.Tableau tableau) {
                    tableau(docx, tableau, document.paysage());
                } else if (bloc instanceof Document.SautDePage) {
                    docx.createParagraph().createRun().addBreak(BreakType.PAGE);
                } else if (bloc instanceof Document.BlocSignature signature) {
                    signature(docx, signature);
                } else if (bloc instanceof Document.Figure figure) {
                    figure(docx, figure);
                } else if (bloc instanceof Document.Diagramme diagramme) {
                    diagramme(docx, diagramme, document.paysage());
                }
            }
            docx.write(sortie);
            return sortie.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void titreDuDocument(XWPFDocument docx, Document document) {
        paragraphe(docx, STYLE_TITRE, document.titre());
        if (document.sousTitre() != null) {
            XWPFParagraph p = docx.createParagraph();
            p.setAlignment(ParagraphAlignment.CENTER);
            p.createRun().setText(document.sousTitre());
        }
    }

    private static XWPFParagraph paragraphe(XWPFDocument docx, String style, String texte) {
        XWPFParagraph p = docx.createParagraph();
        p.setStyle(style);
        ecrire(p.createRun(), texte);
        return p;
    }

    private static void paragrapheAvecLibelle(XWPFDocument docx, Document.Paragraphe bloc) {
        XWPFParagraph p = docx.createParagraph();
        if (bloc.libelle() != null) {
            XWPFRun libelle = p.createRun();
            libelle.setBold(true);
            libelle.setText(bloc.libelle() + " ");
        }
        ecrire(p.createRun(), bloc.texte());
    }

    /** One run per segment, bold and italics kept. */
    private static void texteRiche(XWPFDocument docx, Document.TexteRiche bloc) {
        XWPFParagraph p = docx.createParagraph();
        for (Document.TexteRiche.Segment segment : bloc.segments()) {
            XWPFRun run = p.createRun();
            run.setBold(segment.gras());
            run.setItalic(segment.italique());
            ecrire(run, segment.texte());
        }
    }

    /** Line breaks of the text become line breaks of the run. */
    private static void ecrire(XWPFRun run, String texte) {
        String[] lignes = (texte == null ? "" : texte).split("\n", -1);
        for (int i = 0; i < lignes.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lignes[i], i);
        }
    }

    private static void tableau(XWPFDocument docx, Document.Tableau bloc, boolean toutEnPaysage) {
        boolean section = bloc.paysage() && !toutEnPaysage;
        if (section) {
            finDeSection(docx, false);
        }
        XWPFParagraph legende = paragraphe(docx, "Legende", bloc.legende());
        if (bloc.lignes().isEmpty()) {
            docx.createParagraph().createRun().setText(Document.Tableau.VIDE);
            if (section) {
                finDeSection(docx, true);
            }
            return;
        }
        garderAvecSuivant(legende);
        XWPFTable table = docx.createTable(bloc.lignes().size() + 1, bloc.entetes().size());
        table.setWidth("100%");
        XWPFTableRow entete = table.getRow(0);
        entete.setRepeatHeader(true);
        entete.setCantSplitRow(true);
        for (int c = 0; c < bloc.entetes().size(); c++) {
            XWPFTableCell cellule = entete.getCell(c);
            cellule.setColor("DDE5F0");
            XWPFRun run = cellule.getParagraphs().get(0).createRun();
            run.setBold(true);
            ecrire(run, bloc.entetes().get(c));
        }
        for (int l = 0; l < bloc.lignes().size(); l++) {
            List<String> ligne = bloc.lignes().get(l);
            XWPFTableRow row = table.getRow(l + 1);
            for (int c = 0; c < ligne.size(); c++) {
                XWPFRun run = row.getCell(c).getParagraphs().get(0).createRun();
                String fond = bloc.fond(l, c);
                if (fond != null) {
                    row.getCell(c).setColor(fond.substring(1).toUpperCase(java.util.Locale.ROOT));
                    run.setColor("FFFFFF");
                    run.setBold(true);
                }
                ecrire(run, ligne.get(c));
            }
        }
        if (section) {
            finDeSection(docx, true);
        } else {
            docx.createParagraph();
        }
    }

    private static void garderAvecSuivant(XWPFParagraph p) {
        (p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr()).addNewKeepNext();
    }

    /** Ends the current section with the given orientation: the following content starts a new section. */
    private static void finDeSection(XWPFDocument docx, boolean paysage) {
        XWPFParagraph p = docx.createParagraph();
        CTSectPr section = (CTSectPr) docx.getDocument().getBody().getSectPr().copy();
        format(section, paysage);
        p.getCTP().addNewPPr().setSectPr(section);
    }

    private static void format(CTSectPr section, boolean paysage) {
        CTPageSz taille = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        taille.setW(BigInteger.valueOf(paysage ? A4_HAUTEUR : A4_LARGEUR));
        taille.setH(BigInteger.valueOf(paysage ? A4_LARGEUR : A4_HAUTEUR));
        taille.setOrient(paysage ? STPageOrientation.LANDSCAPE : STPageOrientation.PORTRAIT);
        var marges = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        BigInteger cm2 = BigInteger.valueOf(1134);
        marges.setTop(cm2);
        marges.setBottom(cm2);
        marges.setLeft(cm2);
        marges.setRight(cm2);
    }

    private static void signature(XWPFDocument docx, Document.BlocSignature bloc) {
        XWPFParagraph fait = docx.createParagraph();
        garderAvecSuivant(fait);
        fait.createRun().setText(bloc.faitA());
        XWPFTable table = docx.createTable(bloc.emplacements().size(), 3);
        table.setWidth("100%");
        // Every column gets a width: with the logo column alone sized, LibreOffice shows that column only.
        var grille = table.getCTTbl().addNewTblGrid();
        for (String largeur : LARGEURS_SIGNATURE) {
            grille.addNewGridCol().setW(new BigInteger(largeur));
        }
        for (int i = 0; i < bloc.emplacements().size(); i++) {
            Document.Emplacement e = bloc.emplacements().get(i);
            XWPFTableRow row = table.getRow(i);
            row.setHeight(1700);
            row.setCantSplitRow(true);
            // The logo slot (ADR 0030): a labelled empty cell of fixed width that users fill in Word.
            for (int c = 0; c < LARGEURS_SIGNATURE.size(); c++) {
                row.getCell(c).setWidth(LARGEURS_SIGNATURE.get(c));
            }
            XWPFTableCell logo = row.getCell(0);
            XWPFRun libelleLogo = logo.getParagraphs().get(0).createRun();
            libelleLogo.setColor("595959");
            libelleLogo.setFontSize(7);
            libelleLogo.setText(Document.LOGO);
            XWPFRun org = row.getCell(1).getParagraphs().get(0).createRun();
            org.setBold(true);
            org.setText(e.organisation());
            row.getCell(1).addParagraph().createRun().setText(e.signataire());
            row.getCell(2).getParagraphs().get(0).createRun().setText("Signature :");
        }
        docx.createParagraph();
    }

    private static void figure(XWPFDocument docx, Document.Figure figure) {
        tableau(docx, new Document.Tableau(figure.legende(), List.of("Libellé", "Valeur" + (figure.unite() == null ? "" : " (" + figure.unite() + ")")),
                figure.valeurs().stream().map(v -> List.of(v.libelle(), v.texte())).toList(), false), true);
    }

    /**
     * A chart of a page as a native Word chart (ADR 0046): bars of the same values (stacked for several series, in
     * the page's colours, hatched where the page hatches), its data in the embedded workbook so that Word edits it,
     * its alternative text on the drawing; then the data table, as in the PDF.
     */
    private static void diagramme(XWPFDocument docx, Document.Diagramme diagramme, boolean toutEnPaysage) {
        Graphique graphique = diagramme.graphique();
        garderAvecSuivant(paragraphe(docx, "Legende", diagramme.legende()));
        XWPFParagraph paragraphe = docx.createParagraph();
        garderAvecSuivant(paragraphe);
        XWPFRun run = paragraphe.createRun();
        int lignes = graphique.lignes().size();
        int series = graphique.series().size();
        double hauteur = Math.min(22, 3.5 + lignes * 1.0 + (series > 1 ? 1.5 : 0));
        XWPFChart chart;
        try {
            chart = docx.createChart(run, (int) (16 * Units.EMU_PER_CENTIMETER), (int) (hauteur * Units.EMU_PER_CENTIMETER));
        } catch (IOException | InvalidFormatException e) {
            throw new IllegalStateException("Graphique Word impossible à créer : " + graphique.titre(), e);
        }
        chart.setTitleText(graphique.titre());
        chart.setTitleOverlay(false);
        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.LEFT);
        // The first row on top, as on the page.
        categories.setOrientation(AxisOrientation.MAX_MIN);
        XDDFValueAxis valeurs = chart.createValueAxis(AxisPosition.BOTTOM);
        // The value axis at the last row, so at the bottom again.
        valeurs.setCrosses(AxisCrosses.MAX);
        valeurs.setMinimum(0);
        if (graphique.maximum() != null) {
            valeurs.setMaximum(graphique.maximum());
        }
        XDDFBarChartData barres = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, valeurs);
        barres.setBarDirection(BarDirection.BAR);
        barres.setVaryColors(false);
        if (series > 1) {
            barres.setBarGrouping(BarGrouping.STACKED);
            // Stacked bars overlap fully; written as XML because POI's slim schemas lack the type of setOverlap's value.
            try (XmlCursor curseur = chart.getCTChart().getPlotArea().getBarChartArray(0).addNewOverlap().newCursor()) {
                curseur.setAttributeText(new QName("val"), "100");
            }
        }
        String[] libelles = graphique.lignes().stream().map(Graphique.Ligne::libelle).toArray(String[]::new);
        XDDFCategoryDataSource sourceLibelles = XDDFDataSourcesFactory.fromArray(libelles,
                chart.formatRange(new CellRangeAddress(1, lignes, 0, 0)));
        for (int i = 0; i < series; i++) {
            int serie = i;
            Double[] nombres = java.util.stream.IntStream.range(0, lignes).mapToObj(l -> graphique.valeur(l, serie)).toArray(Double[]::new);
            XDDFNumericalDataSource<Double> sourceValeurs = XDDFDataSourcesFactory.fromArray(nombres,
                    chart.formatRange(new CellRangeAddress(1, lignes, i + 1, i + 1)), i + 1);
            XDDFChartData.Series s = barres.addSeries(sourceLibelles, sourceValeurs);
            Graphique.Serie definition = graphique.series().get(i);
            s.setTitle(definition.nom(), chart.setSheetTitle(definition.nom(), i + 1));
            XDDFColor couleur = XDDFColor.from(couleur(definition.couleur()));
            if (definition.hachuree()) {
                hachures(chart.getCTChart().getPlotArea().getBarChartArray(0).getSerArray(i), definition.couleur());
                s.setLineProperties(new XDDFLineProperties(new XDDFSolidFillProperties(couleur)));
            } else {
                s.setFillProperties(new XDDFSolidFillProperties(couleur));
            }
        }
        if (series > 1) {
            chart.getOrAddLegend().setPosition(LegendPosition.TOP);
        }
        chart.plot(barres);
        chaqueLibelle(chart.getCTChart().getPlotArea().getCatAxArray(0));
        run.getCTR().getDrawingArray(0).getInlineArray(0).getDocPr().setDescr(graphique.texteAlternatif());
        tableau(docx, diagramme.tableau(), toutEnPaysage);
    }

    /**
     * Diagonal stripes of the colour on white, as the page hatches the years to come; written as XML because POI's
     * slim schemas lack the pattern fill's type (XDDFPatternFillProperties fails at run time).
     */
    private static void hachures(CTBarSer serie, String couleur) {
        String dessin = "http://schemas.openxmlformats.org/drawingml/2006/main";
        CTShapeProperties forme = serie.isSetSpPr() ? serie.getSpPr() : serie.addNewSpPr();
        try (XmlCursor curseur = forme.newCursor()) {
            curseur.toEndToken();
            curseur.beginElement(new QName(dessin, "pattFill", "a"));
            curseur.insertAttributeWithValue("prst", "wdUpDiag");
            for (String[] plan : new String[][]{{"fgClr", couleur.substring(1).toUpperCase(java.util.Locale.ROOT)}, {"bgClr", "FFFFFF"}}) {
                curseur.beginElement(new QName(dessin, plan[0], "a"));
                curseur.beginElement(new QName(dessin, "srgbClr", "a"));
                curseur.insertAttributeWithValue("val", plan[1]);
                curseur.toNextToken();
                curseur.toNextToken();
            }
        }
    }

    /**
     * Every row's label written (a word processor otherwise skips some when they are long): {@code c:tickLblSkip} 1,
     * before {@code c:tickMarkSkip}, {@code c:noMultiLvlLbl} or {@code c:extLst} as the schema orders them (no type
     * for it in POI's slim schemas either).
     */
    private static void chaqueLibelle(CTCatAx axe) {
        String graphique = "http://schemas.openxmlformats.org/drawingml/2006/chart";
        try (XmlCursor curseur = axe.newCursor()) {
            boolean avant = false;
            for (String suivant : List.of("tickMarkSkip", "noMultiLvlLbl", "extLst")) {
                if (!avant && curseur.toChild(new QName(graphique, suivant))) {
                    avant = true;
                }
            }
            if (!avant) {
                curseur.toEndToken();
            }
            curseur.beginElement(new QName(graphique, "tickLblSkip", "c"));
            curseur.insertAttributeWithValue("val", "1");
        }
    }

    /** "#0b5394" as RGB bytes. */
    private static byte[] couleur(String hexadecimal) {
        int rgb = Integer.parseInt(hexadecimal.substring(1), 16);
        return new byte[]{(byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb};
    }

    private static void piedDePage(XWPFDocument docx, Document document) {
        XWPFFooter pied = docx.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = pied.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.createRun().setText(document.titre() + " — page ");
        p.getCTP().addNewFldSimple().setInstr("PAGE");
        p.createRun().setText(" sur ");
        p.getCTP().addNewFldSimple().setInstr("NUMPAGES");
        if (document.filigrane()) {
            XWPFHeader entete = docx.createHeader(HeaderFooterType.DEFAULT);
            XWPFParagraph filigrane = entete.createParagraph();
            filigrane.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun run = filigrane.createRun();
            run.setBold(true);
            run.setColor("B00020");
            run.setText(Document.FILIGRANE.toUpperCase(java.util.Locale.FRANCE));
        }
    }

    private static void styles(XWPFDocument docx) {
        XWPFStyles styles = docx.createStyles();
        CTFonts polices = CTFonts.Factory.newInstance();
        polices.setAscii(POLICE);
        polices.setHAnsi(POLICE);
        polices.setCs(POLICE);
        styles.setDefaultFonts(polices);
        styles.setSpellingLanguage("fr-FR");
        styles.addStyle(style("Normal", "Normal", 0, 10, false));
        styles.addStyle(style(STYLE_TITRE, "Title", -1, 22, true));
        styles.addStyle(style("Titre1", "heading 1", 1, 16, true));
        styles.addStyle(style("Titre2", "heading 2", 2, 13, true));
        styles.addStyle(style("Titre3", "heading 3", 3, 11, true));
        styles.addStyle(style("Legende", "caption", 0, 9, true));
        styles.addStyle(style("Liste", "List Paragraph", 0, 10, false));
    }

    private static XWPFStyle style(String id, String nom, int niveau, int taille, boolean gras) {
        CTStyle ct = CTStyle.Factory.newInstance();
        ct.setStyleId(id);
        ct.setType(STStyleType.PARAGRAPH);
        ct.addNewName().setVal(nom);
        if (!"Normal".equals(id)) {
            ct.addNewBasedOn().setVal("Normal");
            ct.addNewNext().setVal("Normal");
        }
        ct.addNewQFormat();
        var ppr = ct.addNewPPr();
        var espacement = ppr.addNewSpacing();
        espacement.setAfter(BigInteger.valueOf(niveau == 0 ? 100 : 120));
        if (niveau != 0) {
            espacement.setBefore(BigInteger.valueOf(niveau < 0 ? 0 : 240));
            ppr.addNewKeepNext();
        }
        if (niveau > 0) {
            ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(niveau - 1));
            ct.addNewUiPriority().setVal(BigInteger.valueOf(9));
        }
        CTRPr rpr = ct.addNewRPr();
        if (gras) {
            rpr.addNewB();
        }
        rpr.addNewSz().setVal(BigInteger.valueOf(taille * 2L));
        rpr.addNewLang().setVal("fr-FR");
        XWPFStyle style = new XWPFStyle(ct);
        style.setType(STStyleType.PARAGRAPH);
        return style;
    }
}
