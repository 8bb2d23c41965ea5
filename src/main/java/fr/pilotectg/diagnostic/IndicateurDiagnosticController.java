package fr.pilotectg.diagnostic;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** All the values of one indicator, page by page: the diagnostic page shows only its latest period's (issue 16). */
@Controller
class IndicateurDiagnosticController {

    private final DiagnosticService diagnostic;

    IndicateurDiagnosticController(DiagnosticService diagnostic) {
        this.diagnostic = diagnostic;
    }

    @GetMapping("/conventions/{id}/diagnostic/indicateurs/{indicateurId}")
    String valeurs(@PathVariable long id, @PathVariable long indicateurId, @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("p", diagnostic.valeursDeLIndicateur(id, indicateurId, page));
        return "diagnostic/indicateur";
    }
}
