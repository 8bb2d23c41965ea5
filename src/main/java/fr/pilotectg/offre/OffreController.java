package fr.pilotectg.offre;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.shared.ErreurValidation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class OffreController {

    private final OffreService offre;
    private final ConventionService conventions;

    OffreController(OffreService offre, ConventionService conventions) {
        this.offre = offre;
        this.conventions = conventions;
    }

    @GetMapping("/conventions/{id}/services")
    String services(@PathVariable long id, Model model) {
        var convention = conventions.convention(id);
        List<ServiceSoutenu> services = offre.services(id);
        Map<TypeService, List<ServiceSoutenu>> parType = services.stream()
                .collect(Collectors.groupingBy(ServiceSoutenu::type, TreeMap::new, Collectors.toList()));
        model.addAttribute("convention", convention);
        model.addAttribute("parType", parType);
        model.addAttribute("nombre", services.size());
        model.addAttribute("modifiable", conventions.peutModifier(convention));
        model.addAttribute("types", TypeService.values());
        return "offre/services";
    }

    @PostMapping("/conventions/{id}/services")
    String ajouter(@PathVariable long id, @ModelAttribute FormulaireService form, RedirectAttributes redirect) {
        try {
            ServiceSoutenu service = offre.ajouter(id, form.ligne());
            redirect.addFlashAttribute("messageSucces", "Service enregistré : " + service.type().libelle()
                    + (service.nom() == null ? "" : " — " + service.nom()) + ".");
        } catch (ErreurValidation e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
        }
        return "redirect:/conventions/" + id + "/services";
    }

    record FormulaireService(TypeService type, String nom, String gestionnaire, String adresse, String commune,
                             Integer capacite, Boolean horsBonusTerritoire, String collectivites) {

        NouveauService ligne() {
            List<String> soutiens = collectivites == null ? List.of()
                    : List.of(collectivites.split("\\R")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
            return new NouveauService(type, null, nom, gestionnaire, adresse, commune, capacite, horsBonusTerritoire, soutiens);
        }
    }
}
