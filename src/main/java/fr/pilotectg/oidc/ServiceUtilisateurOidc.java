package fr.pilotectg.oidc;

import fr.pilotectg.organisation.UtilisateurConnecte;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.util.StringUtils;

/**
 * The signed-in identity: the ID token (checked by Spring Security), completed by the userinfo endpoint whenever the
 * provider has one (ProConnect gives the e-mail address only there), then matched to an account.
 */
final class ServiceUtilisateurOidc implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService oidc = new OidcUserService();
    private final CorrespondanceDesComptes correspondance;

    ServiceUtilisateurOidc(InformationsUtilisateur informations, CorrespondanceDesComptes correspondance) {
        this.correspondance = correspondance;
        oidc.setOauth2UserService(informations);
        oidc.setRetrieveUserInfo(requete -> StringUtils.hasText(
                requete.getClientRegistration().getProviderDetails().getUserInfoEndpoint().getUri()));
    }

    @Override
    public OidcUser loadUser(OidcUserRequest requete) {
        OidcUser identite = oidc.loadUser(requete);
        UtilisateurConnecte utilisateur = correspondance.compte(identite);
        return new CompteOidc(utilisateur, identite);
    }
}
