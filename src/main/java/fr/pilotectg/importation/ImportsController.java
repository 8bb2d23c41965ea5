package fr.pilotectg.importation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of document imports: "Importer une convention" (upload, bulk upload, my drafts and bulk imports) and the
 * review of a draft: a table of contents, the alerts, each part field by field beside the extracted lines each
 * element was read from ({@link RevueDuBrouillon}); an element corrected, added, dropped, a name resolved, each
 * saved with the draft's version ({@link CorrectionsDuBrouillon}); the JSON of each part as an advanced fallback;
 * then "Confirmer l'import".
 */
@Controller
class ImportsController {

    private static final int TAILLE = 20;

    private final ImportsService imports;
    private final LotsDImport lots;
    private final JsonDesBrouillons json;
    private final RevueDuBrouillon revue;
    private final CorrectionsDuBrouillon corrections;

    ImportsController(ImportsService imports, LotsDImport lots, JsonDesBrouillons json, RevueDuBrouillon revue,
                      CorrectionsDuBrouillon corrections) {
        this.imports = imports;
        this.lots = lots;
        this.json = json;
        this.revue = revue;
        this.corrections = corrections;
    }

    @GetMapping("/imports")
    String liste(@RequestParam(defaultValue = "0") int page, Model model) {
        ImportsService.verifierDroitDImporter();
        model.addAttribute("brouillons", imports.mesBrouillons(page, TAILLE));
        model.addAttribute("lots", lots.mesLots());
        return "importation/liste";
    }

    @PostMapping("/imports")
    String importer(@RequestParam(name = "fichier", required = false) MultipartFile fichier, Model model, HttpServletResponse reponse) {
        try {
            long id = imports.importer(ImportsApiController.nom(fichier), ImportsApiController.octets(fichier));
            return "redirect:/imports/" + id;
        } catch (ErreurValidation e) {
            reponse.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("erreurFichier", e.getMessage());
            return liste(0, model);
        }
    }

    @PostMapping("/imports/lots")
    String deposerLot(@RequestParam(name = "fichier", required = false) MultipartFile fichier, Model model, HttpServletResponse reponse) {
        try {
            long id = lots.deposer(ImportsApiController.nom(fichier), ImportsApiController.octets(fichier));
            return "redirect:/imports/lots/" + id;
        } catch (ErreurValidation e) {
            reponse.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("erreurLot", e.getMessage());
            return liste(0, model);
        }
    }

    @GetMapping("/imports/lots/{id}")
    String lot(@PathVariable long id, Model model) {
        model.addAttribute("lot", lots.lot(id));
        return "importation/lot";
    }

    /** The progress table alone, polled by htmx while documents are waiting. */
    @GetMapping("/imports/lots/{id}/avancement")
    String avancement(@PathVariable long id, Model model) {
        model.addAttribute("lot", lots.lot(id));
        return "importation/lot :: avancement";
    }

    @GetMapping("/imports/{id}")
    String revue(@PathVariable long id, Model model) {
        ImportsService.Fiche fiche = imports.brouillon(id);
        // The element just corrected stays unfolded (its path comes back in a flash attribute).
        Object ouvert = model.getAttribute("cheminOuvert");
        preparer(fiche, model, null, ouvert instanceof String chemin ? new RevueDuBrouillon.Saisie(chemin, Map.of(), Map.of()) : null);
        return "importation/revue";
    }

    @PostMapping("/imports/{id}")
    String corriger(@PathVariable long id, @RequestParam(required = false) Integer version,
                    @RequestParam(required = false) String convention, @RequestParam(required = false) String plan,
                    @RequestParam(required = false) String annexes, Model model, HttpServletResponse reponse,
                    RedirectAttributes flash) {
        ImportsService.Fiche fiche = imports.brouillon(id);
        Map<String, String> saisies = new LinkedHashMap<>();
        saisies.put("convention", convention);
        saisies.put("plan", plan);
        saisies.put("annexes", annexes);
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        ConventionTrouvee c = lirePartie("convention", "Convention", convention, ConventionTrouvee.class, erreurs);
        PlanTrouve p = lirePartie("plan", "Plan d'actions", plan, PlanTrouve.class, erreurs);
        AnnexesTrouvees a = lirePartie("annexes", "Annexes", annexes, AnnexesTrouvees.class, erreurs);
        if (erreurs.isEmpty()) {
            try {
                imports.modifier(id, version, new Brouillon(c, p, a));
                flash.addFlashAttribute("message", "Corrections enregistrées.");
                return "redirect:/imports/" + id;
            } catch (ErreurValidation e) {
                erreurs.addAll(e.erreurs());
            } catch (ConflitDeModification e) {
                reponse.setStatus(HttpServletResponse.SC_CONFLICT);
                preparer(imports.brouillon(id), model, null, null);
                model.addAttribute("erreurGenerale", e.getMessage());
                return "importation/revue";
            }
        }
        reponse.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        preparer(fiche, model, saisies, null);
        Map<String, String> parChamp = new LinkedHashMap<>();
        erreurs.forEach(e -> parChamp.putIfAbsent(e.champ(), e.message()));
        model.addAttribute("erreurs", parChamp);
        return "importation/revue";
    }

    /** The fields of one element of the draft, as its form on the review page sent them. */
    @PostMapping("/imports/{id}/element")
    String corrigerElement(@PathVariable long id, @RequestParam(required = false) Integer version,
                           @RequestParam(required = false) String chemin, @RequestParam Map<String, String> saisies,
                           Model model, HttpServletResponse reponse, RedirectAttributes flash) {
        Map<String, String> champs = new LinkedHashMap<>();
        saisies.forEach((cle, valeur) -> {
            if (cle.startsWith(CorrectionsDuBrouillon.CHAMP) || cle.startsWith(CorrectionsDuBrouillon.CASE) || cle.startsWith("_liste.")) {
                champs.put(cle, valeur);
            }
        });
        return appliquer(id, version, chemin, champs, b -> corrections.corriger(b, chemin, champs), "Correction enregistrée.",
                model, reponse, flash);
    }

    /** A new element at the end of a list of the draft, named by its main field. */
    @PostMapping("/imports/{id}/ajout")
    String ajouter(@PathVariable long id, @RequestParam(required = false) Integer version, @RequestParam(required = false) String chemin,
                   @RequestParam(required = false) String principal, Model model, HttpServletResponse reponse, RedirectAttributes flash) {
        Map<String, String> saisie = new LinkedHashMap<>();
        saisie.put("principal", principal == null ? "" : principal);
        return appliquer(id, version, chemin, saisie, b -> corrections.ajouter(b, chemin, principal),
                "Élément ajouté au brouillon" + (principal == null || principal.isBlank() ? "." : " : « " + principal.strip() + " »."),
                model, reponse, flash);
    }

    /**
     * Drops an element of the draft: {@code chemin} ("plan.noeuds[0].fiches[2]"), or the first shape of this route
     * ({@code partie}, {@code propriete}, {@code index}: an element of a part's own list).
     */
    @PostMapping("/imports/{id}/retrait")
    String retirer(@PathVariable long id, @RequestParam(required = false) Integer version, @RequestParam(required = false) String chemin,
                   @RequestParam(required = false) String partie, @RequestParam(required = false) String propriete,
                   @RequestParam(required = false) Integer index, RedirectAttributes flash, Model model, HttpServletResponse reponse) {
        String cible = chemin != null ? chemin : partie + "." + propriete + "[" + index + "]";
        return appliquer(id, version, cible, Map.of(), b -> corrections.retirer(b, cible), "Élément retiré du brouillon.",
                model, reponse, flash);
    }

    /**
     * An unresolved name resolved: {@code choix} is a candidate (its index for a party of the convention, the
     * referential's name for a name of the annexes), or {@code retirer} to drop the element that printed it.
     */
    @PostMapping("/imports/{id}/resolution")
    String resoudre(@PathVariable long id, @RequestParam(required = false) Integer version, @RequestParam(required = false) String chemin,
                    @RequestParam(required = false) String choix, Model model, HttpServletResponse reponse, RedirectAttributes flash) {
        Map<String, String> saisie = new LinkedHashMap<>();
        saisie.put("choix", choix == null ? "" : choix);
        return appliquer(id, version, chemin, saisie, b -> {
            if (choix == null || choix.isBlank()) {
                throw new ErreurValidation("choix", "Choisissez un des noms proposés, ou de retirer l'élément.");
            }
            if (choix.equals("retirer")) {
                return corrections.retirer(b, chemin);
            }
            if (CheminDeBrouillon.lire(chemin).partie().equals("convention")) {
                int i;
                try {
                    i = Integer.parseInt(choix);
                } catch (NumberFormatException e) {
                    throw new ErreurValidation("choix", "Choisissez un des noms proposés.");
                }
                return corrections.resoudrePartie(b, chemin, i);
            }
            return corrections.resoudreNomAnnexe(b, chemin, choix);
        }, "retirer".equals(choix) ? "Élément retiré du brouillon." : "Nom résolu au référentiel.",
                model, reponse, flash);
    }

    /**
     * A correction of the review: applied to the draft read, then saved with the version the form was read at. A bad
     * value gives the page again (400) with the user's input and the field's French error, a stale version a 409
     * with the user's input kept beside the current draft; in both cases nothing is written.
     */
    private String appliquer(long id, Integer version, String chemin, Map<String, String> saisies, UnaryOperator<Brouillon> correction,
                             String message, Model model, HttpServletResponse reponse, RedirectAttributes flash) {
        ImportsService.Fiche fiche = imports.brouillon(id);
        try {
            if (version != null && version != fiche.version()) {
                throw new ConflitDeModification("Ce brouillon a été modifié depuis l'ouverture de cette page (dans un autre onglet ou "
                        + "par un autre enregistrement) : rien n'a été enregistré. Vos saisies sont conservées ci-dessous ; "
                        + "vérifiez-les puis enregistrez à nouveau.");
            }
            imports.modifier(id, version, correction.apply(fiche.brouillon()));
            flash.addFlashAttribute("message", message);
            if (chemin != null) {
                flash.addFlashAttribute("cheminOuvert", chemin);
            }
            return "redirect:/imports/" + id + ancreDe(chemin);
        } catch (ErreurValidation e) {
            reponse.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            Map<String, String> parChamp = new LinkedHashMap<>();
            e.erreurs().forEach(x -> parChamp.putIfAbsent(x.champ(), x.message()));
            preparer(fiche, model, null, new RevueDuBrouillon.Saisie(chemin, saisies, parChamp));
            model.addAttribute("erreursDeSaisie", List.copyOf(parChamp.values()));
            model.addAttribute("erreurGenerale", "Correction refusée, rien n'a été enregistré : "
                    + String.join(" ", parChamp.values()));
            return "importation/revue";
        } catch (ConflitDeModification e) {
            reponse.setStatus(HttpServletResponse.SC_CONFLICT);
            preparer(imports.brouillon(id), model, null, new RevueDuBrouillon.Saisie(chemin, saisies, Map.of()));
            model.addAttribute("erreurGenerale", e.getMessage());
            return "importation/revue";
        }
    }

    private static String ancreDe(String chemin) {
        try {
            CheminDeBrouillon c = CheminDeBrouillon.lire(chemin);
            CheminDeBrouillon liste = c.liste();
            return "#" + RevueDuBrouillon.ancre(liste != null ? liste : c);
        } catch (ErreurValidation e) {
            return "";
        }
    }

    @PostMapping("/imports/{id}/confirmation")
    String confirmer(@PathVariable long id, @RequestParam(required = false) Integer version, Model model, HttpServletResponse reponse) {
        try {
            long convention = imports.confirmer(id, version);
            return "redirect:/conventions/" + convention;
        } catch (ErreurValidation | ConflitDeModification e) {
            reponse.setStatus(e instanceof ConflitDeModification ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST);
            preparer(imports.brouillon(id), model, null, null);
            model.addAttribute("erreurGenerale", "La confirmation est refusée, rien n'a été créé : " + e.getMessage());
            return "importation/revue";
        }
    }

    @PostMapping("/imports/{id}/suppression")
    String supprimer(@PathVariable long id, RedirectAttributes flash) {
        imports.supprimer(id);
        flash.addFlashAttribute("message", "Brouillon supprimé.");
        return "redirect:/imports";
    }

    private <T> T lirePartie(String champ, String libelle, String texte, Class<T> type, List<ErreurValidation.Erreur> erreurs) {
        try {
            return json.partie(champ, libelle, texte, type);
        } catch (ErreurValidation e) {
            erreurs.addAll(e.erreurs());
            return null;
        }
    }

    /** A part in the advanced editor: its JSON, or what the user sent when it was refused. */
    public record EditionAvancee(String cle, String titre, String json) {
    }

    private void preparer(ImportsService.Fiche fiche, Model model, Map<String, String> saisies, RevueDuBrouillon.Saisie saisie) {
        model.addAttribute("revue", revue.vue(fiche, saisie));
        List<EditionAvancee> parties = new ArrayList<>();
        for (String cle : CheminDeBrouillon.Parties.CLES) {
            String texte = saisies != null && saisies.get(cle) != null ? saisies.get(cle)
                    : json.joli(CheminDeBrouillon.Parties.de(fiche.brouillon(), cle));
            parties.add(new EditionAvancee(cle, CheminDeBrouillon.Parties.titre(cle), texte));
        }
        model.addAttribute("fiche", fiche);
        model.addAttribute("alertes", fiche.brouillon().alertes());
        model.addAttribute("parties", parties);
        model.addAttribute("avanceeOuverte", saisies != null);
    }
}
