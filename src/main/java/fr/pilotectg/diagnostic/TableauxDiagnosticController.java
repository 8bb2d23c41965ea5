package fr.pilotectg.diagnostic;

import java.util.LinkedHashMap;
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

/**
 * Edit pages of the diagnostic's tables (EAJE, ALSH, financements, AFOM, enjeux, sources, indicators): one form per row with its
 * version, one form to add a row, a confirmation page to remove one. A refused save shows the page again with the
 * user's input in the row's form: 400 with the field's message, 409 with the row as it is now.
 */
@Controller
class TableauxDiagnosticController {

    static final String NOUVELLE = "nouvelle";

    private final TableauxDiagnostic tableaux;

    TableauxDiagnosticController(TableauxDiagnostic tableaux) {
        this.tableaux = tableaux;
    }

    @GetMapping("/conventions/{id}/diagnostic/tableaux/{tableau}")
    String page(@PathVariable long id, @PathVariable String tableau, Model model) {
        model.addAttribute("p", tableaux.page(id, TableauDiagnostic.depuisChemin(tableau)));
        return "diagnostic/tableau";
    }

    @PostMapping("/conventions/{id}/diagnostic/tableaux/{tableau}")
    String ajouter(@PathVariable long id, @PathVariable String tableau, @RequestParam Map<String, String> saisie, Model model,
                   HttpServletResponse reponse, RedirectAttributes redirect) {
        TableauDiagnostic t = TableauDiagnostic.depuisChemin(tableau);
        try {
            LigneEditee ligne = tableaux.ajouter(id, t, saisie);
            redirect.addFlashAttribute("messageSucces", "Ligne « " + ligne.titre() + " » ajoutée.");
            return "redirect:/conventions/" + id + "/diagnostic/tableaux/" + t.chemin() + "#ligne-" + ligne.id();
        } catch (ErreurValidation e) {
            return refus(id, t, NOUVELLE, saisie, e, null, model, reponse);
        }
    }

    @PostMapping("/conventions/{id}/diagnostic/tableaux/{tableau}/{ligne}")
    String modifier(@PathVariable long id, @PathVariable String tableau, @PathVariable long ligne,
                    @RequestParam Map<String, String> saisie, Model model, HttpServletResponse reponse, RedirectAttributes redirect) {
        TableauDiagnostic t = TableauDiagnostic.depuisChemin(tableau);
        try {
            LigneEditee apres = tableaux.modifier(id, t, ligne, saisie, entier(saisie.get("version")));
            redirect.addFlashAttribute("messageSucces", "Ligne « " + apres.titre() + " » enregistrée.");
            return "redirect:/conventions/" + id + "/diagnostic/tableaux/" + t.chemin() + "#ligne-" + ligne;
        } catch (ErreurValidation e) {
            return refus(id, t, String.valueOf(ligne), saisie, e, null, model, reponse);
        } catch (ConflitDeModification e) {
            return refus(id, t, String.valueOf(ligne), saisie, null, e, model, reponse);
        }
    }

    @GetMapping("/conventions/{id}/diagnostic/tableaux/{tableau}/{ligne}/suppression")
    String confirmation(@PathVariable long id, @PathVariable String tableau, @PathVariable long ligne, Model model) {
        TableauDiagnostic t = TableauDiagnostic.depuisChemin(tableau);
        model.addAttribute("p", tableaux.page(id, t));
        model.addAttribute("ligne", tableaux.ligne(id, t, ligne));
        model.addAttribute("valeursEmportees", tableaux.valeursEmportees(id, t, ligne));
        return "diagnostic/suppression-ligne";
    }

    @PostMapping("/conventions/{id}/diagnostic/tableaux/{tableau}/{ligne}/suppression")
    String supprimer(@PathVariable long id, @PathVariable String tableau, @PathVariable long ligne,
                     @RequestParam(required = false) String version, Model model, HttpServletResponse reponse,
                     RedirectAttributes redirect) {
        TableauDiagnostic t = TableauDiagnostic.depuisChemin(tableau);
        try {
            LigneEditee avant = tableaux.supprimer(id, t, ligne, entier(version));
            redirect.addFlashAttribute("messageSucces", "Ligne « " + avant.titre() + " » supprimée.");
            return "redirect:/conventions/" + id + "/diagnostic/tableaux/" + t.chemin();
        } catch (ErreurValidation | ConflitDeModification e) {
            reponse.setStatus(e instanceof ConflitDeModification ? 409 : 400);
            model.addAttribute("p", tableaux.page(id, t));
            model.addAttribute("ligne", tableaux.ligne(id, t, ligne));
            model.addAttribute("valeursEmportees", tableaux.valeursEmportees(id, t, ligne));
            model.addAttribute("conflit", e.getMessage() + " Relisez la ligne telle qu'elle est maintenant avant de la supprimer.");
            return "diagnostic/suppression-ligne";
        }
    }

    private String refus(long id, TableauDiagnostic t, String cle, Map<String, String> saisie, ErreurValidation erreur,
                         ConflitDeModification conflit, Model model, HttpServletResponse reponse) {
        reponse.setStatus(conflit != null ? 409 : 400);
        Map<String, String> erreurs = new LinkedHashMap<>();
        if (erreur != null) {
            erreur.erreurs().forEach(e -> erreurs.merge(e.champ(), e.message(), (a, b) -> a + " " + b));
        }
        model.addAttribute("p", tableaux.page(id, t));
        model.addAttribute("ligneEnErreur", cle);
        model.addAttribute("erreurs", erreurs);
        model.addAttribute("saisie", saisie);
        model.addAttribute("conflit", conflit == null ? null : conflit.getMessage());
        return "diagnostic/tableau";
    }

    private static Integer entier(String texte) {
        try {
            return texte == null || texte.isBlank() ? null : Integer.valueOf(texte.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
