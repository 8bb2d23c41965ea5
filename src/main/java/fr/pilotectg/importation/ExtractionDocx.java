package fr.pilotectg.importation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * A DOCX read with Apache POI, in body order: a paragraph whose style is a heading ("Heading 2", "Titre 2", "Title")
 * or has an outline level is a {@link Ligne.NatureDeLigne#TITRE} of that level; a numbered or bulleted paragraph a
 * {@link Ligne.NatureDeLigne#LISTE} item of its depth; each table row one {@link Ligne.NatureDeLigne#TABLEAU} line, cells joined by a
 * tab, a table nested in a cell giving its own rows right after the row that holds it. Page headers and footers are
 * separate parts of the file and are not read.
 */
final class ExtractionDocx {

    private static final Pattern STYLE_TITRE = Pattern.compile("(?:heading|titre|title)\\s*(\\d)");
    private static final Pattern NIVEAU_DE_PLAN = Pattern.compile("outlineLvl [^>]*val=\"(\\d)\"");

    private ExtractionDocx() {
    }

    static List<Ligne> lire(byte[] contenu) {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(contenu))) {
            List<Ligne> lignes = new ArrayList<>();
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraphe) {
                    paragraphe(document, paragraphe, lignes);
                } else if (element instanceof XWPFTable tableau) {
                    tableau(tableau, lignes);
                }
                if (lignes.size() > LimitesDImport.LIGNES_MAX) {
                    throw ImportRefuse.parce("Le document dépasse " + LimitesDImport.LIGNES_MAX + " lignes : il est trop long pour être importé.");
                }
            }
            return lignes;
        } catch (IOException | RuntimeException e) {
            if (e instanceof fr.pilotectg.shared.ErreurValidation refus) {
                throw refus;
            }
            throw ImportRefuse.parce("Ce fichier DOCX est abîmé ou tronqué : il ne peut pas être lu.");
        }
    }

    private static void paragraphe(XWPFDocument document, XWPFParagraph p, List<Ligne> lignes) {
        String texte = p.getText();
        if (texte == null || texte.isBlank()) {
            lignes.add(new Ligne(0, "", Ligne.NatureDeLigne.VIDE, 0));
            return;
        }
        int niveau = niveauDeTitre(document, p);
        if (niveau > 0) {
            lignes.add(new Ligne(0, texte, Ligne.NatureDeLigne.TITRE, niveau));
        } else if (p.getNumID() != null) {
            int profondeur = p.getNumIlvl() == null ? 1 : p.getNumIlvl().intValue() + 1;
            lignes.add(new Ligne(0, texte, Ligne.NatureDeLigne.LISTE, Math.max(1, Math.min(profondeur, 6))));
        } else {
            lignes.add(new Ligne(0, texte, Ligne.NatureDeLigne.PARAGRAPHE, 0));
        }
    }

    /** 1–6 for a heading, 0 for body text: the outline level of the paragraph, else of its style, else the style's name. */
    static int niveauDeTitre(XWPFDocument document, XWPFParagraph p) {
        if (p.getCTPPr() != null) {
            Integer niveau = niveauDePlan(p.getCTPPr().xmlText());
            if (niveau != null) {
                return niveau;
            }
        }
        String id = p.getStyleID();
        if (id == null) {
            return 0;
        }
        XWPFStyle style = document.getStyles() == null ? null : document.getStyles().getStyle(id);
        if (style != null && style.getCTStyle() != null) {
            Integer niveau = niveauDePlan(style.getCTStyle().xmlText());
            if (niveau != null) {
                return niveau;
            }
        }
        String nom = ((style != null && style.getName() != null ? style.getName() : "") + " " + id).toLowerCase(Locale.ROOT);
        Matcher m = STYLE_TITRE.matcher(nom);
        if (m.find()) {
            return Math.max(1, Math.min(Integer.parseInt(m.group(1)), 6));
        }
        return nom.startsWith("title") || nom.startsWith("titre ") || nom.equals("titre") ? 1 : 0;
    }

    private static Integer niveauDePlan(String xml) {
        Matcher m = NIVEAU_DE_PLAN.matcher(xml);
        if (m.find()) {
            int niveau = Integer.parseInt(m.group(1));
            return niveau >= 9 ? 0 : Math.min(niveau + 1, 6);
        }
        return null;
    }

    private static void tableau(XWPFTable tableau, List<Ligne> lignes) {
        for (XWPFTableRow rangee : tableau.getRows()) {
            List<String> cellules = new ArrayList<>();
            List<XWPFTable> imbriquees = new ArrayList<>();
            for (XWPFTableCell cellule : rangee.getTableCells()) {
                List<String> paragraphes = new ArrayList<>();
                for (IBodyElement element : cellule.getBodyElements()) {
                    if (element instanceof XWPFParagraph p && p.getText() != null && !p.getText().isBlank()) {
                        paragraphes.add(p.getText().strip());
                    } else if (element instanceof XWPFTable t) {
                        imbriquees.add(t);
                    }
                }
                cellules.add(String.join(Ligne.SAUT, paragraphes).replace('\t', ' '));
            }
            if (cellules.stream().anyMatch(c -> !c.isBlank())) {
                lignes.add(new Ligne(0, String.join("\t", cellules), Ligne.NatureDeLigne.TABLEAU, 0));
            }
            for (XWPFTable t : imbriquees) {
                tableau(t, lignes);
            }
        }
    }
}
