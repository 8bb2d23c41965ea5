package fr.pilotectg.offre;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Introuvable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
        model.addAttribute("nonReconnues", services.stream().filter(ServiceSoutenu::communeNonReconnue).count());
        model.addAttribute("modifiable", conventions.peutModifier(convention));
        model.addAttribute("types", TypeService.values());
        return "offre/services";
    }

    @PostMapping("/conventions/{id}/services")
    String ajouter(@PathVariable long id, @ModelAttribute FormulaireService form, RedirectAttributes redirect) {
        try {
            ServiceSoutenu service = offre.ajouter(id, form.ligne());
            redirect.addFlashAttribute("messageSucces", "Service enregistré : " + service.type().libelle()
                    + (service.nom() == null ? "" : " — " + service.nom()) + "."
                    + (service.communeNonReconnue() ? " Attention : " + service.avertissement() : ""));
        } catch (ErreurValidation e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
        }
        return "redirect:/conventions/" + id + "/services";
    }

    @GetMapping("/conventions/{id}/services/{serviceId}/modifier")
    String modification(@PathVariable long id, @PathVariable long serviceId, Model model) {
        Convention convention = conventions.convention(id);
        if (!conventions.peutModifier(convention)) {
            throw new AccesRefuse("Vous ne pouvez pas modifier l'annexe des services de cette convention.");
        }
        ServiceSoutenu service = deLaConvention(id, serviceId);
        model.addAttribute("convention", convention);
        model.addAttribute("service", service);
        model.addAttribute("collectivites", String.join("\n", service.collectivitesSoutien()));
        model.addAttribute("proches", offre.communesProches(service));
        model.addAttribute("types", TypeService.values());
        return "offre/service-modifier";
    }

    @PostMapping("/conventions/{id}/services/{serviceId}/modifier")
    String modifier(@PathVariable long id, @PathVariable long serviceId, @RequestParam(required = false) Integer version,
                    @ModelAttribute FormulaireService form, RedirectAttributes redirect) {
        deLaConvention(id, serviceId);
        try {
            ServiceSoutenu service = offre.modifier(serviceId, version, form.ligne());
            redirect.addFlashAttribute("messageSucces", "Ligne modifiée : " + service.type().libelle()
                    + (service.nom() == null ? "" : " — " + service.nom()) + "."
                    + (service.communeNonReconnue() ? " Attention : " + service.avertissement() : ""));
            return "redirect:/conventions/" + id + "/services";
        } catch (ErreurValidation | ConflitDeModification e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
            return "redirect:/conventions/" + id + "/services/" + serviceId + "/modifier";
        }
    }

    @PostMapping("/conventions/{id}/services/{serviceId}/supprimer")
    String supprimer(@PathVariable long id, @PathVariable long serviceId, @RequestParam(required = false) Integer version,
                     RedirectAttributes redirect) {
        ServiceSoutenu service = deLaConvention(id, serviceId);
        try {
            offre.supprimer(serviceId, version);
            redirect.addFlashAttribute("messageSucces", "Ligne supprimée de l'annexe : " + service.type().libelle()
                    + (service.nom() == null ? "" : " — " + service.nom()) + ".");
            return "redirect:/conventions/" + id + "/services";
        } catch (ErreurValidation | ConflitDeModification e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
            return "redirect:/conventions/" + id + "/services/" + serviceId + "/modifier";
        }
    }

    /** The row, if it belongs to that convention (read access checked). */
    private ServiceSoutenu deLaConvention(long conventionId, long serviceId) {
        conventions.convention(conventionId);
        ServiceSoutenu service = offre.service(serviceId);
        if (service.conventionId() != conventionId) {
            throw new Introuvable("Aucun service n° " + serviceId + " dans l'annexe de cette convention.");
        }
        return service;
    }

    record FormulaireService(TypeService type, String typeImprime, String sousType, String nom, String gestionnaire, String adresse,
                             String codePostal, String commune, Integer capacite, Boolean horsBonusTerritoire,
                             String collectivites) {

        NouveauService ligne() {
            List<String> soutiens = collectivites == null ? List.of()
                    : List.of(collectivites.split("\\R")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
            return new NouveauService(type, typeImprime, sousType, nom, gestionnaire, adresse, codePostal, commune, capacite,
                    horsBonusTerritoire, soutiens);
        }
    }
}
