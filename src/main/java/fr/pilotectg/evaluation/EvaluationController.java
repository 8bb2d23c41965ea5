package fr.pilotectg.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.FormatFr;
import fr.pilotectg.shared.Introuvable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the annual evaluation: the grid of a year, the form of a line and of a transversal axe, comments, COPIL. */
@Controller
@RequestMapping("/conventions/{id}/evaluation")
class EvaluationController {

    private final EvaluationService evaluation;
    private final Clock horloge;

    EvaluationController(EvaluationService evaluation, Clock horloge) {
        this.evaluation = evaluation;
        this.horloge = horloge;
    }

    /** The current year when it is in the period, else the first year of the period. */
    @GetMapping
    String accueil(@PathVariable long id, RedirectAttributes redirect) {
        List<Integer> annees = evaluation.annees(id);
        if (annees.isEmpty()) {
            redirect.addFlashAttribute("messageErreur", "L'évaluation annuelle suit les années de la période : "
                    + "renseignez d'abord les dates de début et de fin de la convention.");
            return "redirect:/conventions/" + id;
        }
        int courante = LocalDate.now(horloge).getYear();
        return "redirect:/conventions/" + id + "/evaluation/" + (annees.contains(courante) ? courante : annees.get(0));
    }

    @GetMapping("/{annee}")
    String grille(@PathVariable long id, @PathVariable int annee, Model model) {
        model.addAttribute("g", evaluation.grille(id, annee));
        model.addAttribute("statuts", StatutEvaluation.values());
        return "evaluation/grille";
    }

    @GetMapping("/{annee}/lignes/{ficheId}")
    String ligne(@PathVariable long id, @PathVariable int annee, @PathVariable long ficheId, Model model,
                 RedirectAttributes redirect) {
        GrilleAnnuelle g = evaluation.grille(id, annee);
        LigneEvaluation ligne = ligneDe(g, ficheId);
        if (g.valide()) {
            redirect.addFlashAttribute("messageErreur", verrouillee(g));
            return "redirect:" + adresse(id, annee) + "#ligne-" + ficheId;
        }
        if (!ligne.modifiable()) {
            throw new AccesRefuse("Vous pouvez consulter l'évaluation de cette fiche mais pas la modifier.");
        }
        return formulaireLigne(g, ligne, new SaisieLigne(ligne.statut().name(),
                ligne.datePrevue() == null ? null : ligne.datePrevue().toString(), ligne.resultats(), ligne.perspectives(),
                ligne.impacts(), ligne.version()), model);
    }

    @PostMapping("/{annee}/lignes/{ficheId}")
    String enregistrerLigne(@PathVariable long id, @PathVariable int annee, @PathVariable long ficheId,
                            @ModelAttribute SaisieLigne saisie, Model model, RedirectAttributes redirect) {
        try {
            LigneEvaluation ligne = evaluation.enregistrerLigne(id, annee, ficheId, saisie);
            redirect.addFlashAttribute("messageSucces", "Ligne " + ligne.libelleFiche() + " enregistrée : " + ligne.statut().libelle() + ".");
            return "redirect:" + adresse(id, annee) + "#ligne-" + ficheId;
        } catch (ErreurValidation e) {
            model.addAttribute("erreurs", parChamp(e));
        } catch (ConflitDeModification e) {
            model.addAttribute("conflit", e.getMessage());
        }
        GrilleAnnuelle g = evaluation.grille(id, annee);
        return formulaireLigne(g, ligneDe(g, ficheId), saisie, model);
    }

    @GetMapping("/{annee}/axes/{axe}")
    String axe(@PathVariable long id, @PathVariable int annee, @PathVariable String axe, Model model, RedirectAttributes redirect) {
        GrilleAnnuelle g = evaluation.grille(id, annee);
        AxeEvaluation a = g.axe(AxeTransversal.lire(axe));
        if (g.valide()) {
            redirect.addFlashAttribute("messageErreur", verrouillee(g));
            return "redirect:" + adresse(id, annee) + "#axes";
        }
        if (!g.modifiable()) {
            throw new AccesRefuse("Vous pouvez consulter les axes transversaux mais pas les modifier.");
        }
        return formulaireAxe(g, a.axe(), new SaisieAxe(a.ouvertures(), a.fermetures(), a.faitsMarquants(), a.resultats(),
                a.perspectives(), a.impacts(), a.version()), model);
    }

    @PostMapping("/{annee}/axes/{axe}")
    String enregistrerAxe(@PathVariable long id, @PathVariable int annee, @PathVariable String axe,
                          @ModelAttribute SaisieAxe saisie, Model model, RedirectAttributes redirect) {
        AxeTransversal lu = AxeTransversal.lire(axe);
        try {
            evaluation.enregistrerAxe(id, annee, lu, saisie);
            redirect.addFlashAttribute("messageSucces", "Axe « " + lu.libelle() + " » enregistré.");
            return "redirect:" + adresse(id, annee) + "#axe-" + lu.name();
        } catch (ErreurValidation e) {
            model.addAttribute("erreurs", parChamp(e));
        } catch (ConflitDeModification e) {
            model.addAttribute("conflit", e.getMessage());
        }
        return formulaireAxe(evaluation.grille(id, annee), lu, saisie, model);
    }

    @PostMapping("/{annee}/commentaires")
    String commentaires(@PathVariable long id, @PathVariable int annee, @RequestParam(required = false) String commentaires,
                        @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        try {
            evaluation.enregistrerCommentaires(id, annee, commentaires, version);
            redirect.addFlashAttribute("messageSucces", "Commentaires de l'année " + annee + " enregistrés.");
        } catch (ErreurValidation | ConflitDeModification e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
        }
        return "redirect:" + adresse(id, annee) + "#commentaires";
    }

    @PostMapping("/{annee}/validation")
    String valider(@PathVariable long id, @PathVariable int annee, @RequestParam(required = false) String dateCopil,
                   @RequestParam(required = false) String decision, RedirectAttributes redirect) {
        try {
            evaluation.valider(id, annee, dateCopil, decision);
            redirect.addFlashAttribute("messageSucces", "Année " + annee + " validée par le COPIL : elle n'est plus modifiable.");
        } catch (ErreurValidation | ConflitDeModification e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
        }
        return "redirect:" + adresse(id, annee);
    }

    @PostMapping("/{annee}/deverrouillage")
    String deverrouiller(@PathVariable long id, @PathVariable int annee, @RequestParam(required = false) String motif,
                         RedirectAttributes redirect) {
        try {
            evaluation.deverrouiller(id, annee, motif);
            redirect.addFlashAttribute("messageSucces", "Année " + annee + " déverrouillée ; le motif est conservé dans le journal.");
        } catch (ErreurValidation | ConflitDeModification e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
        }
        return "redirect:" + adresse(id, annee);
    }

    private static String formulaireLigne(GrilleAnnuelle g, LigneEvaluation ligne, SaisieLigne saisie, Model model) {
        model.addAttribute("g", g);
        model.addAttribute("ligne", ligne);
        model.addAttribute("saisie", saisie);
        model.addAttribute("statuts", StatutEvaluation.values());
        return "evaluation/ligne";
    }

    private static String formulaireAxe(GrilleAnnuelle g, AxeTransversal axe, SaisieAxe saisie, Model model) {
        model.addAttribute("g", g);
        model.addAttribute("axe", axe);
        model.addAttribute("saisie", saisie);
        return "evaluation/axe";
    }

    private static LigneEvaluation ligneDe(GrilleAnnuelle g, long ficheId) {
        return g.ligne(ficheId).orElseThrow(() -> new Introuvable("La fiche " + ficheId + " n'est pas dans le plan de cette convention."));
    }

    private static String verrouillee(GrilleAnnuelle g) {
        return "L'année " + g.annee() + " a été validée par le COPIL du " + FormatFr.date(g.validation().orElseThrow().dateCopil())
                + " : elle n'est plus modifiable.";
    }

    static Map<String, String> parChamp(ErreurValidation e) {
        return e.erreurs().stream().collect(Collectors.toMap(ErreurValidation.Erreur::champ, ErreurValidation.Erreur::message,
                (a, b) -> a + " " + b));
    }

    private static String adresse(long id, int annee) {
        return "/conventions/" + id + "/evaluation/" + annee;
    }
}
