package fr.pilotectg.diagnostic;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import fr.pilotectg.shared.Limites;

/**
 * A field of a diagnostic table edited on its page: the form field, the SQL column, the label, what it accepts.
 * A {@link Genre#VALEUR} field is stored in two columns, the number and {@code <colonne>_marqueur}.
 */
record ColonneDiagnostic(String champ, String colonne, String libelle, Genre genre, boolean obligatoire, boolean modifiable,
                         BigDecimal max, Map<String, String> choix) {

    enum Genre {
        /** Short text (name, label): at most {@link Limites#TITRE} characters. */
        TEXTE,
        /** Long text (finding, note): at most {@link Limites#TEXTE} characters, a textarea. */
        TEXTE_LONG,
        /** A code (INSEE code, key): at most {@link Limites#CODE} characters. */
        CODE,
        /** A whole number ≥ 0. */
        ENTIER,
        /** A decimal number ≥ 0 (comma accepted). */
        DECIMAL,
        /** A year between {@link Limites#ANNEE_MIN} and {@link Limites#ANNEE_MAX}. */
        ANNEE,
        /** One of {@link #choix()}. */
        CHOIX,
        /** A number ≥ 0 or a marker (&lt;5, NS, ND, null, -). */
        VALEUR,
        /** A whole number ≥ 0 or a marker. */
        VALEUR_ENTIERE
    }

    static ColonneDiagnostic texte(String champ, String colonne, String libelle, boolean obligatoire) {
        return new ColonneDiagnostic(champ, colonne, libelle, Genre.TEXTE, obligatoire, true, null, Map.of());
    }

    static ColonneDiagnostic texteLong(String champ, String colonne, String libelle, boolean obligatoire) {
        return new ColonneDiagnostic(champ, colonne, libelle, Genre.TEXTE_LONG, obligatoire, true, null, Map.of());
    }

    static ColonneDiagnostic code(String champ, String colonne, String libelle, boolean obligatoire, boolean modifiable) {
        return new ColonneDiagnostic(champ, colonne, libelle, Genre.CODE, obligatoire, modifiable, null, Map.of());
    }

    static ColonneDiagnostic nombre(String champ, String colonne, String libelle, Genre genre, boolean obligatoire) {
        return new ColonneDiagnostic(champ, colonne, libelle, genre, obligatoire, true, BigDecimal.valueOf(Limites.NOMBRE_MAX), Map.of());
    }

    static ColonneDiagnostic pourcentage(String champ, String colonne, String libelle) {
        return new ColonneDiagnostic(champ, colonne, libelle, Genre.VALEUR, false, true, BigDecimal.valueOf(100), Map.of());
    }

    static ColonneDiagnostic annee(String champ, boolean obligatoire) {
        return new ColonneDiagnostic(champ, "annee", "Année", Genre.ANNEE, obligatoire, true, null, Map.of());
    }

    static <E extends Enum<E>> ColonneDiagnostic choix(String champ, String colonne, String libelle, E[] valeurs, Function<E, String> nom) {
        Map<String, String> choix = new LinkedHashMap<>();
        Arrays.stream(valeurs).forEach(v -> choix.put(v.name(), nom.apply(v)));
        return new ColonneDiagnostic(champ, colonne, libelle, Genre.CHOIX, true, true, null, choix);
    }

    boolean estValeur() {
        return genre == Genre.VALEUR || genre == Genre.VALEUR_ENTIERE;
    }

    String colonneMarqueur() {
        return colonne + "_marqueur";
    }

    /** For the form: a textarea, a select or a one-line input. */
    public String controle() {
        return genre == Genre.TEXTE_LONG ? "textarea" : genre == Genre.CHOIX ? "select" : "input";
    }

    /** The keyboard a phone offers for the field. */
    public String clavier() {
        return switch (genre) {
            case ENTIER, ANNEE -> "numeric";
            case DECIMAL -> "decimal";
            default -> "text";
        };
    }

    public int longueurMax() {
        return switch (genre) {
            case TEXTE_LONG -> Limites.TEXTE;
            case CODE -> Limites.CODE;
            default -> Limites.TITRE;
        };
    }

    /** What the field accepts, said to the user under its label. */
    public String aide() {
        return switch (genre) {
            case ENTIER -> "Nombre entier, 0 ou plus.";
            case DECIMAL -> "Nombre, 0 ou plus (virgule décimale acceptée).";
            case ANNEE -> "Entre " + Limites.ANNEE_MIN + " et " + Limites.ANNEE_MAX + ".";
            case VALEUR, VALEUR_ENTIERE -> (genre == Genre.VALEUR_ENTIERE ? "Nombre entier" : "Nombre")
                    + (max != null && max.compareTo(BigDecimal.valueOf(100)) == 0 ? " entre 0 et 100" : ", 0 ou plus")
                    + ", ou un marqueur : " + Marqueur.codesConnus() + ".";
            default -> null;
        };
    }
}
