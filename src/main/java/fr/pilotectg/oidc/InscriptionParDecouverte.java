package fr.pilotectg.oidc;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * The one client registration, built from the provider's discovery document ({@code /.well-known/openid-configuration})
 * the first time someone signs in, not at start-up: the application starts even when the provider cannot be reached,
 * and tries again at the next sign-in.
 */
final class InscriptionParDecouverte implements ClientRegistrationRepository {

    static final String ID = "oidc";
    static final String RETOUR = "/connexion/oidc/retour";

    private final ProprietesOidc proprietes;
    private volatile ClientRegistration inscription;

    InscriptionParDecouverte(ProprietesOidc proprietes) {
        if (proprietes.clientId() == null || proprietes.clientId().isBlank()) {
            throw new IllegalStateException("PILOTE_OIDC_ISSUER est défini mais pas PILOTE_OIDC_CLIENT_ID : "
                    + "la connexion unique a besoin de l'identifiant client donné par le fournisseur d'identité.");
        }
        this.proprietes = proprietes;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration connue = inscription;
        if (connue == null) {
            synchronized (this) {
                if (inscription == null) {
                    inscription = decouvrir();
                }
                connue = inscription;
            }
        }
        return connue;
    }

    private ClientRegistration decouvrir() {
        return ClientRegistrations.fromIssuerLocation(proprietes.issuer().trim())
                .registrationId(ID)
                .clientId(proprietes.clientId())
                .clientSecret(proprietes.clientSecret())
                .scope(proprietes.scopes())
                .redirectUri("{baseUrl}" + RETOUR)
                .clientName(proprietes.libelleBouton())
                // PKCE (S256) even though the client is confidential
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .build();
    }
}
