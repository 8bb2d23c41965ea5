package fr.pilotectg.importation;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of an extracted document as the convention analysis reads them. The text is already clean
 * ({@link Nettoyage}: HTML, Markdown, broken accents, page numbers); here each line becomes prose to read: the
 * paragraphs of a line or cell joined, a list marker dropped, typographic apostrophes made plain, and lone numbers
 * and lines repeated many times (running headers of a document without pages) skipped. Also the helpers to compare
 * names ({@link #cle}) and read French dates and numbers.
 */
final class LignesDeConvention {

    /** A cleaned line; {@code numero} is the line of the {@link DocumentExtrait} it came from. */
    record L(int numero, String texte, Ligne.NatureDeLigne genre, int niveau) {
        String cle() {
            return LignesDeConvention.cle(texte);
        }

        boolean vide() {
            return texte.isBlank();
        }
    }

    private static final Pattern MARQUES = Pattern.compile("^(?:[-–*•▪◦>]\\s*|o\\s+(?=[A-ZÀ-Ý]))+");
    private static final Pattern NUMERO_DE_PAGE = Pattern.compile("(?i)^(?:page\\s*)?\\d{1,3}(?:\\s*(?:/|sur)\\s*\\d{1,3})?$");

    private LignesDeConvention() {
    }

    static List<L> lignes(DocumentExtrait document) {
        List<L> brutes = new ArrayList<>();
        Map<String, Integer> repetitions = new HashMap<>();
        for (Ligne l : document.lignes()) {
            String t = l.texte() == null ? "" : lecture(l.texte(), l.genre() == Ligne.NatureDeLigne.TABLEAU);
            if (NUMERO_DE_PAGE.matcher(t).matches()) {
                t = "";
            }
            brutes.add(new L(l.numero(), t, t.isEmpty() ? Ligne.NatureDeLigne.VIDE : l.genre(), l.niveau()));
            if (t.length() >= 12 && t.length() <= 120 && l.genre() != Ligne.NatureDeLigne.TABLEAU) {
                repetitions.merge(cle(t), 1, Integer::sum);
            }
        }
        List<L> lignes = new ArrayList<>(brutes.size());
        for (L l : brutes) {
            boolean enteteRepete = !l.vide() && l.genre() != Ligne.NatureDeLigne.TABLEAU && repetitions.getOrDefault(l.cle(), 0) >= 6
                    && !l.texte().startsWith("Vu ") && !l.cle().startsWith("article");
            lignes.add(enteteRepete ? new L(l.numero(), "", Ligne.NatureDeLigne.VIDE, 0) : l);
        }
        return lignes;
    }

    /** A cleaned line as prose: its paragraphs (and in a table, each cell's) on one line, without a list marker. */
    static String lecture(String texte, boolean tableau) {
        String t = texte.replace('’', '\'');
        if (tableau) {
            String[] cellules = t.split("\t", -1);
            List<String> lues = new ArrayList<>();
            for (String c : cellules) {
                lues.add(c.replaceAll("\\s+", " ").strip());
            }
            return String.join("\t", lues).strip();
        }
        t = t.replaceAll("\\s+", " ").strip();
        return MARQUES.matcher(t).replaceFirst("").strip();
    }

    /** Lower case, no accents, words separated by one space: what names and titles are compared on. */
    static String cle(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s.replace('’', '\'').replace("œ", "oe").replace("Œ", "OE"), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return n.replaceAll("[^a-z0-9]+", " ").strip();
    }

    static final String MOIS = "(janvier|fevrier|février|mars|avril|mai|juin|juillet|aout|août|septembre|octobre|novembre|decembre|décembre)";
    static final Pattern DATE = Pattern.compile("(?i)\\b(1er|\\d{1,2})\\s*(?:er)?\\s+" + MOIS + "\\s+(\\d{4})\\b|\\b(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})\\b");

    /** The first French date of a text ("1er janvier 2026", "01/01/2026"), or null (also for an impossible date). */
    static LocalDate date(String texte) {
        Matcher m = DATE.matcher(texte == null ? "" : texte);
        return m.find() ? date(m) : null;
    }

    static LocalDate date(Matcher m) {
        try {
            if (m.group(1) != null) {
                int jour = m.group(1).equalsIgnoreCase("1er") ? 1 : Integer.parseInt(m.group(1));
                return LocalDate.of(Integer.parseInt(m.group(3)), mois(m.group(2)), jour);
            }
            return LocalDate.of(Integer.parseInt(m.group(6)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(4)));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int mois(String nom) {
        String c = cle(nom);
        String[] noms = {"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"};
        for (int i = 0; i < noms.length; i++) {
            if (noms[i].equals(c)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(nom);
    }

    private static final List<String> NOMBRES = List.of("zero", "un", "deux", "trois", "quatre", "cinq", "six", "sept",
            "huit", "neuf", "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix sept", "dix huit", "dix neuf", "vingt");

    /** "7", "sept", "quatre" → the number; null otherwise. */
    static Integer nombre(String mot) {
        if (mot == null) {
            return null;
        }
        String c = cle(mot);
        if (c.matches("\\d{1,4}")) {
            return Integer.valueOf(c);
        }
        if (c.equals("une")) {
            return 1;
        }
        int i = NOMBRES.indexOf(c);
        return i < 0 ? null : i;
    }

    static final String NOMBRE = "(\\d{1,3}|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|dix-sept|dix-huit|dix-neuf|vingt)";

    /** "OBJET DE LA CONVENTION" → "Objet de la convention"; mixed-case text is kept; words in {@code sigles} stay upper case. */
    static String phrase(String s, java.util.Set<String> sigles) {
        if (s == null || s.isBlank()) {
            return s;
        }
        String lettres = s.replaceAll("[^\\p{L}]", "");
        if (lettres.isEmpty() || !lettres.equals(lettres.toUpperCase(Locale.ROOT))) {
            return s.strip();
        }
        StringBuilder sb = new StringBuilder();
        Matcher m = Pattern.compile("\\p{L}+|[^\\p{L}]+").matcher(s.strip());
        boolean premier = true;
        while (m.find()) {
            String mot = m.group();
            if (Character.isLetter(mot.charAt(0))) {
                if (sigles.contains(mot)) {
                    sb.append(mot);
                } else {
                    String bas = mot.toLowerCase(Locale.FRENCH);
                    sb.append(premier ? Character.toUpperCase(bas.charAt(0)) + bas.substring(1) : bas);
                }
                premier = false;
            } else {
                sb.append(mot);
            }
        }
        return sb.toString();
    }
}
