package fr.pilotectg.referentiel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import fr.pilotectg.referentiel.SaisieReferentiel.SaisieElement;
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
 * The reference frameworks of a convention: a read page, and one edit page per framework where items are added,
 * edited, reordered (order number), nested (level) and deleted with ordinary form fields — no script needed.
 */
@Controller
class ReferentielsController {

    /** Blank rows offered at the end of the edit form to add items. */
    static final int LIGNES_VIDES = 3;

    private final ReferentielsService referentiels;

    ReferentielsController(ReferentielsService referentiels) {
        this.referentiels = referentiels;
    }

    @GetMapping("/conventions/{id}/referentiels")
    String liste(@PathVariable long id, Model model) {
        model.addAttribute("referentiels", referentiels.referentiels(id));
        return "referentiel/referentiels";
    }

    @GetMapping("/conventions/{id}/referentiels/nouveau")
    String nouveau(@PathVariable long id, Model model) {
        Referentiels r = modifiables(id);
        return formulaire(model, r, null, r.version(), "", "", lignes(List.of()));
    }

    @GetMapping("/conventions/{id}/referentiels/{referentielId}/modifier")
    String modifier(@PathVariable long id, @PathVariable long referentielId, Model model) {
        Referentiels r = modifiables(id);
        Referentiel referentiel = referentiels.referentiel(r, referentielId);
        return formulaire(model, r, referentielId, r.version(), referentiel.nom(),
                referentiel.proprietaire() == null ? "" : referentiel.proprietaire(), lignes(referentiel.elements()));
    }

    @PostMapping("/conventions/{id}/referentiels/nouveau")
    String creer(@PathVariable long id, @RequestParam(required = false) Integer version,
                 @RequestParam MultiValueMap<String, String> champs, Model model, RedirectAttributes redirect) {
        return sauver(id, null, version, champs, model, redirect);
    }

    @PostMapping("/conventions/{id}/referentiels/{referentielId}/modifier")
    String enregistrer(@PathVariable long id, @PathVariable long referentielId, @RequestParam(required = false) Integer version,
                       @RequestParam MultiValueMap<String, String> champs, Model model, RedirectAttributes redirect) {
        return sauver(id, referentielId, version, champs, model, redirect);
    }

    @PostMapping("/conventions/{id}/referentiels/{referentielId}/supprimer")
    String supprimer(@PathVariable long id, @PathVariable long referentielId, @RequestParam(required = false) Integer version,
                     RedirectAttributes redirect) {
        try {
            referentiels.supprimer(id, version, referentielId);
            redirect.addFlashAttribute("messageSucces", "Référentiel supprimé.");
        } catch (ConflitDeModification e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
        }
        return "redirect:/conventions/" + id + "/referentiels";
    }

    private String sauver(long id, Long referentielId, Integer version, MultiValueMap<String, String> champs,
                               Model model, RedirectAttributes redirect) {
        String nom = valeur(champs, "nom");
        String proprietaire = valeur(champs, "proprietaire");
        List<Ligne> lignes = Ligne.lire(champs);
        Map<String, String> erreurs = new LinkedHashMap<>();
        try {
            List<SaisieElement> elements = arbre(lignes, erreurs);
            if (erreurs.isEmpty()) {
                referentiels.modifierUn(id, version, referentielId, new SaisieReferentiel(referentielId, nom, proprietaire, elements));
                redirect.addFlashAttribute("messageSucces", "Référentiel « " + nom.strip() + " » enregistré.");
                return "redirect:/conventions/" + id + "/referentiels";
            }
        } catch (ErreurValidation e) {
            e.erreurs().forEach(x -> erreurs.merge(x.champ(), x.message(), (a, b) -> a + " " + b));
        } catch (ConflitDeModification e) {
            model.addAttribute("conflit", e.getMessage());
        }
        model.addAttribute("erreurs", erreurs);
        return formulaire(model, referentiels.referentiels(id), referentielId, version == null ? 0 : version, nom, proprietaire, lignes);
    }

    /**
     * Rows sorted by order number; removed and blank rows dropped; a level-2 row becomes a sub-item of the level-1 row
     * before it. A row without a title, or a sub-item with no item above it, is an error on that row.
     */
    static List<SaisieElement> arbre(List<Ligne> lignes, Map<String, String> erreurs) {
        List<Ligne> gardees = lignes.stream().filter(l -> !l.supprimer() && !l.vide())
                .sorted(Comparator.comparingInt(Ligne::ordre).thenComparingInt(Ligne::index)).toList();
        List<SaisieElement> elements = new ArrayList<>();
        List<SaisieElement> sous = null;
        Ligne parent = null;
        for (Ligne l : gardees) {
            if (l.intitule().isBlank()) {
                erreurs.put("intitule-" + l.index(), "Ligne " + (l.index() + 1) + " : l'intitulé est obligatoire "
                        + "(ou cochez « Supprimer »).");
            }
            if (l.sousElement()) {
                if (sous == null) {
                    erreurs.put("niveau-" + l.index(), "Ligne " + (l.index() + 1) + " : un sous-élément doit suivre un "
                            + "élément (vérifiez l'ordre ou choisissez « Élément »).");
                } else {
                    sous.add(new SaisieElement(l.id(), l.code(), l.intitule(), List.of()));
                }
            } else {
                if (parent != null) {
                    elements.add(new SaisieElement(parent.id(), parent.code(), parent.intitule(), sous));
                }
                parent = l;
                sous = new ArrayList<>();
            }
        }
        if (parent != null) {
            elements.add(new SaisieElement(parent.id(), parent.code(), parent.intitule(), sous));
        }
        return elements;
    }

    private Referentiels modifiables(long id) {
        Referentiels r = referentiels.referentiels(id);
        if (!r.modifiable()) {
            throw new AccesRefuse("Vous pouvez consulter les référentiels de cette convention mais pas les modifier.");
        }
        return r;
    }

    private static List<Ligne> lignes(List<ElementReferentiel> elements) {
        List<Ligne> lignes = new ArrayList<>();
        for (ElementReferentiel e : elements) {
            lignes.add(new Ligne(lignes.size(), (lignes.size() + 1) * 10, e.id(), false, nul(e.code()), e.intitule(), false));
            for (ElementReferentiel s : e.sousElements()) {
                lignes.add(new Ligne(lignes.size(), (lignes.size() + 1) * 10, s.id(), true, nul(s.code()), s.intitule(), false));
            }
        }
        return lignes;
    }

    private String formulaire(Model model, Referentiels r, Long referentielId, int version, String nom, String proprietaire,
                              List<Ligne> lignes) {
        List<Ligne> toutes = new ArrayList<>(lignes);
        int dernier = toutes.stream().mapToInt(Ligne::ordre).max().orElse(0);
        int premierIndex = toutes.stream().mapToInt(Ligne::index).max().orElse(-1) + 1;
        if (toutes.stream().filter(Ligne::vide).count() < LIGNES_VIDES) {
            for (int i = 0; i < LIGNES_VIDES; i++) {
                toutes.add(new Ligne(premierIndex + i, dernier + (i + 1) * 10, null, false, "", "", false));
            }
        }
        model.addAttribute("referentiels", r);
        model.addAttribute("referentielId", referentielId);
        model.addAttribute("version", version);
        model.addAttribute("nom", nom);
        model.addAttribute("proprietaire", proprietaire);
        model.addAttribute("lignes", toutes);
        if (!model.containsAttribute("erreurs")) {
            model.addAttribute("erreurs", Map.of());
        }
        return "referentiel/modifier";
    }

    private static String nul(String texte) {
        return texte == null ? "" : texte;
    }

    private static String valeur(MultiValueMap<String, String> champs, String nom) {
        String v = champs.getFirst(nom);
        return v == null ? "" : v;
    }

    /** One row of the edit form: {@code elements[i].id|ordre|niveau|code|intitule|supprimer}. */
    record Ligne(int index, int ordre, Long id, boolean sousElement, String code, String intitule, boolean supprimer) {

        public boolean vide() {
            return id == null && code.isBlank() && intitule.isBlank();
        }

        static List<Ligne> lire(MultiValueMap<String, String> champs) {
            Map<Integer, Ligne> lignes = new TreeMap<>();
            for (int i = 0; i <= ReferentielsService.ELEMENTS_MAX + LIGNES_VIDES; i++) {
                String p = "elements[" + i + "].";
                if (!champs.containsKey(p + "intitule")) {
                    continue;
                }
                lignes.put(i, new Ligne(i, entier(valeur(champs, p + "ordre"), (i + 1) * 10), identifiant(valeur(champs, p + "id")),
                        "2".equals(valeur(champs, p + "niveau").strip()), valeur(champs, p + "code"),
                        valeur(champs, p + "intitule"), champs.containsKey(p + "supprimer")));
            }
            return List.copyOf(lignes.values());
        }

        private static int entier(String texte, int defaut) {
            try {
                return Integer.parseInt(texte.strip());
            } catch (NumberFormatException e) {
                return defaut;
            }
        }

        private static Long identifiant(String texte) {
            try {
                return texte.isBlank() ? null : Long.valueOf(texte.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
