package fr.pilotectg.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes the first sheet of a {@link TableurClasseur} as CSV for a French spreadsheet: UTF-8 with a BOM, ";" between
 * fields, CRLF between records, RFC 4180 quoting, decimal comma, dates dd/mm/yyyy. A text starting with = + - @
 * (or a tab or carriage return) is prefixed with an apostrophe so that no spreadsheet runs it as a formula.
 */
final class TableurCsv {

    static final char SEPARATEUR = ';';
    private static final String BOM = "\uFEFF";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private TableurCsv() {
    }

    static void ecrire(TableurClasseur classeur, OutputStream sortie) throws IOException {
        TableurFeuille feuille = classeur.premiereFeuille();
        Writer ecrivain = new OutputStreamWriter(sortie, StandardCharsets.UTF_8);
        ecrivain.write(BOM);
        ecrireLigne(ecrivain, feuille.colonnes().stream().map(c -> (Object) c.titre()).toList(), feuille.colonnes().size());
        for (List<Object> ligne : feuille.lignes()) {
            ecrireLigne(ecrivain, ligne, feuille.colonnes().size());
        }
        ecrivain.flush();
    }

    private static void ecrireLigne(Writer ecrivain, List<Object> valeurs, int nombre) throws IOException {
        StringBuilder ligne = new StringBuilder();
        for (int i = 0; i < nombre; i++) {
            if (i > 0) {
                ligne.append(SEPARATEUR);
            }
            ligne.append(champ(i < valeurs.size() ? valeurs.get(i) : null));
        }
        ecrivain.write(ligne.append("\r\n").toString());
    }

    /** One field as written in the file. */
    static String champ(Object valeur) {
        if (valeur == null) {
            return "";
        }
        if (valeur instanceof LocalDate date) {
            return DATE.format(date);
        }
        if (valeur instanceof java.time.YearMonth mois) {
            return String.format("%02d/%d", mois.getMonthValue(), mois.getYear());
        }
        if (valeur instanceof TableurMontant montant) {
            return montant.euros().toPlainString().replace('.', ',');
        }
        if (valeur instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString().replace('.', ',');
        }
        if (valeur instanceof Integer || valeur instanceof Long) {
            return valeur.toString();
        }
        if (valeur instanceof Number nombre) {
            return BigDecimal.valueOf(nombre.doubleValue()).stripTrailingZeros().toPlainString().replace('.', ',');
        }
        return guillemets(neutraliser(valeur.toString()));
    }

    /** A text that a spreadsheet would read as a formula gets an apostrophe in front (OWASP CSV injection). */
    static String neutraliser(String texte) {
        if (!texte.isEmpty() && "=+-@\t\r".indexOf(texte.charAt(0)) >= 0) {
            return "'" + texte;
        }
        return texte;
    }

    private static String guillemets(String texte) {
        if (texte.indexOf(SEPARATEUR) < 0 && texte.indexOf('"') < 0 && texte.indexOf('\n') < 0 && texte.indexOf('\r') < 0) {
            return texte;
        }
        return '"' + texte.replace("\"", "\"\"") + '"';
    }
}
