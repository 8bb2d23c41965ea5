package fr.pilotectg.pilotage;

import fr.pilotectg.convention.ConventionService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

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
        return "pilotage/evaluation-precedente";
    }
}
