package fr.pilotectg.importation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/** Documents generated for the importer's tests: DOCX with POI, ODT with a ZIP writer, PDF with PDFBox. */
final class FichiersDeTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1,
            8, 2, 0, 0, 0, (byte) 0x90, 0x77, 0x53, (byte) 0xde};

    private FichiersDeTest() {
    }

    /** A convention in DOCX: a title, a heading of level 2, a paragraph, a two-level list, a table, in this order. */
    static byte[] docx(int sectionsEnPlus) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream sortie = new ByteArrayOutputStream()) {
            XWPFParagraph titre = doc.createParagraph();
            titre.setStyle("Heading1");
            titre.createRun().setText("Convention territoriale globale du Bassin de Test");
            XWPFParagraph article = doc.createParagraph();
            article.setStyle("Heading2");
            article.createRun().setText("Article 1 – Objet");
            doc.createParagraph().createRun().setText("La présente convention lie la Caf et la communauté de communes.");
            XWPFParagraph puce = doc.createParagraph();
            puce.setNumID(BigInteger.ONE);
            puce.setNumILvl(BigInteger.ZERO);
            puce.createRun().setText("Petite enfance");
            XWPFParagraph sousPuce = doc.createParagraph();
            sousPuce.setNumID(BigInteger.ONE);
            sousPuce.setNumILvl(BigInteger.ONE);
            sousPuce.createRun().setText("Crèches");
            XWPFTable tableau = doc.createTable(2, 3);
            String[][] cellules = {{"Action", "2026", "2027"}, {"Fiche 1", "X", ""}};
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 3; c++) {
                    tableau.getRow(r).getCell(c).setText(cellules[r][c]);
                }
            }
            doc.createParagraph().createRun().setText("Fait à Test, le 1er janvier 2026.");
            for (int i = 0; i < sectionsEnPlus; i++) {
                XWPFParagraph h = doc.createParagraph();
                h.setStyle("Heading2");
                h.createRun().setText("Fiche action " + (i + 1));
                for (int j = 0; j < 6; j++) {
                    doc.createParagraph().createRun().setText("Objectif " + (j + 1) + " de la fiche " + (i + 1)
                            + " : accompagner les familles du territoire dans leurs démarches, avec les partenaires.");
                }
                XWPFTable t = doc.createTable(3, 4);
                for (int r = 0; r < 3; r++) {
                    for (int c = 0; c < 4; c++) {
                        t.getRow(r).getCell(c).setText("c" + r + c);
                    }
                }
            }
            doc.write(sortie);
            return sortie.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] odt() {
        String contenu = """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0">
                <office:body><office:text>
                <text:h text:outline-level="1">Convention territoriale globale</text:h>
                <text:h text:outline-level="3">Article 2</text:h>
                <text:p>Entre la Caf<text:s text:c="2"/>et la commune.</text:p>
                <text:list><text:list-item><text:p>Jeunesse</text:p>
                  <text:list><text:list-item><text:p>Accueils de loisirs</text:p></text:list-item></text:list>
                </text:list-item></text:list>
                <table:table><table:table-row><table:table-cell><text:p>Service</text:p></table:table-cell>
                  <table:table-cell><text:p>Commune</text:p></table:table-cell></table:table-row>
                  <table:table-row><table:table-cell><text:p>RPE</text:p></table:table-cell>
                  <table:table-cell><text:p>Aubenas</text:p>
                    <table:table><table:table-row><table:table-cell><text:p>imbriquée</text:p></table:table-cell></table:table-row></table:table>
                  </table:table-cell></table:table-row></table:table>
                </office:text></office:body></office:document-content>
                """.strip();
        return zip(List.of(new Object[]{"mimetype", "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII)},
                new Object[]{"content.xml", contenu.getBytes(StandardCharsets.UTF_8)}));
    }

    static byte[] zip(List<Object[]> entrees) {
        try (ByteArrayOutputStream sortie = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(sortie)) {
            for (Object[] e : entrees) {
                zip.putNextEntry(new ZipEntry((String) e[0]));
                zip.write((byte[]) e[1]);
                zip.closeEntry();
            }
            zip.finish();
            return sortie.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A ZIP whose one entry inflates to {@code megaoctets} MB of zeros (a few hundred KB compressed). */
    static byte[] bombe(int megaoctets) {
        try (ByteArrayOutputStream sortie = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(sortie)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < megaoctets; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
            zip.finish();
            return sortie.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF whose pages each hold the same header, body lines and a page number at the bottom; blank pages if {@code lignes} is empty. */
    static byte[] pdf(int pages, List<String> lignes) {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream sortie = new ByteArrayOutputStream()) {
            PDType1Font police = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int p = 1; p <= pages; p++) {
                PDPage page = new PDPage();
                pdf.addPage(page);
                if (lignes.isEmpty()) {
                    continue;
                }
                try (PDPageContentStream flux = new PDPageContentStream(pdf, page)) {
                    float y = 750;
                    List<String> texte = new java.util.ArrayList<>();
                    texte.add("CTG du Bassin de Test 2026-2030");
                    final int numero = p;
                    texte.addAll(lignes.stream().map(l -> l.replace("{p}", mot(numero))).toList());
                    for (String l : texte) {
                        ecrire(flux, police, 50, y, l);
                        y -= 20;
                    }
                    ecrire(flux, police, 300, 40, String.valueOf(p));
                }
            }
            pdf.save(sortie);
            return sortie.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String mot(int p) {
        String[] mots = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"};
        return mots[p % mots.length] + "x".repeat(p / mots.length);
    }

    private static void ecrire(PDPageContentStream flux, PDType1Font police, float x, float y, String texte) throws IOException {
        flux.beginText();
        flux.setFont(police, 11);
        flux.newLineAtOffset(x, y);
        flux.showText(texte);
        flux.endText();
    }
}
