package fr.pilotectg.convention;

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

/** Archive, restore and delete a convention (administrators). */
@Controller
class ArchivesController {

    private final ArchivesService archives;
    private final ConventionService conventions;

    ArchivesController(ArchivesService archives, ConventionService conventions) {
        this.archives = archives;
        this.conventions = conventions;
    }

    @GetMapping("/conventions/archives")
    String archivees(Model model) {
        model.addAttribute("archivees", archives.archivees());
        return "convention/archives";
    }

    @PostMapping("/conventions/{id}/archivage")
    String archiver(@PathVariable long id, RedirectAttributes redirect) {
        return ecrire(id, redirect, () -> "Convention archivée : elle n'apparaît plus dans les listes et se restaure depuis "
                + "« Conventions archivées ». « " + archives.archiver(id).titre() + " » est conservée entière.");
    }

    @PostMapping("/conventions/{id}/restauration")
    String restaurer(@PathVariable long id, RedirectAttributes redirect) {
        return ecrire(id, redirect, () -> "Convention « " + archives.restaurer(id).titre() + " » restaurée.");
    }

    @GetMapping("/conventions/{id}/suppression")
    String confirmation(@PathVariable long id, Model model) {
        archives.archivees();
        model.addAttribute("convention", conventions.convention(id));
        return "convention/suppression";
    }

    @PostMapping("/conventions/{id}/suppression")
    String supprimer(@PathVariable long id, @RequestParam(name = "titre", required = false) String titre, Model model,
                     HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Convention supprimee = archives.supprimer(id, titre);
            redirect.addFlashAttribute("messageSucces", "Convention « " + supprimee.titre() + " » supprimée ; son journal est conservé.");
            return "redirect:/conventions";
        } catch (ErreurValidation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("erreur_titre", e.getMessage());
            model.addAttribute("convention", conventions.convention(id));
            return "convention/suppression";
        }
    }

    private String ecrire(long id, RedirectAttributes redirect, java.util.function.Supplier<String> ecriture) {
        try {
            redirect.addFlashAttribute("messageSucces", ecriture.get());
        } catch (ConflitDeModification e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
        }
        return "redirect:/conventions/" + id;
    }
}
