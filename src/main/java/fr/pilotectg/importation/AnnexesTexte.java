package fr.pilotectg.importation;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text helpers of the annex analysis: cleaning what converters leave in a line (HTML tags, checkboxes, emphasis,
 * mis-decoded accents) and comparison keys that ignore case, accents, punctuation and "St"/"Saint".
 */
final class AnnexesTexte {

    static final String COCHE = "[x]";
    static final String NON_COCHE = "[ ]";

    private static final Pattern CASE_COCHEE = Pattern.compile("<input[^>]*checked[^>]*>|[☒☑✓✔]", Pattern.CASE_INSENSITIVE);
    private static final Pattern CASE_VIDE = Pattern.compile("<input[^>]*>|[☐□]", Pattern.CASE_INSENSITIVE);
    private static final Pattern BALISE = Pattern.compile("</?[a-zA-Z][^>]*>");
    private static final Pattern MARQUES = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

    private AnnexesTexte() {
    }

    /** A line's text without HTML, with checkboxes as [x]/[ ], repaired accents and single spaces (tabs kept). */
    static String propre(String texte) {
        if (texte == null) {
            return "";
        }
        String s = reparerAccents(texte);
        s = CASE_COCHEE.matcher(s).replaceAll(" " + COCHE + " ");
        s = CASE_VIDE.matcher(s).replaceAll(" " + NON_COCHE + " ");
        s = s.replaceAll("(?i)<br\\s*/?>|</li>|</p>", " ; ");
        s = BALISE.matcher(s).replaceAll(" ");
        s = s.replace("&nbsp;", " ").replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"")
                .replace("\\*", "*").replace("\\_", "_").replace('’', '\'').replace('\u00a0', ' ');
        s = s.replaceAll("\\*\\*|__", "");
        List<String> cellules = new ArrayList<>();
        for (String c : s.split("\t", -1)) {
            cellules.add(c.replaceAll("[ \\u2000-\\u200b]+", " ").replaceAll("^( ?; ?)+|( ?; ?)+$", "").strip());
        }
        return String.join("\t", cellules);
    }

    /** UTF-8 read as Latin-1 ("Ã©" for "é") decoded back; other text unchanged. */
    static String reparerAccents(String s) {
        if (s.indexOf('Ã') < 0 && s.indexOf('Â') < 0) {
            return s;
        }
        String repare = new String(s.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        return repare.contains("\uFFFD") ? s : repare;
    }

    /** Lower case, no accents, letters and digits separated by single spaces, "st"/"ste" read as "saint(e)". */
    static String cle(String s) {
        if (s == null) {
            return "";
        }
        String n = MARQUES.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT)
                .replace("œ", "oe").replace("æ", "ae");
        n = NON_ALNUM.matcher(n).replaceAll(" ").strip();
        return (" " + n + " ").replace(" st ", " saint ").replace(" ste ", " sainte ").strip();
    }

    static boolean vide(String s) {
        return s == null || s.isBlank();
    }

    /** The non-empty cells of a cleaned line. */
    static List<String> cellules(String propre) {
        List<String> r = new ArrayList<>();
        for (String c : propre.split("\t", -1)) {
            r.add(c.strip());
        }
        return r;
    }

    static List<String> nonVides(List<String> cellules) {
        return cellules.stream().filter(c -> !c.isBlank()).toList();
    }

    /** A number printed with spaces ("40 438") or not; null when there is none. */
    static Integer nombre(String s) {
        if (s == null) {
            return null;
        }
        java.util.regex.Matcher m = Pattern.compile("\\d[\\d  .]*").matcher(s);
        if (!m.find()) {
            return null;
        }
        String chiffres = m.group().replaceAll("[^0-9]", "");
        if (chiffres.isEmpty() || chiffres.length() > 9) {
            return null;
        }
        return Integer.valueOf(chiffres);
    }
}
