package fr.pilotectg.compte;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks an identifier and a password (login form and HTTP Basic), with throttling: while the identifier
 * or the client address is locked after repeated failures, the login is refused before the password is
 * hashed, so a refused attempt costs a database read instead of a bcrypt. Every refusal has the same
 * message, whether the account exists, the password is wrong or the login is locked.
 */
@Component
public class ConnexionLimitee implements AuthenticationManager {

    public static final String REFUS = "Identifiant ou mot de passe incorrect, ou connexion temporairement bloquée "
            + "après plusieurs échecs : réessayez dans quelques minutes.";

    private final DaoAuthenticationProvider motsDePasse;
    private final TentativesDeConnexion tentatives;

    ConnexionLimitee(UserDetailsService utilisateurs, PasswordEncoder passwordEncoder, TentativesDeConnexion tentatives) {
        this.motsDePasse = new DaoAuthenticationProvider(utilisateurs);
        this.motsDePasse.setPasswordEncoder(passwordEncoder);
        this.tentatives = tentatives;
    }

    @Override
    public Authentication authenticate(Authentication demande) {
        String identifiant = demande.getName();
        String adresse = demande.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        if (tentatives.bloquee(identifiant, adresse)) {
            throw new BadCredentialsException(REFUS);
        }
        try {
            Authentication authentifie = motsDePasse.authenticate(demande);
            tentatives.reussite(identifiant);
            return authentifie;
        } catch (AuthenticationException e) {
            tentatives.echec(identifiant, adresse);
            throw new BadCredentialsException(REFUS, e);
        }
    }
}
