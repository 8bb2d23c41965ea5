package fr.pilotectg.importation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.pilotectg.plan.ChampModele;
import fr.pilotectg.plan.Vocabulaire;

/**
 * Turns the printed pieces of one field (paragraphs, list items, table cells) into the value the plan API takes for
 * its type: a text, a list of items, vocabulary codes, organisation or territory names, indicators.
 */
final class AnalysePlanValeurs {

    private static final Pattern ANNEE = Pattern.compile("(?<!\\d)(20\\d\\d)(?!\\d)");
    private static final Pattern PERIODE = Pattern.compile("(?<!\\d)(20\\d\\d)\\s*[-–/à]+\\s*(20\\d\\d)(?!\\d)");

    private static final Pattern POINT_VIRGULE = Pattern.compile("\\s*;\\s*");
    /** Words that start the name of a local authority ("CCBA-Mairie Aubenas", "CCBA et mairie Aubenas"). */
    private static final String COLLECTIVITE = "(?i:mairie|commune|ville|communaut[ée]|d[ée]partement|conseil)\\b";
    /**
     * Between organisation or territory names: ";", ",", a dash between spaces, and "et" or a dash between an
     * acronym and a local authority ("CCBA et Aubenas", "CCBA-Mairie Aubenas"; "GRETA et centres de formation",
     * "RPE-PIAPE" and "Vals-les-Bains" stay whole).
     */
    private static final Pattern SEPARATEURS_DE_NOMS = Pattern.compile("\\s*[;,]\\s*|\\s+[-–—]\\s*|\\s*[–—]\\s+|\\s*/\\s+|\\s+/\\s*"
            + "|(?<=\\b\\p{Lu}{2,6})(?:\\s+et\\s+|-)(?=" + COLLECTIVITE + "|\\p{Lu}\\p{Ll})"
            + "|(?<=\\p{Ll})\\s+et\\s+(?=\\p{Lu}{2,6}\\b)");
    /** A dash starting an item inside a paragraph ("… bénéficiaires -nombre de …", "… familles - Nombre de …"). */
    private static final Pattern TIRET = Pattern.compile("\\s+-\\s*(?=\\p{L})");
    private static final Pattern BARRE = Pattern.compile("\\s*/\\s+|\\s+/\\s*");

    /** A piece of a field's value: a paragraph or cell ({@code item} false) or a list item. */
    record Morceau(String texte, boolean item) {
    }

    private AnalysePlanValeurs() {
    }

    /** The value of a template field, or null when nothing usable was printed; unknown vocabulary words go to {@code illisibles}. */
    static Object valeur(ChampModele champ, List<Morceau> morceaux, List<String> illisibles) {
        List<Morceau> utiles = morceaux.stream().map(m -> new Morceau(AnalysePlanTextes.propre(m.texte()), m.item()))
                .filter(m -> !m.texte().isEmpty() && !m.texte().matches("[-–•.]+")).toList();
        if (utiles.isEmpty()) {
            return null;
        }
        return switch (champ.type()) {
            case TEXTE -> String.join("\n\n", utiles.stream().map(Morceau::texte).toList());
            case LISTE -> items(utiles, true);
            case ORGANISATIONS, TERRITOIRES -> noms(utiles, SEPARATEURS_DE_NOMS);
            case INDICATEURS -> items(utiles, true).stream().map(AnalysePlanValeurs::indicateur).toList();
            case VOCABULAIRE -> {
                List<String> codes = codes(champ.vocabulaire(), noms(utiles), illisibles);
                yield codes.isEmpty() ? null : codes.get(0);
            }
            case VOCABULAIRES -> {
                List<String> codes = codes(champ.vocabulaire(), noms(utiles), illisibles);
                yield codes.isEmpty() ? null : codes;
            }
        };
    }

    /** List items: bullets as printed; a paragraph is split on " / " and on dashes that start items ("-a -b"). */
    static List<String> items(List<Morceau> morceaux, boolean couper) {
        List<String> items = new ArrayList<>();
        for (Morceau m : morceaux) {
            if (m.item() || !couper) {
                items.add(m.texte());
                continue;
            }
            String t = m.texte();
            List<String> parts = t.startsWith("-") ? List.of(t.substring(1).split("\\s+-(?=\\S)"))
                    : TIRET.matcher(t).results().count() >= 2 ? couper(TIRET, t) : couper(BARRE, t);
            for (String p : parts.size() == 1 ? elements(parts.get(0)) : parts) {
                String s = AnalysePlanTextes.propre(p);
                if (!s.isEmpty()) {
                    items.add(s);
                }
            }
        }
        return items;
    }

    /** Names separated by ";" (or one per line or bullet). */
    static List<String> noms(List<Morceau> morceaux) {
        return noms(morceaux, POINT_VIRGULE);
    }

    /** Names separated as {@code separateurs} says, outside brackets (and one per line or bullet). */
    static List<String> noms(List<Morceau> morceaux, Pattern separateurs) {
        List<String> noms = new ArrayList<>();
        for (Morceau m : morceaux) {
            List<String> parts = new ArrayList<>();
            for (String p : couper(separateurs, AnalysePlanTextes.propre(m.texte()))) {
                // Two words ("mairie Aubenas", "MAIRIE AUBENAS") are one name; longer runs may be several.
                parts.addAll(separateurs == POINT_VIRGULE || m.item() || p.split("\\s+").length < 3 ? List.of(p) : elements(p));
            }
            if (parts.size() > 1) {
                parts.removeIf(p -> p.strip().endsWith(":"));
            }
            for (String p : parts) {
                String s = AnalysePlanTextes.propre(p).replaceFirst("[.;,]$", "").strip();
                if (!s.isEmpty()) {
                    noms.add(s);
                }
            }
        }
        return noms;
    }

    /** The text cut where {@code separateur} matches outside brackets and quotes. */
    static List<String> couper(Pattern separateur, String texte) {
        List<String> parts = new ArrayList<>();
        Matcher m = separateur.matcher(texte);
        int debut = 0;
        while (m.find()) {
            if (m.start() > 0 && profondeur(texte, m.start()) == 0) {
                parts.add(texte.substring(debut, m.start()));
                debut = m.end();
            }
        }
        parts.add(texte.substring(debut));
        return parts.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    private static int profondeur(String texte, int fin) {
        int p = 0;
        for (int i = 0; i < fin; i++) {
            char c = texte.charAt(i);
            p += c == '(' || c == '[' || c == '«' ? 1 : c == ')' || c == ']' || c == '»' ? -1 : 0;
        }
        return Math.max(p, 0);
    }

    private static final java.util.Set<String> LIAISONS = java.util.Set.of("de", "du", "des", "la", "le", "les", "l", "d", "à", "a",
            "au", "aux", "en", "et", "ou", "pour", "par", "sur", "avec", "dans", "chez", "entre", "vers", "sans", "sous", "un", "une",
            "the", "of", "ses", "son", "sa", "leur", "leurs", "nos", "notre", "votre", "ce", "cet", "cette", "ces", "que", "qui",
            "dont", "selon", "via", "auprès", "autour", "depuis", "lors", "dès", "contre", "comme");

    /**
     * The items of a list cell whose paragraphs a converter ran together with spaces ("EAJE AMA Familles et
     * enfants", "… sur le territoire Répondre à la demande …"): a new item starts at a capitalised word after a
     * word ending in lower case that does not link it (not "du Pôle"), or at an acronym or a capitalised word right
     * after an acronym ("PMI CAF", "AMA Familles"); never inside brackets or quotes, never after ":" or ",". Words
     * in capitals after a lower-case word ("Service petite enfance CCBA") and capitalised names ("France Travail")
     * stay in their item.
     */
    static List<String> elements(String texte) {
        String[] mots = texte.strip().split("\\s+");
        List<String> items = new ArrayList<>();
        StringBuilder courant = new StringBuilder();
        int profondeur = 0;
        for (int i = 0; i < mots.length; i++) {
            String mot = mots[i];
            if (i > 0 && profondeur == 0 && debutDElement(mots[i - 1], mot)) {
                items.add(courant.toString());
                courant.setLength(0);
            }
            courant.append(courant.length() == 0 ? "" : " ").append(mot);
            for (char c : mot.toCharArray()) {
                profondeur += c == '(' || c == '«' || c == '[' ? 1 : c == ')' || c == '»' || c == ']' ? -1 : 0;
            }
            profondeur = Math.max(profondeur, 0);
        }
        items.add(courant.toString());
        return items;
    }

    private static boolean debutDElement(String avant, String mot) {
        if (mot.isEmpty() || avant.isEmpty() || !Character.isUpperCase(mot.codePointAt(0))) {
            return false;
        }
        char fin = avant.charAt(avant.length() - 1);
        if (fin == ':' || fin == ',' || fin == '(' || fin == '-' || fin == '/' || fin == '\'' || fin == '’') {
            return false;
        }
        boolean sigleAvant = sigle(avant);
        if (sigleAvant) {
            return sigle(mot) || capitalise(mot);
        }
        if (LIAISONS.contains(avant.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}]", ""))) {
            return false;
        }
        return capitalise(mot) && (Character.isLowerCase(fin) || Character.isDigit(fin) || fin == ')' || fin == '.' || fin == '»'
                || fin == '!' || fin == '?') && !capitalise(avant);
    }

    /** "CAF", "RPE-PIAPE", "PRH07": capitals (digits and dashes allowed), at least two letters. */
    private static boolean sigle(String mot) {
        String m = mot.replaceAll("[^\\p{L}\\p{N}-]", "");
        return m.chars().filter(Character::isLetter).count() >= 2 && m.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
    }

    /** "Familles", "Répondre": a capital then lower case. */
    private static boolean capitalise(String mot) {
        return mot.length() >= 2 && Character.isUpperCase(mot.codePointAt(0)) && mot.chars().skip(1).filter(Character::isLetter).findFirst()
                .stream().allMatch(Character::isLowerCase);
    }

    private static Map<String, Object> indicateur(String libelle) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("libelle", libelle);
        String cle = AnalysePlanTextes.cle(libelle);
        boolean quantitatif = cle.matches("^(nombres?|nb|taux|part|pourcentage|montant|frequentation|volume|evolution|ratio|proportion)\\b.*")
                || libelle.contains("%");
        i.put("type", quantitatif ? "QUANTITATIF" : "QUALITATIF");
        return i;
    }

    /** Vocabulary codes of printed words (by label or code, noise-tolerant); words matching none are reported. */
    static List<String> codes(Vocabulaire vocabulaire, List<String> mots, List<String> illisibles) {
        List<String> codes = new ArrayList<>();
        for (String mot : mots) {
            String cle = AnalysePlanTextes.cle(mot);
            String trouve = null;
            for (Map.Entry<String, String> e : vocabulaire.valeurs().entrySet()) {
                if (AnalysePlanTextes.cle(e.getValue()).equals(cle) || AnalysePlanTextes.cle(e.getKey()).equals(cle)) {
                    trouve = e.getKey();
                    break;
                }
            }
            if (trouve == null) {
                // "Soutenir la qualité des modes d'accueil des jeunes enfants": a label the printed words begin with.
                for (Map.Entry<String, String> e : vocabulaire.valeurs().entrySet()) {
                    String l = AnalysePlanTextes.cle(e.getValue());
                    if (l.length() >= 6 && (cle.startsWith(l) || l.startsWith(cle) && cle.length() >= 6)) {
                        trouve = e.getKey();
                        break;
                    }
                }
            }
            if (trouve == null) {
                trouve = proche(vocabulaire, cle);
            }
            if (trouve == null) {
                illisibles.add(mot);
            } else if (!codes.contains(trouve)) {
                codes.add(trouve);
            }
        }
        return codes;
    }

    /**
     * The code whose label shares most of its words with the printed words (a word counts when it differs by at most
     * one letter: "Informier" for "Informer"), if at least half of the label's words and more than any other label.
     */
    private static String proche(Vocabulaire vocabulaire, String cle) {
        List<String> mots = List.of(cle.split(" "));
        String meilleur = null;
        double score = 0.5;
        boolean egalite = false;
        for (Map.Entry<String, String> e : vocabulaire.valeurs().entrySet()) {
            List<String> libelle = List.of(AnalysePlanTextes.cle(e.getValue()).split(" ")).stream().filter(w -> w.length() > 2).toList();
            if (libelle.isEmpty()) {
                continue;
            }
            long communs = libelle.stream().filter(w -> mots.stream().anyMatch(m -> proches(m, w))).count();
            double s = (double) communs / libelle.size();
            if (s > score) {
                score = s;
                meilleur = e.getKey();
                egalite = false;
            } else if (s == score && meilleur != null) {
                egalite = true;
            }
        }
        return egalite ? null : meilleur;
    }

    private static boolean proches(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (Math.abs(a.length() - b.length()) > 1 || Math.min(a.length(), b.length()) < 5) {
            return false;
        }
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        int j = 0;
        while (j < a.length() - i && j < b.length() - i && a.charAt(a.length() - 1 - j) == b.charAt(b.length() - 1 - j)) {
            j++;
        }
        return a.length() - i - j <= 1 && b.length() - i - j <= 1;
    }

    /** Years of a printed period ("2026-2030" → 2026…2030, "2026, 2028" → 2026, 2028). */
    static List<Integer> annees(String texte) {
        TreeSet<Integer> annees = new TreeSet<>();
        if (texte == null) {
            return List.of();
        }
        Matcher p = PERIODE.matcher(texte);
        String reste = texte;
        while (p.find()) {
            int de = Integer.parseInt(p.group(1));
            int a = Integer.parseInt(p.group(2));
            if (a >= de && a - de <= 10) {
                for (int x = de; x <= a; x++) {
                    annees.add(x);
                }
            }
        }
        reste = PERIODE.matcher(reste).replaceAll(" ");
        Matcher m = ANNEE.matcher(reste);
        while (m.find()) {
            annees.add(Integer.parseInt(m.group(1)));
        }
        return List.copyOf(annees);
    }
}
