package fr.pilotectg.ao;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Introuvable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The AO page: competence matrix, rules panel, projection tables, and their edit forms. */
@Controller
class AoController {

    private final AoService ao;

    AoController(AoService ao) {
        this.ao = ao;
    }

    @GetMapping("/conventions/{id}/ao")
    String page(@PathVariable long id, @RequestParam(required = false) String collectivite, Model model) {
        VueAo vue = ao.vue(id);
        List<Collectivite> collectivites = vue.collectivites();
        String choisie = collectivite != null && collectivites.stream().anyMatch(c -> c.code().equals(collectivite))
                ? collectivite : collectivites.get(0).code();
        Map<String, String> valeurs = new LinkedHashMap<>();
        valeurs.put("collectivite", choisie);
        vue.matrice().lignes().stream().filter(l -> l.code().equals(choisie)).flatMap(l -> l.cellules().stream()).forEach(c -> {
            valeurs.put("mode_" + c.competence(), c.mode().name());
            valeurs.put("communes_" + c.competence(), String.join("\n", c.communes().stream().map(CommuneTransferante::nom).toList()));
            valeurs.put("modeImprime_" + c.competence(), c.modeImprime() == null ? "" : c.modeImprime());
            valeurs.put("population_" + c.competence(), c.populationImprimee() == null ? "" : String.valueOf(c.populationImprimee()));
        });
        return afficher(model, vue, collectivites, valeurs, null);
    }

    @PostMapping("/conventions/{id}/ao/matrice")
    String definir(@PathVariable long id, @RequestParam Map<String, String> formulaire, Model model, RedirectAttributes redirect) {
        Map<String, SaisieCollectivite.Saisie> competences = new LinkedHashMap<>();
        for (String competence : Competences.codes()) {
            String mode = formulaire.get("mode_" + competence);
            competences.put(competence, new SaisieCollectivite.Saisie(ValeursDeFormulaire.choix(ModeExercice.class, mode),
                    lignes(formulaire.get("communes_" + competence)), formulaire.get("modeImprime_" + competence),
                    ValeursDeFormulaire.entier(formulaire.get("population_" + competence))));
        }
        try {
            ao.definirCollectivite(id, new SaisieCollectivite(ValeursDeFormulaire.entier(formulaire.get("version")),
                    formulaire.get("collectivite"), competences));
            redirect.addFlashAttribute("messageSucces", "Matrice des compétences enregistrée.");
            return "redirect:/conventions/" + id + "/ao";
        } catch (ErreurValidation e) {
            Map<String, String> erreurs = new LinkedHashMap<>();
            e.erreurs().forEach(err -> erreurs.merge(err.champ().replace("competences.", "mode_").replace(".communes", "")
                            .replace(".populationImprimee", ""),
                    err.message(), (a, b) -> a + " " + b));
            VueAo vue = ao.vue(id);
            return afficher(model, vue, vue.collectivites(), formulaire, erreurs);
        } catch (ConflitDeModification e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
            return "redirect:/conventions/" + id + "/ao";
        }
    }

    @PostMapping("/conventions/{id}/ao/matrice/retirer")
    String retirer(@PathVariable long id, @RequestParam int version, @RequestParam String collectivite, RedirectAttributes redirect) {
        try {
            ao.retirerCollectivite(id, version, collectivite);
            redirect.addFlashAttribute("messageSucces", "Collectivité retirée de la matrice.");
        } catch (ErreurValidation | ConflitDeModification e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
        }
        return "redirect:/conventions/" + id + "/ao";
    }

    @GetMapping("/conventions/{id}/ao/projection")
    String ligne(@PathVariable long id, @RequestParam("ao") String aoCode, @RequestParam(required = false) Integer ligne, Model model) {
        VueAo vue = ao.vue(id);
        Map<String, String> valeurs = new LinkedHashMap<>();
        valeurs.put("ao", aoCode);
        valeurs.put("version", String.valueOf(vue.versionProjection()));
        List<LigneProjection> lignes = ao.lignesDe(id, aoCode);
        if (ligne != null && ligne >= 0 && ligne < lignes.size()) {
            valeurs.put("ligne", String.valueOf(ligne));
            FormulaireLigneProjection.remplir(valeurs, lignes.get(ligne));
        }
        return afficherLigne(model, vue, aoCode, valeurs, null);
    }

    @PostMapping("/conventions/{id}/ao/projection")
    String enregistrerLigne(@PathVariable long id, @RequestParam Map<String, String> formulaire, Model model, RedirectAttributes redirect) {
        VueAo vue = ao.vue(id);
        String aoCode = formulaire.get("ao");
        try {
            LigneProjection ligne = FormulaireLigneProjection.lire(formulaire, vue.annees());
            ao.enregistrerLigne(id, ValeursDeFormulaire.entier(formulaire.get("version")), aoCode,
                    ValeursDeFormulaire.entier(formulaire.get("ligne")), ligne);
            redirect.addFlashAttribute("messageSucces", "Ligne « " + ligne.intitule() + " » enregistrée dans le tableau de projection.");
            return "redirect:/conventions/" + id + "/ao#projection";
        } catch (ErreurValidation e) {
            Map<String, String> erreurs = new LinkedHashMap<>();
            e.erreurs().forEach(err -> erreurs.merge(FormulaireLigneProjection.champ(err.champ()), err.message(), (a, b) -> a + " " + b));
            return afficherLigne(model, vue, aoCode, formulaire, erreurs);
        } catch (ConflitDeModification e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
            return "redirect:/conventions/" + id + "/ao#projection";
        }
    }

    @PostMapping("/conventions/{id}/ao/projection/retirer")
    String retirerLigne(@PathVariable long id, @RequestParam int version, @RequestParam("ao") String aoCode, @RequestParam int ligne,
                        RedirectAttributes redirect) {
        try {
            ao.retirerLigne(id, version, aoCode, ligne);
            redirect.addFlashAttribute("messageSucces", "Ligne retirée du tableau de projection.");
        } catch (ErreurValidation | ConflitDeModification e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
        }
        return "redirect:/conventions/" + id + "/ao#projection";
    }

    private static String afficher(Model model, VueAo vue, List<Collectivite> collectivites, Map<String, String> valeurs,
                                   Map<String, String> erreurs) {
        model.addAttribute("vue", vue);
        model.addAttribute("convention", vue.convention());
        model.addAttribute("collectivites", collectivites);
        List<String> autorites = vue.autorites().stream().map(AutoriteOrganisatrice::code).toList();
        model.addAttribute("ajoutsProjection", collectivites.stream()
                .filter(c -> c.type() == TypeCollectivite.EPCI || autorites.contains(c.code())).toList());
        model.addAttribute("modes", ModeExercice.values());
        model.addAttribute("valeurs", valeurs);
        model.addAttribute("erreurs", erreurs);
        return "ao/ao";
    }

    private static String afficherLigne(Model model, VueAo vue, String aoCode, Map<String, String> valeurs, Map<String, String> erreurs) {
        Collectivite autorite = vue.collectivites().stream().filter(c -> c.code().equals(aoCode)).findFirst()
                .orElseThrow(() -> new Introuvable("Autorité organisatrice « " + aoCode + " » introuvable dans cette convention."));
        model.addAttribute("vue", vue);
        model.addAttribute("convention", vue.convention());
        model.addAttribute("autorite", autorite);
        model.addAttribute("modesAccueil", ModeAccueil.values());
        model.addAttribute("valeurs", valeurs);
        model.addAttribute("erreurs", erreurs);
        return "ao/ligne-projection";
    }

    private static List<String> lignes(String texte) {
        return texte == null ? List.of() : texte.lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
