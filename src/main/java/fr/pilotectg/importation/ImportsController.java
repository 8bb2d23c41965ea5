package fr.pilotectg.importation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pages of document imports: "Importer une convention" (upload, bulk upload, my drafts and bulk imports) and the
 * review of a draft: alerts first, each part as editable JSON beside the extracted lines it was read from, the
 * elements of each list droppable one by one, then "Confirmer l'import".
 */
@Controller
class ImportsController {

    private static final int TAILLE = 20;
    private static final int EXTRAITS_MAX = 60;

    private final ImportsService imports;
    private final LotsDImport lots;
    private final JsonDesBrouillons json;

    ImportsController(ImportsService imports, LotsDImport lots, JsonDesBrouillons json) {
        this.imports = imports;
        this.lots = lots;
        this.json = json;
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
        preparer(fiche, model, null);
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
                preparer(imports.brouillon(id), model, null);
                model.addAttribute("erreurGenerale", e.getMessage());
                return "importation/revue";
            }
        }
        reponse.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        preparer(fiche, model, saisies);
        Map<String, String> parChamp = new LinkedHashMap<>();
        erreurs.forEach(e -> parChamp.putIfAbsent(e.champ(), e.message()));
        model.addAttribute("erreurs", parChamp);
        return "importation/revue";
    }

    /** Drops the element {@code index} of the list {@code propriete} of a part (generic over the parts' shapes). */
    @PostMapping("/imports/{id}/retrait")
    String retirer(@PathVariable long id, @RequestParam(required = false) Integer version, @RequestParam String partie,
                   @RequestParam String propriete, @RequestParam int index, RedirectAttributes flash, Model model,
                   HttpServletResponse reponse) {
        ImportsService.Fiche fiche = imports.brouillon(id);
        Brouillon b = fiche.brouillon();
        Object cible = switch (partie) {
            case "convention" -> b.convention();
            case "plan" -> b.plan();
            case "annexes" -> b.annexes();
            default -> throw new ErreurValidation("partie", "Partie inconnue : « " + partie + " ».");
        };
        JsonNode arbre = json.arbre(cible);
        if (!(arbre instanceof ObjectNode objet) || !(objet.get(propriete) instanceof ArrayNode liste) || index < 0 || index >= liste.size()) {
            throw new ErreurValidation("index", "Cet élément n'existe plus dans le brouillon : rechargez la page.");
        }
        liste.remove(index);
        String modifie = arbre.toString();
        Brouillon nouveau = switch (partie) {
            case "convention" -> new Brouillon(json.partie("convention", "Convention", modifie, ConventionTrouvee.class), b.plan(), b.annexes());
            case "plan" -> new Brouillon(b.convention(), json.partie("plan", "Plan d'actions", modifie, PlanTrouve.class), b.annexes());
            default -> new Brouillon(b.convention(), b.plan(), json.partie("annexes", "Annexes", modifie, AnnexesTrouvees.class));
        };
        try {
            imports.modifier(id, version, nouveau);
        } catch (ConflitDeModification e) {
            reponse.setStatus(HttpServletResponse.SC_CONFLICT);
            preparer(imports.brouillon(id), model, null);
            model.addAttribute("erreurGenerale", e.getMessage());
            return "importation/revue";
        }
        flash.addFlashAttribute("message", "Élément retiré du brouillon.");
        return "redirect:/imports/" + id;
    }

    @PostMapping("/imports/{id}/confirmation")
    String confirmer(@PathVariable long id, @RequestParam(required = false) Integer version, Model model, HttpServletResponse reponse) {
        try {
            long convention = imports.confirmer(id, version);
            return "redirect:/conventions/" + convention;
        } catch (ErreurValidation | ConflitDeModification e) {
            reponse.setStatus(e instanceof ConflitDeModification ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST);
            preparer(imports.brouillon(id), model, null);
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

    /** A part of the review page: its JSON, its lists (droppable elements) and the lines its sources point to. */
    public record VuePartie(String cle, String titre, String json, List<Liste> listes, List<Extrait> extraits) {
    }

    public record Liste(String propriete, List<String> elements) {
    }

    public record Extrait(int debut, int fin, String texte) {
    }

    private void preparer(ImportsService.Fiche fiche, Model model, Map<String, String> saisies) {
        List<VuePartie> parties = new ArrayList<>();
        parties.add(vue("convention", "Convention", fiche.brouillon().convention(), fiche, saisies));
        parties.add(vue("plan", "Plan d'actions", fiche.brouillon().plan(), fiche, saisies));
        parties.add(vue("annexes", "Annexes", fiche.brouillon().annexes(), fiche, saisies));
        model.addAttribute("fiche", fiche);
        model.addAttribute("alertes", fiche.brouillon().alertes());
        model.addAttribute("parties", parties);
    }

    private VuePartie vue(String cle, String titre, PartieTrouvee partie, ImportsService.Fiche fiche, Map<String, String> saisies) {
        JsonNode arbre = json.arbre(partie);
        List<Liste> listes = new ArrayList<>();
        for (var propriete : arbre.properties()) {
            if (propriete.getValue() instanceof ArrayNode liste && !liste.isEmpty() && !"alertes".equals(propriete.getKey())) {
                List<String> elements = new ArrayList<>();
                for (JsonNode e : liste) {
                    String t = resume(e);
                    elements.add(t.length() > 140 ? t.substring(0, 140) + "…" : t);
                }
                listes.add(new Liste(propriete.getKey(), elements));
            }
        }
        TreeSet<Long> sources = new TreeSet<>();
        collecterSources(arbre, sources);
        List<Extrait> extraits = new ArrayList<>();
        int n = fiche.lignes().size();
        for (long s : sources) {
            int debut = (int) (s >> 32);
            int fin = (int) s;
            if (extraits.size() >= EXTRAITS_MAX) {
                break;
            }
            if (debut >= 1 && fin >= debut && fin <= n) {
                StringBuilder texte = new StringBuilder();
                for (int i = debut; i <= Math.min(fin, debut + 15); i++) {
                    texte.append(fiche.lignes().get(i - 1).texte()).append('\n');
                }
                extraits.add(new Extrait(debut, fin, texte.toString().strip()));
            }
        }
        String texte = saisies != null && saisies.get(cle) != null ? saisies.get(cle) : json.joli(partie);
        return new VuePartie(cle, titre, texte, listes, extraits);
    }

    private static String resume(JsonNode e) {
        if (e.isObject()) {
            for (String nom : List.of("titre", "nom", "libelle", "nomImprime", "reference", "texte", "message")) {
                if (e.path(nom).isString() && !e.path(nom).asString().isBlank()) {
                    return e.path(nom).asString();
                }
            }
        }
        return e.isString() ? e.asString() : e.toString();
    }

    private static void collecterSources(JsonNode n, TreeSet<Long> sources) {
        if (n.isObject()) {
            JsonNode source = n.get("source");
            if (source != null && source.path("debut").isInt() && source.path("fin").isInt()) {
                sources.add(((long) source.path("debut").asInt() << 32) | (source.path("fin").asInt() & 0xffffffffL));
            }
            for (JsonNode enfant : n) {
                collecterSources(enfant, sources);
            }
        } else if (n.isArray()) {
            for (JsonNode enfant : n) {
                collecterSources(enfant, sources);
            }
        }
    }
}
