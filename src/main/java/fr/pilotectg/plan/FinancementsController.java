package fr.pilotectg.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the money of the plan: a fiche's lines (read on the fiche page, edited here) and the plan's totals. */
@Controller
class FinancementsController {

    /** Empty lines offered under the existing ones, to add new ones. */
    static final int LIGNES_VIDES = 3;

    private final FinancementsService financements;
    private final PlanService plans;

    FinancementsController(FinancementsService financements, PlanService plans) {
        this.financements = financements;
        this.plans = plans;
    }

    /** A fiche's lines with their total, as the fiche page shows them. */
    record VueFinancements(List<Financement> lignes, TotauxFinancements.Total total) {

        public boolean vide() {
            return lignes.isEmpty();
        }
    }

    /** A line of the edit form, as typed. */
    public record LigneSaisie(String annee, String financeur, String nom, String prevu, String realise) {
    }

    static VueFinancements vue(List<Financement> lignes) {
        TotauxFinancements.Total total = TotauxFinancements.Total.ZERO;
        for (Financement l : lignes) {
            total = total.plus(l);
        }
        return new VueFinancements(lignes, total);
    }

    @GetMapping("/conventions/{id}/plan/financements")
    String totaux(@PathVariable long id, Model model) {
        if (plans.planSiExiste(id).isEmpty()) {
            return "redirect:/conventions/" + id + "/plan";
        }
        model.addAttribute("t", financements.totaux(id));
        return "plan/financements";
    }

    @GetMapping("/fiches/{id}/financements")
    String formulaire(@PathVariable long id, Model model) {
        VueFiche vue = plans.fiche(id);
        if (!vue.modifiable()) {
            throw new AccesRefuse("Vous pouvez consulter cette fiche mais pas modifier ses financements.");
        }
        List<LigneSaisie> lignes = new ArrayList<>(financements.lues(id).stream()
                .map(l -> new LigneSaisie(String.valueOf(l.annee()), l.financeur().name(), l.nom(), Montants.saisie(l.prevuCentimes()),
                        Montants.saisie(l.realiseCentimes()))).toList());
        return afficher(vue, lignes, vue.fiche().version(), model);
    }

    @PostMapping("/fiches/{id}/financements")
    String enregistrer(@PathVariable long id, @RequestParam MultiValueMap<String, String> saisie, Model model, RedirectAttributes redirect) {
        VueFiche vue = plans.fiche(id);
        List<LigneSaisie> lignes = lignesSaisies(saisie);
        int version = lireVersion(saisie.getFirst("version"));
        try {
            financements.remplacer(id, version, lire(lignes));
            redirect.addFlashAttribute("messageSucces", "Financements enregistrés.");
            return "redirect:/fiches/" + id + "#financements";
        } catch (ErreurValidation e) {
            model.addAttribute("erreurs", e.erreurs().stream()
                    .collect(Collectors.toMap(ErreurValidation.Erreur::champ, ErreurValidation.Erreur::message, (a, b) -> a + " " + b)));
        } catch (ConflitDeModification e) {
            model.addAttribute("conflit", e.getMessage());
        }
        return afficher(vue, lignes, version, model);
    }

    private String afficher(VueFiche vue, List<LigneSaisie> lignes, int version, Model model) {
        List<LigneSaisie> avecVides = new ArrayList<>(lignes);
        for (int i = 0; i < LIGNES_VIDES; i++) {
            avecVides.add(new LigneSaisie("", "", "", "", ""));
        }
        model.addAttribute("vue", vue);
        model.addAttribute("lignes", avecVides);
        model.addAttribute("version", version);
        model.addAttribute("financeurs", Financeur.values());
        return "plan/financements-fiche";
    }

    private static int lireVersion(String version) {
        try {
            return Integer.parseInt(version == null ? "" : version.trim());
        } catch (NumberFormatException e) {
            throw new ErreurValidation("version", "Version de la fiche manquante : rechargez la page.");
        }
    }

    /** Lines typed: annee_N, financeur_N, nom_N, prevu_N, realise_N; a line left blank or marked supprimer_N is dropped. */
    static List<LigneSaisie> lignesSaisies(MultiValueMap<String, String> saisie) {
        List<LigneSaisie> lignes = new ArrayList<>();
        for (int i = 0; i < FinancementsService.LIGNES_MAX + LIGNES_VIDES; i++) {
            if (!saisie.containsKey("financeur_" + i) && !saisie.containsKey("annee_" + i)) {
                break;
            }
            if (saisie.containsKey("supprimer_" + i)) {
                continue;
            }
            LigneSaisie l = new LigneSaisie(val(saisie, "annee_" + i), val(saisie, "financeur_" + i), val(saisie, "nom_" + i),
                    val(saisie, "prevu_" + i), val(saisie, "realise_" + i));
            if (!(l.annee().isBlank() && l.financeur().isBlank() && l.nom().isBlank() && l.prevu().isBlank() && l.realise().isBlank())) {
                lignes.add(l);
            }
        }
        return lignes;
    }

    private static List<Financement> lire(List<LigneSaisie> lignes) {
        List<Financement> lues = new ArrayList<>();
        int n = 0;
        for (LigneSaisie l : lignes) {
            n++;
            String ligne = "Ligne " + n + " des financements : ";
            int annee;
            Financeur financeur;
            try {
                annee = Integer.parseInt(l.annee().trim());
            } catch (NumberFormatException e) {
                throw new ErreurValidation("financements", ligne + "choisissez l'année.");
            }
            try {
                financeur = Financeur.valueOf(l.financeur().trim());
            } catch (IllegalArgumentException e) {
                throw new ErreurValidation("financements", ligne + "choisissez le financeur.");
            }
            try {
                lues.add(new Financement(annee, financeur, l.nom(), Montants.lire("financements", l.prevu()),
                        Montants.lire("financements", l.realise())));
            } catch (ErreurValidation e) {
                throw new ErreurValidation("financements", ligne + e.erreurs().get(0).message());
            }
        }
        return lues;
    }

    private static String val(MultiValueMap<String, String> saisie, String cle) {
        String v = saisie.getFirst(cle);
        return v == null ? "" : v;
    }
}
