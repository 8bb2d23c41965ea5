package fr.pilotectg.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

/** Pages of the indicators: all the fiches' indicators with their values by year, and the form of one indicator. */
@Controller
class IndicateursController {

    private final IndicateursService indicateurs;

    IndicateursController(IndicateursService indicateurs) {
        this.indicateurs = indicateurs;
    }

    @GetMapping("/conventions/{id}/indicateurs")
    String liste(@PathVariable long id, Model model) {
        model.addAttribute("vue", indicateurs.indicateurs(id));
        return "evaluation/indicateurs";
    }

    @GetMapping("/conventions/{id}/indicateurs/{ficheId}/{position}")
    String formulaire(@PathVariable long id, @PathVariable long ficheId, @PathVariable int position, Model model) {
        VueIndicateurs vue = indicateurs.indicateurs(id);
        IndicateurSuivi indicateur = indicateurs.indicateur(id, ficheId, position);
        if (!indicateur.modifiable()) {
            throw new AccesRefuse("Vous pouvez consulter cet indicateur mais pas le modifier.");
        }
        Map<String, String> valeurs = new LinkedHashMap<>();
        valeurs.put("unite", indicateur.unite());
        valeurs.put("baseValeur", indicateur.baseValeur() == null ? null : ValeurIndicateur.nombreFr(indicateur.baseValeur()));
        valeurs.put("baseAnnee", indicateur.baseAnnee() == null ? null : indicateur.baseAnnee().toString());
        valeurs.put("cibleValeur", indicateur.cibleValeur() == null ? null : ValeurIndicateur.nombreFr(indicateur.cibleValeur()));
        valeurs.put("cibleAnnee", indicateur.cibleAnnee() == null ? null : indicateur.cibleAnnee().toString());
        valeurs.put("version", String.valueOf(indicateur.version()));
        indicateur.valeurs().forEach((annee, v) -> valeurs.put("valeur" + annee, v.texte()));
        return afficher(vue, indicateur, valeurs, model);
    }

    @PostMapping("/conventions/{id}/indicateurs/{ficheId}/{position}")
    String enregistrer(@PathVariable long id, @PathVariable long ficheId, @PathVariable int position,
                       @RequestParam MultiValueMap<String, String> saisie, Model model, RedirectAttributes redirect) {
        VueIndicateurs vue = indicateurs.indicateurs(id);
        try {
            IndicateurSuivi indicateur = indicateurs.enregistrer(id, ficheId, position, lire(saisie, vue.annees()));
            redirect.addFlashAttribute("messageSucces", "Indicateur « " + indicateur.libelle() + " » enregistré.");
            return "redirect:/conventions/" + id + "/indicateurs#indicateur-" + ficheId + "-" + position;
        } catch (ErreurValidation e) {
            model.addAttribute("erreurs", EvaluationController.parChamp(e));
        } catch (ConflitDeModification e) {
            model.addAttribute("conflit", e.getMessage());
        }
        return afficher(vue, indicateurs.indicateur(id, ficheId, position), saisie.toSingleValueMap(), model);
    }

    private static String afficher(VueIndicateurs vue, IndicateurSuivi indicateur, Map<String, String> valeurs, Model model) {
        model.addAttribute("vue", vue);
        model.addAttribute("indicateur", indicateur);
        model.addAttribute("valeurs", valeurs);
        return "evaluation/indicateur";
    }

    /** The form's fields; a year field "valeurAAAA" is read for each year of the period that the form sent. */
    private static SaisieIndicateur lire(MultiValueMap<String, String> saisie, List<Integer> annees) {
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        Integer baseAnnee = entier(saisie.getFirst("baseAnnee"), "baseAnnee", "Année de référence", erreurs);
        Integer cibleAnnee = entier(saisie.getFirst("cibleAnnee"), "cibleAnnee", "Année cible", erreurs);
        Integer version = entier(saisie.getFirst("version"), "version", "Version", erreurs);
        Saisies.signaler(erreurs);
        Map<Integer, String> valeurs = new LinkedHashMap<>();
        annees.stream().filter(a -> saisie.containsKey("valeur" + a)).forEach(a -> valeurs.put(a, saisie.getFirst("valeur" + a)));
        return new SaisieIndicateur(saisie.getFirst("unite"), saisie.getFirst("baseValeur"), baseAnnee,
                saisie.getFirst("cibleValeur"), cibleAnnee, valeurs, version);
    }

    private static Integer entier(String texte, String champ, String libelle, List<ErreurValidation.Erreur> erreurs) {
        if (texte == null || texte.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(texte.trim());
        } catch (NumberFormatException e) {
            erreurs.add(new ErreurValidation.Erreur(champ, libelle + " : « " + texte.trim() + " » n'est pas une année (nombre entier)."));
            return null;
        }
    }
}
