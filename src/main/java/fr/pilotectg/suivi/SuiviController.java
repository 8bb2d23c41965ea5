package fr.pilotectg.suivi;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the shared follow-up: the table of a convention, the follow-up of a fiche, the list of statuses. */
@Controller
class SuiviController {

    /** Value of the status filter for fiches without any update. */
    static final String SANS_MISE_A_JOUR = "AUCUNE";

    private final SuiviService suivi;

    SuiviController(SuiviService suivi) {
        this.suivi = suivi;
    }

    @GetMapping("/conventions/{id}/suivi")
    String tableau(@PathVariable long id, @RequestParam(required = false) String statut, @RequestParam(required = false) String porteur,
                   @RequestParam(required = false, defaultValue = "plan") String tri, Model model) {
        TableauSuivi tableau = suivi.tableau(id);
        List<LigneSuivi> lignes = tableau.lignes().stream()
                .filter(l -> statut == null || statut.isBlank() || (SANS_MISE_A_JOUR.equals(statut)
                        ? l.sansMiseAJour() : !l.sansMiseAJour() && l.derniere().statut().equals(statut)))
                .filter(l -> porteur == null || porteur.isBlank() || l.porteurs().contains(porteur))
                .sorted(ordre(tri))
                .toList();
        model.addAttribute("tableau", tableau);
        model.addAttribute("lignes", lignes);
        model.addAttribute("porteurs", tableau.lignes().stream().flatMap(l -> l.porteurs().stream()).distinct().sorted().toList());
        model.addAttribute("statut", statut);
        model.addAttribute("porteur", porteur);
        model.addAttribute("tri", tri);
        model.addAttribute("exemples", tableau.lignes().stream().anyMatch(l -> l.derniere() != null && l.derniere().exemple()));
        return "suivi/tableau";
    }

    private static Comparator<LigneSuivi> ordre(String tri) {
        return switch (tri) {
            case "avancement" -> Comparator.comparingInt(LigneSuivi::avancement).reversed();
            case "statut" -> Comparator.comparing((LigneSuivi l) -> l.statut() == null ? Integer.MAX_VALUE : l.statut().ordre());
            case "date" -> Comparator.comparing((LigneSuivi l) -> l.derniere() == null ? null : l.derniere().datePoint(),
                    Comparator.nullsLast(Comparator.reverseOrder()));
            default -> (a, b) -> 0;
        };
    }

    @PostMapping("/conventions/{id}/suivi/poids")
    String poids(@PathVariable long id, @RequestParam long ficheId, @RequestParam(required = false) String poids, RedirectAttributes redirect) {
        try {
            suivi.definirPoids(ficheId, Saisies.decimal("poids", "Le poids", poids));
            redirect.addFlashAttribute("messageSucces", "Poids enregistré.");
        } catch (ErreurValidation e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
        }
        return "redirect:/conventions/" + id + "/suivi";
    }

    @GetMapping("/fiches/{id}/suivi")
    String fiche(@PathVariable long id, Model model) {
        model.addAttribute("vue", suivi.suiviFiche(id));
        model.addAttribute("saisie", new FormulaireMiseAJour(null, null, LocalDate.now().toString(), null, null, null));
        return "suivi/fiche";
    }

    @PostMapping("/fiches/{id}/suivi")
    String ajouter(@PathVariable long id, @ModelAttribute FormulaireMiseAJour saisie, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        try {
            suivi.ajouter(id, saisie.lire());
            redirect.addFlashAttribute("messageSucces", "Mise à jour du suivi enregistrée.");
            return "redirect:/fiches/" + id + "/suivi";
        } catch (ErreurValidation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("vue", suivi.suiviFiche(id));
            model.addAttribute("saisie", saisie);
            model.addAttribute("erreurs", e.erreurs().stream()
                    .collect(Collectors.toMap(ErreurValidation.Erreur::champ, ErreurValidation.Erreur::message, (a, b) -> a + " " + b)));
            model.addAttribute("messageErreur", "La mise à jour n'a pas été enregistrée : corrigez les champs signalés.");
            return "suivi/fiche";
        }
    }

    /** An update of one sub-action, from the fiche's follow-up page; errors are shown next to the fields of that form. */
    @PostMapping("/fiches/{id}/sous-actions/suivi")
    String ajouterPourSousAction(@PathVariable long id, @ModelAttribute FormulaireSousAction saisie, Model model,
                                 HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Long sousActionId = Saisies.entier("sousActionId", "La sous-action", saisie.sousActionId()) == null ? null
                    : Long.valueOf(saisie.sousActionId().strip());
            if (sousActionId == null) {
                throw new ErreurValidation("sousActionId", "Choisissez la sous-action.");
            }
            suivi.ajouterPourSousAction(id, sousActionId, saisie.lire());
            redirect.addFlashAttribute("messageSucces", "Suivi de la sous-action enregistré.");
            return "redirect:/fiches/" + id + "/suivi#suivi-sous-actions";
        } catch (ErreurValidation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("vue", suivi.suiviFiche(id));
            model.addAttribute("saisie", new FormulaireMiseAJour(null, null, LocalDate.now().toString(), null, null, null));
            model.addAttribute("saisieSousAction", saisie);
            model.addAttribute("erreurs", e.erreurs().stream()
                    .collect(Collectors.toMap(x -> "sa-" + x.champ(), ErreurValidation.Erreur::message, (a, b) -> a + " " + b)));
            model.addAttribute("messageErreur", "Le suivi de la sous-action n'a pas été enregistré : corrigez les champs signalés.");
            return "suivi/fiche";
        }
    }

    record FormulaireSousAction(String sousActionId, String statut, String avancement, String datePoint, String commentaire) {

        NouvelleMiseAJourSousAction lire() {
            return new NouvelleMiseAJourSousAction(statut, Saisies.entier("avancement", "L'avancement", avancement),
                    Saisies.date("datePoint", "La date du point", datePoint), commentaire);
        }
    }

    record FormulaireMiseAJour(String statut, String avancement, String datePoint, String miseEnOeuvre, String realisations,
                               String difficultes) {

        NouvelleMiseAJour lire() {
            return new NouvelleMiseAJour(statut, Saisies.entier("avancement", "L'avancement", avancement),
                    Saisies.date("datePoint", "La date du point", datePoint), miseEnOeuvre, realisations, difficultes);
        }
    }

    // --- statuses ---

    @GetMapping("/conventions/{id}/suivi/statuts")
    String statuts(@PathVariable long id, Model model) {
        model.addAttribute("conventionId", id);
        model.addAttribute("conventionTitre", suivi.titreConvention(id));
        model.addAttribute("statuts", suivi.statuts(id));
        model.addAttribute("modifiable", suivi.peutConfigurer(id));
        model.addAttribute("evaluations", Map.of("REALISE", "réalisé", "EN_COURS", "en cours de réalisation", "NON_REALISE", "non réalisé"));
        return "suivi/statuts";
    }

    @PostMapping("/conventions/{id}/suivi/statuts")
    String ajouterStatut(@PathVariable long id, @ModelAttribute FormulaireStatut form, RedirectAttributes redirect) {
        return surLesStatuts(id, redirect, () -> {
            StatutSuivi statut = suivi.ajouterStatut(id, form.libelle(), form.avancement(), form.statutEvaluation());
            return "Statut « " + statut.libelle() + " » ajouté.";
        });
    }

    @PostMapping("/conventions/{id}/suivi/statuts/{code}")
    String modifierStatut(@PathVariable long id, @PathVariable String code, @ModelAttribute FormulaireStatut form, RedirectAttributes redirect) {
        return surLesStatuts(id, redirect, () -> {
            suivi.modifierStatut(id, code, form.libelle(), form.avancement(), form.statutEvaluation(), form.version());
            return "Statut « " + form.libelle().strip() + " » enregistré.";
        });
    }

    @PostMapping("/conventions/{id}/suivi/statuts/{code}/deplacer")
    String deplacerStatut(@PathVariable long id, @PathVariable String code, @RequestParam int sens, RedirectAttributes redirect) {
        return surLesStatuts(id, redirect, () -> {
            suivi.deplacerStatut(id, code, sens);
            return "Ordre des statuts enregistré.";
        });
    }

    @PostMapping("/conventions/{id}/suivi/statuts/{code}/supprimer")
    String supprimerStatut(@PathVariable long id, @PathVariable String code, @RequestParam(required = false) Integer version,
                           RedirectAttributes redirect) {
        return surLesStatuts(id, redirect, () -> {
            suivi.supprimerStatut(id, code, version);
            return "Statut supprimé.";
        });
    }

    private static String surLesStatuts(long id, RedirectAttributes redirect, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("messageSucces", action.get());
        } catch (ErreurValidation | ConflitDeModification e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
        }
        return "redirect:/conventions/" + id + "/suivi/statuts";
    }

    record FormulaireStatut(String libelle, String avancementDefaut, String statutEvaluation, Integer version) {

        Integer avancement() {
            return Saisies.entier("avancementDefaut", "Le pourcentage par défaut", avancementDefaut);
        }
    }
}
