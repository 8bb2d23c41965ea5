package fr.pilotectg.compte;

import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/** Makes the session check of the filter chain ({@link SessionsValides}) for the web configuration. */
@Component
public class FiltresDeSession {

    private final CompteRepository comptes;

    FiltresDeSession(CompteRepository comptes) {
        this.comptes = comptes;
    }

    public SessionsValides sessionsValides(RequestMatcher api, AuthenticationEntryPoint refusApi) {
        return new SessionsValides(comptes, api, refusApi);
    }
}
