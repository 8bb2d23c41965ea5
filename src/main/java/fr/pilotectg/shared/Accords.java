package fr.pilotectg.shared;

import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * French number agreement, in one place: {@code 1 fiche action}, {@code 32 fiches actions}, {@code 0 convention}
 * (below 2, French keeps the singular). The plural of a name is derived by rule (each word before the first
 * preposition takes its plural: « fiche action » → « fiches actions », « fiche de suivi » → « fiches de suivi »;
 * -s/-x/-z unchanged, -al → -aux, -au/-eau/-eu → -x, both nouns of « fiche-année »); a stored plural (a plan level's own plural form, say)
 * overrides the rule through {@link #nombre(long, String, String)}. Templates call {@code ${@accords.nombre(n, 'fiche')}}.
 */
@Component("accords")
public class Accords {

    private static final Set<String> MOTS_OUTILS = Set.of("de", "du", "des", "d'", "à", "au", "aux", "en", "et", "ou", "pour",
            "par", "sur", "sans", "avec", "la", "le", "les", "l'");
    private static final Set<String> EN_S = Set.of("bal", "carnaval", "chacal", "festival", "récital", "régal", "pneu", "bleu");

    /** « n nom », the name agreeing with n. */
    public String nombre(long n, String singulier) {
        return FormatFr.nombre(n) + "\u00a0" + accorde(n, singulier, null);
    }

    /** « n nom » with a stored plural form (used when not blank). */
    public String nombre(long n, String singulier, String pluriel) {
        return FormatFr.nombre(n) + "\u00a0" + accorde(n, singulier, pluriel);
    }

    /** The name agreeing with n, without the number. */
    public String accorde(long n, String singulier, String pluriel) {
        if (singulier == null) {
            return "";
        }
        if (Math.abs(n) < 2) {
            return singulier;
        }
        return pluriel != null && !pluriel.isBlank() ? pluriel : pluriel(singulier);
    }

    /** « n nom » from Java code (messages, journal). */
    public static String de(long n, String singulier) {
        return FormatFr.nombre(n) + "\u00a0" + (Math.abs(n) < 2 ? singulier : pluriel(singulier));
    }

    /** The plural of a name by rule (see the class comment). */
    public static String pluriel(String nom) {
        String[] mots = nom.strip().split(" ", -1);
        StringBuilder resultat = new StringBuilder();
        boolean accorder = true;
        for (int i = 0; i < mots.length; i++) {
            String mot = mots[i];
            String minuscule = mot.toLowerCase(Locale.FRENCH);
            if (MOTS_OUTILS.contains(minuscule) || minuscule.startsWith("d'") || minuscule.startsWith("l'")) {
                accorder = false;
            }
            resultat.append(i == 0 ? "" : " ").append(accorder && !mot.isEmpty() && !mot.startsWith("(") ? motAuPluriel(mot) : mot);
        }
        return resultat.toString();
    }

    private static String motAuPluriel(String mot) {
        if (mot.contains("-")) {
            // Two nouns joined (fiche-année): both take the plural.
            return String.join("-", java.util.Arrays.stream(mot.split("-", -1))
                    .map(p -> p.isEmpty() ? p : motAuPluriel(p)).toList());
        }
        String m = mot.toLowerCase(Locale.FRENCH);
        if (m.endsWith("s") || m.endsWith("x") || m.endsWith("z") || !Character.isLetter(m.charAt(m.length() - 1))) {
            return mot;
        }
        if (EN_S.contains(m)) {
            return mot + "s";
        }
        if (m.endsWith("al")) {
            return mot.substring(0, mot.length() - 2) + (Character.isUpperCase(mot.charAt(mot.length() - 1)) ? "AUX" : "aux");
        }
        if (m.endsWith("au") || m.endsWith("eu")) {
            return mot + "x";
        }
        return mot + "s";
    }
}
