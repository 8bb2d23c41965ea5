package fr.pilotectg.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class AccueilController {

    @GetMapping("/")
    String accueil() {
        return "redirect:/conventions";
    }
}
