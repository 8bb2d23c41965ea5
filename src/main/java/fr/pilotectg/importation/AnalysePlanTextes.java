package fr.pilotectg.importation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text helpers of the plan analysis: comparison keys that survive noise (accents, case, emphasis, HTML, "(s)"). */
final class AnalysePlanTextes {

    private static final Pattern BALISE = Pattern.compile("<[^>]{0,300}>");
    private static final Pattern MARQUES = Pattern.compile("\\\\?[*_`]+");
    private static final Pattern DIACRITIQUES = Pattern.compile("\\p{M}+");

    private AnalysePlanTextes() {
    }

    /** The printed text without HTML tags, emphasis marks, arrows and bullets at its start, spaces collapsed. */
    static String propre(String s) {
        if (s == null) {
            return "";
        }
        String t = BALISE.matcher(s).replaceAll(" ");
        t = t.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"");
        t = MARQUES.matcher(t).replaceAll("");
        t = t.replace('\u00a0', ' ').replace('\u2019', '\'').replace('\u2018', '\'');
        t = t.replaceAll("\\s+", " ").strip();
        t = t.replaceFirst("^(?:[→▶►•▪➢➤✓-]\\s*)+", "");
        return t.strip();
    }

    /** A comparison key: lower case, no accents, œ/æ spelt out, "(s)" dropped, punctuation turned into spaces. */
    static String cle(String s) {
        String t = propre(s).toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae");
        t = DIACRITIQUES.matcher(Normalizer.normalize(t, Normalizer.Form.NFD)).replaceAll("");
        t = t.replace("(s)", "").replace("(x)", "");
        t = t.replaceAll("[^a-z0-9]+", " ");
        return t.strip();
    }

    /** The key of a label: {@link #cle} of the text without its parenthesised explanations ("Diagnostic initial (Quels constats ?)"). */
    static String cleDeLibelle(String s) {
        String t = propre(s).replace("(s)", "").replace("(S)", "").replaceAll("\\([^)]*\\)", " ");
        return cle(t);
    }

    /** Sentence case for a title printed in capitals ("PETITE ENFANCE" → "Petite enfance"); other titles unchanged. */
    static String casse(String titre) {
        String t = propre(titre);
        long lettres = t.chars().filter(Character::isLetter).count();
        long majuscules = t.chars().filter(Character::isUpperCase).count();
        if (lettres > 3 && majuscules == lettres) {
            String bas = t.toLowerCase(Locale.ROOT);
            return Character.toUpperCase(bas.charAt(0)) + bas.substring(1);
        }
        return t;
    }

    static boolean estNumeroDePage(String s) {
        return propre(s).matches("(?i)(page\\s*)?\\d{1,3}(\\s*/\\s*\\d{1,3})?");
    }
}
