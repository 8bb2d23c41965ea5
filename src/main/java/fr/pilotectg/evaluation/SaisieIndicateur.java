package fr.pilotectg.evaluation;

import java.util.Map;

/**
 * The follow-up of an indicator as typed or sent: numbers as text (decimal comma accepted); {@code valeurs} by
 * year, each a number or a marker "<5", "NS", "ND" (blank removes the value; years not given are left as they are);
 * version the one read (0 when no follow-up was saved yet).
 */
public record SaisieIndicateur(String unite, String baseValeur, Integer baseAnnee, String cibleValeur, Integer cibleAnnee,
                               Map<Integer, String> valeurs, Integer version) {
}
