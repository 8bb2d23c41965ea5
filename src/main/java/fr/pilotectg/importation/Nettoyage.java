package fr.pilotectg.importation;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cleaning every format goes through (issue 17, "OCR noise must not stop it"): page headers and footers repeated
 * on many pages and lone page numbers removed, hyphenation at the end of a line joined, broken accents ("e´",
 * "Ã©") repaired, HTML fragments left by converters ({@code <br>}, {@code <span …>}, {@code &nbsp;}) turned to text.
 * Data that merely looks like noise is kept: a lone number is a page number only when it belongs to a run of
 * consecutive numbers (3, 4, 5…) or reads "Page 3 / 40".
 */
final class Nettoyage {

    /** A lone page number: at most 3 digits (a document has at most 500 pages: "2027" alone is a year), not in a table cell. */
    private static final Pattern NUMERO_SEUL = Pattern.compile("^[-–— ]*(\\d{1,3})[-–— ]*$");
    private static final Pattern NUMERO_DE_PAGE = Pattern.compile("(?i)^\\s*page\\s+\\d{1,4}(\\s*(/|sur)\\s*\\d{1,4})?\\s*$|^\\s*\\d{1,4}\\s*/\\s*\\d{1,4}\\s*$");
    private static final Pattern CESURE = Pattern.compile("\\p{Ll}-$");
    private static final Pattern DEBUT_MINUSCULE = Pattern.compile("^\\p{Ll}");
    private static final Pattern BALISE_BR = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern APPEL_DE_NOTE = Pattern.compile("(?i)<sup>\\s*\\d{1,3}\\s*</sup>");
    private static final Pattern CASE_COCHEE = Pattern.compile("(?i)<input\\s[^<>]*\\bchecked\\b[^<>]*>");
    private static final Pattern CASE_VIDE = Pattern.compile("(?i)<input\\s[^<>]*type\\s*=\\s*\"?checkbox\"?[^<>]*>");
    private static final Pattern ITEM = Pattern.compile("(?i)<li(\\s[^<>]*)?>");
    private static final Pattern BLOC = Pattern.compile("(?i)</?(p|div|ul|ol|li|h[1-6]|tr|table|tbody|thead|blockquote)(\\s[^<>]*)?/?>");
    /** Any other tag (a letter right after "<", so that "< 5 ans" stays). */
    private static final Pattern BALISE = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]{0,15}(\\s[^<>]*)?/?>");
    private static final Map<String, String> ENTITES = Map.ofEntries(Map.entry("&nbsp;", " "), Map.entry("&lt;", "<"),
            Map.entry("&gt;", ">"), Map.entry("&quot;", "\""), Map.entry("&apos;", "'"), Map.entry("&rsquo;", "’"),
            Map.entry("&lsquo;", "‘"), Map.entry("&ldquo;", "“"), Map.entry("&rdquo;", "”"), Map.entry("&laquo;", "«"),
            Map.entry("&raquo;", "»"), Map.entry("&eacute;", "é"), Map.entry("&egrave;", "è"), Map.entry("&ecirc;", "ê"),
            Map.entry("&agrave;", "à"), Map.entry("&acirc;", "â"), Map.entry("&ccedil;", "ç"), Map.entry("&ocirc;", "ô"),
            Map.entry("&icirc;", "î"), Map.entry("&ugrave;", "ù"), Map.entry("&ucirc;", "û"), Map.entry("&oelig;", "œ"),
            Map.entry("&Eacute;", "É"), Map.entry("&ndash;", "–"), Map.entry("&mdash;", "—"), Map.entry("&hellip;", "…"),
            Map.entry("&euro;", "€"), Map.entry("&bull;", "•"));
    /** Marks, between cleaning and splitting, a paragraph that was an HTML list item. */
    private static final String PUCE = "\u0002";
    private static final Pattern ENTITE_NUMERIQUE = Pattern.compile("&#(x?)([0-9a-fA-F]{1,6});");
    private static final Pattern MOJIBAKE = Pattern.compile("[ÃÂ][\\u0080-\\u00BF]|â€|Ã[\\u00A0-\\u00BF]");
    private static final Map<Character, Character> DIACRITIQUES = Map.of('´', '\u0301', '`', '\u0300', 'ˆ', '\u0302', '¨', '\u0308', '¸', '\u0327');
    private static final Pattern LETTRE_PUIS_DIACRITIQUE = Pattern.compile("([aeiouycAEIOUYC])\\s?([´ˆ¨¸])");
    private static final Pattern DIACRITIQUE_PUIS_LETTRE = Pattern.compile("(?<![\\p{L}])([´ˆ¨¸])([aeiouycAEIOUYC])");
    private static final Pattern ESPACES = Pattern.compile(" {2,}");
    /** Mojibake pieces repaired one by one when the whole line does not decode back (a line mixing "Ã©" and "é"). */
    private static final String[][] ACCENTS_CASSES = {
            {"Ã©", "é"}, {"Ã¨", "è"}, {"Ãª", "ê"}, {"Ã«", "ë"}, {"Ã§", "ç"}, {"Ã´", "ô"}, {"Ã®", "î"}, {"Ã¯", "ï"},
            {"Ã¹", "ù"}, {"Ã»", "û"}, {"Ã¢", "â"}, {"Ã‰", "É"}, {"Ãˆ", "È"}, {"Ã€", "À"}, {"â€™", "'"}, {"â€“", "–"},
            {"â€œ", "“"}, {"â€\u009d", "”"}, {"Å“", "œ"}, {"Ã ", "à "}, {"Â ", " "}, {"Â«", "«"}, {"Â»", "»"}};
    /** A Markdown link: its text is kept, its target dropped. */
    private static final Pattern LIEN = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
    /** Markdown emphasis around a run of text ("*Fiche action 4 : …*"), not a lone asterisk ("Porteur *", "5 * 3"). */
    private static final Pattern EMPHASE = Pattern.compile("(?<![\\w*])\\*(?=\\S)([^*\\t\\n]{1,200}?)(?<=\\S)\\*(?![\\w*])");

    private Nettoyage() {
    }

    /**
     * The lines of a paged text (PDF pages, or text split at form feeds) without their repeated headers, footers and
     * page numbers. A text of one page is first cut into pages at its page numbers, when it has any.
     */
    static List<String> sansEntetesNiPagination(List<List<String>> pages) {
        List<List<String>> decoupees = pages.size() == 1 ? decouperAuxNumerosDePage(pages.get(0)) : new ArrayList<>(pages);
        if (decoupees.size() >= 3) {
            retirerEnTetesEtPiedsRepetes(decoupees);
        }
        List<String> lignes = new ArrayList<>();
        for (List<String> page : decoupees) {
            for (String l : page) {
                if (l != null) {
                    lignes.add(l);
                }
            }
        }
        return lignes;
    }

    /** Pages cut at lone page numbers (runs of consecutive numbers, or "Page n / m"), the numbers left out. */
    private static List<List<String>> decouperAuxNumerosDePage(List<String> lignes) {
        List<Integer> positions = new ArrayList<>();
        List<Integer> valeurs = new ArrayList<>();
        for (int i = 0; i < lignes.size(); i++) {
            Matcher m = NUMERO_SEUL.matcher(lignes.get(i));
            if (m.matches()) {
                positions.add(i);
                valeurs.add(Integer.parseInt(m.group(1)));
            }
        }
        // Runs of consecutive numbers (1, 2, 3…), other lone figures between them allowed ("86" of a table is no page).
        Map<Integer, List<Integer>> ouvertes = new HashMap<>();
        List<List<Integer>> suites = new ArrayList<>();
        for (int k = 0; k < valeurs.size(); k++) {
            int v = valeurs.get(k);
            List<Integer> suite = ouvertes.remove(v - 1);
            if (suite == null) {
                suite = new ArrayList<>();
                suites.add(suite);
            }
            suite.add(positions.get(k));
            ouvertes.put(v, suite);
        }
        Set<Integer> numeros = new HashSet<>();
        for (List<Integer> suite : suites) {
            if (suite.size() >= 3) {
                numeros.addAll(suite);
            }
        }
        for (int i = 0; i < lignes.size(); i++) {
            if (NUMERO_DE_PAGE.matcher(lignes.get(i)).matches()) {
                numeros.add(i);
            }
        }
        List<List<String>> pages = new ArrayList<>();
        List<String> page = new ArrayList<>();
        for (int i = 0; i < lignes.size(); i++) {
            if (numeros.contains(i)) {
                pages.add(page);
                page = new ArrayList<>();
            } else {
                page.add(lignes.get(i));
            }
        }
        pages.add(page);
        return pages;
    }

    /**
     * Removes, at the top and bottom of each page (two non-empty lines each), the lines found there on at least 3 pages
     * and 40 % of them (digits ignored: "Page 3" and "Page 4" are the same footer), and lone numbers there.
     */
    private static void retirerEnTetesEtPiedsRepetes(List<List<String>> pages) {
        Map<String, Integer> frequences = new HashMap<>();
        for (List<String> page : pages) {
            Set<String> vus = new HashSet<>();
            for (int i : bords(page)) {
                String cle = cle(page.get(i));
                if (cle.length() <= 150 && !cle.matches("[#\\s\\-–—/]*") && vus.add(cle)) {
                    frequences.merge(cle, 1, Integer::sum);
                }
            }
        }
        int seuil = Math.max(3, (int) Math.ceil(pages.size() * 0.4));
        for (List<String> page : pages) {
            List<Integer> bords = bords(page);
            for (int i : bords) {
                String l = page.get(i);
                boolean extremite = i == bords.stream().mapToInt(Integer::intValue).min().orElse(-1)
                        || i == bords.stream().mapToInt(Integer::intValue).max().orElse(-1);
                if (frequences.getOrDefault(cle(l), 0) >= seuil
                        || (extremite && (NUMERO_SEUL.matcher(l).matches() || NUMERO_DE_PAGE.matcher(l).matches()))) {
                    page.set(i, null);
                }
            }
        }
    }

    private static List<Integer> bords(List<String> page) {
        List<Integer> indices = new ArrayList<>();
        int trouves = 0;
        for (int i = 0; i < page.size() && trouves < 2; i++) {
            if (page.get(i) != null && !page.get(i).isBlank()) {
                indices.add(i);
                trouves++;
            }
        }
        trouves = 0;
        for (int i = page.size() - 1; i >= 0 && trouves < 2; i--) {
            if (page.get(i) != null && !page.get(i).isBlank()) {
                if (!indices.contains(i)) {
                    indices.add(i);
                }
                trouves++;
            }
        }
        return indices;
    }

    private static String cle(String ligne) {
        return ligne.replaceAll("\\d+", "#").replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Lines cleaned one by one, hyphenated words joined to the next line, and numbered again from 1. A line that is
     * no table row and holds HTML paragraphs or list items ({@code <p>}, {@code <li>}) becomes one line for each.
     */
    static List<Ligne> lignes(List<Ligne> brutes) {
        List<Ligne> propres = new ArrayList<>();
        for (Ligne l : brutes) {
            boolean tableau = l.genre() == Ligne.NatureDeLigne.TABLEAU;
            String texte = nettoyer(l.texte(), tableau);
            if (!tableau && texte.contains(Ligne.SAUT)) {
                for (String morceau : texte.split(Ligne.SAUT)) {
                    boolean item = morceau.startsWith(PUCE);
                    String t = item ? morceau.substring(PUCE.length()) : morceau;
                    propres.add(item ? new Ligne(0, t, Ligne.NatureDeLigne.LISTE, Math.max(1, l.niveau()))
                            : new Ligne(0, t, l.genre(), l.niveau()));
                }
                continue;
            }
            Ligne.NatureDeLigne genre = texte.isBlank() && l.genre() != Ligne.NatureDeLigne.VIDE ? Ligne.NatureDeLigne.VIDE : l.genre();
            propres.add(new Ligne(0, genre == Ligne.NatureDeLigne.VIDE ? "" : texte, genre, genre == Ligne.NatureDeLigne.VIDE ? 0 : l.niveau()));
        }
        List<Ligne> jointes = new ArrayList<>();
        for (int i = 0; i < propres.size(); i++) {
            Ligne l = propres.get(i);
            while (i + 1 < propres.size() && coupee(l) && suite(propres.get(i + 1))) {
                Ligne suivante = propres.get(++i);
                l = new Ligne(0, l.texte().substring(0, l.texte().length() - 1) + suivante.texte(), l.genre(), l.niveau());
            }
            jointes.add(l);
        }
        List<Ligne> numerotees = new ArrayList<>(jointes.size());
        for (Ligne l : jointes) {
            numerotees.add(new Ligne(numerotees.size() + 1, l.texte(), l.genre(), l.niveau()));
        }
        return numerotees;
    }

    private static boolean coupee(Ligne l) {
        return (l.genre() == Ligne.NatureDeLigne.PARAGRAPHE || l.genre() == Ligne.NatureDeLigne.LISTE) && CESURE.matcher(l.texte()).find();
    }

    private static boolean suite(Ligne l) {
        return l.genre() == Ligne.NatureDeLigne.PARAGRAPHE && DEBUT_MINUSCULE.matcher(l.texte()).find();
    }

    /** One line's text, as a paragraph: HTML fragments, broken accents, non-breaking and repeated spaces. */
    static String texte(String brut) {
        return nettoyer(brut, false).replace(PUCE, "").replace(Ligne.SAUT, " ");
    }

    /**
     * The cleaned text of a line. HTML paragraphs and list items ({@code <p>}, {@code <li>}, and in a table cell
     * {@code <br>} too) are kept apart by {@link Ligne#SAUT}; outside a table, an item starts with {@link #PUCE}.
     */
    private static String nettoyer(String brut, boolean tableau) {
        // C0 controls go before the HTML is read (PUCE is one); C1 controls stay until the mojibake is repaired, since
        // "Ã\u0089" is how a Latin-1 decoder left "É".
        StringBuilder sansControleBrut = new StringBuilder(brut.length());
        brut.codePoints().map(c -> c == '\n' && !tableau ? ' ' : c)
                .filter(c -> c == '\t' || c == '\n' || !Character.isISOControl(c) || (c >= 0x80 && c <= 0x9f))
                .forEach(sansControleBrut::appendCodePoint);
        String t = sansControleBrut.toString();
        if (t.indexOf('<') >= 0 || t.indexOf('&') >= 0) {
            t = sansHtml(t, tableau);
        }
        if (MOJIBAKE.matcher(t).find()) {
            t = sansMojibake(t);
        }
        if (t.indexOf('Ã') >= 0 || t.indexOf('â') >= 0 || t.indexOf('Å') >= 0 || t.indexOf('Â') >= 0) {
            for (String[] r : ACCENTS_CASSES) {
                t = t.replace(r[0], r[1]);
            }
        }
        t = accentsRepares(t);
        t = sansMarkdown(t);
        t = t.replace('\u00a0', ' ').replace('\u202f', ' ').replace("\u00ad", "").replace("\ufeff", "");
        StringBuilder sansControle = new StringBuilder(t.length());
        t.codePoints().filter(c -> c == '\t' || c == '\n' || c == PUCE.charAt(0) || !Character.isISOControl(c)).forEach(sansControle::appendCodePoint);
        String[] cellules = sansControle.toString().split("\t", -1);
        for (int i = 0; i < cellules.length; i++) {
            List<String> paragraphes = new ArrayList<>();
            for (String p : cellules[i].split(Ligne.SAUT)) {
                String propre = ESPACES.matcher(p).replaceAll(" ").strip();
                if (propre.startsWith(PUCE)) {
                    propre = tableau ? propre.substring(PUCE.length()).strip() : PUCE + propre.substring(PUCE.length()).strip();
                }
                if (!propre.isEmpty() && !propre.equals(PUCE)) {
                    paragraphes.add(propre);
                }
            }
            cellules[i] = String.join(Ligne.SAUT, paragraphes);
        }
        return String.join("\t", cellules);
    }

    /** Markdown left in the text: links reduced to their text, bold and emphasis marks dropped. */
    private static String sansMarkdown(String t) {
        String s = t.indexOf('[') >= 0 ? LIEN.matcher(t).replaceAll("$1") : t;
        if (s.indexOf('*') < 0 && s.indexOf('_') < 0) {
            return s;
        }
        s = s.replace("**", "").replace("__", "");
        return EMPHASE.matcher(s).replaceAll("$1");
    }

    static String sansHtml(String t) {
        return sansHtml(t, false).replace(PUCE, "").replace(Ligne.SAUT, " ");
    }

    private static String sansHtml(String t, boolean tableau) {
        String s = BALISE_BR.matcher(t).replaceAll(tableau ? Ligne.SAUT : " ");
        s = APPEL_DE_NOTE.matcher(s).replaceAll("");
        // A checkbox keeps its state as a character (the annexes read "☒ Transférée …").
        s = CASE_COCHEE.matcher(s).replaceAll("☒ ");
        s = CASE_VIDE.matcher(s).replaceAll("☐ ");
        s = ITEM.matcher(s).replaceAll(Ligne.SAUT + PUCE);
        s = BLOC.matcher(s).replaceAll(Ligne.SAUT);
        s = BALISE.matcher(s).replaceAll("");
        for (Map.Entry<String, String> e : ENTITES.entrySet()) {
            s = s.replace(e.getKey(), e.getValue());
        }
        Matcher m = ENTITE_NUMERIQUE.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int code;
            try {
                code = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
            } catch (NumberFormatException e) {
                code = -1;
            }
            String remplacement = code > 0 && Character.isValidCodePoint(code) && !Character.isISOControl(code)
                    ? new String(Character.toChars(code)) : "";
            m.appendReplacement(sb, Matcher.quoteReplacement(remplacement));
        }
        m.appendTail(sb);
        return sb.toString().replace("&amp;", "&");
    }

    /** "Ã©" (UTF-8 read as Windows-1252) back to "é", when the whole line decodes cleanly; else unchanged. */
    static String sansMojibake(String t) {
        Charset windows = Charset.forName("windows-1252");
        try {
            var encodeur = windows.newEncoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer octets = ByteBuffer.allocate(t.length());
            for (char c : t.toCharArray()) {
                // A C1 control is the byte a Latin-1 decoder left as is ("Ã\u0089" for "É"): put the byte back.
                octets.put(c >= '\u0080' && c <= '\u009f' ? (byte) c : encodeur.encode(CharBuffer.wrap(new char[] {c})).get());
            }
            octets.flip();
            CharBuffer decode = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(octets);
            return decode.toString();
        } catch (CharacterCodingException e) {
            return t;
        }
    }

    /** "e´" or "´e" (a spacing accent beside its letter, as some PDF converters write it) back to "é"; then NFC. */
    static String accentsRepares(String t) {
        String s = t;
        if (s.indexOf('´') >= 0 || s.indexOf('ˆ') >= 0 || s.indexOf('¨') >= 0 || s.indexOf('¸') >= 0) {
            s = remplacer(LETTRE_PUIS_DIACRITIQUE, s, 1, 2);
            s = remplacer(DIACRITIQUE_PUIS_LETTRE, s, 2, 1);
        }
        return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    private static String remplacer(Pattern motif, String s, int groupeLettre, int groupeAccent) {
        Matcher m = motif.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            char accent = m.group(groupeAccent).charAt(0);
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(groupeLettre) + DIACRITIQUES.get(accent)));
        }
        m.appendTail(sb);
        return Normalizer.normalize(sb.toString(), Normalizer.Form.NFC);
    }
}
