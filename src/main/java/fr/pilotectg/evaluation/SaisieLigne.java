package fr.pilotectg.evaluation;

/**
 * A line as typed or sent: statut is a code (REALISE, EN_COURS, NON_REALISE, NON_CONCERNE), datePrevue
 * AAAA-MM-JJ, version the one read (0 for a line not saved yet).
 */
public record SaisieLigne(String statut, String datePrevue, String resultats, String perspectives, String impacts,
                          Integer version) {
}
