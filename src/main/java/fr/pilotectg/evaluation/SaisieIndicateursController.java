package fr.pilotectg.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.pilotectg.evaluation.IndicateursService.SaisieValeur;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ConflitDeModification;
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
 * Whole-year entry of the indicators (issue 15 item 5): the value of one year for every indicator, editable in place;
 * a row saves on its own (htmx) or « Tout enregistrer » saves the changed rows in one transaction, each with its
 * version. Fields of indicator k (k = ficheId-cle, the indicator's own id): valeur-k, version-k, empreinte-k.
 */
@Controller
@RequestMapping("/conventions/{id}/indicateurs/saisie/{annee}")
class SaisieIndicateursController {

    private static final String HTMX = "HX-Request";

    private final IndicateursService indicateurs;

    SaisieIndicateursController(IndicateursService indicateurs) {
        this.indicateurs = indicateurs;
    }

    @GetMapping
    String page(@PathVariable long id, @PathVariable int annee, Model model) {
        VueIndicateurs vue = ouverte(id, annee);
        return afficher(vue, annee, vue.indicateurs().stream().map(i -> ValeurSaisie.de(i, annee)).toList(), null, null, model);
    }

    @PostMapping
    String toutEnregistrer(@PathVariable long id, @PathVariable int annee, @RequestParam MultiValueMap<String, String> form,
                           @RequestHeader(value = HTMX, required = false) String htmx, Model model,
                           HttpServletResponse reponse, RedirectAttributes redirect) {
        return enregistrer(id, annee, null, form, htmx, model, reponse, redirect);
    }

    @PostMapping("/{ficheId}/{cle}")
    String enregistrerUne(@PathVariable long id, @PathVariable int annee, @PathVariable long ficheId, @PathVariable String cle,
                          @RequestParam MultiValueMap<String, String> form,
                          @RequestHeader(value = HTMX, required = false) String htmx, Model model,
                          HttpServletResponse reponse, RedirectAttributes redirect) {
        return enregistrer(id, annee, ficheId + "-" + cle, form, htmx, model, reponse, redirect);
    }

    /** Saves the changed rows (or the one row {@code seule}, changed or not). */
    private String enregistrer(long id, int annee, String seule, MultiValueMap<String, String> form, String htmx, Model model,
                               HttpServletResponse reponse, RedirectAttributes redirect) {
        VueIndicateurs vue = ouverte(id, annee);
        if (seule != null && vue.indicateurs().stream().noneMatch(i -> cle(i).equals(seule))) {
            throw new Introuvable("Pas d'indicateur " + seule + " dans cette convention.");
        }
        List<SaisieValeur> saisies = new ArrayList<>();
        for (IndicateurSuivi i : vue.indicateurs()) {
            String k = cle(i);
            if (!i.modifiable() || !form.containsKey("version-" + k) || seule != null && !seule.equals(k)) {
                continue;
            }
            String texte = form.getFirst("valeur-" + k);
            if (seule != null || !LigneSaisie.empreinte(texte).equals(form.getFirst("empreinte-" + k))) {
                saisies.add(new SaisieValeur(i.ficheId(), i.cle(), texte, version(form.getFirst("version-" + k))));
            }
        }
        try {
            if (!saisies.isEmpty()) {
                indicateurs.enregistrerValeurs(id, annee, saisies);
            }
            String message = saisies.isEmpty() ? "Aucune valeur modifiée : rien à enregistrer."
                    : saisies.size() == 1 ? "1 valeur enregistrée." : saisies.size() + " valeurs enregistrées.";
            if (htmx == null) {
                redirect.addFlashAttribute("messageSucces", message);
                return "redirect:/conventions/" + id + "/indicateurs/saisie/" + annee;
            }
            VueIndicateurs fraiche = indicateurs.indicateurs(id);
            List<ValeurSaisie> lignes = fraiche.indicateurs().stream().map(i -> {
                ValeurSaisie v = ValeurSaisie.de(i, annee);
                return seule != null && seule.equals(cle(i)) ? new ValeurSaisie(i, v.texte(), v.version(), v.empreinte(), null, null,
                        "Valeur enregistrée.") : v;
            }).toList();
            return rendu(fraiche, annee, lignes, seule == null ? message : null, null, seule, htmx, model);
        } catch (RefusDeLignes refus) {
            VueIndicateurs fraiche = indicateurs.indicateurs(id);
            List<ValeurSaisie> lignes = new ArrayList<>();
            for (IndicateurSuivi i : fraiche.indicateurs()) {
                String k = cle(i);
                SaisieValeur s = saisies.stream().filter(x -> x.cle().equals(k)).findFirst().orElse(null);
                if (s == null) {
                    lignes.add(seule == null && form.containsKey("version-" + k)
                            ? new ValeurSaisie(i, form.getFirst("valeur-" + k), version(form.getFirst("version-" + k)),
                            form.getFirst("empreinte-" + k), null, null, null)
                            : ValeurSaisie.de(i, annee));
                } else if (refus.conflits().contains(k)) {
                    lignes.add(new ValeurSaisie(i, s.texte(), i.version(), form.getFirst("empreinte-" + k), null, i, null));
                } else {
                    Map<String, String> e = refus.erreurs().getOrDefault(k, Map.of());
                    lignes.add(new ValeurSaisie(i, s.texte(), s.version() == null ? 0 : s.version(), form.getFirst("empreinte-" + k),
                            e.get("valeur"), null, null));
                }
            }
            if (htmx == null) {
                reponse.setStatus(refus.conflits().isEmpty() ? 400 : 409);
            }
            return rendu(fraiche, annee, lignes, null, htmx == null || seule == null ? refus : null, seule, htmx, model);
        }
    }

    private String rendu(VueIndicateurs vue, int annee, List<ValeurSaisie> lignes, String succes, RefusDeLignes refus,
                         String seule, String htmx, Model model) {
        String page = afficher(vue, annee, lignes, succes, refus, model);
        if (htmx == null) {
            return page;
        }
        if (seule != null) {
            model.addAttribute("r", lignes.stream().filter(l -> l.cle().equals(seule)).findFirst().orElseThrow());
            return page + " :: ligne";
        }
        return page + " :: formulaire";
    }

    private static String afficher(VueIndicateurs vue, int annee, List<ValeurSaisie> lignes, String succes, RefusDeLignes refus,
                                   Model model) {
        model.addAttribute("vue", vue);
        model.addAttribute("annee", annee);
        model.addAttribute("lignes", lignes);
        model.addAttribute("succes", succes);
        model.addAttribute("refus", refus);
        model.addAttribute("enErreur", lignes.stream().filter(l -> l.erreur() != null || l.enConflit()).toList());
        return "evaluation/indicateurs-saisie";
    }

    private VueIndicateurs ouverte(long id, int annee) {
        VueIndicateurs vue = indicateurs.indicateurs(id);
        if (!vue.annees().contains(annee)) {
            throw new Introuvable("L'année " + annee + " n'est pas dans la période de la convention.");
        }
        if (vue.estValidee(annee)) {
            throw new ConflitDeModification("L'année " + annee + " a été validée par le COPIL : ses valeurs ne sont plus modifiables.");
        }
        if (!vue.indicateurs().isEmpty() && vue.indicateurs().stream().noneMatch(IndicateurSuivi::modifiable)) {
            throw new AccesRefuse("Vous pouvez consulter les indicateurs de cette convention mais pas les modifier.");
        }
        return vue;
    }

    private static String cle(IndicateurSuivi i) {
        return i.ficheId() + "-" + i.cle();
    }

    private static Integer version(String texte) {
        try {
            return texte == null || texte.isBlank() ? null : Integer.valueOf(texte.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
