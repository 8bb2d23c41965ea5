package fr.pilotectg.evaluation;

/** A sub-action's grid line as typed or sent: statut a code (REALISE…), version the one read (0 if never saved). */
public record SaisieSousAction(String statut, String resultats, Integer version) {
}
