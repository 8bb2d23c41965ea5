package fr.pilotectg.pilotage;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.FormatFr;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class TableauDeBordController {

    private final TableauDeBordService tableaux;

    TableauDeBordController(TableauDeBordService tableaux) {
        this.tableaux = tableaux;
    }

    @GetMapping("/conventions/{id}/tableau-de-bord")
    String tableau(@PathVariable long id, Model model) {
        model.addAttribute("t", tableaux.tableau(id));
        return "pilotage/tableau-de-bord";
    }

    @PostMapping("/conventions/{id}/copils")
    String ajouterCopil(@PathVariable long id, @RequestParam(required = false) String date,
                        @RequestParam(required = false) String objet, RedirectAttributes redirect) {
        try {
            CopilPrevu copil = tableaux.ajouterCopil(id, date(date), objet);
            redirect.addFlashAttribute("messageSucces", "COPIL programmé le " + FormatFr.date(copil.date()) + ".");
        } catch (ErreurValidation e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
        }
        return "redirect:/conventions/" + id + "/tableau-de-bord#copils";
    }

    @PostMapping("/conventions/{id}/copils/{copil}/supprimer")
    String supprimerCopil(@PathVariable long id, @PathVariable long copil, RedirectAttributes redirect) {
        tableaux.supprimerCopil(id, copil);
        redirect.addFlashAttribute("messageSucces", "COPIL retiré de la programmation.");
        return "redirect:/conventions/" + id + "/tableau-de-bord#copils";
    }

    private static LocalDate date(String texte) {
        if (texte == null || texte.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(texte.strip());
        } catch (DateTimeParseException e) {
            throw new ErreurValidation("date", "La date du COPIL « " + texte + " » n'est pas une date valide.");
        }
    }
}
