package fr.pilotectg.oidc;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Single sign-on settings ({@code pilote.oidc.*}, from the environment variables {@code PILOTE_OIDC_*}: see
 * application.properties). Single sign-on is on when {@code issuer} is set, off otherwise.
 *
 * @param issuer                  the provider's issuer URL (its discovery document is read at the first sign-in)
 * @param clientId                the application's client id at the provider
 * @param clientSecret            its client secret
 * @param libelleBouton           the text of the button on the login page
 * @param scopes                  the scopes asked for ({@code openid} and whatever gives the e-mail address)
 * @param courrielToujoursVerifie whether the provider's e-mail addresses are taken as verified when it sends no
 *                                {@code email_verified} claim (ProConnect: its identity providers verify them)
 */
@ConfigurationProperties("pilote.oidc")
public record ProprietesOidc(String issuer, String clientId, String clientSecret, String libelleBouton,
                             List<String> scopes, boolean courrielToujoursVerifie) {

    public ProprietesOidc {
        scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "email", "profile") : List.copyOf(scopes);
        libelleBouton = libelleBouton == null || libelleBouton.isBlank() ? "Connexion unique" : libelleBouton.trim();
    }

    public boolean active() {
        return issuer != null && !issuer.isBlank();
    }
}
