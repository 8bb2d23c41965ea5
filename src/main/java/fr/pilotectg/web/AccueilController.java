package fr.pilotectg.web;

import java.util.List;

import fr.pilotectg.suivi.ActionAMettreAJour;
import fr.pilotectg.suivi.CampagneService;
import fr.pilotectg.suivi.RelanceRecue;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: what the user's organisation must update for the open campaigns, and unread reminders.
 * A user with nothing to do goes straight to the conventions.
 */
@Controller
class AccueilController {

    private final CampagneService campagnes;
    private final fr.pilotectg.gouvernance.ReunionsService reunions;

    AccueilController(CampagneService campagnes, fr.pilotectg.gouvernance.ReunionsService reunions) {
        this.campagnes = campagnes;
        this.reunions = reunions;
    }

    @GetMapping("/")
    String accueil(Model model) {
        List<ActionAMettreAJour> actions = campagnes.mesActionsAMettreAJour();
        List<RelanceRecue> relances = campagnes.mesRelancesNonLues();
        List<fr.pilotectg.gouvernance.DecisionDeLOrganisation> decisions = reunions.mesDecisionsASuivre();
        if (actions.isEmpty() && relances.isEmpty() && decisions.isEmpty()) {
            return "redirect:/conventions";
        }
        model.addAttribute("decisions", decisions);
        model.addAttribute("actions", actions);
        model.addAttribute("relances", relances);
        return "accueil";
    }
}
