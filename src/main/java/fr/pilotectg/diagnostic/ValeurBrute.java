package fr.pilotectg.diagnostic;

/** A stored value by ids, as read and written by the repository. */
record ValeurBrute(long indicateurId, long territoireId, String periode, String source, Valeur valeur, String note) {
}
