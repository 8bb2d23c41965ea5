package fr.pilotectg.oidc;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/** A signed-in identity that gets no session, and why. */
final class RefusConnexionUnique extends OAuth2AuthenticationException {

    private final MotifDeRefus motif;

    RefusConnexionUnique(MotifDeRefus motif) {
        super(new OAuth2Error(motif.code(), motif.titre(), null), motif.titre());
        this.motif = motif;
    }

    MotifDeRefus motif() {
        return motif;
    }
}
