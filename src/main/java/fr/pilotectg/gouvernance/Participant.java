package fr.pilotectg.gouvernance;

/** A member of the body invited to a meeting, and whether they attended. */
public record Participant(long organisationId, String personne, boolean present) {
}
