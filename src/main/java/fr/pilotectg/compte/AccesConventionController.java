package fr.pilotectg.compte;

import fr.pilotectg.shared.ErreurValidation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The "Accès" page of a convention: who reads and writes it and why; grant and withdraw read access. */
@Controller
class AccesConventionController {

    private final AccesConventions acces;

    AccesConventionController(AccesConventions acces) {
        this.acces = acces;
    }

    @GetMapping("/conventions/{id}/acces")
    String page(@PathVariable long id, Model model) {
        model.addAttribute("vue", acces.vue(id));
        return "comptes/acces";
    }

    @PostMapping("/conventions/{id}/acces")
    String accorder(@PathVariable long id, @RequestParam(name = "identifiant", required = false) String identifiant,
                    Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Compte compte = acces.accorder(id, identifiant);
            redirect.addFlashAttribute("messageSucces", compte.nomAffiche() + " peut désormais lire cette convention.");
            return "redirect:/conventions/" + id + "/acces";
        } catch (ErreurValidation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            e.erreurs().forEach(erreur -> model.addAttribute("erreur_" + erreur.champ(), erreur.message()));
            model.addAttribute("identifiant", identifiant);
            return page(id, model);
        }
    }

    @PostMapping("/conventions/{id}/acces/{utilisateurId}/retrait")
    String retirer(@PathVariable long id, @PathVariable long utilisateurId, RedirectAttributes redirect) {
        Compte compte = acces.retirer(id, utilisateurId);
        redirect.addFlashAttribute("messageSucces", "Accès de " + compte.nomAffiche() + " retiré : il ne lit plus cette convention "
                + "(sauf s'il y a accès par son rôle).");
        return "redirect:/conventions/" + id + "/acces";
    }
}
