package fr.pilotectg.compte;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API requests that carry {@code Authorization: Bearer <jeton>}, for this request only (no
 * session). A token that is unknown, revoked or expired, or whose account is deactivated, is answered by
 * the entry point (401) without going further.
 */
public class AuthentificationParJeton extends OncePerRequestFilter {

    public static final String REFUS = "Jeton d'API invalide, révoqué ou expiré, ou compte désactivé.";
    private static final String BEARER = "Bearer ";

    private final JetonsService jetons;
    private final RequestMatcher api;
    private final AuthenticationEntryPoint refus;
    private final SecurityContextHolderStrategy contextes = SecurityContextHolder.getContextHolderStrategy();

    public AuthentificationParJeton(JetonsService jetons, RequestMatcher api, AuthenticationEntryPoint refus) {
        this.jetons = jetons;
        this.api = api;
        this.refus = refus;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String entete = request.getHeader("Authorization");
        return entete == null || !entete.regionMatches(true, 0, BEARER, 0, BEARER.length()) || !api.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var utilisateur = jetons.authentifier(request.getHeader("Authorization").substring(BEARER.length()).strip());
        if (utilisateur.isEmpty()) {
            contextes.clearContext();
            refus.commence(request, response, new BadCredentialsException(REFUS));
            return;
        }
        SecurityContext contexte = contextes.createEmptyContext();
        contexte.setAuthentication(new JetonAuthentifie(utilisateur.get()));
        contextes.setContext(contexte);
        chain.doFilter(request, response);
    }
}
