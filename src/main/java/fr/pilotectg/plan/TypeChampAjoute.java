package fr.pilotectg.plan;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import fr.pilotectg.shared.Limites;

/** Types of the fields a convention adds to its fiche template (issue 10 item 8), and how a value of each is checked. */
public enum TypeChampAjoute {
    TEXTE("Texte court"),
    TEXTE_LONG("Texte long"),
    OUI_NON("Oui / non"),
    DATE("Date"),
    NOMBRE("Nombre"),
    URL("Lien (URL)"),
    LISTE("Liste de textes"),
    CHOIX_UNIQUE("Un choix dans une liste"),
    CHOIX_MULTIPLE("Plusieurs choix dans une liste");

    /**
     * Bounds of a value: a line (and each item of a list, a link), a long text (the longest free text anywhere), the
     * items of a list.
     */
    static final int TEXTE_COURT_MAX = 2_000;
    static final int TEXTE_LONG_MAX = Limites.TEXTE;
    static final int ELEMENTS_MAX = 200;

    private final String libelle;

    TypeChampAjoute(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }

    public boolean aDesChoix() {
        return this == CHOIX_UNIQUE || this == CHOIX_MULTIPLE;
    }

    public boolean estUneListe() {
        return this == LISTE || this == CHOIX_MULTIPLE;
    }

    /** A value refused, with the French reason (the caller names the field). */
    static final class ValeurRefusee extends RuntimeException {
        ValeurRefusee(String message) {
            super(message);
        }
    }

    /**
     * The value as stored (a string, a boolean, a number, a list of strings), or null when empty. Forms send strings
     * ("oui", "2027-03-01", "12,5"); JSON sends booleans and numbers as such.
     */
    Object normaliser(Object valeur, List<String> choix) {
        if (valeur == null) {
            return null;
        }
        switch (this) {
            case OUI_NON -> {
                if (valeur instanceof Boolean b) {
                    return b;
                }
                String t = texte(valeur).toLowerCase();
                if (t.isEmpty()) {
                    return null;
                }
                if (List.of("oui", "true", "vrai").contains(t)) {
                    return true;
                }
                if (List.of("non", "false", "faux").contains(t)) {
                    return false;
                }
                throw new ValeurRefusee("oui ou non attendu (true / false).");
            }
            case NOMBRE -> {
                if (valeur instanceof Number n) {
                    return new BigDecimal(n.toString());
                }
                String t = texte(valeur).replace(',', '.').replace(" ", "").replace("\u00a0", "");
                if (t.isEmpty()) {
                    return null;
                }
                try {
                    BigDecimal nombre = new BigDecimal(t);
                    if (nombre.abs().compareTo(new BigDecimal("1e15")) >= 0) {
                        throw new ValeurRefusee("nombre trop grand.");
                    }
                    return nombre;
                } catch (NumberFormatException e) {
                    throw new ValeurRefusee("un nombre est attendu (par exemple 12,5).");
                }
            }
            case DATE -> {
                String t = texte(valeur);
                if (t.isEmpty()) {
                    return null;
                }
                try {
                    LocalDate date = LocalDate.parse(t);
                    if (date.getYear() < 1900 || date.getYear() > 2200) {
                        throw new ValeurRefusee("date hors de toute période sensée.");
                    }
                    return date.toString();
                } catch (DateTimeParseException e) {
                    throw new ValeurRefusee("une date AAAA-MM-JJ est attendue.");
                }
            }
            case URL -> {
                String t = texte(valeur);
                if (t.isEmpty()) {
                    return null;
                }
                longueurAuPlus(t, TEXTE_COURT_MAX);
                return lienSur(t);
            }
            case TEXTE, TEXTE_LONG -> {
                String t = texte(valeur);
                if (this == TEXTE && t.contains("\n")) {
                    throw new ValeurRefusee("une seule ligne attendue.");
                }
                longueurAuPlus(t, this == TEXTE ? TEXTE_COURT_MAX : TEXTE_LONG_MAX);
                return t.isEmpty() ? null : t;
            }
            case CHOIX_UNIQUE -> {
                String t = texte(valeur);
                if (t.isEmpty()) {
                    return null;
                }
                if (!choix.contains(t)) {
                    throw new ValeurRefusee("« " + t + " » n'est pas un des choix (" + String.join(", ", choix) + ").");
                }
                return t;
            }
            case LISTE, CHOIX_MULTIPLE -> {
                if (!(valeur instanceof List<?> liste)) {
                    throw new ValeurRefusee("une liste de textes est attendue.");
                }
                List<String> resultat = new ArrayList<>();
                for (Object item : liste) {
                    String t = texte(item);
                    if (t.isEmpty()) {
                        continue;
                    }
                    longueurAuPlus(t, TEXTE_COURT_MAX);
                    if (this == CHOIX_MULTIPLE && !choix.contains(t)) {
                        throw new ValeurRefusee("« " + t + " » n'est pas un des choix (" + String.join(", ", choix) + ").");
                    }
                    if (!resultat.contains(t)) {
                        resultat.add(t);
                    }
                }
                if (resultat.size() > ELEMENTS_MAX) {
                    throw new ValeurRefusee(ELEMENTS_MAX + " éléments au plus.");
                }
                return resultat.isEmpty() ? null : List.copyOf(resultat);
            }
            default -> throw new IllegalStateException();
        }
    }

    private static void longueurAuPlus(String texte, int maximum) {
        if (texte.length() > maximum) {
            throw new ValeurRefusee("texte trop long (" + maximum + " caractères au plus).");
        }
    }

    private static String texte(Object valeur) {
        if (!(valeur instanceof String s)) {
            throw new ValeurRefusee("un texte est attendu.");
        }
        return s.strip();
    }

    /** Only http and https links are kept: a link is shown as such, and "javascript:" would run in the page. */
    static String lienSur(String texte) {
        try {
            URI uri = new URI(texte);
            String schema = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (!(schema.equals("http") || schema.equals("https")) || uri.getHost() == null || uri.getHost().isBlank()) {
                throw new ValeurRefusee("seuls les liens http:// ou https:// complets sont acceptés.");
            }
            return texte;
        } catch (java.net.URISyntaxException e) {
            throw new ValeurRefusee("lien mal formé ; seuls les liens http:// ou https:// sont acceptés.");
        }
    }
}
