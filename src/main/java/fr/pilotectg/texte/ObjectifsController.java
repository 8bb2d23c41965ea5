package fr.pilotectg.texte;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

/**
 * The edit page of the objectifs conjoints: one fieldset per objectif (order number, title, printed group name, the
 * parties it binds as checkboxes, optional text, "supprimer") and blank ones to add; plain form fields, no script.
 */
@Controller
class ObjectifsController {

    static final int LIGNES_VIDES = 2;

    private final ObjectifsService objectifs;

    ObjectifsController(ObjectifsService objectifs) {
        this.objectifs = objectifs;
    }

    @GetMapping("/conventions/{id}/objectifs-conjoints/modifier")
    String modifier(@PathVariable long id, Model model) {
        ObjectifsConjoints o = objectifs.objectifs(id);
        if (!o.modifiable()) {
            throw new AccesRefuse("Vous pouvez consulter les objectifs conjoints de cette convention mais pas les modifier.");
        }
        List<Ligne> lignes = new ArrayList<>();
        for (ObjectifConjoint x : o.objectifs()) {
            lignes.add(new Ligne(lignes.size(), (lignes.size() + 1) * 10, x.intitule(), x.libelleGroupe() == null ? "" : x.libelleGroupe(),
                    x.html(), x.organisations(), false, x.id()));
        }
        return formulaire(model, o, o.version(), lignes, Map.of());
    }

    @PostMapping("/conventions/{id}/objectifs-conjoints/modifier")
    String enregistrer(@PathVariable long id, @RequestParam(required = false) Integer version,
                       @RequestParam MultiValueMap<String, String> champs, Model model, RedirectAttributes redirect) {
        List<Ligne> lignes = Ligne.lire(champs);
        Map<String, String> erreurs = new LinkedHashMap<>();
        try {
            List<SaisieObjectif> saisies = lignes.stream().filter(l -> !l.supprimer() && !l.vide())
                    .sorted(Comparator.comparingInt(Ligne::ordre).thenComparingInt(Ligne::index))
                    .map(l -> new SaisieObjectif(l.intitule(), l.texte(), l.groupe(), l.parties(), l.id())).toList();
            objectifs.modifier(id, version, saisies);
            redirect.addFlashAttribute("messageSucces", "Objectifs conjoints enregistrés.");
            return "redirect:/conventions/" + id + "/texte#titre-objectifs";
        } catch (ErreurValidation e) {
            e.erreurs().forEach(x -> erreurs.merge(x.champ(), x.message(), (a, b) -> a + " " + b));
        } catch (ConflitDeModification e) {
            model.addAttribute("conflit", e.getMessage());
        }
        return formulaire(model, objectifs.objectifs(id), version == null ? 0 : version, lignes, erreurs);
    }

    private String formulaire(Model model, ObjectifsConjoints o, int version, List<Ligne> lignes, Map<String, String> erreurs) {
        List<Ligne> toutes = new ArrayList<>(lignes);
        int ordre = toutes.stream().mapToInt(Ligne::ordre).max().orElse(0);
        int index = toutes.stream().mapToInt(Ligne::index).max().orElse(-1) + 1;
        if (toutes.stream().filter(Ligne::vide).count() < LIGNES_VIDES) {
            for (int i = 0; i < LIGNES_VIDES; i++) {
                toutes.add(new Ligne(index + i, ordre + (i + 1) * 10, "", "", "", List.of(), false, null));
            }
        }
        model.addAttribute("objectifs", o);
        model.addAttribute("version", version);
        model.addAttribute("lignes", toutes);
        model.addAttribute("erreurs", erreurs);
        return "texte/objectifs";
    }

    /** One objectif of the form: {@code objectifs[i].ordre|intitule|groupe|texte|parties|supprimer|id}. */
    record Ligne(int index, int ordre, String intitule, String groupe, String texte, List<Long> parties, boolean supprimer, Long id) {

        public boolean vide() {
            return intitule.isBlank() && groupe.isBlank() && texte.isBlank() && parties.isEmpty();
        }

        public boolean engage(long organisationId) {
            return parties.contains(organisationId);
        }

        static List<Ligne> lire(MultiValueMap<String, String> champs) {
            Map<Integer, Ligne> lignes = new TreeMap<>();
            for (int i = 0; i <= ObjectifsService.OBJECTIFS_MAX + LIGNES_VIDES; i++) {
                String p = "objectifs[" + i + "].";
                if (!champs.containsKey(p + "intitule")) {
                    continue;
                }
                List<Long> parties = new ArrayList<>();
                for (String v : champs.getOrDefault(p + "parties", List.of())) {
                    try {
                        parties.add(Long.valueOf(v.strip()));
                    } catch (NumberFormatException e) {
                        // not a party: ignored, as an unchecked box
                    }
                }
                int ordre;
                try {
                    ordre = Integer.parseInt(valeur(champs, p + "ordre").strip());
                } catch (NumberFormatException e) {
                    ordre = (i + 1) * 10;
                }
                Long id;
                try {
                    id = valeur(champs, p + "id").isBlank() ? null : Long.valueOf(valeur(champs, p + "id").strip());
                } catch (NumberFormatException e) {
                    id = null;
                }
                lignes.put(i, new Ligne(i, ordre, valeur(champs, p + "intitule"), valeur(champs, p + "groupe"),
                        valeur(champs, p + "texte"), parties, champs.containsKey(p + "supprimer"), id));
            }
            return List.copyOf(lignes.values());
        }

        private static String valeur(MultiValueMap<String, String> champs, String nom) {
            String v = champs.getFirst(nom);
            return v == null ? "" : v;
        }
    }
}
