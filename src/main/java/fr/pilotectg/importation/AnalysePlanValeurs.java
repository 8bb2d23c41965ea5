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
            case ORGANISATIONS, TERRITOIRES -> noms(utiles);
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
            String[] parts = t.startsWith("-") ? t.substring(1).split("\\s+-(?=\\S)") : t.split("\\s+/\\s+");
            for (String p : parts) {
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
        List<String> noms = new ArrayList<>();
        for (Morceau m : morceaux) {
            for (String p : m.texte().split("\\s*;\\s*")) {
                String s = AnalysePlanTextes.propre(p).replaceFirst("[.;,]$", "").strip();
                if (!s.isEmpty()) {
                    noms.add(s);
                }
            }
        }
        return noms;
    }

    private static Map<String, Object> indicateur(String libelle) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("libelle", libelle);
        String cle = AnalysePlanTextes.cle(libelle);
        boolean quantitatif = cle.matches("^(nombre|nb|taux|part|pourcentage|montant|frequentation|volume|evolution du nombre|ratio)\\b.*")
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
