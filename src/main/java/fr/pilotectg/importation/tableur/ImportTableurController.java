package fr.pilotectg.importation.tableur;

import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ErreurValidation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The page to send a filled-in plan or follow-up table back: upload, preview, apply. */
@Controller
class ImportTableurController {

    private final ConventionService conventions;
    private final ImportsTableur imports;

    ImportTableurController(ConventionService conventions, ImportsTableur imports) {
        this.conventions = conventions;
        this.imports = imports;
    }

    @GetMapping("/conventions/{id}/imports/tableur")
    String page(@PathVariable long id, @RequestParam(required = false) String tableau, Model model) {
        model.addAttribute("convention", conventions.convention(id));
        model.addAttribute("tableau", "suivi".equals(tableau) ? "suivi" : "plan");
        return "importation/tableur";
    }

    @PostMapping("/conventions/{id}/imports/tableur")
    String importer(@PathVariable long id, @RequestParam(required = false) String tableau,
                    @RequestParam(name = "fichier", required = false) MultipartFile fichier,
                    @RequestParam(required = false) String action, Model model, HttpServletResponse reponse) {
        model.addAttribute("convention", conventions.convention(id));
        model.addAttribute("tableau", "suivi".equals(tableau) ? "suivi" : "plan");
        try {
            ImportsTableur.Tableau lu = ImportsTableur.Tableau.lire(tableau);
            byte[] contenu = ImportTableurApiController.contenu(fichier);
            model.addAttribute("apercu", "appliquer".equals(action)
                    ? imports.confirmer(id, lu, contenu, fichier.getOriginalFilename())
                    : imports.apercu(id, lu, contenu));
        } catch (ErreurValidation e) {
            reponse.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("message", String.join(" ", e.erreurs().stream().map(ErreurValidation.Erreur::message).toList())
                    + " Rien n'a été enregistré.");
        } catch (AccesRefuse e) {
            reponse.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("message", e.getMessage());
        }
        return "importation/tableur";
    }
}
