package fr.pilotectg.diagnostic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Introuvable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class DiagnosticController {

    private final DiagnosticService diagnostic;

    DiagnosticController(DiagnosticService diagnostic) {
        this.diagnostic = diagnostic;
    }

    @GetMapping("/conventions/{id}/diagnostic")
    String diagnostic(@PathVariable long id, Model model) {
        model.addAttribute("d", diagnostic.diagnosticAffiche(id));
        return "diagnostic/diagnostic";
    }

    @GetMapping("/conventions/{id}/diagnostic/import")
    String formulaireImport(@PathVariable long id, Model model) {
        verifierEcriture(id);
        model.addAttribute("d", diagnostic.diagnosticAffiche(id));
        return "diagnostic/import";
    }

    @PostMapping("/conventions/{id}/diagnostic/import")
    String deposer(@PathVariable long id, @RequestParam(name = "fichier", required = false) MultipartFile fichier, Model model) {
        verifierEcriture(id);
        model.addAttribute("d", diagnostic.diagnosticAffiche(id));
        if (fichier == null || fichier.isEmpty()) {
            model.addAttribute("erreurFichier", "Choisissez un fichier CSV à déposer.");
            return "diagnostic/import";
        }
        try {
            model.addAttribute("apercu", diagnostic.preparerImport(id, fichier.getOriginalFilename(), fichier.getBytes()));
        } catch (ErreurValidation e) {
            model.addAttribute("erreurFichier", e.getMessage());
            return "diagnostic/import";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "diagnostic/apercu";
    }

    @PostMapping("/conventions/{id}/diagnostic/import/confirmer")
    String confirmer(@PathVariable long id, @RequestParam UUID jeton, RedirectAttributes redirect) {
        try {
            ResultatImport resultat = diagnostic.confirmerImport(id, jeton);
            redirect.addFlashAttribute("messageSucces", "Import terminé : " + resultat.valeurs() + " valeur(s) enregistrée(s), dont "
                    + resultat.marqueurs() + " marqueur(s) ; " + resultat.territoiresCrees() + " territoire(s) ajouté(s).");
            return "redirect:/conventions/" + id + "/diagnostic";
        } catch (ErreurValidation | Introuvable e) {
            redirect.addFlashAttribute("messageErreur", "Rien n'a été importé. " + e.getMessage());
            return "redirect:/conventions/" + id + "/diagnostic/import";
        }
    }

    private void verifierEcriture(long id) {
        if (!diagnostic.peutModifier(id)) {
            throw new AccesRefuse("Vous pouvez consulter le diagnostic de cette convention mais pas y importer de valeurs.");
        }
    }
}
