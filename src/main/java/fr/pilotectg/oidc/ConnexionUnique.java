package fr.pilotectg.oidc;

import java.io.IOException;
import java.time.Clock;

import fr.pilotectg.compte.SessionsValides;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * How the login page and the filter chain offer single sign-on (OpenID Connect, authorization code with PKCE) and the
 * login form, each by configuration. Once the identity is matched to an account, the session holds that account
 * ({@code UtilisateurConnecte}) exactly as after the login form.
 */
@Component
public class ConnexionUnique {

    /** Every path {@code /connexion/unique/{x}} starts a sign-in with registration x: nothing else may live under it. */
    public static final String DEPART = "/connexion/unique";
    public static final String REFUS = "/connexion/oidc/refus";

    private final ProprietesOidc proprietes;
    private final boolean formulaire;
    private final ObjectProvider<ClientRegistrationRepository> inscriptions;
    private final ObjectProvider<ServiceUtilisateurOidc> utilisateurs;
    private final ObjectProvider<JwtDecoderFactory<ClientRegistration>> decodeurs;
    private final SecurityContextRepository contextes = new HttpSessionSecurityContextRepository();
    private final Clock horloge;

    ConnexionUnique(ProprietesOidc proprietes, @Value("${pilote.connexion-formulaire:true}") boolean formulaire,
                    ObjectProvider<ClientRegistrationRepository> inscriptions,
                    ObjectProvider<ServiceUtilisateurOidc> utilisateurs,
                    ObjectProvider<JwtDecoderFactory<ClientRegistration>> decodeurs, Clock horloge) {
        this.proprietes = proprietes;
        this.horloge = horloge;
        this.formulaire = formulaire;
        this.inscriptions = inscriptions;
        this.utilisateurs = utilisateurs;
        this.decodeurs = decodeurs;
        if (!formulaire && !proprietes.active()) {
            throw new IllegalStateException("PILOTE_CONNEXION_FORMULAIRE=false sans PILOTE_OIDC_ISSUER : personne ne "
                    + "pourrait se connecter. Configurez la connexion unique ou laissez le formulaire de connexion.");
        }
    }

    /** Whether single sign-on is configured. */
    public boolean active() {
        return proprietes.active();
    }

    /** Whether the login form (identifier and password) is offered. */
    public boolean formulaireActif() {
        return formulaire;
    }

    public String libelleBouton() {
        return proprietes.libelleBouton();
    }

    /** The address of the single sign-on button. */
    public String adresseDepart() {
        return DEPART + "/" + InscriptionParDecouverte.ID;
    }

    /**
     * The chain's authentication manager: the given one (login form and HTTP Basic) and, when single sign-on is on, the
     * exchange of the provider's authorization code (tokens checked, identity matched to an account).
     */
    public AuthenticationManager avec(AuthenticationManager formulaire) {
        if (!active()) {
            return formulaire;
        }
        OidcAuthorizationCodeAuthenticationProvider oidc = new OidcAuthorizationCodeAuthenticationProvider(
                new RestClientAuthorizationCodeTokenResponseClient(), utilisateurs.getObject());
        oidc.setJwtDecoderFactory(decodeurs.getObject());
        return authentification -> authentification instanceof OAuth2LoginAuthenticationToken
                ? oidc.authenticate(authentification)
                : formulaire.authenticate(authentification);
    }

    /** Adds the OpenID Connect login to the chain when it is configured. */
    public void configurer(HttpSecurity http) throws Exception {
        if (!active()) {
            return;
        }
        ClientRegistrationRepository depot = inscriptions.getObject();
        ServiceUtilisateurOidc service = utilisateurs.getObject();
        http.oauth2Login(oidc -> oidc
                .loginPage("/connexion")
                .clientRegistrationRepository(depot)
                .authorizationEndpoint(autorisation -> autorisation.baseUri(DEPART))
                .redirectionEndpoint(retour -> retour.baseUri(InscriptionParDecouverte.RETOUR))
                .userInfoEndpoint(informations -> informations.oidcUserService(service))
                .successHandler(new Reussite(contextes, horloge))
                .failureHandler(new Echec()));
    }

    /** Replaces the provider's identity by the account it was matched to, as the login form would have. */
    private static final class Reussite implements AuthenticationSuccessHandler {

        private final SecurityContextRepository contextes;
        private final Clock horloge;
        private final SavedRequestAwareAuthenticationSuccessHandler suite = new SavedRequestAwareAuthenticationSuccessHandler();

        Reussite(SecurityContextRepository contextes, Clock horloge) {
            this.contextes = contextes;
            this.horloge = horloge;
            suite.setDefaultTargetUrl("/");
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                            Authentication authentication) throws IOException, ServletException {
            if (!(authentication.getPrincipal() instanceof CompteOidc compte)) {
                throw new IllegalStateException("Connexion unique sans compte rattaché");
            }
            UsernamePasswordAuthenticationToken session = UsernamePasswordAuthenticationToken.authenticated(
                    compte.utilisateur(), null, compte.utilisateur().getAuthorities());
            session.setDetails(authentication.getDetails());
            SecurityContext contexte = SecurityContextHolder.createEmptyContext();
            contexte.setAuthentication(session);
            SecurityContextHolder.setContext(contexte);
            contextes.saveContext(contexte, request, response);
            // Marks the session like a form login, so that "Se déconnecter partout" and deactivation end it (ADR 0009).
            SessionsValides.marquer(request, horloge);
            suite.onAuthenticationSuccess(request, response, session);
        }
    }

    /** Every refusal ends on a French page that says why; no account is created and no session is opened. */
    private static final class Echec implements AuthenticationFailureHandler {

        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                            AuthenticationException exception) throws IOException {
            MotifDeRefus motif = exception instanceof RefusConnexionUnique refus ? refus.motif() : MotifDeRefus.ECHEC;
            response.sendRedirect(request.getContextPath() + REFUS + "?motif=" + motif.code());
        }
    }
}
