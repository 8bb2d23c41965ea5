package fr.pilotectg.pilotage;

import java.util.LinkedHashMap;
import java.util.Map;

import fr.pilotectg.convention.ConventionService;
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

@Controller
class EvaluationPrecedenteController {

    private final EvaluationPrecedenteService evaluations;
    private final ConventionService conventions;

    EvaluationPrecedenteController(EvaluationPrecedenteService evaluations, ConventionService conventions) {
        this.evaluations = evaluations;
        this.conventions = conventions;
    }

    @GetMapping("/conventions/{id}/evaluation-precedente")
    String evaluation(@PathVariable long id, Model model) {
        model.addAttribute("convention", conventions.convention(id));
        model.addAttribute("evaluation", evaluations.evaluation(id).orElse(null));
        model.addAttribute("modifiable", evaluations.peutModifier(id));
        return "pilotage/evaluation-precedente";
    }

    @GetMapping("/conventions/{id}/evaluation-precedente/modifier")
    String formulaire(@PathVariable long id, Model model) {
        EvaluationPrecedenteService.Edition edition = evaluations.edition(id);
        model.addAttribute("convention", conventions.convention(id));
        model.addAttribute("f", edition.formulaire());
        model.addAttribute("version", edition.version());
        return "pilotage/evaluation-precedente-modifier";
    }

    @PostMapping("/conventions/{id}/evaluation-precedente/modifier")
    String modifier(@PathVariable long id, @RequestParam Map<String, String> saisie, Model model, HttpServletResponse reponse,
                    RedirectAttributes redirect) {
        FormulaireEvaluationPrecedente formulaire = FormulaireEvaluationPrecedente.saisi(saisie);
        String versionLue = saisie.get("version");
        Integer version;
        try {
            version = versionLue == null || versionLue.isBlank() ? null : Integer.valueOf(versionLue.strip());
        } catch (NumberFormatException e) {
            throw new ErreurValidation("version", "Version lue : « " + versionLue + " » n'est pas un nombre (rechargez la page).");
        }
        try {
            evaluations.modifier(id, formulaire, version);
            redirect.addFlashAttribute("messageSucces", "Évaluation de la CTG précédente enregistrée.");
            return "redirect:/conventions/" + id + "/evaluation-precedente";
        } catch (ErreurValidation e) {
            reponse.setStatus(400);
            Map<String, String> erreurs = new LinkedHashMap<>();
            e.erreurs().forEach(x -> erreurs.merge(x.champ(), x.message(), (a, b) -> a + " " + b));
            model.addAttribute("erreurs", erreurs);
            model.addAttribute("version", version);
        } catch (ConflitDeModification e) {
            reponse.setStatus(409);
            model.addAttribute("conflit", e.getMessage());
            EvaluationPrecedenteService.Edition actuelle = evaluations.edition(id);
            model.addAttribute("version", actuelle.version());
        }
        model.addAttribute("convention", conventions.convention(id));
        model.addAttribute("f", formulaire);
        return "pilotage/evaluation-precedente-modifier";
    }
}
