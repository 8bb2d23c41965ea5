package fr.pilotectg.testsupport;

import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Runs code as a demo user, as a request of that user would; the test thread's security context is put back after. */
public final class Comme {

    private Comme() {
    }

    public static <T> T utilisateur(UserDetailsService utilisateurs, String identifiant, Supplier<T> action) {
        SecurityContext avant = SecurityContextHolder.getContext();
        UserDetails utilisateur = utilisateurs.loadUserByUsername(identifiant);
        SecurityContext contexte = SecurityContextHolder.createEmptyContext();
        contexte.setAuthentication(new UsernamePasswordAuthenticationToken(utilisateur, null, utilisateur.getAuthorities()));
        SecurityContextHolder.setContext(contexte);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(avant);
        }
    }
}
