package fr.pilotectg.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.verapdf.core.EncryptedPdfException;
import org.verapdf.core.ModelParsingException;
import org.verapdf.core.ValidationException;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Reads back what the renderers wrote: DOCX with POI, PDF text with PDFBox, PDF/UA-1 with veraPDF. */
public final class LectureDocuments {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private LectureDocuments() {
    }

    static XWPFDocument docx(byte[] contenu) {
        try {
            return new XWPFDocument(new ByteArrayInputStream(contenu));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of every cell of a Word table, row by row (the header row first). */
    static List<String> cellules(org.apache.poi.xwpf.usermodel.XWPFTableRow ligne) {
        return ligne.getTableCells().stream().map(org.apache.poi.xwpf.usermodel.XWPFTableCell::getText).toList();
    }

    static List<List<String>> lignes(org.apache.poi.xwpf.usermodel.XWPFTable tableau) {
        return tableau.getRows().stream().map(LectureDocuments::cellules).toList();
    }

    public static String texteDocx(byte[] contenu) {
        try (XWPFDocument document = docx(contenu); XWPFWordExtractor extracteur = new XWPFWordExtractor(document)) {
            return extracteur.getText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String textePdf(byte[] contenu) {
        try (PDDocument document = Loader.loadPDF(contenu)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int pagesPdf(byte[] contenu) {
        try (PDDocument document = Loader.loadPDF(contenu)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PDF/UA-1 rules the file breaks, as "rule: message" (empty when compliant). */
    static List<String> reglesPdfUaEnEchec(byte[] contenu) {
        PDFAFlavour flavour = PDFAFlavour.PDFUA_1;
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(contenu), flavour);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            ValidationResult resultat = validator.validate(parser);
            List<String> echecs = new ArrayList<>();
            for (TestAssertion assertion : resultat.getTestAssertions()) {
                if (assertion.getStatus() == TestAssertion.Status.FAILED) {
                    String regle = assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber() + " : " + assertion.getMessage();
                    if (!echecs.contains(regle)) {
                        echecs.add(regle);
                    }
                }
            }
            if (!resultat.isCompliant() && echecs.isEmpty()) {
                echecs.add("non conforme sans règle nommée");
            }
            return echecs;
        } catch (ModelParsingException | EncryptedPdfException | ValidationException | IOException e) {
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whitespace collapsed, the PDF's page furniture removed: what two renderings of one model must share. Line breaks
     * of a PDF become spaces: a break at a hyphen or a slash is not a space of the text.
     */
    static String normaliser(String texte) {
        return texte.replaceAll("Page \\d+ sur \\d+", " ").replace(Document.FILIGRANE.toUpperCase(java.util.Locale.FRANCE), " ")
                .replace('\u00A0', ' ').replace('\u202F', ' ').replaceAll("\\s+", " ").replace("- ", "-").replace("/ ", "/").replace(" /", "/").strip();
    }
}
