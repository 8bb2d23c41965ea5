package fr.pilotectg.compte;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import fr.pilotectg.organisation.UtilisateurConnecte;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request of an open session rereads its account in PostgreSQL (ADR 0009): a deactivated account, or a session
 * opened before the account's "sessions valid after" instant ("Se déconnecter partout", password changed), is ended
 * at once, on every instance of the application; otherwise the session sees the account's current role.
 * Requests authenticated by HTTP Basic or an API token check the account themselves and are not concerned.
 */
public class SessionsValides extends OncePerRequestFilter {

    /** Session attribute: when the session was signed in (epoch milliseconds). */
    static final String CONNECTEE_LE = "pilote.connexion.instant";

    private final CompteRepository comptes;
    private final RequestMatcher api;
    private final AuthenticationEntryPoint refusApi;
    private final SecurityContextHolderStrategy contextes = SecurityContextHolder.getContextHolderStrategy();

    SessionsValides(CompteRepository comptes, RequestMatcher api, AuthenticationEntryPoint refusApi) {
        this.comptes = comptes;
        this.api = api;
        this.refusApi = refusApi;
    }

    /**
     * Marks the session with the instant of its sign-in, from the success handler of an interactive login (form; an
     * OIDC login should do the same). A session without the mark counts from its creation, which is earlier: safe.
     */
    public static void marquer(HttpServletRequest request, Clock horloge) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(CONNECTEE_LE, horloge.millis());
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        SecurityContext contexte = contextes.getContext();
        Authentication authentification = contexte.getAuthentication();
        if (session == null || authentification == null || !(authentification.getPrincipal() instanceof UtilisateurConnecte utilisateur)
                || !(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext enSession)
                || enSession.getAuthentication() != authentification) {
            chain.doFilter(request, response);
            return;
        }
        Optional<CompteRepository.EtatDeSession> etat = comptes.etatDeSession(utilisateur.id());
        long connecteeLe = session.getAttribute(CONNECTEE_LE) instanceof Long instant ? instant : session.getCreationTime();
        if (etat.isEmpty() || (etat.get().sessionsValidesApres() != null
                && connecteeLe < etat.get().sessionsValidesApres().toInstant().toEpochMilli())) {
            session.invalidate();
            contextes.clearContext();
            if (api.matches(request)) {
                refusApi.commence(request, response, new InsufficientAuthenticationException("Session terminée."));
            } else {
                response.sendRedirect(request.getContextPath() + "/connexion?session-terminee");
            }
            return;
        }
        UtilisateurConnecte actuel = etat.get().utilisateur();
        if (!actuel.equals(utilisateur) && authentification instanceof UsernamePasswordAuthenticationToken) {
            UsernamePasswordAuthenticationToken relu = UsernamePasswordAuthenticationToken.authenticated(actuel, null, actuel.getAuthorities());
            relu.setDetails(authentification.getDetails());
            contexte.setAuthentication(relu);
            enSession.setAuthentication(relu);
        }
        chain.doFilter(request, response);
    }

    /** After a password change: the current session stays valid, the others end. */
    static void renouveler(HttpServletRequest request, long instant) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(CONNECTEE_LE, instant);
        }
    }
}
