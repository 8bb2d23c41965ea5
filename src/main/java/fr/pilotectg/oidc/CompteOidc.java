package fr.pilotectg.oidc;

import fr.pilotectg.organisation.UtilisateurConnecte;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** An identity signed in by the provider and the account it was matched to. */
final class CompteOidc extends DefaultOidcUser {

    private final transient UtilisateurConnecte utilisateur;

    CompteOidc(UtilisateurConnecte utilisateur, OidcUser identite) {
        super(utilisateur.getAuthorities(), identite.getIdToken(), identite.getUserInfo());
        this.utilisateur = utilisateur;
    }

    UtilisateurConnecte utilisateur() {
        return utilisateur;
    }
}
