package fr.pilotectg.pilotage;

import java.math.BigDecimal;
import java.text.NumberFormat;

import fr.pilotectg.shared.FormatFr;

/** French display of the dashboard figures. */
final class Pourcentages {

    private Pourcentages() {
    }

    /** "42 %" (rounded to the unit, no-break space). */
    static String texte(double pourcentage) {
        return Math.round(pourcentage) + "\u00a0%";
    }

    /** A decimal as printed in French, up to two decimals. */
    static String nombre(BigDecimal valeur) {
        if (valeur == null) {
            return null;
        }
        NumberFormat format = NumberFormat.getNumberInstance(FormatFr.FR);
        format.setMaximumFractionDigits(2);
        return format.format(valeur);
    }
}
