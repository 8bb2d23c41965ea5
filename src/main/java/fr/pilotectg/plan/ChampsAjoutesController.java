package fr.pilotectg.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.pilotectg.convention.ConventionService;
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

/** Pages of the added fields (issue 10 item 8): the convention's list of fields, and a fiche's values. */
@Controller
class ChampsAjoutesController {

    private final ChampsAjoutes champs;
    private final PlanService plans;
    private final ConventionService conventions;
    private final EcritureFiche ecriture;

    ChampsAjoutesController(ChampsAjoutes champs, PlanService plans, ConventionService conventions, EcritureFiche ecriture) {
        this.champs = champs;
        this.plans = plans;
        this.conventions = conventions;
        this.ecriture = ecriture;
    }

    @GetMapping("/conventions/{id}/plan/champs")
    String page(@PathVariable long id, Model model) {
        if (!plans.peutModifierLePlan(id)) {
            throw new AccesRefuse("Seuls les gestionnaires de la convention changent les champs de ses fiches.");
        }
        if (plans.planSiExiste(id).isEmpty()) {
            return "redirect:/conventions/" + id + "/plan";
        }
        model.addAttribute("convention", conventions.convention(id));
        model.addAttribute("champs", champs.champs(id));
        model.addAttribute("types", TypeChampAjoute.values());
        return "plan/champs";
    }

    @PostMapping("/conventions/{id}/plan/champs")
    String ajouter(@PathVariable long id, @RequestParam(required = false) String libelle, @RequestParam(required = false) TypeChampAjoute type,
                   @RequestParam(required = false) String choix, RedirectAttributes redirect) {
        return apres(id, redirect, () -> champs.creer(id, new ChampsAjoutes.Definition(null, libelle, type, FormulaireChampsAjoutes.lignes(choix), null)),
                "Champ ajouté aux fiches.");
    }

    @PostMapping("/conventions/{id}/plan/champs/{champId}")
    String modifier(@PathVariable long id, @PathVariable long champId, @RequestParam int version,
                    @RequestParam(required = false) String libelle, @RequestParam(required = false) TypeChampAjoute type,
                    @RequestParam(required = false) String choix, RedirectAttributes redirect) {
        return apres(id, redirect, () -> champs.modifier(id, champId, version,
                new ChampsAjoutes.Definition(null, libelle, type, FormulaireChampsAjoutes.lignes(choix), null)), "Champ enregistré.");
    }

    @PostMapping("/conventions/{id}/plan/champs/{champId}/deplacer")
    String deplacer(@PathVariable long id, @PathVariable long champId, @RequestParam int version, @RequestParam int position,
                    RedirectAttributes redirect) {
        return apres(id, redirect, () -> {
            ChampAjoute c = champs.champs(id).stream().filter(x -> x.id() == champId).findFirst()
                    .orElseThrow(() -> new ErreurValidation("champ", "Ce champ n'existe plus : rechargez la page."));
            champs.modifier(id, champId, version, new ChampsAjoutes.Definition(null, c.libelle(), c.type(), c.choix(), position));
        }, "Champ déplacé.");
    }

    @PostMapping("/conventions/{id}/plan/champs/{champId}/supprimer")
    String supprimer(@PathVariable long id, @PathVariable long champId, @RequestParam int version, RedirectAttributes redirect) {
        return apres(id, redirect, () -> champs.supprimer(id, champId, version),
                "Champ retiré ; ses valeurs restent lisibles dans le journal de la convention.");
    }

    @GetMapping("/fiches/{id}/champs")
    String valeurs(@PathVariable long id, Model model) {
        VueFiche vue = plans.fiche(id);
        if (!vue.modifiable()) {
            throw new AccesRefuse("Vous pouvez consulter cette fiche mais pas la modifier.");
        }
        model.addAttribute("version", vue.fiche().version());
        return formulaire(vue, FormulaireChampsAjoutes.saisie(champs.champsDuPlan(vue.fiche().conventionId()), champs.valeursDe(id)),
                Map.of(), null, model);
    }

    @PostMapping("/fiches/{id}/champs")
    String enregistrer(@PathVariable long id, @RequestParam MultiValueMap<String, String> saisie, Model model,
                       RedirectAttributes redirect, HttpServletResponse reponse) {
        VueFiche vue = plans.fiche(id);
        if (!vue.modifiable()) {
            throw new AccesRefuse("Vous pouvez consulter cette fiche mais pas la modifier.");
        }
        Fiche f = vue.fiche();
        List<ChampAjoute> liste = champs.champsDuPlan(f.conventionId());
        Map<String, Object> envoyes = FormulaireChampsAjoutes.envoyes(liste, saisie, "champ-");
        // Shown again as sent: saving again after a refusal must not overwrite a change made meanwhile.
        model.addAttribute("version", saisie.getFirst("version"));
        try {
            int version = Integer.parseInt(saisie.getFirst("version"));
            ChampsAjoutes.Separation separation = champs.separer(f.conventionId(), envoyes, "champ-");
            ecriture.modifier(id, version, new ContenuFiche(f.reference(), f.titre(), f.champs(), f.annees(), f.echeances(), f.notes(),
                    f.debut(), f.fin()), separation.ajoutes(), true, null);
            redirect.addFlashAttribute("messageSucces", "Champs de la fiche enregistrés.");
            return "redirect:/fiches/" + id;
        } catch (ErreurValidation e) {
            Map<String, String> erreurs = new LinkedHashMap<>();
            e.erreurs().forEach(x -> erreurs.merge(x.champ() == null ? "" : x.champ(), x.message(), (a, b) -> a + " " + b));
            reponse.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return formulaire(vue, FormulaireChampsAjoutes.saisie(liste, saisie, "champ-"), erreurs, null, model);
        } catch (ConflitDeModification | NumberFormatException e) {
            reponse.setStatus(e instanceof ConflitDeModification ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST);
            return formulaire(vue, FormulaireChampsAjoutes.saisie(liste, saisie, "champ-"), Map.of(), e instanceof ConflitDeModification
                    ? e.getMessage() : "La version de la fiche manque : rechargez la page.", model);
        }
    }

    private String formulaire(VueFiche vue, Map<String, Object> saisie, Map<String, String> erreurs, String conflit, Model model) {
        model.addAttribute("vue", vue);
        model.addAttribute("champs", champs.champsDuPlan(vue.fiche().conventionId()));
        model.addAttribute("saisie", saisie);
        model.addAttribute("erreurs", erreurs);
        model.addAttribute("conflit", conflit);
        return "plan/fiche-champs";
    }

    private static String apres(long id, RedirectAttributes redirect, Runnable ecriture, String succes) {
        try {
            ecriture.run();
            redirect.addFlashAttribute("messageSucces", succes);
        } catch (ErreurValidation | ConflitDeModification e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
        }
        return "redirect:/conventions/" + id + "/plan/champs";
    }
}
