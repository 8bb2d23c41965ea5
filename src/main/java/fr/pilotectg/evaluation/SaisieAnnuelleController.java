package fr.pilotectg.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.FormatFr;
import fr.pilotectg.shared.Introuvable;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Whole-year entry of the grid (issue 15 item 5): every line of a year editable in place; a line saves on its own
 * (htmx, with its version) or « Tout enregistrer » saves the changed lines in one transaction. A refusal writes
 * nothing and gives back everything typed, with the errors and conflicts shown on their rows.
 * Fields of line f: statut-f, datePrevue-f, resultats-f, perspectives-f, impacts-f, version-f, empreinte-f.
 */
@Controller
@RequestMapping("/conventions/{id}/evaluation/{annee}/saisie")
class SaisieAnnuelleController {

    private static final String HTMX = "HX-Request";

    private final EvaluationService evaluation;

    SaisieAnnuelleController(EvaluationService evaluation) {
        this.evaluation = evaluation;
    }

    @GetMapping
    String page(@PathVariable long id, @PathVariable int annee, Model model, RedirectAttributes redirect) {
        GrilleAnnuelle g = evaluation.grille(id, annee);
        if (g.valide()) {
            redirect.addFlashAttribute("messageErreur", refus(g));
            return "redirect:/conventions/" + id + "/evaluation/" + annee;
        }
        exigerModifiable(g);
        return afficher(g, g.lignes().stream().map(LigneSaisie::de).toList(), null, null, model);
    }

    @PostMapping
    String toutEnregistrer(@PathVariable long id, @PathVariable int annee, @RequestParam MultiValueMap<String, String> form,
                           @RequestHeader(value = HTMX, required = false) String htmx, Model model,
                           HttpServletResponse reponse, RedirectAttributes redirect) {
        GrilleAnnuelle g = evaluation.grille(id, annee);
        exigerModifiable(g);
        Map<Long, SaisieLigne> saisies = new LinkedHashMap<>();
        Map<Long, String> empreintes = new LinkedHashMap<>();
        Map<Long, SaisieLigne> changees = new LinkedHashMap<>();
        for (LigneEvaluation l : g.lignes()) {
            if (l.modifiable() && form.containsKey("version-" + l.ficheId())) {
                SaisieLigne s = lire(form, l.ficheId());
                String empreinte = form.getFirst("empreinte-" + l.ficheId());
                saisies.put(l.ficheId(), s);
                empreintes.put(l.ficheId(), empreinte);
                if (!LigneSaisie.empreinte(s).equals(empreinte)) {
                    changees.put(l.ficheId(), s);
                }
            }
        }
        // The sub-actions' rows (ADR 0038): sa-statut-s, sa-resultats-s, sa-version-s, sa-empreinte-s.
        Map<Long, SaisieSousAction> saisiesSa = new LinkedHashMap<>();
        Map<Long, String> empreintesSa = new LinkedHashMap<>();
        Map<Long, SaisieSousAction> changeesSa = new LinkedHashMap<>();
        for (LigneEvaluation l : g.lignes()) {
            for (LigneSousActionEvaluation sa : l.sousActions()) {
                long k = sa.sousActionId();
                if (l.modifiable() && form.containsKey("sa-version-" + k)) {
                    SaisieSousAction s = new SaisieSousAction(form.getFirst("sa-statut-" + k), form.getFirst("sa-resultats-" + k),
                            entier(form.getFirst("sa-version-" + k)));
                    String empreinte = form.getFirst("sa-empreinte-" + k);
                    saisiesSa.put(k, s);
                    empreintesSa.put(k, empreinte);
                    if (!LigneSaisie.empreinte(s.statut(), s.resultats()).equals(empreinte)) {
                        changeesSa.put(k, s);
                    }
                }
            }
        }
        int nombre = changees.size() + changeesSa.size();
        try {
            List<LigneEvaluation> apres = nombre == 0 ? g.lignes() : evaluation.enregistrerLignes(id, annee, changees, changeesSa);
            String message = nombre == 0 ? "Aucune ligne modifiée : rien à enregistrer."
                    : nombre + (nombre == 1 ? " ligne enregistrée." : " lignes enregistrées.");
            if (htmx == null) {
                redirect.addFlashAttribute("messageSucces", message);
                return "redirect:/conventions/" + id + "/evaluation/" + annee + "/saisie";
            }
            GrilleAnnuelle fraiche = evaluation.grille(id, annee);
            return formulaire(afficher(fraiche, fraiche.lignes().stream().map(LigneSaisie::de).toList(), message, null, model), htmx);
        } catch (RefusDeLignes refus) {
            GrilleAnnuelle fraiche = evaluation.grille(id, annee);
            List<LigneSaisie> lignes = new ArrayList<>();
            for (LigneEvaluation l : fraiche.lignes()) {
                SaisieLigne s = saisies.get(l.ficheId());
                String cle = String.valueOf(l.ficheId());
                if (s == null) {
                    lignes.add(LigneSaisie.de(l));
                } else if (refus.conflits().contains(cle)) {
                    // The user's text is kept; the row now carries the saved version: saving again is a deliberate choice.
                    lignes.add(new LigneSaisie(l, avecVersion(s, l.version()), empreintes.get(l.ficheId()), Map.of(), l,
                            null));
                } else {
                    lignes.add(new LigneSaisie(l, s, empreintes.get(l.ficheId()), refus.erreurs().getOrDefault(cle, Map.of()),
                            null, null));
                }
            }
            Map<Long, Integer> versionsActuelles = new LinkedHashMap<>();
            fraiche.lignes().forEach(l -> l.sousActions().forEach(sa -> versionsActuelles.put(sa.sousActionId(), sa.version())));
            Map<Long, SaisieSousAction> rendues = new LinkedHashMap<>();
            saisiesSa.forEach((k, s) -> rendues.put(k, refus.conflits().contains("sa-" + k)
                    ? new SaisieSousAction(s.statut(), s.resultats(), versionsActuelles.getOrDefault(k, 0)) : s));
            model.addAttribute("saisiesSa", rendues);
            model.addAttribute("empreintesSa", empreintesSa);
            Map<String, Map<String, String>> erreursSa = new LinkedHashMap<>();
            refus.erreurs().forEach((cle, e) -> {
                if (cle.startsWith("sa-")) {
                    erreursSa.put(cle, e);
                }
            });
            model.addAttribute("erreursSa", erreursSa);
            model.addAttribute("conflitsSa", refus.conflits().stream().filter(c -> c.startsWith("sa-")).toList());
            if (htmx == null) {
                reponse.setStatus(refus.conflits().isEmpty() ? 400 : 409);
            }
            return formulaire(afficher(fraiche, lignes, null, refus, model), htmx);
        }
    }

    @PostMapping("/lignes/{ficheId}")
    String enregistrerLigne(@PathVariable long id, @PathVariable int annee, @PathVariable long ficheId,
                            @RequestParam MultiValueMap<String, String> form,
                            @RequestHeader(value = HTMX, required = false) String htmx, Model model,
                            HttpServletResponse reponse, RedirectAttributes redirect) {
        GrilleAnnuelle g = evaluation.grille(id, annee);
        exigerModifiable(g);
        LigneEvaluation avant = g.ligne(ficheId)
                .orElseThrow(() -> new Introuvable("La fiche " + ficheId + " n'est pas dans le plan de cette convention."));
        SaisieLigne s = lire(form, ficheId);
        String empreinte = form.getFirst("empreinte-" + ficheId);
        LigneSaisie rang;
        try {
            LigneEvaluation apres = evaluation.enregistrerLigne(id, annee, ficheId, s);
            if (htmx == null) {
                redirect.addFlashAttribute("messageSucces", "Ligne " + apres.libelleFiche() + " enregistrée.");
                return "redirect:/conventions/" + id + "/evaluation/" + annee + "/saisie#saisie-" + ficheId;
            }
            LigneSaisie neuve = LigneSaisie.de(apres);
            rang = new LigneSaisie(apres, neuve.saisie(), neuve.empreinte(), Map.of(), null, "Ligne enregistrée.");
        } catch (ErreurValidation e) {
            rang = new LigneSaisie(avant, s, empreinte, EvaluationController.parChamp(e), null, null);
            reponse.setStatus(htmx == null ? 400 : 200);
        } catch (ConflitDeModification e) {
            LigneEvaluation actuelle = evaluation.grille(id, annee).ligne(ficheId).orElse(avant);
            rang = new LigneSaisie(actuelle, avecVersion(s, actuelle.version()), empreinte, Map.of(), actuelle, null);
            reponse.setStatus(htmx == null ? 409 : 200);
        }
        if (htmx != null) {
            model.addAttribute("g", g);
            model.addAttribute("statuts", StatutEvaluation.values());
            model.addAttribute("r", rang);
            return "evaluation/saisie :: ligne";
        }
        LigneSaisie seule = rang;
        List<LigneSaisie> lignes = g.lignes().stream().map(l -> l.ficheId() == ficheId ? seule : LigneSaisie.de(l)).toList();
        return afficher(g, lignes, null, null, model);
    }

    private static String afficher(GrilleAnnuelle g, List<LigneSaisie> lignes, String succes, RefusDeLignes refus, Model model) {
        model.addAttribute("g", g);
        model.addAttribute("lignes", lignes);
        model.addAttribute("statuts", StatutEvaluation.values());
        model.addAttribute("succes", succes);
        model.addAttribute("refus", refus);
        model.addAttribute("enErreur", lignes.stream().filter(l -> !l.erreurs().isEmpty() || l.enConflit()).toList());
        for (String vide : new String[]{"saisiesSa", "empreintesSa", "erreursSa"}) {
            if (!model.containsAttribute(vide)) {
                model.addAttribute(vide, Map.of());
            }
        }
        if (!model.containsAttribute("conflitsSa")) {
            model.addAttribute("conflitsSa", List.of());
        }
        return "evaluation/saisie";
    }

    private static String formulaire(String vue, String htmx) {
        return htmx == null ? vue : vue + " :: formulaire";
    }

    private static void exigerModifiable(GrilleAnnuelle g) {
        String refus = refus(g);
        if (refus != null) {
            throw g.valide() ? new ConflitDeModification(refus) : new AccesRefuse(refus);
        }
    }

    /** Why the whole-year entry is closed to the current user, or null. */
    private static String refus(GrilleAnnuelle g) {
        if (g.valide()) {
            return "L'année " + g.annee() + " a été validée par le COPIL du "
                    + FormatFr.date(g.validation().orElseThrow().dateCopil()) + " : elle n'est plus modifiable.";
        }
        // A plan without fiches has nothing to refuse: the page shows its empty state.
        if (!g.lignes().isEmpty() && g.lignes().stream().noneMatch(LigneEvaluation::modifiable)) {
            return "Vous pouvez consulter l'évaluation de cette convention mais pas la modifier.";
        }
        return null;
    }

    private static SaisieLigne lire(MultiValueMap<String, String> form, long ficheId) {
        String texteVersion = form.getFirst("version-" + ficheId);
        Integer version;
        try {
            version = texteVersion == null || texteVersion.isBlank() ? null : Integer.valueOf(texteVersion.trim());
        } catch (NumberFormatException e) {
            version = -1;
        }
        return new SaisieLigne(form.getFirst("statut-" + ficheId), form.getFirst("datePrevue-" + ficheId),
                form.getFirst("resultats-" + ficheId), form.getFirst("perspectives-" + ficheId),
                form.getFirst("impacts-" + ficheId), version);
    }

    private static Integer entier(String texte) {
        try {
            return texte == null || texte.isBlank() ? null : Integer.valueOf(texte.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static SaisieLigne avecVersion(SaisieLigne s, int version) {
        return new SaisieLigne(s.statut(), s.datePrevue(), s.resultats(), s.perspectives(), s.impacts(), version);
    }
}
