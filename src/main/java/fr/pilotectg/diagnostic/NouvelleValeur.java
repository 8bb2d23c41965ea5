package fr.pilotectg.diagnostic;

/**
 * A value to record, written as in an import file: indicator code, territory (key, INSEE, SIREN, département code
 * or name), period and source (optional), the value (number or marker).
 */
public record NouvelleValeur(String indicateur, String territoire, String periode, String source, Valeur valeur, String note) {
}
