package fr.pilotectg.shared;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** Checks shared by every entry point (forms, JSON, imports): control characters, lengths, strict dates. */
public final class Saisie {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter JJ_MM_AAAA = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private Saisie() {
    }

    /** Whether a text holds a control character other than tab, line feed and carriage return (NUL, bell, escape…). */
    public static boolean contientCaractereDeControle(String texte) {
        for (int i = 0; i < texte.length(); i++) {
            char c = texte.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
                return true;
            }
        }
        return false;
    }

    /** The message for a text refused by {@link #verifierTexte}, or null when it is acceptable. */
    public static String probleme(String texte, int longueurMax) {
        if (texte == null) {
            return null;
        }
        if (contientCaractereDeControle(texte)) {
            return "contient un caractère de contrôle invisible (par exemple NUL) : retirez-le.";
        }
        if (texte.length() > longueurMax) {
            return "texte de " + FormatFr.nombre(texte.length()) + " caractères, au plus " + FormatFr.nombre(longueurMax)
                    + " sont acceptés.";
        }
        return null;
    }

    /** Refuses a text with a control character or longer than its limit, naming the field. */
    public static void verifierTexte(String champ, String libelle, String texte, int longueurMax) {
        String probleme = probleme(texte, longueurMax);
        if (probleme != null) {
            throw new ErreurValidation(champ, libelle + " : " + probleme);
        }
    }

    /** A date written AAAA-MM-JJ or JJ/MM/AAAA, checked strictly (no 30 February); null when blank. */
    public static LocalDate date(String champ, String libelle, String saisie) {
        if (saisie == null || saisie.isBlank()) {
            return null;
        }
        String texte = saisie.trim();
        try {
            return LocalDate.parse(texte, texte.contains("/") ? JJ_MM_AAAA : ISO);
        } catch (DateTimeParseException e) {
            throw new ErreurValidation(champ, libelle + " : « " + tronquer(texte) + " » n'est pas une date valide "
                    + "(format attendu JJ/MM/AAAA ou AAAA-MM-JJ).");
        }
    }

    /** A date within the years the product deals with, refused otherwise. */
    public static void verifierAnnee(String champ, String libelle, LocalDate date) {
        if (date != null && (date.getYear() < Limites.ANNEE_MIN || date.getYear() > Limites.ANNEE_MAX)) {
            throw new ErreurValidation(champ, libelle + " : l'année " + date.getYear() + " est hors des années acceptées ("
                    + Limites.ANNEE_MIN + " à " + Limites.ANNEE_MAX + ").");
        }
    }

    /** A user's text quoted in a message, cut so that a huge input does not make a huge message. */
    public static String tronquer(String texte) {
        return texte.length() <= 60 ? texte : texte.substring(0, 57) + "…";
    }
}
