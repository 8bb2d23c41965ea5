package fr.pilotectg.compte;

import fr.pilotectg.organisation.Role;

/**
 * An account as its administrators see it (never its password).
 *
 * @param identifiant the login: an e-mail address for real accounts, a short name for demo accounts
 * @param administrateurCaf whether this agent of a Caf administers the accounts of its Caf (ADR 0008)
 */
public record Compte(long id, String identifiant, String nomAffiche, Role role, Long organisationId, String organisationNom,
                     boolean actif, boolean administrateurCaf, int version) {
}
