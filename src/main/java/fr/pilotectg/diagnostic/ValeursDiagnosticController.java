package fr.pilotectg.diagnostic;

import java.util.Map;

import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Edit page of a diagnostic indicator's values: one form per value, each with its version (issue 15 item 9). */
@Controller
class ValeursDiagnosticController {

    private final ValeursDiagnostic valeurs;

    ValeursDiagnosticController(ValeursDiagnostic valeurs) {
        this.valeurs = valeurs;
    }

    @GetMapping("/conventions/{id}/diagnostic/indicateurs/{indicateurId}/valeurs")
    String page(@PathVariable long id, @PathVariable long indicateurId, Model model) {
        model.addAttribute("p", valeurs.page(id, indicateurId));
        return "diagnostic/valeurs";
    }

    @PostMapping("/conventions/{id}/diagnostic/indicateurs/{indicateurId}/valeurs")
    String modifier(@PathVariable long id, @PathVariable long indicateurId, @RequestParam(required = false) Long territoireId,
                    @RequestParam(required = false) String periode, @RequestParam(required = false) String source,
                    @RequestParam(required = false) String valeur, @RequestParam(required = false) String note,
                    @RequestParam(required = false) String version, Model model, HttpServletResponse reponse,
                    RedirectAttributes redirect) {
        if (territoireId == null) {
            throw new ErreurValidation("territoireId", "Territoire : obligatoire (la valeur modifiée est celle d'un territoire).");
        }
        String cle = territoireId + "|" + (periode == null ? "" : periode) + "|" + (source == null ? "" : source);
        try {
            var apres = valeurs.modifier(id, indicateurId, territoireId, periode, source, valeur, note, entier(version));
            redirect.addFlashAttribute("messageSucces", "Valeur enregistrée pour " + apres.territoire() + " : " + apres.valeur().texte() + ".");
            return "redirect:/conventions/" + id + "/diagnostic/indicateurs/" + indicateurId + "/valeurs";
        } catch (ErreurValidation e) {
            reponse.setStatus(400);
            model.addAttribute("erreurs", Map.of(cle, String.join(" ", e.erreurs().stream().map(ErreurValidation.Erreur::message).toList())));
        } catch (ConflitDeModification e) {
            reponse.setStatus(409);
            model.addAttribute("conflits", Map.of(cle, e.getMessage()));
        }
        model.addAttribute("saisie", Map.of(cle, new String[]{valeur == null ? "" : valeur, note == null ? "" : note}));
        model.addAttribute("p", valeurs.page(id, indicateurId));
        return "diagnostic/valeurs";
    }

    private static Integer entier(String texte) {
        try {
            return texte == null || texte.isBlank() ? null : Integer.valueOf(texte.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
