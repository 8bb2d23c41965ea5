package fr.pilotectg.diagnostic;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import fr.pilotectg.shared.FormatFr;
import fr.pilotectg.shared.Limites;
import fr.pilotectg.shared.Saisie;

/**
 * A figure of the diagnostic: a number, or a statistical marker ("&lt;5", "NS", "ND", "null"), exactly one of
 * the two. Reads "1 234,5" as well as "1234.5". A range as documents print it ("entre 5 et 10", "12 à 14") is a
 * number (its lower bound) with an upper bound {@code max}; a range is never negative nor inverted.
 */
public record Valeur(BigDecimal nombre, Marqueur marqueur, BigDecimal max) {

    private static final String CHIFFRES = "(\\d[\\d\\s\u00a0\u202f]*(?:[.,]\\d+)?)";
    private static final Pattern NOMBRE = Pattern.compile("[-+]?\\d+([.,]\\d+)?");
    private static final Pattern ESPACES = Pattern.compile("[\\s\u00a0\u202f]");
    /** "entre 5 et 10", "de 12 à 14", "12 à 14", "12 – 14", also with a sign to refuse "-3 à 5" clearly. */
    private static final Pattern INTERVALLE = Pattern.compile(
            "(?iu)^(?:entre\\s+([-+]?" + CHIFFRES.substring(1) + "\\s+et\\s+([-+]?" + CHIFFRES.substring(1) + "|(?:de\\s+)?([-+]?"
                    + CHIFFRES.substring(1) + "\\s*(?:à|a|–|—)\\s*([-+]?" + CHIFFRES.substring(1) + ")$");

    public Valeur {
        if ((nombre == null) == (marqueur == null)) {
            throw new IllegalArgumentException("Une valeur est un nombre ou un marqueur, exactement l'un des deux.");
        }
        if (max != null && nombre == null) {
            throw new IllegalArgumentException("Un intervalle a deux bornes numériques.");
        }
        if (max != null && (nombre.signum() < 0 || max.compareTo(nombre) < 0)) {
            throw new IllegalArgumentException("intervalle « " + formater(nombre) + " à " + formater(max) + " » refusé : "
                    + (nombre.signum() < 0 ? "une borne négative n'est pas acceptée" : "la borne basse dépasse la borne haute") + ".");
        }
        nombre = nombre == null ? null : normaliser(nombre);
        max = max == null ? null : normaliser(max);
    }

    public Valeur(BigDecimal nombre, Marqueur marqueur) {
        this(nombre, marqueur, null);
    }

    public static Valeur intervalle(BigDecimal min, BigDecimal max) {
        return new Valeur(min, null, max);
    }

    /** A range "12 à 14" (its lower bound is {@link #nombre()}). */
    public boolean estIntervalle() {
        return max != null;
    }

    /** Whether a number lies in the value: equal to it, or within the range. */
    boolean contient(BigDecimal x) {
        return max == null ? nombre.compareTo(x) == 0 : nombre.compareTo(x) <= 0 && max.compareTo(x) >= 0;
    }

    public static Valeur de(BigDecimal nombre) {
        return new Valeur(nombre, null);
    }

    public static Valeur de(long nombre) {
        return new Valeur(BigDecimal.valueOf(nombre), null);
    }

    public static Valeur de(Marqueur marqueur) {
        return new Valeur(null, marqueur);
    }

    /** For JSON input: a number, or a text holding a number or a marker; null stays null (no value). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Valeur depuisJson(Object brut) {
        if (brut == null) {
            return null;
        }
        if (brut instanceof Number n) {
            return borne(new BigDecimal(n.toString()));
        }
        return lire(brut.toString()).orElseThrow(() -> new IllegalArgumentException(
                "« " + brut + " » n'est ni un nombre ni un marqueur connu (" + Marqueur.codesConnus() + ")."));
    }

    private static Valeur borne(BigDecimal nombre) {
        if (nombre.abs().compareTo(BigDecimal.valueOf(Limites.NOMBRE_MAX)) > 0) {
            throw new IllegalArgumentException("« " + nombre.toPlainString().substring(0, Math.min(30, nombre.toPlainString().length()))
                    + " » dépasse la plus grande valeur acceptée (" + FormatFr.nombre(Limites.NOMBRE_MAX) + ").");
        }
        return de(nombre);
    }

    /** A number (decimal comma or point, spaces between thousands) or a marker; empty when it is neither. */
    public static Optional<Valeur> lire(String texte) {
        if (texte == null) {
            return Optional.empty();
        }
        Optional<Marqueur> marqueur = Marqueur.depuis(texte);
        if (marqueur.isPresent()) {
            return Optional.of(de(marqueur.get()));
        }
        java.util.regex.Matcher intervalle = INTERVALLE.matcher(texte.strip());
        if (intervalle.matches()) {
            String bas = intervalle.group(1) != null ? intervalle.group(1) : intervalle.group(3);
            String haut = intervalle.group(1) != null ? intervalle.group(2) : intervalle.group(4);
            return Optional.of(intervalle(decimal(bas), decimal(haut)));
        }
        String chiffres = ESPACES.matcher(texte.strip()).replaceAll("");
        if (!NOMBRE.matcher(chiffres).matches()) {
            return Optional.empty();
        }
        return Optional.of(de(new BigDecimal(chiffres.replace(',', '.'))));
    }

    private static BigDecimal decimal(String texte) {
        BigDecimal nombre = new BigDecimal(ESPACES.matcher(texte).replaceAll("").replace(',', '.'));
        if (nombre.abs().compareTo(BigDecimal.valueOf(Limites.NOMBRE_MAX)) > 0) {
            throw new IllegalArgumentException("« " + Saisie.tronquer(texte) + " » dépasse la plus grande valeur acceptée ("
                    + FormatFr.nombre(Limites.NOMBRE_MAX) + ").");
        }
        return nombre;
    }

    public boolean estNombre() {
        return nombre != null;
    }

    /** As a French reader expects it: "123,7", "40 438", or the marker as printed. */
    public String texte() {
        return marqueur != null ? marqueur.code() : max != null ? formater(nombre) + " à " + formater(max) : formater(nombre);
    }

    static String formater(BigDecimal nombre) {
        if (nombre == null) {
            return "";
        }
        if (nombre.scale() <= 0) {
            return FormatFr.nombre(nombre);
        }
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(FormatFr.FR));
        format.setMinimumFractionDigits(nombre.scale());
        format.setMaximumFractionDigits(nombre.scale());
        return format.format(nombre);
    }

    /** Without trailing zeros, never in exponent form: 40, 12.74. */
    static BigDecimal normaliser(BigDecimal nombre) {
        BigDecimal sansZeros = nombre.stripTrailingZeros();
        return sansZeros.scale() < 0 ? sansZeros.setScale(0) : sansZeros;
    }
}
