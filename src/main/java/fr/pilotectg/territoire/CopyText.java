package fr.pilotectg.territoire;

import java.util.regex.Pattern;

/** Rows in PostgreSQL's COPY text format (tab-separated, \N for null), built in memory. */
final class CopyText {

    private static final Pattern ELEMENT_DE_TABLEAU = Pattern.compile("[0-9A-Za-z]+");

    private final StringBuilder texte = new StringBuilder(1 << 20);
    private int lignes;

    void ligne(String... champs) {
        for (int i = 0; i < champs.length; i++) {
            if (i > 0) {
                texte.append('\t');
            }
            champ(champs[i]);
        }
        texte.append('\n');
        lignes++;
    }

    private void champ(String valeur) {
        if (valeur == null) {
            texte.append("\\N");
            return;
        }
        for (int i = 0; i < valeur.length(); i++) {
            char c = valeur.charAt(i);
            switch (c) {
                case '\\' -> texte.append("\\\\");
                case '\t' -> texte.append("\\t");
                case '\n' -> texte.append("\\n");
                case '\r' -> texte.append("\\r");
                default -> texte.append(c);
            }
        }
    }

    /** "07200,07600" as a PostgreSQL array literal {07200,07600}; elements are plain codes. */
    static String tableau(String valeursSepareesParVirgule) {
        if (valeursSepareesParVirgule.isEmpty()) {
            return "{}";
        }
        for (String valeur : valeursSepareesParVirgule.split(",")) {
            if (!ELEMENT_DE_TABLEAU.matcher(valeur).matches()) {
                throw new IllegalArgumentException("Code inattendu dans une liste du référentiel : « " + valeur + " »");
            }
        }
        return "{" + valeursSepareesParVirgule + "}";
    }

    /** Empty TSV field → SQL null. */
    static String ouNull(String valeur) {
        return valeur.isEmpty() ? null : valeur;
    }

    int lignes() {
        return lignes;
    }

    @Override
    public String toString() {
        return texte.toString();
    }
}
