package fr.pilotectg.oidc;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page that says why a single sign-on was refused (403): never a stack trace, never the generic error page. */
@Controller
class ConnexionUniqueController {

    private final ConnexionUnique connexion;

    ConnexionUniqueController(ConnexionUnique connexion) {
        this.connexion = connexion;
    }

    @GetMapping(ConnexionUnique.REFUS)
    String refus(@RequestParam(name = "motif", required = false) String code, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("motif", MotifDeRefus.deCode(code));
        model.addAttribute("formulaire", connexion.formulaireActif());
        return "connexion-refusee";
    }
}
