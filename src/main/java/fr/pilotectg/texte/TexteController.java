package fr.pilotectg.texte;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import fr.pilotectg.diagnostic.DiagnosticService;
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

/** The text of a convention: a read view, and an edit page of its own. */
@Controller
class TexteController {

    private final TexteService textes;
    private final ObjectifsService objectifs;
    private final DiagnosticService diagnostic;

    TexteController(TexteService textes, ObjectifsService objectifs, DiagnosticService diagnostic) {
        this.textes = textes;
        this.objectifs = objectifs;
        this.diagnostic = diagnostic;
    }

    @GetMapping("/conventions/{id}/texte")
    String texte(@PathVariable long id, Model model) {
        model.addAttribute("texte", textes.texte(id));
        model.addAttribute("objectifs", objectifs.objectifs(id));
        model.addAttribute("enjeux", diagnostic.enjeux(id));
        return "texte/texte";
    }

    @GetMapping("/conventions/{id}/texte/modifier")
    String modifier(@PathVariable long id, Model model) {
        TexteConvention texte = textes.texte(id);
        if (!texte.modifiable()) {
            throw new AccesRefuse("Vous pouvez consulter le texte de cette convention mais pas le modifier.");
        }
        List<LigneFormulaire> lignes = new ArrayList<>();
        for (int i = 0; i < texte.sections().size(); i++) {
            Section s = texte.sections().get(i);
            lignes.add(new LigneFormulaire(i, (i + 1) * 10, s.nature().name(), s.titre(), s.html()));
        }
        lignes.add(new LigneFormulaire(lignes.size(), (lignes.size() + 1) * 10, NatureSection.ARTICLE.name(), "", ""));
        return formulaire(model, texte, texte.version(), lignes);
    }

    /**
     * Fields named {@code sections[i].ordre|nature|titre|texte|supprimer}: sections are sorted by their order number,
     * those marked for removal and a last row left blank are dropped.
     */
    @PostMapping("/conventions/{id}/texte/modifier")
    String enregistrer(@PathVariable long id, @RequestParam(required = false) Integer version,
                       @RequestParam MultiValueMap<String, String> champs, Model model, RedirectAttributes redirect) {
        List<LigneFormulaire> lignes = LigneFormulaire.lire(champs);
        try {
            List<SaisieSection> saisies = lignes.stream()
                    .filter(l -> !l.supprimer() && !(l.titre().isBlank() && l.texte().isBlank()))
                    .sorted(java.util.Comparator.comparingInt(LigneFormulaire::ordre).thenComparingInt(LigneFormulaire::index))
                    .map(l -> new SaisieSection(l.nature(), l.titre(), l.texte())).toList();
            textes.modifier(id, version, saisies);
            redirect.addFlashAttribute("messageSucces", "Texte de la convention enregistré.");
            return "redirect:/conventions/" + id + "/texte";
        } catch (ErreurValidation e) {
            Map<String, String> erreurs = new java.util.LinkedHashMap<>();
            e.erreurs().forEach(x -> erreurs.merge(x.champ(), x.message(), (a, b) -> a + " " + b));
            model.addAttribute("erreurs", erreurs);
        } catch (ConflitDeModification e) {
            model.addAttribute("conflit", e.getMessage());
        }
        return formulaire(model, textes.texte(id), version == null ? 0 : version, lignes);
    }

    private String formulaire(Model model, TexteConvention texte, int version, List<LigneFormulaire> lignes) {
        model.addAttribute("texte", texte);
        model.addAttribute("version", version);
        model.addAttribute("lignes", lignes);
        model.addAttribute("natures", NatureSection.values());
        return "texte/modifier";
    }

    /** One row of the edit form. */
    record LigneFormulaire(int index, int ordre, String nature, String titre, String texte, boolean supprimer) {

        LigneFormulaire(int index, int ordre, String nature, String titre, String texte) {
            this(index, ordre, nature, titre, texte, false);
        }

        static List<LigneFormulaire> lire(MultiValueMap<String, String> champs) {
            Map<Integer, LigneFormulaire> lignes = new TreeMap<>();
            for (int i = 0; i <= TexteService.SECTIONS_MAX; i++) {
                String p = "sections[" + i + "].";
                if (!champs.containsKey(p + "titre") && !champs.containsKey(p + "texte")) {
                    continue;
                }
                int ordre;
                try {
                    ordre = Integer.parseInt(valeur(champs, p + "ordre").strip());
                } catch (NumberFormatException e) {
                    ordre = (i + 1) * 10;
                }
                lignes.put(i, new LigneFormulaire(i, ordre, valeur(champs, p + "nature"), valeur(champs, p + "titre"),
                        valeur(champs, p + "texte"), champs.containsKey(p + "supprimer")));
            }
            return List.copyOf(lignes.values());
        }

        private static String valeur(MultiValueMap<String, String> champs, String nom) {
            String v = champs.getFirst(nom);
            return v == null ? "" : v;
        }
    }
}
