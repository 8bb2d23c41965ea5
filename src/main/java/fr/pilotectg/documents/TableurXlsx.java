package fr.pilotectg.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a {@link TableurClasseur} as XLSX with POI's streaming SXSSF (a window of rows in memory, the rest flushed
 * to a temporary file): header row styled and frozen, autofilter, widths, typed dates and numbers, drop-down lists
 * on the status columns.
 */
final class TableurXlsx {

    /** Rows kept in memory while writing; the rest is flushed. */
    private static final int FENETRE = 200;
    /** Excel refuses an explicit list longer than this in a data validation. */
    private static final int LONGUEUR_MAX_LISTE = 255;
    /** A cell holds at most 32,767 characters. */
    private static final int LONGUEUR_MAX_CELLULE = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    private TableurXlsx() {
    }

    static void ecrire(TableurClasseur classeur, OutputStream sortie) throws IOException {
        SXSSFWorkbook classeurPoi = new SXSSFWorkbook(FENETRE);
        classeurPoi.setCompressTempFiles(true);
        try {
            Styles styles = new Styles(classeurPoi);
            for (TableurFeuille feuille : classeur.feuilles()) {
                ecrireFeuille(classeurPoi, feuille, styles);
            }
            classeurPoi.write(sortie);
        } finally {
            classeurPoi.close();
        }
    }

    private static void ecrireFeuille(SXSSFWorkbook classeurPoi, TableurFeuille feuille, Styles styles) {
        SXSSFSheet sheet = classeurPoi.createSheet(WorkbookUtil.createSafeSheetName(feuille.nom()));
        List<TableurColonne> colonnes = feuille.colonnes();
        Row entete = sheet.createRow(0);
        for (int i = 0; i < colonnes.size(); i++) {
            Cell cellule = entete.createCell(i);
            cellule.setCellValue(colonnes.get(i).titre());
            cellule.setCellStyle(styles.entete);
            sheet.setColumnWidth(i, Math.min(255, Math.max(6, colonnes.get(i).largeur())) * 256);
        }
        sheet.createFreezePane(0, 1);
        int numero = 1;
        for (List<Object> ligne : feuille.lignes()) {
            Row row = sheet.createRow(numero++);
            for (int i = 0; i < ligne.size() && i < colonnes.size(); i++) {
                ecrireCellule(row, i, ligne.get(i), styles);
            }
        }
        int derniere = Math.max(1, numero - 1);
        if (!colonnes.isEmpty()) {
            sheet.setAutoFilter(new CellRangeAddress(0, derniere, 0, colonnes.size() - 1));
        }
        DataValidationHelper aide = sheet.getDataValidationHelper();
        for (int i = 0; i < colonnes.size(); i++) {
            List<String> valeurs = colonnes.get(i).valeursPermises();
            if (valeurs.isEmpty() || String.join(",", valeurs).length() > LONGUEUR_MAX_LISTE
                    || valeurs.stream().anyMatch(v -> v.contains(",") || v.contains("\""))) {
                continue;
            }
            DataValidationConstraint contrainte = aide.createExplicitListConstraint(valeurs.toArray(String[]::new));
            // Down to the last row a user may add: the file is filled in and sent back.
            DataValidation validation = aide.createValidation(contrainte,
                    new CellRangeAddressList(1, Math.max(derniere, 1) + 500, i, i));
            validation.setShowErrorBox(true);
            validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
            validation.createErrorBox("Valeur inconnue", "Choisissez une valeur de la liste : " + String.join(", ", valeurs) + ".");
            validation.setSuppressDropDownArrow(true);
            sheet.addValidationData(validation);
        }
    }

    private static void ecrireCellule(Row row, int colonne, Object valeur, Styles styles) {
        if (valeur == null) {
            return;
        }
        Cell cellule = row.createCell(colonne);
        if (valeur instanceof LocalDate date) {
            cellule.setCellValue(date);
            cellule.setCellStyle(styles.date);
        } else if (valeur instanceof YearMonth mois) {
            cellule.setCellValue(mois.atDay(1));
            cellule.setCellStyle(styles.mois);
        } else if (valeur instanceof TableurMontant montant) {
            cellule.setCellValue(montant.euros().doubleValue());
            cellule.setCellStyle(styles.montant);
        } else if (valeur instanceof Integer || valeur instanceof Long) {
            cellule.setCellValue(((Number) valeur).doubleValue());
            cellule.setCellStyle(styles.entier);
        } else if (valeur instanceof BigDecimal decimal) {
            cellule.setCellValue(decimal.doubleValue());
            cellule.setCellStyle(decimal.stripTrailingZeros().scale() <= 0 ? styles.entier : styles.decimal);
        } else if (valeur instanceof Number nombre) {
            cellule.setCellValue(nombre.doubleValue());
            cellule.setCellStyle(styles.decimal);
        } else {
            String texte = valeur.toString();
            cellule.setCellValue(texte.length() > LONGUEUR_MAX_CELLULE ? texte.substring(0, LONGUEUR_MAX_CELLULE) : texte);
            cellule.setCellStyle(styles.texte);
        }
    }

    /** The few styles of a workbook, created once (a workbook holds at most 64,000 styles). */
    private static final class Styles {
        final CellStyle entete;
        final CellStyle texte;
        final CellStyle date;
        final CellStyle entier;
        final CellStyle decimal;
        final CellStyle mois;
        final CellStyle montant;

        Styles(SXSSFWorkbook classeur) {
            Font gras = classeur.createFont();
            gras.setBold(true);
            entete = classeur.createCellStyle();
            entete.setFont(gras);
            entete.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
            entete.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            entete.setBorderBottom(BorderStyle.THIN);
            entete.setWrapText(true);
            entete.setVerticalAlignment(VerticalAlignment.TOP);
            texte = classeur.createCellStyle();
            texte.setWrapText(true);
            texte.setVerticalAlignment(VerticalAlignment.TOP);
            date = classeur.createCellStyle();
            date.setDataFormat(classeur.createDataFormat().getFormat("dd/mm/yyyy"));
            date.setVerticalAlignment(VerticalAlignment.TOP);
            entier = classeur.createCellStyle();
            entier.setDataFormat(classeur.createDataFormat().getFormat("#,##0"));
            entier.setVerticalAlignment(VerticalAlignment.TOP);
            decimal = classeur.createCellStyle();
            decimal.setDataFormat(classeur.createDataFormat().getFormat("#,##0.##"));
            decimal.setVerticalAlignment(VerticalAlignment.TOP);
            mois = classeur.createCellStyle();
            mois.setDataFormat(classeur.createDataFormat().getFormat("mm/yyyy"));
            mois.setVerticalAlignment(VerticalAlignment.TOP);
            montant = classeur.createCellStyle();
            montant.setDataFormat(classeur.createDataFormat().getFormat("#,##0.00\\ \"€\""));
            montant.setVerticalAlignment(VerticalAlignment.TOP);
        }
    }
}
