package fr.pilotectg.web;

import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Introuvable;
import fr.pilotectg.shared.Versions;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Denials and missing objects on pages: a readable page with the right HTTP status. The heading is
 * "titreErreur", not "titre": the layout fragment's own parameter "titre" would hide it.
 */
@ControllerAdvice(annotations = Controller.class)
class ErreursPages {

    @ExceptionHandler(AccesRefuse.class)
    String accesRefuse(AccesRefuse e, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("titreErreur", "Accès refusé");
        model.addAttribute("message", e.getMessage());
        return "erreur";
    }

    /** A refusal that no page handled itself (e.g. a forged parameter): the message on a 400 page. */
    @ExceptionHandler(ErreurValidation.class)
    String saisieRefusee(ErreurValidation e, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("titreErreur", "Saisie refusée");
        model.addAttribute("message", e.getMessage() + " Rien n'a été enregistré : revenez à la page précédente pour corriger la saisie.");
        return "erreur";
    }

    /** A form posted without one of its hidden fields (a forged or truncated request): "version manquante" for the version. */
    @ExceptionHandler(MissingServletRequestParameterException.class)
    String parametreManquant(MissingServletRequestParameterException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("titreErreur", "Saisie refusée");
        model.addAttribute("message", ("version".equals(e.getParameterName()) ? "Champ « version » : " + Versions.MANQUANTE
                : "Le champ « " + e.getParameterName() + " » manque au formulaire.")
                + " Rien n'a été enregistré : revenez à la page précédente et rechargez-la.");
        return "erreur";
    }

    @ExceptionHandler(Introuvable.class)
    String introuvable(Introuvable e, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("titreErreur", "Page introuvable");
        model.addAttribute("message", e.getMessage());
        return "erreur";
    }
}
