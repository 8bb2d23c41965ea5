package fr.pilotectg.oidc;

/** The form of {@code /admin/sso}: a domain, the exact name of an organisation, a role. */
public record NouveauDomaine(String domaine, String organisation, String role) {
}
