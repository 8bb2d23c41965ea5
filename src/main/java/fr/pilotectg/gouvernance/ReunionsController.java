package fr.pilotectg.gouvernance;

import java.util.Map;

import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages to create, edit and delete a meeting of a body, and to change where a decision stands (managers only). */
@Controller
class ReunionsController {

    private final ReunionsService reunions;
    private final GouvernanceService gouvernance;

    ReunionsController(ReunionsService reunions, GouvernanceService gouvernance) {
        this.reunions = reunions;
        this.gouvernance = gouvernance;
    }

    @GetMapping("/conventions/{id}/gouvernance/reunions/nouvelle")
    String nouvelle(@PathVariable long id, @RequestParam(name = "instance", required = false) String instance, Model model,
                    RedirectAttributes redirect) {
        Gouvernance g = modifiable(id);
        if (g.instances().isEmpty()) {
            redirect.addFlashAttribute("messageErreur", "Ajoutez d'abord une instance : une réunion est celle d'une instance.");
            return "redirect:/conventions/" + id + "/gouvernance";
        }
        int rang = 1;
        try {
            rang = instance == null ? 1 : Integer.parseInt(instance.strip());
        } catch (NumberFormatException e) {
            // the first body
        }
        if (rang < 1 || rang > g.instances().size()) {
            rang = 1;
        }
        return formulaire(model, g, null, 0, FormulaireReunion.nouvelle(g, rang), null);
    }

    @PostMapping("/conventions/{id}/gouvernance/reunions/nouvelle")
    String creer(@PathVariable long id, @RequestParam MultiValueMap<String, String> champs, Model model,
                 RedirectAttributes redirect, HttpServletResponse response) {
        return enregistrer(id, null, null, champs, model, redirect, response);
    }

    @GetMapping("/conventions/{id}/gouvernance/reunions/{reunionId}/modifier")
    String modifier(@PathVariable long id, @PathVariable long reunionId, Model model) {
        Gouvernance g = modifiable(id);
        Reunion r = reunions.reunion(id, reunionId);
        return formulaire(model, g, r, r.version(), FormulaireReunion.de(r, g), null);
    }

    @PostMapping("/conventions/{id}/gouvernance/reunions/{reunionId}/modifier")
    String enregistrerModification(@PathVariable long id, @PathVariable long reunionId, @RequestParam(required = false) Integer version,
                                   @RequestParam MultiValueMap<String, String> champs, Model model, RedirectAttributes redirect,
                                   HttpServletResponse response) {
        return enregistrer(id, reunionId, version, champs, model, redirect, response);
    }

    @PostMapping("/conventions/{id}/gouvernance/reunions/{reunionId}/suppression")
    String supprimer(@PathVariable long id, @PathVariable long reunionId, @RequestParam(required = false) Integer version,
                     RedirectAttributes redirect) {
        try {
            reunions.supprimer(id, reunionId, version);
            redirect.addFlashAttribute("messageSucces", "Réunion supprimée.");
        } catch (ConflitDeModification | ErreurValidation e) {
            redirect.addFlashAttribute("messageErreur", message(e));
        }
        return "redirect:/conventions/" + id + "/gouvernance";
    }

    /** From the meeting card or the dashboard's "décisions à suivre"; back to where it was asked. */
    @PostMapping("/conventions/{id}/gouvernance/reunions/{reunionId}/decisions/{position}/statut")
    String statut(@PathVariable long id, @PathVariable long reunionId, @PathVariable int position,
                  @RequestParam(required = false) Integer version, @RequestParam(required = false) String statut,
                  @RequestParam(required = false) String retour, RedirectAttributes redirect) {
        try {
            Reunion r = reunions.changerStatut(id, reunionId, position, version, statut);
            redirect.addFlashAttribute("messageSucces", "Décision « " + r.decisions().get(position).texte() + " » : "
                    + r.decisions().get(position).statut().libelle() + ".");
        } catch (ConflitDeModification | ErreurValidation e) {
            redirect.addFlashAttribute("messageErreur", message(e));
        }
        return "tableau-de-bord".equals(retour) ? "redirect:/conventions/" + id + "/tableau-de-bord#decisions-a-suivre"
                : "redirect:/conventions/" + id + "/gouvernance#reunion-" + reunionId;
    }

    private String enregistrer(long id, Long reunionId, Integer version, MultiValueMap<String, String> champs, Model model,
                               RedirectAttributes redirect, HttpServletResponse response) {
        Gouvernance g = modifiable(id);
        Reunion existante = reunionId == null ? null : reunions.reunion(id, reunionId);
        FormulaireReunion formulaire = FormulaireReunion.lire(champs, g);
        Map<String, String> erreurs = FormulaireReunion.erreurs();
        SaisieReunion saisie = formulaire.saisie(version, erreurs);
        try {
            if (erreurs.isEmpty()) {
                Reunion r = reunionId == null ? reunions.creer(id, saisie) : reunions.modifier(id, reunionId, saisie);
                redirect.addFlashAttribute("messageSucces", "Réunion « " + r.instanceNom() + " » du " + r.dateAffichee() + " enregistrée.");
                return "redirect:/conventions/" + id + "/gouvernance#reunion-" + r.id();
            }
        } catch (ErreurValidation e) {
            e.erreurs().forEach(x -> erreurs.merge(formulaire.champDuFormulaire(x.champ()), x.message(), (a, b) -> a + " " + b));
        } catch (ConflitDeModification e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return formulaire(model, g, existante, version == null ? 0 : version, formulaire, e.getMessage());
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("erreurs", erreurs);
        return formulaire(model, g, existante, version == null ? 0 : version, formulaire, null);
    }

    private String formulaire(Model model, Gouvernance g, Reunion reunion, int version, FormulaireReunion formulaire, String conflit) {
        model.addAttribute("gouvernance", g);
        model.addAttribute("reunion", reunion);
        model.addAttribute("version", version);
        model.addAttribute("formulaire", formulaire.avecLignesVides());
        model.addAttribute("statuts", StatutDecision.values());
        model.addAttribute("conflit", conflit);
        // Decision owners are members of the body: those of the chosen body, else of every body.
        java.util.Map<Long, String> responsables = new java.util.LinkedHashMap<>();
        int rang = -1;
        try {
            rang = Integer.parseInt(formulaire.instanceId().strip());
        } catch (NumberFormatException e) {
            // no body chosen
        }
        for (int i = 0; i < g.instances().size(); i++) {
            if (rang < 1 || rang > g.instances().size() || rang == i + 1) {
                g.instances().get(i).membres().forEach(m -> responsables.put(m.organisationId(), g.nom(m.organisationId())));
            }
        }
        model.addAttribute("responsables", responsables);
        return "gouvernance/reunion";
    }

    private Gouvernance modifiable(long id) {
        Gouvernance g = gouvernance.gouvernance(id);
        if (!g.modifiable()) {
            throw new AccesRefuse("Vous pouvez consulter les réunions de cette convention mais pas les modifier.");
        }
        return g;
    }

    private static String message(RuntimeException e) {
        return e instanceof ErreurValidation v && !v.erreurs().isEmpty() ? v.erreurs().get(0).message() : e.getMessage();
    }
}
