package fr.pilotectg.convention;

import java.util.Arrays;

import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Saisie;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The résiliation page of a convention: what was recorded, or the form to record it (those who may change it). */
@Controller
@RequestMapping("/conventions/{id}/resiliation")
class ResiliationController {

    private final ConventionService conventions;
    private final ResiliationService resiliations;

    ResiliationController(ConventionService conventions, ResiliationService resiliations) {
        this.conventions = conventions;
        this.resiliations = resiliations;
    }

    /** The form's fields, as typed: dates and mode are parsed with French messages naming the field. */
    record FormulaireResiliation(Integer version, String mode, String dateResiliation, String dateNotification,
                                 String dateReception, String commentaire) {

        Resiliation.Demande demande() {
            ModeResiliation choisi = null;
            if (mode != null && !mode.isBlank()) {
                choisi = Arrays.stream(ModeResiliation.values()).filter(m -> m.name().equals(mode.strip())).findFirst()
                        .orElseThrow(() -> new ErreurValidation("mode", "Mode de résiliation inconnu : « "
                                + Saisie.tronquer(mode.strip()) + " »."));
            }
            return new Resiliation.Demande(choisi,
                    Saisie.date("dateResiliation", "Date de la résiliation", dateResiliation),
                    Saisie.date("dateNotification", "Date d'envoi de la lettre recommandée", dateNotification),
                    Saisie.date("dateReception", "Date de réception de la lettre recommandée", dateReception),
                    commentaire);
        }
    }

    @GetMapping
    String page(@PathVariable long id, Model model) {
        return afficher(id, model, null);
    }

    @PostMapping
    String resilier(@PathVariable long id, @ModelAttribute("form") FormulaireResiliation form, Model model,
                    RedirectAttributes redirect, HttpServletResponse reponse) {
        try {
            if (form.version() == null) {
                throw new ErreurValidation("version", "Version manquante : rechargez la page.");
            }
            Resiliation r = resiliations.resilier(id, form.version(), form.demande());
            redirect.addFlashAttribute("messageSucces", r.libelle() + ".");
            return "redirect:/conventions/" + id + "/resiliation";
        } catch (ErreurValidation e) {
            reponse.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("erreurs", ErreursDeChamps.de(e));
        } catch (ConflitDeModification e) {
            reponse.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("conflit", e.getMessage());
        }
        return afficher(id, model, form);
    }

    private String afficher(long id, Model model, FormulaireResiliation saisi) {
        VueConvention vue = conventions.vue(id);
        model.addAttribute("vue", vue);
        model.addAttribute("resiliation", resiliations.pour(id));
        model.addAttribute("peutResilier", resiliations.peutResilier(id));
        model.addAttribute("modes", ModeResiliation.values());
        model.addAttribute("enAttente", resiliations.enAttenteDEffet(resiliations.pour(id)));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", saisi != null ? saisi
                    : new FormulaireResiliation(vue.convention().version(), null, null, null, null, null));
        }
        return "convention/resiliation";
    }
}
