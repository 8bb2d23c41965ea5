package fr.pilotectg.compte;

import fr.pilotectg.organisation.UtilisateurConnecte;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request authenticated by an API token: the token's owner, with the rights of the account. */
class JetonAuthentifie extends AbstractAuthenticationToken {

    private final UtilisateurConnecte utilisateur;

    JetonAuthentifie(UtilisateurConnecte utilisateur) {
        super(utilisateur.getAuthorities());
        this.utilisateur = utilisateur;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public UtilisateurConnecte getPrincipal() {
        return utilisateur;
    }
}
