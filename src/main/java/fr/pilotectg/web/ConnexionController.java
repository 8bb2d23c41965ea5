package fr.pilotectg.web;

import fr.pilotectg.compte.ConnexionLimitee;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class ConnexionController {

    @GetMapping("/connexion")
    String connexion(Model model) {
        model.addAttribute("refus", ConnexionLimitee.REFUS);
        return "connexion";
    }
}
