import java.io.FileOutputStream;
import java.math.BigInteger;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * Writes a generated convention DOCX of about PAGES pages (a heading, eight paragraphs, a list and a table per page)
 * for bench/import.sh: {@code java -cp <poi> bench/DocxDeBench.java OUT.docx PAGES}.
 */
public class DocxDeBench {

    public static void main(String[] args) throws Exception {
        int pages = Integer.parseInt(args[1]);
        try (XWPFDocument doc = new XWPFDocument(); FileOutputStream sortie = new FileOutputStream(args[0])) {
            XWPFParagraph titre = doc.createParagraph();
            titre.setStyle("Heading1");
            titre.createRun().setText("Convention territoriale globale de démonstration 2026-2030");
            for (int p = 1; p <= pages; p++) {
                XWPFParagraph h = doc.createParagraph();
                h.setStyle("Heading2");
                h.createRun().setText("Fiche action n° " + p + " – Accompagner les familles");
                for (int i = 0; i < 8; i++) {
                    doc.createParagraph().createRun().setText("Objectif " + i + " de la fiche " + p + " : la Caf et la "
                            + "communauté de communes soutiennent les services aux familles du territoire, avec les "
                            + "partenaires associés, selon le calendrier du plan d'actions et ses indicateurs de suivi.");
                }
                XWPFParagraph puce = doc.createParagraph();
                puce.setNumID(BigInteger.ONE);
                puce.createRun().setText("Public cible : familles, jeunes, habitants");
                XWPFTable t = doc.createTable(3, 5);
                for (int r = 0; r < 3; r++) {
                    for (int c = 0; c < 5; c++) {
                        t.getRow(r).getCell(c).setText(r == 0 ? String.valueOf(2026 + c) : "x");
                    }
                }
            }
            doc.write(sortie);
        }
    }
}
