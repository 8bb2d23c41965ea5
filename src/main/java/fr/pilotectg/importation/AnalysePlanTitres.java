package fr.pilotectg.importation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headings of plan nodes and starts of fiches, recognised by the words documents print ("1- THEMATIQUE : Petite
 * enfance", "Axe stratégique 3 : …", "ENJEU N°2 : …", "Objectif stratégique 1 : …", "Axe Petite-Enfance",
 * "Fiche action 12 : …") or by a numbering alone ("I 2) …", read as 12 when the converter turned a 1 into an I).
 */
final class AnalysePlanTitres {

    /** A node heading: the level word as printed (null when only numbered), its reference, its title. */
    record Entete(String niveau, String reference, String titre) {
    }

    /** A fiche start printed as a heading: the level word ("Fiche action"), its reference, its title (may be empty). */
    record DebutFiche(String niveau, String reference, String titre) {
    }

    private static final String MOTS = "th[ée]matiques?|axes? strat[ée]giques?|orientations? strat[ée]giques?|orientations?|axes?"
            + "|enjeux?|objectifs? strat[ée]giques?|objectifs? g[ée]n[ée]raux|objectif g[ée]n[ée]ral|priorit[ée]s?|volets?|champs? d'action";
    private static final Pattern NUMERO_PUIS_MOT = Pattern.compile("(?i)^(\\d{1,2})\\s*[-–.)]\\s*(" + MOTS + ")\\s*:\\s*(.{2,300})$");
    private static final Pattern MOT_PUIS_NUMERO = Pattern.compile("(?i)^(" + MOTS + ")\\s*(?:n\\s*°|n°|no\\.?)?\\s*(\\d{1,2}|(?-i:[IVX]{1,5}))\\s*[:\\-–.]\\s*(.{2,300})$");
    private static final Pattern AXE_SANS_NUMERO = Pattern.compile("^(Axe|AXE)\\s+(?!strat)([A-ZÀ-Ý][^:]{2,120})$");
    private static final Pattern NUMEROTE = Pattern.compile("^((?:[0-9]|I)(?:\\s?[0-9])?)\\s*\\)\\s+(\\S.{2,300})$");
    private static final Pattern FICHE = Pattern.compile("(?i)^(fiches?[ -]actions?|fiche)\\s*(?:n\\s*°|n°|no\\.?)?\\s*([A-Z]{0,3}\\s?\\d{1,3})\\s*[:\\-–.]?\\s*(.*)$");
    private static final Pattern ACTION_INDEX = Pattern.compile("(?i)^actions?\\s*(?:n\\s*°|n°)?\\s*(\\d{1,3})\\s*:\\s*(.{2,300})$");

    private AnalysePlanTitres() {
    }

    static Optional<Entete> entete(String texte) {
        String t = AnalysePlanTextes.propre(texte);
        if (t.length() > 320) {
            return Optional.empty();
        }
        Matcher m = NUMERO_PUIS_MOT.matcher(t);
        if (m.matches()) {
            return Optional.of(new Entete(nomDeNiveau(m.group(2)), m.group(1), titre(m.group(3))));
        }
        m = MOT_PUIS_NUMERO.matcher(t);
        if (m.matches()) {
            return Optional.of(new Entete(nomDeNiveau(m.group(1)), arabe(m.group(2)), titre(m.group(3))));
        }
        m = AXE_SANS_NUMERO.matcher(t);
        if (m.matches()) {
            return Optional.of(new Entete("Axe", null, titre(m.group(2).replaceFirst("(?i)\\s*\\(suite\\)\\s*$", ""))));
        }
        return Optional.empty();
    }

    /** "I 2) Promouvoir…" → reference 12; "3) Renforcer…" → 3. */
    static Optional<Entete> numerote(String texte) {
        Matcher m = NUMEROTE.matcher(AnalysePlanTextes.propre(texte));
        if (m.matches()) {
            return Optional.of(new Entete(null, m.group(1).replace("I", "1").replace(" ", ""), titre(m.group(2))));
        }
        return Optional.empty();
    }

    static Optional<DebutFiche> debutFiche(String texte) {
        Matcher m = FICHE.matcher(AnalysePlanTextes.propre(texte));
        if (m.matches()) {
            String mot = m.group(1).toLowerCase(Locale.ROOT).replace('-', ' ');
            String niveau = mot.startsWith("fiche") && mot.contains("action") ? "Fiche action" : "Fiche";
            String numero = m.group(2).replace(" ", "");
            String reference = numero.matches("\\d+") ? (niveau.equals("Fiche action") ? "FA" : "F") + numero : numero;
            return Optional.of(new DebutFiche(niveau, reference, titre(m.group(3))));
        }
        return Optional.empty();
    }

    /** "Action 7 : Créer…" listed under a node: the number and title of an action detailed later. */
    static Optional<String[]> actionIndex(String texte) {
        Matcher m = ACTION_INDEX.matcher(AnalysePlanTextes.propre(texte));
        return m.matches() ? Optional.of(new String[] {m.group(1), titre(m.group(2))}) : Optional.empty();
    }

    static String titre(String s) {
        return AnalysePlanTextes.casse(AnalysePlanTextes.propre(s).replaceFirst("^[:\\-–.]\\s*", "").replaceFirst("\\s*[:]$", ""));
    }

    private static String nomDeNiveau(String mot) {
        String cle = AnalysePlanTextes.cle(mot);
        for (String[] forme : List.of(new String[] {"thematique", "Thématique"}, new String[] {"axe strategique", "Axe stratégique"},
                new String[] {"orientation strategique", "Orientation stratégique"}, new String[] {"orientation", "Orientation"},
                new String[] {"axe", "Axe"}, new String[] {"enjeu", "Enjeu"}, new String[] {"objectif strategique", "Objectif stratégique"},
                new String[] {"objectif", "Objectif général"}, new String[] {"priorite", "Priorité"}, new String[] {"volet", "Volet"},
                new String[] {"champ", "Champ d'action"})) {
            if (cle.startsWith(forme[0])) {
                return forme[1];
            }
        }
        return AnalysePlanTextes.casse(mot);
    }

    private static String arabe(String numero) {
        if (numero.matches("\\d+")) {
            return numero;
        }
        int total = 0;
        int precedent = 0;
        for (int i = numero.length() - 1; i >= 0; i--) {
            int v = switch (numero.charAt(i)) {
                case 'I' -> 1;
                case 'V' -> 5;
                case 'X' -> 10;
                default -> 0;
            };
            total += v < precedent ? -v : v;
            precedent = Math.max(precedent, v);
        }
        return String.valueOf(total);
    }
}
