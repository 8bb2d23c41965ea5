package fr.pilotectg.diagnostic;

import java.math.BigDecimal;

/**
 * A value of an indicator for one territory, period and source. For a ratio, {@code calcule} is the value
 * recomputed from its numerator and denominator, and {@code ecart} says the stored value differs from it.
 * {@code plausibilite} warns about a value accepted but unlikely (a percentage over 100, ten times its comparators).
 */
public record ValeurIndicateur(TerritoireDiagnostic territoire, String periode, String source, String sourceLibelle,
                               Valeur valeur, String note, BigDecimal calcule, boolean ecart, String plausibilite) {

    /** "valeur saisie 45 % — recalculée 44,70 % (numérateur ÷ dénominateur)", empty without a recomputation. */
    public String messageEcart(String unite) {
        if (calcule == null) {
            return "";
        }
        String suffixe = unite == null || unite.isBlank() ? "" : " " + unite;
        return "valeur saisie " + valeur.texte() + suffixe
                + " — recalculée " + Valeur.formater(calcule) + suffixe + " (numérateur ÷ dénominateur)";
    }
}
