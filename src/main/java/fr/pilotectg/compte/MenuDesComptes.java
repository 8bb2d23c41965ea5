package fr.pilotectg.compte;

import fr.pilotectg.organisation.UtilisateurConnecte;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Whether the page's menu shows "Comptes": administrators and administrators of a Caf. */
@ControllerAdvice(annotations = Controller.class)
class MenuDesComptes {

    private final ComptesService comptes;

    MenuDesComptes(ComptesService comptes) {
        this.comptes = comptes;
    }

    @ModelAttribute("gereLesComptes")
    boolean gereLesComptes() {
        Authentication authentification = SecurityContextHolder.getContext().getAuthentication();
        return authentification != null && authentification.getPrincipal() instanceof UtilisateurConnecte utilisateur
                && comptes.gereDesComptes(utilisateur);
    }
}
