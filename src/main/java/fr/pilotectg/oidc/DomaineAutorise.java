package fr.pilotectg.oidc;

import java.time.OffsetDateTime;

import fr.pilotectg.organisation.Role;

/** An e-mail domain whose unknown users get an account at their first single sign-on, in this organisation, with this role. */
public record DomaineAutorise(long id, String domaine, long organisationId, String organisationNom, Role role,
                              OffsetDateTime creeLe, String creePar) {
}
