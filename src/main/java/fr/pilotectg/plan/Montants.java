package fr.pilotectg.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Limites;

/**
 * Amounts in euros with cents, stored as whole cents (ADR 0017): read from a form ("1 234,56") or from JSON
 * (1234.56), refused when negative, with more than two decimals or beyond {@link Limites#NOMBRE_MAX} euros.
 */
public final class Montants {

    private static final BigDecimal MAX = BigDecimal.valueOf(Limites.NOMBRE_MAX);

    private Montants() {
    }

    /** Euros (JSON) → cents; null stays null. */
    static Long centimes(String champ, BigDecimal euros) {
        if (euros == null) {
            return null;
        }
        if (euros.signum() < 0) {
            throw new ErreurValidation(champ, "Un montant ne peut pas être négatif (" + court(euros.toPlainString()) + ").");
        }
        if (euros.compareTo(MAX) > 0) {
            throw new ErreurValidation(champ, "Montant trop grand : au plus " + texte(Limites.NOMBRE_MAX * 100) + ".");
        }
        if (euros.stripTrailingZeros().scale() > 2) {
            throw new ErreurValidation(champ, "Un montant a au plus deux décimales (les centimes) : « " + court(euros.toPlainString()) + " ».");
        }
        return euros.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }

    /** Euros typed in a form ("1 234,56", "1234.5", "1 200 €"); blank: null. */
    public static Long lire(String champ, String saisie) {
        if (saisie == null || saisie.isBlank()) {
            return null;
        }
        String nettoye = saisie.replaceAll("[\\s\\u00a0\\u202f€]", "").replace(',', '.');
        if (!nettoye.matches("-?\\d{1,16}(\\.\\d{1,9})?")) {
            throw new ErreurValidation(champ, "« " + court(saisie) + " » n'est pas un montant en euros (par exemple 1 234,56).");
        }
        return centimes(champ, new BigDecimal(nettoye));
    }

    /** Cents → euros for JSON. */
    static BigDecimal euros(Long centimes) {
        return centimes == null ? null : BigDecimal.valueOf(centimes, 2);
    }

    /** Cents → "1 234,56 €"; null → "—". */
    public static String texte(Long centimes) {
        if (centimes == null) {
            return "—";
        }
        DecimalFormatSymbols symboles = DecimalFormatSymbols.getInstance(Locale.FRANCE);
        symboles.setGroupingSeparator('\u202f');
        return new DecimalFormat("#,##0.00", symboles).format(BigDecimal.valueOf(centimes, 2)) + "\u00a0€";
    }

    /** Cents → "1234,56" for a form input. */
    static String saisie(Long centimes) {
        return centimes == null ? "" : BigDecimal.valueOf(centimes, 2).toPlainString().replace('.', ',');
    }

    private static String court(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "…" : s;
    }
}
