package fr.pilotectg.plan;

import java.util.List;
import java.util.Map;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.HtmlUtils;

@Controller
class PlanController {

    private final PlanService plans;
    private final ConventionService conventions;

    PlanController(PlanService plans, ConventionService conventions) {
        this.plans = plans;
        this.conventions = conventions;
    }

    @GetMapping("/conventions/{id}/plan")
    String plan(@PathVariable long id, @ModelAttribute("filtre") FiltreFiches filtre,
                @RequestParam(required = false) String q, Model model) {
        Convention convention = conventions.convention(id);
        model.addAttribute("convention", convention);
        if (plans.planSiExiste(id).isEmpty()) {
            return "plan/sans-plan";
        }
        ArbrePlan arbre = plans.arbre(id, filtre);
        model.addAttribute("arbre", arbre);
        model.addAttribute("total", plans.arbre(id, FiltreFiches.AUCUN).nombreFiches());
        model.addAttribute("modifiable", plans.peutModifierLePlan(id));
        model.addAttribute("annees", PlanService.anneesPeriode(convention));
        model.addAttribute("q", q);
        if (q != null && !q.isBlank()) {
            model.addAttribute("resultats", plans.rechercher(id, q).stream()
                    .map(r -> new ResultatAffiche(r.ficheId(), r.reference(), r.titre(), surligner(r.extrait()))).toList());
        }
        return "plan/plan";
    }

    @GetMapping("/conventions/{id}/programme")
    String programme(@PathVariable long id, Model model) {
        Convention convention = conventions.convention(id);
        model.addAttribute("convention", convention);
        if (plans.planSiExiste(id).isEmpty()) {
            return "plan/sans-plan";
        }
        model.addAttribute("arbre", plans.arbre(id, FiltreFiches.AUCUN));
        model.addAttribute("annees", PlanService.anneesPeriode(convention));
        return "plan/programme";
    }

    @GetMapping("/fiches/{id}")
    String fiche(@PathVariable long id, Model model) {
        model.addAttribute("vue", plans.fiche(id));
        return "plan/fiche";
    }

    @GetMapping("/fiches/{id}/modifier")
    String modifier(@PathVariable long id, Model model) {
        VueFiche vue = plans.fiche(id);
        model.addAttribute("vue", vue);
        model.addAttribute("valeurs", FormulaireFiche.valeurs(vue.modele(), vue.fiche()));
        return "plan/fiche-modifier";
    }

    @PostMapping("/fiches/{id}/modifier")
    String enregistrer(@PathVariable long id, @RequestParam MultiValueMap<String, String> saisie, Model model,
                       RedirectAttributes redirect) {
        VueFiche vue = plans.fiche(id);
        try {
            int version = Integer.parseInt(saisie.getFirst("version"));
            plans.modifierFiche(id, version, FormulaireFiche.contenu(vue.modele(), saisie, vue.fiche()));
            redirect.addFlashAttribute("messageSucces", "Fiche enregistrée.");
            return "redirect:/fiches/" + id;
        } catch (ErreurValidation e) {
            model.addAttribute("erreurs", e.erreurs().stream()
                    .collect(java.util.stream.Collectors.toMap(ErreurValidation.Erreur::champ, ErreurValidation.Erreur::message, (a, b) -> a + " " + b)));
        } catch (ConflitDeModification e) {
            model.addAttribute("conflit", e.getMessage());
        }
        model.addAttribute("vue", vue);
        model.addAttribute("valeurs", FormulaireFiche.valeurs(saisie));
        return "plan/fiche-modifier";
    }

    @PostMapping("/conventions/{id}/plan/fiches")
    String creer(@PathVariable long id, @RequestParam(required = false) Long noeudId, @RequestParam(required = false) String titre,
                 RedirectAttributes redirect) {
        try {
            Fiche fiche = plans.creerFiche(id, noeudId, new ContenuFiche(null, titre, ChampsFiche.VIDES, List.of(), null, List.of()));
            redirect.addFlashAttribute("messageSucces", "Fiche créée : complétez-la.");
            return "redirect:/fiches/" + fiche.id() + "/modifier";
        } catch (ErreurValidation e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
            return "redirect:/conventions/" + id + "/plan";
        }
    }

    @PostMapping("/fiches/{id}/supprimer")
    String supprimer(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        VueFiche vue = plans.fiche(id);
        try {
            plans.supprimerFiche(id, version);
            redirect.addFlashAttribute("ficheSupprimee", vue.fiche());
        } catch (ConflitDeModification e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
        }
        return "redirect:/conventions/" + vue.fiche().conventionId() + "/plan";
    }

    @PostMapping("/fiches/{id}/restaurer")
    String restaurer(@PathVariable long id, RedirectAttributes redirect) {
        Fiche fiche = plans.restaurerFiche(id);
        redirect.addFlashAttribute("messageSucces", "Fiche « " + fiche.titre() + " » restaurée.");
        return "redirect:/fiches/" + id;
    }

    @PostMapping("/fiches/{id}/deplacer")
    String deplacer(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) Long noeudId,
                    @RequestParam(defaultValue = "1") int position, RedirectAttributes redirect) {
        VueFiche vue = plans.fiche(id);
        try {
            Fiche fiche = plans.deplacerFiche(id, version, noeudId, position);
            redirect.addFlashAttribute("messageSucces", "Fiche déplacée : elle porte maintenant la référence "
                    + (fiche.reference() == null ? "(aucune)" : fiche.reference()) + ".");
        } catch (ErreurValidation | ConflitDeModification e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
        }
        return "redirect:/conventions/" + vue.fiche().conventionId() + "/plan";
    }

    @PostMapping("/noeuds/{id}/deplacer")
    String deplacerNoeud(@PathVariable long id, @RequestParam long conventionId, @RequestParam int version,
                         @RequestParam(required = false) Long parentId, @RequestParam(defaultValue = "1") int position,
                         RedirectAttributes redirect) {
        try {
            plans.deplacerNoeud(id, version, parentId, position);
            redirect.addFlashAttribute("messageSucces", "Élément déplacé ; la numérotation a suivi.");
        } catch (ErreurValidation | ConflitDeModification e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
        }
        return "redirect:/conventions/" + conventionId + "/plan";
    }

    record ResultatAffiche(long ficheId, String reference, String titre, String extraitHtml) {
    }

    /** The database marks matches with «« »»; everything else is escaped before <mark> is put back. */
    static String surligner(String extrait) {
        return HtmlUtils.htmlEscape(extrait == null ? "" : extrait).replace("««", "<mark>").replace("»»", "</mark>");
    }

}
