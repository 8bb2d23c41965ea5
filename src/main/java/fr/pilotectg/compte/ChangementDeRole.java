package fr.pilotectg.compte;

import fr.pilotectg.organisation.Role;

/** A new role for an account, with the version of the account as read (optimistic locking). */
public record ChangementDeRole(Integer version, Role role, Boolean administrateurCaf) {
}
