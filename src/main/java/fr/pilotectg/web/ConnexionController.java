package fr.pilotectg.web;

import fr.pilotectg.compte.ConnexionLimitee;
import fr.pilotectg.oidc.ConnexionUnique;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class ConnexionController {

    private final ConnexionUnique connexionUnique;

    ConnexionController(ConnexionUnique connexionUnique) {
        this.connexionUnique = connexionUnique;
    }

    @GetMapping("/connexion")
    String connexion(Model model) {
        model.addAttribute("refus", ConnexionLimitee.REFUS);
        model.addAttribute("connexionUnique", connexionUnique);
        return "connexion";
    }
}
