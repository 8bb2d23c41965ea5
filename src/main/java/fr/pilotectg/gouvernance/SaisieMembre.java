package fr.pilotectg.gouvernance;

/**
 * A member as sent: the organisation by id, or by name to be found in the referential; an optional person and
 * function; role DELIBERATIF (default) or CONSULTATIF; co-chair and secretariat flags.
 */
public record SaisieMembre(Long organisationId, String organisation, String personne, String fonction, String role,
                           Boolean copresident, Boolean secretariat) {
}
