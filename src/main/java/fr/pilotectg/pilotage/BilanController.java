package fr.pilotectg.pilotage;

import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class BilanController {

    private final BilanService bilans;

    BilanController(BilanService bilans) {
        this.bilans = bilans;
    }

    @GetMapping("/conventions/{id}/bilans/{type}")
    String bilan(@PathVariable long id, @PathVariable String type, Model model) {
        Bilan bilan = bilans.bilan(id, TypeBilan.depuisChemin(type));
        model.addAttribute("b", bilan);
        if (!model.containsAttribute("saisie")) {
            model.addAttribute("saisie", bilan.synthese());
        }
        return "pilotage/bilan";
    }

    @PostMapping("/conventions/{id}/bilans/{type}")
    String enregistrer(@PathVariable long id, @PathVariable String type, @ModelAttribute FormulaireSynthese form,
                       RedirectAttributes redirect) {
        TypeBilan typeBilan = TypeBilan.depuisChemin(type);
        try {
            bilans.enregistrerSynthese(id, typeBilan, form.version(), form.synthese());
            redirect.addFlashAttribute("messageSucces", "Synthèse du " + typeBilan.libelle().toLowerCase(java.util.Locale.FRENCH) + " enregistrée.");
        } catch (ConflitDeModification | ErreurValidation e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
            redirect.addFlashAttribute("saisie", form.synthese());
        }
        return "redirect:/conventions/" + id + "/bilans/" + typeBilan.chemin() + "#synthese";
    }

    record FormulaireSynthese(int version, String realisations, String changementsHabitants, String partenariatGouvernance,
                              String recommandations) {

        SyntheseBilan synthese() {
            return new SyntheseBilan(realisations, changementsHabitants, partenariatGouvernance, recommandations, version, null, null);
        }
    }
}
