package fr.pilotectg.organisation;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in user, as the rest of the application sees it. */
public record UtilisateurConnecte(long id, String identifiant, String nomAffiche, Role role,
                                  Long organisationId, String motDePasse) implements UserDetails {

    public static UtilisateurConnecte courant() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof UtilisateurConnecte utilisateur) {
            return utilisateur;
        }
        throw new IllegalStateException("Aucun utilisateur connecté");
    }

    /** Name written in the audit journal; "système" for writes made outside a request (demo loading). */
    public static String identifiantCourantOuSysteme() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof UtilisateurConnecte utilisateur) {
            return utilisateur.identifiant();
        }
        return "système";
    }

    /** The identity of writes made by the application itself (demo data), journalled as "système". */
    public static UtilisateurConnecte systeme() {
        return new UtilisateurConnecte(0, "système", "Système", Role.ADMIN, null, "");
    }

    public boolean estAdmin() {
        return role == Role.ADMIN;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return motDePasse;
    }

    @Override
    public String getUsername() {
        return identifiant;
    }

    @Override
    public String toString() {
        return "UtilisateurConnecte[" + identifiant + ", " + role + "]";
    }
}
