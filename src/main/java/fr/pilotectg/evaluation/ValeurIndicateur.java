package fr.pilotectg.evaluation;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.FormatFr;

/**
 * A yearly value of an indicator: a number, or a statistical marker that must never be read as 0
 * ("<5" secret statistique, "NS" non significatif, "ND" non disponible).
 */
public record ValeurIndicateur(BigDecimal nombre, String marqueur, boolean exemple) {

    static final Map<String, String> MARQUEURS = Map.of(
            "<5", "moins de 5 (secret statistique)",
            "NS", "non significatif",
            "ND", "non disponible");
    private static final Pattern NOMBRE = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern ESPACES = Pattern.compile("[\\s\\u00A0\\u202F]");

    public ValeurIndicateur {
        if ((nombre == null) == (marqueur == null)) {
            throw new IllegalArgumentException("Une valeur est soit un nombre, soit un marqueur.");
        }
    }

    public boolean estUnMarqueur() {
        return marqueur != null;
    }

    /** "12,5", "1 234" or the marker as typed ("<5"). */
    public String texte() {
        return marqueur != null ? marqueur : nombreFr(nombre);
    }

    /** What a screen reader or a tooltip says of a marker. */
    public String explication() {
        return marqueur == null ? null : MARQUEURS.get(marqueur);
    }

    static String nombreFr(BigDecimal nombre) {
        NumberFormat format = NumberFormat.getNumberInstance(FormatFr.FR);
        format.setMaximumFractionDigits(6);
        return format.format(nombre);
    }

    /**
     * A value as typed: blank is "no value" (null); a number with a decimal comma or point and optional spaces
     * between thousands; or a marker (any case, "< 5" accepted). Anything else is an error on the field named.
     */
    static ValeurIndicateur lire(String saisie, String champ, String libelle, List<ErreurValidation.Erreur> erreurs) {
        if (saisie == null || saisie.isBlank()) {
            return null;
        }
        String compacte = ESPACES.matcher(saisie).replaceAll("").toUpperCase();
        if (MARQUEURS.containsKey(compacte)) {
            return new ValeurIndicateur(null, compacte, false);
        }
        BigDecimal nombre = nombre(saisie);
        if (nombre == null) {
            erreurs.add(new ErreurValidation.Erreur(champ, libelle + " : « " + saisie.strip() + " » n'est ni un nombre "
                    + "(virgule décimale acceptée, par exemple 12,5) ni un marqueur statistique (<5, NS ou ND)."));
            return null;
        }
        return new ValeurIndicateur(nombre, null, false);
    }

    /** A plain number (decimal comma or point, spaces between thousands), or null when the text is not one. */
    static BigDecimal nombre(String saisie) {
        String normalisee = ESPACES.matcher(saisie).replaceAll("").replace(',', '.');
        return NOMBRE.matcher(normalisee).matches() ? new BigDecimal(normalisee) : null;
    }
}
