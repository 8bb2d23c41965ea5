package fr.pilotectg.web;

import fr.pilotectg.compte.AuthentificationParJeton;
import fr.pilotectg.compte.ConnexionLimitee;
import fr.pilotectg.compte.JetonsService;
import fr.pilotectg.oidc.ConnexionUnique;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
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
    private final ConnexionUnique connexionUnique;

    AuthentificationDesComptes(ConnexionLimitee connexions, JetonsService jetons, RefusAuthentificationApi refusApi,
                               ConnexionUnique connexionUnique) {
        this.connexions = connexions;
        this.connexionUnique = connexionUnique;
        this.jetons = jetons;
        this.refusApi = refusApi;
    }

    void configurer(HttpSecurity http, RequestMatcher api) throws Exception {
        http
                .authenticationManager(connexionUnique.avec(connexions))
                .httpBasic(basic -> basic.authenticationEntryPoint(refusApi))
                .addFilterBefore(new AuthentificationParJeton(jetons, api, refusApi), BasicAuthenticationFilter.class)
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(refusApi, api));
    }
}
