package fr.pilotectg.suivi;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import fr.pilotectg.plan.Fiche;
import fr.pilotectg.shared.AccesRefuse;
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

/** Pages of the update campaigns: list, opening form, campaign page (answers, reminders, closing). */
@Controller
class CampagneController {

    private final CampagneService campagnes;
    private final SuiviService suivi;

    CampagneController(CampagneService campagnes, SuiviService suivi) {
        this.campagnes = campagnes;
        this.suivi = suivi;
    }

    @GetMapping("/conventions/{id}/campagnes")
    String liste(@PathVariable long id, Model model) {
        model.addAttribute("conventionId", id);
        model.addAttribute("conventionTitre", suivi.titreConvention(id));
        model.addAttribute("campagnes", campagnes.campagnes(id));
        model.addAttribute("modifiable", suivi.peutConfigurer(id));
        return "suivi/campagnes";
    }

    @GetMapping("/conventions/{id}/campagnes/nouvelle")
    String nouvelle(@PathVariable long id, @RequestParam(required = false) Integer annee, Model model) {
        int choisie = annee == null ? LocalDate.now().getYear() : annee;
        List<Fiche> fiches = formulaire(id, model);
        model.addAttribute("saisie", new Saisie("", String.valueOf(choisie), String.valueOf((LocalDate.now().getMonthValue() + 2) / 3), "",
                fiches.stream().filter(f -> CampagneService.proposeeEn(f, choisie)).map(Fiche::id).toList()));
        return "suivi/nouvelle-campagne";
    }

    @PostMapping("/conventions/{id}/campagnes")
    String ouvrir(@PathVariable long id, @RequestParam(required = false) String libelle, @RequestParam(required = false) String annee,
                  @RequestParam(required = false) String trimestre, @RequestParam(required = false) String dateLimite,
                  @RequestParam(required = false) List<Long> ficheIds, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        Saisie saisie = new Saisie(libelle, annee, trimestre, dateLimite, ficheIds == null ? List.of() : ficheIds);
        try {
            Campagne campagne = campagnes.ouvrir(id, new NouvelleCampagne(libelle, Saisies.entier("annee", "L'année", annee),
                    Saisies.entier("trimestre", "Le trimestre", trimestre), Saisies.date("dateLimite", "La date limite", dateLimite),
                    saisie.ficheIds()));
            redirect.addFlashAttribute("messageSucces", "Campagne « " + campagne.libelle() + " » ouverte.");
            return "redirect:/campagnes/" + campagne.id();
        } catch (ErreurValidation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            formulaire(id, model);
            model.addAttribute("saisie", saisie);
            model.addAttribute("erreurs", e.erreurs().stream().collect(Collectors.toMap(
                    ErreurValidation.Erreur::champ, ErreurValidation.Erreur::message, (a, b) -> a + " " + b)));
            model.addAttribute("messageErreur", "La campagne n'a pas été ouverte : corrigez les champs signalés.");
            return "suivi/nouvelle-campagne";
        }
    }

    private List<Fiche> formulaire(long id, Model model) {
        if (!suivi.peutConfigurer(id)) {
            throw new AccesRefuse("Seuls les gestionnaires de la convention ouvrent une campagne.");
        }
        List<Fiche> fiches = campagnes.fiches(id);
        model.addAttribute("conventionId", id);
        model.addAttribute("conventionTitre", suivi.titreConvention(id));
        model.addAttribute("fiches", fiches);
        return fiches;
    }

    record Saisie(String libelle, String annee, String trimestre, String dateLimite, List<Long> ficheIds) {
    }

    @GetMapping("/campagnes/{id}")
    String campagne(@PathVariable long id, Model model) {
        model.addAttribute("vue", campagnes.vue(id));
        return "suivi/campagne";
    }

    @PostMapping("/campagnes/{id}/cloturer")
    String cloturer(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            Campagne campagne = campagnes.cloturer(id, version);
            redirect.addFlashAttribute("messageSucces", "Campagne « " + campagne.libelle() + " » clôturée.");
        } catch (ConflitDeModification e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
        }
        return "redirect:/campagnes/" + id;
    }

    @PostMapping("/campagnes/{id}/relancer")
    String relancer(@PathVariable long id, RedirectAttributes redirect) {
        try {
            ResultatRelance resultat = campagnes.relancer(id);
            redirect.addFlashAttribute(resultat.courrielsNonEnvoyes().isEmpty() ? "messageSucces" : "messageErreur", resultat.message());
        } catch (ErreurValidation e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
        }
        return "redirect:/campagnes/" + id;
    }

    @PostMapping("/relances/{id}/lue")
    String marquerLue(@PathVariable long id, RedirectAttributes redirect) {
        campagnes.marquerLue(id);
        redirect.addFlashAttribute("messageSucces", "Rappel marqué comme lu.");
        return "redirect:/";
    }
}
