package fr.pilotectg.diagnostic;

import java.math.BigDecimal;
import java.util.List;

/**
 * A total of a table: what its rows add up to, beside what the document printed. The printed value is kept;
 * a difference is flagged with text ("imprimé 883 250 € — somme des lignes 863 250 €").
 *
 * @param calcule null when the rows cannot be added up (no row, or only markers)
 * @param nonSommes rows left out of the sum because they hold a marker instead of a number
 */
public record Total(String libelle, Integer annee, String unite, BigDecimal calcule, Valeur imprime,
                    List<String> nonSommes, BigDecimal ecart, boolean ecartSignale, String message) {

    public static Total de(String libelle, Integer annee, String unite, BigDecimal calcule, Valeur imprime, List<String> nonSommes) {
        BigDecimal ecart = calcule != null && imprime != null && imprime.estNombre() ? imprime.nombre().subtract(calcule) : null;
        boolean signale = ecart != null && ecart.signum() != 0;
        return new Total(libelle, annee, unite, calcule == null ? null : Valeur.normaliser(calcule), imprime,
                List.copyOf(nonSommes), ecart == null ? null : Valeur.normaliser(ecart), signale,
                message(unite, calcule, imprime, ecart, nonSommes));
    }

    private static String message(String unite, BigDecimal calcule, Valeur imprime, BigDecimal ecart, List<String> nonSommes) {
        String somme = calcule == null ? "somme des lignes non calculable" : "somme des lignes " + avecUnite(Valeur.formater(calcule), unite);
        String horsSomme = nonSommes.isEmpty() ? "" : " (hors lignes masquées : " + String.join(", ", nonSommes) + ")";
        if (imprime == null) {
            return somme + horsSomme;
        }
        String imprimeTexte = "imprimé " + avecUnite(imprime.texte(), unite);
        if (ecart == null) {
            return imprimeTexte + " — " + somme + horsSomme;
        }
        if (ecart.signum() == 0) {
            return imprimeTexte + " — égal à la " + somme + horsSomme;
        }
        return imprimeTexte + " — " + somme + horsSomme + " : écart de " + avecUnite(Valeur.formater(ecart.abs()), unite);
    }

    static String avecUnite(String texte, String unite) {
        // « nombre » says what the figure is, not a unit: « 2 », not « 2 nombre » (issue 15).
        return unite == null || unite.isBlank() || unite.strip().equalsIgnoreCase("nombre") ? texte : texte + " " + unite;
    }
}
