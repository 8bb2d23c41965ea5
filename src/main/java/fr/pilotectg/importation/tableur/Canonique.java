package fr.pilotectg.importation.tableur;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How two cells are compared: the file's cell and the cell the export would write now, both reduced to one form
 * (trimmed, line ends unified, the CSV anti-formula apostrophe removed, numbers without trailing zeros).
 */
final class Canonique {

    private static final Pattern NOMBRE = Pattern.compile("-?\\d{1,15}([.,]\\d{1,12})?");
    private static final Pattern ESPACES = Pattern.compile("\\s+");

    private Canonique() {
    }

    /** The text a user meant: trimmed, CRLF → LF, without the apostrophe the CSV export puts before = + - @. */
    static String texte(String cellule) {
        if (cellule == null) {
            return "";
        }
        String texte = cellule.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (texte.length() > 1 && texte.charAt(0) == '\'' && "=+-@".indexOf(texte.charAt(1)) >= 0) {
            texte = texte.substring(1);
        }
        return texte;
    }

    /** The form in which two cells are compared. */
    static String comparable(String cellule) {
        String texte = texte(cellule);
        texte = texte.lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElse("");
        if (NOMBRE.matcher(texte).matches()) {
            return new BigDecimal(texte.replace(',', '.')).stripTrailingZeros().toPlainString().replace('.', ',');
        }
        return texte;
    }

    /** A header or a label reduced for matching: lower case, no accents, no punctuation, single spaces. */
    static String nom(String texte) {
        String sans = Normalizer.normalize(texte == null ? "" : texte, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace("œ", "oe").replace("Œ", "oe").toLowerCase(Locale.ROOT);
        sans = sans.replaceAll("[^a-z0-9]+", " ");
        return ESPACES.matcher(sans).replaceAll(" ").strip();
    }
}
