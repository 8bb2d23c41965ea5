package fr.pilotectg.ao;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The printable early-childhood extract for the CDSF and the form recording the signatories' consents. */
@Controller
class ExtraitCdsfController {

    private final ExtraitCdsfService extraits;

    ExtraitCdsfController(ExtraitCdsfService extraits) {
        this.extraits = extraits;
    }

    @GetMapping("/conventions/{id}/extrait-cdsf")
    String extrait(@PathVariable long id, Model model) {
        ExtraitCdsf extrait = extraits.extrait(id);
        model.addAttribute("extrait", extrait);
        model.addAttribute("vue", extrait.ao());
        model.addAttribute("convention", extrait.ao().convention());
        model.addAttribute("decisions", DecisionConsentement.values());
        model.addAttribute("aujourdhui", LocalDate.now());
        return "ao/extrait-cdsf";
    }

    @PostMapping("/conventions/{id}/extrait-cdsf/consentements")
    String consentement(@PathVariable long id, @RequestParam(required = false) Long organisationId,
                        @RequestParam(required = false) DecisionConsentement decision, @RequestParam(required = false) String date,
                        @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        try {
            ConsentementPartie enregistre = extraits.enregistrerConsentement(id, organisationId, decision, date(date), version);
            redirect.addFlashAttribute("messageSucces", enregistre.organisation() + " : " + enregistre.etat() + ".");
        } catch (ErreurValidation e) {
            redirect.addFlashAttribute("messageErreur", "Rien n'a été enregistré : " + e.getMessage());
        } catch (ConflitDeModification e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
        }
        return "redirect:/conventions/" + id + "/extrait-cdsf#consentements";
    }

    private static LocalDate date(String texte) {
        if (texte == null || texte.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(texte.trim());
        } catch (DateTimeParseException e) {
            throw new ErreurValidation("date", "« " + texte.trim() + " » n'est pas une date (attendu : AAAA-MM-JJ).");
        }
    }
}
