package fr.pilotectg.web;

import fr.pilotectg.compte.AuthentificationParJeton;
import fr.pilotectg.compte.ConnexionLimitee;
import fr.pilotectg.compte.FiltresDeSession;
import fr.pilotectg.compte.SessionsValides;
import fr.pilotectg.compte.JetonsService;
import fr.pilotectg.oidc.ConnexionUnique;
import java.time.Clock;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * How users and scripts authenticate, applied to the filter chain by {@link SecurityConfiguration}: login
 * form and HTTP Basic through the throttled password check, single sign-on when configured, API tokens ({@code Authorization: Bearer}) on
 * the API, and the API's 401 as JSON.
 */
@Component
class AuthentificationDesComptes {

    private final ConnexionLimitee connexions;
    private final JetonsService jetons;
    private final RefusAuthentificationApi refusApi;
    private final FiltresDeSession sessions;
    private final Clock horloge;
    private final ConnexionUnique connexionUnique;

    AuthentificationDesComptes(ConnexionLimitee connexions, JetonsService jetons, RefusAuthentificationApi refusApi,
                               FiltresDeSession sessions, Clock horloge, ConnexionUnique connexionUnique) {
        this.connexions = connexions;
        this.connexionUnique = connexionUnique;
        this.jetons = jetons;
        this.refusApi = refusApi;
        this.sessions = sessions;
        this.horloge = horloge;
    }

    void configurer(HttpSecurity http, RequestMatcher api) throws Exception {
        http
                .authenticationManager(connexionUnique.avec(connexions))
                .httpBasic(basic -> basic.authenticationEntryPoint(refusApi))
                .addFilterBefore(new AuthentificationParJeton(jetons, api, refusApi), BasicAuthenticationFilter.class)
                // Each request of a session rereads its account: deactivation and "Se déconnecter partout" apply at once,
                // on every instance (ADR 0009). A sign-in marks its session with its instant, then goes where it was going.
                .addFilterAfter(sessions.sessionsValides(api, refusApi), BasicAuthenticationFilter.class)
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(refusApi, api));
        if (connexionUnique.formulaireActif()) {
            http.formLogin(form -> form.successHandler(connexionReussie()));
        }
    }

    /** After a form login: the session is marked with its instant, then the user goes to the page asked for, or "/". */
    private AuthenticationSuccessHandler connexionReussie() {
        SavedRequestAwareAuthenticationSuccessHandler suite = new SavedRequestAwareAuthenticationSuccessHandler();
        suite.setDefaultTargetUrl("/");
        return (request, response, authentification) -> {
            SessionsValides.marquer(request, horloge);
            suite.onAuthenticationSuccess(request, response, authentification);
        };
    }
}
