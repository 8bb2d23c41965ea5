package fr.pilotectg.convention;

import java.io.IOException;
import java.util.HashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Issue 16: during a GET (or HEAD) request, {@link ConventionService#convention} returns for each id the aggregate it
 * read first, its reading right checked then, and {@link ConventionService#vue} the view it built first (with the
 * organisations of the parties), rendering included. A page whose parts each need the convention read it once: the
 * fiche page read it six times (the fiche, its links' targets, its sub-actions, the meetings' decisions about it…),
 * 8 statements each, 48 of its 84, and a fiche with links built the view three times. A read request writes no
 * convention; the rare write does not leave a stale copy (see {@code ConventionService.oublier}).
 */
@Component
class ConventionsLuesUneFoisParRequete extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest requete) {
        return !HttpMethod.GET.matches(requete.getMethod()) && !HttpMethod.HEAD.matches(requete.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest requete, HttpServletResponse reponse, FilterChain suite)
            throws ServletException, IOException {
        if (TransactionSynchronizationManager.hasResource(ConventionService.LUES_DANS_LA_TRANSACTION)) {
            suite.doFilter(requete, reponse);
            return;
        }
        TransactionSynchronizationManager.bindResource(ConventionService.LUES_DANS_LA_TRANSACTION, new HashMap<Long, Convention>());
        TransactionSynchronizationManager.bindResource(ConventionService.VUES_DE_LA_REQUETE, new HashMap<Long, VueConvention>());
        try {
            suite.doFilter(requete, reponse);
        } finally {
            TransactionSynchronizationManager.unbindResourceIfPossible(ConventionService.LUES_DANS_LA_TRANSACTION);
            TransactionSynchronizationManager.unbindResourceIfPossible(ConventionService.VUES_DE_LA_REQUETE);
        }
    }
}
