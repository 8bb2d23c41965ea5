package fr.pilotectg.web;

import fr.pilotectg.oidc.ConnexionUnique;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final RequestMatcher API = withDefaults().matcher("/api/**");
    /** Scripts calling the API with HTTP Basic or a token carry no session cookie, so CSRF cannot apply to them. */
    private static final RequestMatcher API_AVEC_AUTHENTIFICATION_BASIC =
            request -> API.matches(request) && request.getHeader("Authorization") != null;

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthentificationDesComptes authentification,
                                            ConnexionUnique connexionUnique) throws Exception {
        http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/connexion", "/mot-de-passe/oublie", "/mot-de-passe/nouveau", ConnexionUnique.REFUS,
                                "/css/**", "/js/**", "/img/**", "/webjars/**",
                                "/favicon.ico", "/error", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .logout(logout -> logout
                        .logoutUrl("/deconnexion")
                        .logoutSuccessUrl("/connexion?deconnecte"))
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.ignoringRequestMatchers(API_AVEC_AUTHENTIFICATION_BASIC))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(EntetesDeSecurite.CONTENT_SECURITY_POLICY))
                        .permissionsPolicyHeader(permissions -> permissions.policy(EntetesDeSecurite.PERMISSIONS_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.get(EntetesDeSecurite.REFERRER_POLICY))));
        if (connexionUnique.formulaireActif()) {
            http.formLogin(form -> form
                    .loginPage("/connexion")
                    .defaultSuccessUrl("/", false)
                    .failureUrl("/connexion?erreur")
                    .permitAll());
        }
        connexionUnique.configurer(http);
        authentification.configurer(http, API);
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
