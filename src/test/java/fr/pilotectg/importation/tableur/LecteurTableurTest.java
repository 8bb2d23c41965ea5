package fr.pilotectg.importation.tableur;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;

import fr.pilotectg.shared.ErreurValidation;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The streaming XLSX reader gives each kind of cell as the import reads it (text, Oui/Non, dates by their format,
 * numbers with a decimal comma, formulas by their cached value), for workbooks saved with shared strings as
 * spreadsheet programs do and with inline strings as the product's export does.
 */
class LecteurTableurTest {

    @Test
    void every_kind_of_cell_is_read_as_text_from_shared_and_inline_strings() throws Exception {
        for (Workbook classeur : List.of(new XSSFWorkbook(), new SXSSFWorkbook())) {
            classeur.createSheet("Autre").createRow(0).createCell(0).setCellValue("pas celle-ci");
            Sheet feuille = classeur.createSheet("Suivi");
            Row entete = feuille.createRow(0);
            List<String> titres = List.of("Texte", "Oui", "Date", "Mois", "Nombre", "Entier", "Formule", "Vide", "Riche");
            for (int i = 0; i < titres.size(); i++) {
                entete.createCell(i).setCellValue(titres.get(i));
            }
            CellStyle date = classeur.createCellStyle();
            date.setDataFormat(classeur.createDataFormat().getFormat("dd/mm/yyyy"));
            CellStyle mois = classeur.createCellStyle();
            mois.setDataFormat(classeur.createDataFormat().getFormat("mm/yyyy"));
            Row ligne = feuille.createRow(2);
            ligne.createCell(0).setCellValue("Réalisations\nsur deux lignes");
            ligne.createCell(1).setCellValue(true);
            ligne.createCell(2).setCellValue(LocalDate.of(2026, 2, 28));
            ligne.getCell(2).setCellStyle(date);
            ligne.createCell(3).setCellValue(LocalDate.of(2027, 6, 1));
            ligne.getCell(3).setCellStyle(mois);
            ligne.createCell(4).setCellValue(12.50);
            ligne.createCell(5).setCellValue(40.0);
            ligne.createCell(6).setCellFormula("F3+2");
            XSSFRichTextString riche = new XSSFRichTextString("gras puis normal");
            riche.applyFont(0, 4, classeur.createFont());
            ligne.createCell(8).setCellValue(riche);
            feuille.createRow(3).createCell(7).setCellValue(" ");
            feuille.createRow(4).createCell(0).setCellValue(false);
            feuille.getRow(4).createCell(1).setCellValue("ligne 5");
            if (classeur instanceof XSSFWorkbook x) {
                x.getCreationHelper().createFormulaEvaluator().evaluateAll();
            }
            ByteArrayOutputStream sortie = new ByteArrayOutputStream();
            classeur.write(sortie);
            classeur.close();

            FeuilleLue lue = LecteurTableur.lire(sortie.toByteArray(), "suivi");
            assertThat(lue.nom()).isEqualTo("Suivi");
            assertThat(lue.entetes()).isEqualTo(titres);
            assertThat(lue.lignes()).as("blank rows are skipped, rows keep their number").extracting(FeuilleLue.LigneLue::numero)
                    .containsExactly(3, 5);
            List<String> cellules = lue.lignes().get(0).cellules();
            assertThat(cellules.subList(0, 6)).containsExactly("Réalisations\nsur deux lignes", "Oui", "28/02/2026", "06/2027", "12,5", "40");
            assertThat(cellules.get(6)).as("formula of %s", classeur.getClass().getSimpleName())
                    .isEqualTo(classeur instanceof XSSFWorkbook ? "42" : "0");
            assertThat(cellules.subList(7, 9)).containsExactly("", "gras puis normal");
            assertThat(lue.lignes().get(1).cellules()).containsExactly("Non", "ligne 5");
        }
    }

    @Test
    void the_first_sheet_is_read_when_none_has_the_name_wanted_and_an_empty_sheet_is_named() throws Exception {
        XSSFWorkbook classeur = new XSSFWorkbook();
        classeur.createSheet("Feuil1").createRow(0).createCell(1).setCellValue("Référence");
        classeur.createSheet("Feuil2");
        FeuilleLue lue = LecteurTableur.lire(octets(classeur), "Suivi");
        assertThat(lue.nom()).isEqualTo("Feuil1");
        assertThat(lue.entetes()).containsExactly("", "Référence");
        assertThat(lue.lignes()).isEmpty();
        assertThatThrownBy(() -> LecteurTableur.lire(octets(classeur), "Feuil2")).isInstanceOf(ErreurValidation.class)
                .hasMessageContaining("La feuille « Feuil2 » est vide");
    }

    @Test
    void more_rows_than_allowed_is_refused_with_the_sheet_named() throws Exception {
        SXSSFWorkbook classeur = new SXSSFWorkbook();
        Sheet feuille = classeur.createSheet("Suivi");
        feuille.createRow(0).createCell(0).setCellValue("Référence");
        feuille.createRow(LecteurTableur.LIGNES_MAX + 1).createCell(0).setCellValue("FA1");
        ByteArrayOutputStream sortie = new ByteArrayOutputStream();
        classeur.write(sortie);
        classeur.close();
        assertThatThrownBy(() -> LecteurTableur.lire(sortie.toByteArray(), "Suivi")).isInstanceOf(ErreurValidation.class)
                .hasMessageContaining("La feuille « Suivi » a plus de 20000 lignes");
    }

    private static byte[] octets(XSSFWorkbook classeur) throws Exception {
        ByteArrayOutputStream sortie = new ByteArrayOutputStream();
        classeur.write(sortie);
        return sortie.toByteArray();
    }
}
