package fr.pilotectg.diagnostic;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import fr.pilotectg.shared.FormatFr;
import fr.pilotectg.shared.Limites;

/**
 * A figure of the diagnostic: a number, or a statistical marker ("&lt;5", "NS", "ND", "null"), exactly one of
 * the two. Reads "1 234,5" as well as "1234.5".
 */
public record Valeur(BigDecimal nombre, Marqueur marqueur) {

    private static final Pattern NOMBRE = Pattern.compile("[-+]?\\d+([.,]\\d+)?");
    private static final Pattern ESPACES = Pattern.compile("[\\s\u00a0\u202f]");

    public Valeur {
        if ((nombre == null) == (marqueur == null)) {
            throw new IllegalArgumentException("Une valeur est un nombre ou un marqueur, exactement l'un des deux.");
        }
        nombre = nombre == null ? null : normaliser(nombre);
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
        String chiffres = ESPACES.matcher(texte.strip()).replaceAll("");
        if (!NOMBRE.matcher(chiffres).matches()) {
            return Optional.empty();
        }
        return Optional.of(de(new BigDecimal(chiffres.replace(',', '.'))));
    }

    public boolean estNombre() {
        return nombre != null;
    }

    /** As a French reader expects it: "123,7", "40 438", or the marker as printed. */
    public String texte() {
        return marqueur != null ? marqueur.code() : formater(nombre);
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
