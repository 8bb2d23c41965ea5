package fr.pilotectg.gouvernance;

/** An invited member as sent: a member organisation of the body, the person if any, present or not. */
public record SaisieParticipant(Long organisationId, String personne, Boolean present) {
}
