package fr.pilotectg.compte;

import fr.pilotectg.organisation.Role;

/**
 * An account to create for a person of an organisation: its login (the person's e-mail address), the name shown,
 * the organisation, the role and, for an agent of a Caf, whether they administer the accounts of their Caf.
 */
public record NouveauCompte(String identifiant, String nomAffiche, Long organisationId, Role role, Boolean administrateurCaf) {
}
