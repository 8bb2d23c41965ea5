package fr.pilotectg.compte;

import java.time.Clock;
import java.time.LocalDate;

import fr.pilotectg.organisation.UtilisateurConnecte;
import fr.pilotectg.shared.ErreurValidation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Mon compte" page: the user's API tokens. A new token is shown in the answer to the form, not after a
 * redirect, so that its value is never kept in the session.
 */
@Controller
class JetonsController {

    private static final String PAGE = "compte/jetons";

    private final JetonsService jetons;
    private final Clock horloge;

    JetonsController(JetonsService jetons, Clock horloge) {
        this.jetons = jetons;
        this.horloge = horloge;
    }

    @GetMapping("/compte/jetons")
    String page(Model model) {
        return afficher(model, new NouveauJeton(null, null));
    }

    @PostMapping("/compte/jetons")
    String creer(@ModelAttribute("formulaire") NouveauJeton formulaire, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("jetonCree", jetons.creer(UtilisateurConnecte.courant(), formulaire));
            return afficher(model, new NouveauJeton(null, null));
        } catch (ErreurValidation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            e.erreurs().forEach(erreur -> model.addAttribute("erreur_" + erreur.champ(), erreur.message()));
            model.addAttribute("messageErreur", e.getMessage());
            return afficher(model, formulaire);
        }
    }

    @PostMapping("/compte/jetons/{id}/revocation")
    String revoquer(@PathVariable long id, RedirectAttributes redirect) {
        Jeton jeton = jetons.revoquer(UtilisateurConnecte.courant(), id);
        redirect.addFlashAttribute("messageSucces", "Jeton « " + jeton.nom() + " » (" + jeton.prefixe() + "…) révoqué : "
                + "les scripts qui l'utilisent sont refusés dès maintenant.");
        return "redirect:/compte/jetons";
    }

    private String afficher(Model model, NouveauJeton formulaire) {
        UtilisateurConnecte utilisateur = UtilisateurConnecte.courant();
        model.addAttribute("formulaire", formulaire);
        model.addAttribute("jetons", jetons.jetons(utilisateur));
        model.addAttribute("tousLesJetons", utilisateur.estAdmin() ? jetons.tousLesJetons(utilisateur) : null);
        model.addAttribute("aujourdhui", LocalDate.now(horloge));
        return PAGE;
    }
}
