package fr.pilotectg.importation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A PDF read with PDFBox, page by page, as the text of each page; the pages then go through the common cleaning
 * (repeated headers and footers, page numbers). A PDF of more than {@link LimitesDImport#PAGES_MAX} pages, protected
 * by a password, or without a text layer (a scan) is refused with a French message.
 */
final class ExtractionPdf {

    static final String SANS_TEXTE = "Ce PDF ne contient pas de texte : il doit être passé à l'OCR avant import.";

    private ExtractionPdf() {
    }

    static List<List<String>> pages(byte[] contenu) {
        try (PDDocument pdf = Loader.loadPDF(contenu)) {
            int nombre = pdf.getNumberOfPages();
            if (nombre > LimitesDImport.PAGES_MAX) {
                throw ImportRefuse.parce("Ce PDF a " + nombre + " pages : au-delà de " + LimitesDImport.PAGES_MAX
                        + " pages, il doit être découpé avant import.");
            }
            PDFTextStripper lecteur = new PDFTextStripper();
            lecteur.setLineSeparator("\n");
            List<List<String>> pages = new ArrayList<>();
            long caracteres = 0;
            long visibles = 0;
            for (int p = 1; p <= nombre; p++) {
                lecteur.setStartPage(p);
                lecteur.setEndPage(p);
                String texte = lecteur.getText(pdf);
                caracteres += texte.length();
                if (caracteres > LimitesDImport.TEXTE_MAX) {
                    throw ImportRefuse.parce("Le texte de ce PDF dépasse " + LimitesDImport.TEXTE_MAX + " caractères : il est trop long pour être importé.");
                }
                visibles += texte.codePoints().filter(Character::isLetterOrDigit).count();
                pages.add(new ArrayList<>(List.of(texte.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1))));
            }
            if (visibles < 20) {
                throw ImportRefuse.parce(SANS_TEXTE);
            }
            return pages;
        } catch (InvalidPasswordException e) {
            throw ImportRefuse.parce("Ce PDF est protégé par un mot de passe : retirez la protection avant import.");
        } catch (IOException | RuntimeException e) {
            if (e instanceof fr.pilotectg.shared.ErreurValidation refus) {
                throw refus;
            }
            throw ImportRefuse.parce("Ce PDF est abîmé ou tronqué : il ne peut pas être lu.");
        }
    }
}
