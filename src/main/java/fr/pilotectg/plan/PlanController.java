package fr.pilotectg.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Introuvable;
import fr.pilotectg.shared.Versions;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.HtmlUtils;

@Controller
class PlanController {

    private final PlanService plans;
    private final ConventionService conventions;
    private final FinancementsService financements;
    private final ChampsAjoutesVue champsAjoutesVue;
    private final SousActionsService sousActions;
    private final ChampsAjoutes champsAjoutes;
    private EcritureAvecLiens ecritureAvecLiens;

    @org.springframework.beans.factory.annotation.Autowired
    void setEcritureAvecLiens(EcritureAvecLiens ecritureAvecLiens) {
        this.ecritureAvecLiens = ecritureAvecLiens;
    }

    PlanController(PlanService plans, ConventionService conventions, FinancementsService financements,
                   ChampsAjoutesVue champsAjoutesVue, SousActionsService sousActions, ChampsAjoutes champsAjoutes) {
        this.sousActions = sousActions;
        this.champsAjoutes = champsAjoutes;
        this.plans = plans;
        this.conventions = conventions;
        this.financements = financements;
        this.champsAjoutesVue = champsAjoutesVue;
    }

    @GetMapping("/conventions/{id}/plan")
    String plan(@PathVariable long id, @ModelAttribute("filtre") FiltreFiches filtre,
                @RequestParam(required = false) String q, Model model,
                @RequestParam(required = false) String ajoute) {
        Optional<VuePlan> vue = plans.vuePlan(id, filtre, champsAjoutesVue.filtre(id, ajoute));
        if (vue.isEmpty()) {
            return sansPlan(id, model);
        }
        model.addAttribute("convention", vue.get().convention());
        model.addAttribute("arbre", vue.get().arbre());
        model.addAttribute("total", vue.get().total());
        model.addAttribute("modifiable", vue.get().modifiable());
        model.addAttribute("annees", vue.get().annees());
        model.addAttribute("q", q);
        // Everything below reuses the convention read (and its reading right checked) once by vuePlan: reading the
        // aggregate again per part of the page cost more than the page's own queries (docs/performance.md).
        model.addAttribute("supprimeesDeLaSession", vue.get().modifiable()
                ? plans.fichesSupprimeesRecemment(vue.get().convention()) : Map.of());
        model.addAttribute("sousActionsParFiche", sousActions.nombresLus(id));
        if (q != null && !q.isBlank()) {
            model.addAttribute("resultats", plans.rechercher(id, q).stream()
                    .map(r -> new ResultatAffiche(r.ficheId(), r.reference(), r.titre(), surligner(r.extrait()))).toList());
        }
        return "plan/plan";
    }

    @GetMapping("/conventions/{id}/programme")
    String programme(@PathVariable long id, Model model) {
        Optional<VuePlan> vue = plans.vueProgramme(id);
        if (vue.isEmpty()) {
            return sansPlan(id, model);
        }
        model.addAttribute("convention", vue.get().convention());
        model.addAttribute("arbre", vue.get().arbre());
        model.addAttribute("annees", vue.get().annees());
        // The fiches in plan order once, and each year's fiches, rather than walking the tree again per year in the page.
        List<Fiche> fiches = vue.get().arbre().fichesDansLOrdre();
        model.addAttribute("fiches", fiches);
        model.addAttribute("frise", vue.get().annees().stream()
                .map(a -> new AnneeDeLaFrise(a, fiches.stream().filter(f -> f.prevueEn(a)).toList())).toList());
        return "plan/programme";
    }

    @GetMapping("/fiches/{id}")
    String fiche(@PathVariable long id, Model model) {
        VueFiche vue = plans.fiche(id);
        model.addAttribute("vue", vue);
        model.addAttribute("financements", FinancementsController.vue(financements.lues(id)));
        model.addAttribute("sousActions", sousActions.lues(id));
        Liens liens = ecritureAvecLiens.liensDeFiche(id);
        // The page names the linked targets only: a fiche linked to nothing needs not read the convention's frameworks.
        model.addAttribute("cibles", liens.vide() ? CiblesDesLiens.Cibles.AUCUNE : ecritureAvecLiens.cibles(vue.fiche().conventionId()));
        model.addAttribute("liens", liens);
        return "plan/fiche";
    }

    @GetMapping("/fiches/{id}/modifier")
    String modifier(@PathVariable long id, Model model) {
        VueFiche vue = plans.fiche(id);
        if (!vue.modifiable()) {
            throw new AccesRefuse("Vous pouvez consulter cette fiche mais pas la modifier.");
        }
        model.addAttribute("vue", vue);
        ajouterEmplacements(vue, model);
        model.addAttribute("valeurs", FormulaireFiche.valeurs(vue.modele(), vue.fiche()));
        List<ChampAjoute> ajoutes = champsAjoutes.champsDuPlan(vue.fiche().conventionId());
        model.addAttribute("champsAjoutes", ajoutes);
        model.addAttribute("saisieAjoutes", FormulaireChampsAjoutes.saisie(ajoutes, champsAjoutes.valeursDe(id)));
        ajouterLiens(model, vue.fiche().conventionId(), ecritureAvecLiens.liensDeFiche(id));
        return "plan/fiche-modifier";
    }

    /** Inputs of the convention's added fields are named "ajoute_<key>" (template fields: "champ_<key>"). */
    static final String AJOUTE = "ajoute_";

    @PostMapping("/fiches/{id}/modifier")
    String enregistrer(@PathVariable long id, @RequestParam MultiValueMap<String, String> saisie, Model model,
                       RedirectAttributes redirect, HttpServletResponse reponse) {
        VueFiche vue = plans.fiche(id);
        if (!vue.modifiable()) {
            throw new AccesRefuse("Vous pouvez consulter cette fiche mais pas la modifier.");
        }
        long conventionId = vue.fiche().conventionId();
        List<ChampAjoute> ajoutes = champsAjoutes.champsDuPlan(conventionId);
        try {
            if (saisie.getFirst("version") == null || !saisie.getFirst("version").strip().matches("\\d{1,9}")) {
                throw new ErreurValidation("version", "Champ « version » : " + Versions.MANQUANTE);
            }
            int version = Integer.parseInt(saisie.getFirst("version").strip());
            // Both parts are read before anything is written, so that every refused field is named at once.
            List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
            ContenuFiche contenu = null;
            Map<String, Object> valeursAjoutees = null;
            try {
                contenu = FormulaireFiche.contenu(vue.modele(), saisie, vue.fiche());
            } catch (ErreurValidation e) {
                erreurs.addAll(e.erreurs());
            }
            try {
                valeursAjoutees = champsAjoutes.separer(conventionId, FormulaireChampsAjoutes.envoyes(ajoutes, saisie, AJOUTE), AJOUTE).ajoutes();
            } catch (ErreurValidation e) {
                erreurs.addAll(e.erreurs());
            }
            if (!erreurs.isEmpty()) {
                throw new ErreurValidation(erreurs);
            }
            ecritureAvecLiens.modifierFiche(id, version, contenu, valeursAjoutees, liensSaisis(saisie));
            redirect.addFlashAttribute("messageSucces", "Fiche enregistrée.");
            return "redirect:/fiches/" + id;
        } catch (ErreurValidation e) {
            reponse.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("erreurs", e.erreurs().stream()
                    .collect(java.util.stream.Collectors.toMap(ErreurValidation.Erreur::champ, ErreurValidation.Erreur::message, (a, b) -> a + " " + b)));
        } catch (ConflitDeModification e) {
            reponse.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("conflit", e.getMessage());
        }
        model.addAttribute("vue", vue);
        ajouterEmplacements(vue, model);
        model.addAttribute("valeurs", FormulaireFiche.valeurs(saisie));
        model.addAttribute("champsAjoutes", ajoutes);
        model.addAttribute("saisieAjoutes", FormulaireChampsAjoutes.saisie(ajoutes, saisie, AJOUTE));
        ajouterLiens(model, conventionId, liensCoches(saisie));
        return "plan/fiche-modifier";
    }

    /** Sets up the plan: template and levels, one per line as "Nom | numérotation | préfixe". */
    @PostMapping("/conventions/{id}/plan")
    String initialiser(@PathVariable long id, @RequestParam(required = false) ModeleFiche modele,
                       @RequestParam(required = false) String niveaux, RedirectAttributes redirect) {
        try {
            if (modele == null) {
                throw new ErreurValidation("modele", "Choisissez le modèle de fiche du plan.");
            }
            plans.initialiser(id, modele, niveaux(niveaux), List.of(), List.of(), List.of());
            redirect.addFlashAttribute("messageSucces", "Plan d'actions créé : ajoutez ses premiers éléments.");
        } catch (ErreurValidation e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
        }
        return "redirect:/conventions/" + id + "/plan";
    }

    @PostMapping("/conventions/{id}/plan/noeuds")
    String ajouterNoeud(@PathVariable long id, @RequestParam(required = false) Long parentId,
                        @RequestParam(required = false) String titre, RedirectAttributes redirect) {
        try {
            plans.ajouterNoeud(id, parentId, null, titre, null, List.of(), null);
            redirect.addFlashAttribute("messageSucces", "« " + titre.trim() + " » ajouté au plan.");
        } catch (ErreurValidation e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
        }
        return "redirect:/conventions/" + id + "/plan";
    }

    static List<Niveau> niveaux(String lignes) {
        List<Niveau> niveaux = new ArrayList<>();
        String[] texte = lignes == null ? new String[0] : lignes.split("\\R");
        for (String ligne : texte) {
            if (ligne.isBlank()) {
                continue;
            }
            String[] parties = ligne.split("\\|", -1);
            String nom = parties[0].trim();
            Numerotation numerotation = Numerotation.CONTINUE;
            if (parties.length > 1 && !parties[1].isBlank()) {
                try {
                    numerotation = Numerotation.valueOf(parties[1].trim().toUpperCase().replace(' ', '_'));
                } catch (IllegalArgumentException e) {
                    throw new ErreurValidation("niveaux", "Numérotation inconnue « " + parties[1].trim() + " » pour le niveau « " + nom
                            + " » : CONTINUE, PAR_PARENT, LIBRE ou AUCUNE.");
                }
            }
            niveaux.add(new Niveau(niveaux.size(), nom, numerotation, parties.length > 2 ? parties[2].trim() : ""));
        }
        return niveaux;
    }

    @PostMapping("/conventions/{id}/plan/fiches")
    String creer(@PathVariable long id, @RequestParam(required = false) Long noeudId, @RequestParam(required = false) String titre,
                 RedirectAttributes redirect) {
        try {
            Fiche fiche = plans.creerFiche(id, noeudId, new ContenuFiche(null, titre, ChampsFiche.VIDES, List.of(), null, List.of()));
            redirect.addFlashAttribute("messageSucces", "Fiche créée : complétez-la.");
            return "redirect:/fiches/" + fiche.id() + "/modifier";
        } catch (ErreurValidation e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
            return "redirect:/conventions/" + id + "/plan";
        }
    }

    @PostMapping("/fiches/{id}/supprimer")
    String supprimer(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        VueFiche vue = plans.fiche(id);
        try {
            plans.supprimerFiche(id, version);
            redirect.addFlashAttribute("ficheSupprimee", new Supprime(id, vue.fiche().titre()));
        } catch (ConflitDeModification e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
        }
        return "redirect:/conventions/" + vue.fiche().conventionId() + "/plan";
    }

    @PostMapping("/fiches/{id}/restaurer")
    String restaurer(@PathVariable long id, RedirectAttributes redirect) {
        Fiche fiche = plans.restaurerFiche(id);
        redirect.addFlashAttribute("messageSucces", "Fiche « " + fiche.titre() + " » restaurée"
                + (fiche.reference() == null ? "." : " sous la référence " + fiche.reference() + "."));
        return "redirect:/fiches/" + id;
    }

    /** "Renuméroter le plan": the preview of old → new references, with the button to apply it when allowed. */
    @GetMapping("/conventions/{id}/plan/renumerotation")
    String apercuRenumerotation(@PathVariable long id, Model model) {
        model.addAttribute("convention", conventions.convention(id));
        if (plans.planSiExiste(id).isEmpty()) {
            return "redirect:/conventions/" + id + "/plan";
        }
        model.addAttribute("apercu", plans.apercuRenumerotation(id));
        return "plan/renumerotation";
    }

    @PostMapping("/conventions/{id}/plan/renumerotation")
    String renumeroter(@PathVariable long id, @RequestParam(required = false) String empreinte, RedirectAttributes redirect) {
        try {
            List<ChangementDeReference> faits = plans.renumeroterPlan(id, empreinte == null ? "" : empreinte);
            redirect.addFlashAttribute("messageSucces", "Plan renuméroté : " + faits.size() + " référence(s) changée(s).");
            return "redirect:/conventions/" + id + "/plan";
        } catch (ErreurValidation | ConflitDeModification e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
            return "redirect:/conventions/" + id + "/plan/renumerotation";
        }
    }

    @PostMapping("/fiches/{id}/deplacer")
    String deplacer(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) Long noeudId,
                    @RequestParam(defaultValue = "1") int position, RedirectAttributes redirect) {
        VueFiche vue = plans.fiche(id);
        try {
            Fiche fiche = plans.deplacerFiche(id, version, noeudId, position);
            redirect.addFlashAttribute("messageSucces", "Fiche déplacée ; sa référence : "
                    + (fiche.reference() == null ? "(aucune)" : fiche.reference()) + ".");
        } catch (ErreurValidation | ConflitDeModification e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
        }
        return "redirect:/conventions/" + vue.fiche().conventionId() + "/plan";
    }

    /**
     * Where to move a node, on a page of its own: one form on the plan page per node, each listing the possible
     * parents, made the plan page several times heavier than its content.
     */
    @GetMapping("/conventions/{id}/plan/noeuds/{noeud}/deplacer")
    String deplacementDeNoeud(@PathVariable long id, @PathVariable long noeud, Model model) {
        VuePlan vue = plans.vuePlan(id, FiltreFiches.AUCUN).orElseThrow(() -> new Introuvable("Cette convention n'a pas de plan d'actions."));
        if (!vue.modifiable()) {
            throw new AccesRefuse("Seuls les gestionnaires de la convention réorganisent le plan d'actions.");
        }
        ArbrePlan.Branche branche = vue.arbre().branches().filter(b -> b.noeud().id() == noeud).findFirst()
                .orElseThrow(() -> new Introuvable("Élément " + noeud + " introuvable dans ce plan d'actions."));
        model.addAttribute("convention", vue.convention());
        model.addAttribute("b", branche);
        model.addAttribute("parents", branche.noeud().rang() == 0 ? List.of() : vue.arbre().branchesDeRang(branche.noeud().rang() - 1));
        return "plan/noeud-deplacer";
    }

    /** A node's edit page: heading (may be left missing), context sentence, text, objectives; free reference. */
    @GetMapping("/conventions/{id}/plan/noeuds/{noeud}/modifier")
    String modificationDeNoeud(@PathVariable long id, @PathVariable long noeud, Model model) {
        ArbrePlan.Branche branche = plans.noeudAModifier(id, noeud);
        model.addAttribute("convention", conventions.convention(id));
        model.addAttribute("b", branche);
        model.addAttribute("valeurs", Map.of("reference", branche.noeud().reference() == null ? "" : branche.noeud().reference(),
                "titre", branche.noeud().intituleManquant() ? "" : branche.noeud().titre(),
                "contexte", branche.noeud().contexte() == null ? "" : branche.noeud().contexte(),
                "texte", branche.noeud().texte() == null ? "" : branche.noeud().texte(),
                "objectifs", String.join("\n", branche.noeud().objectifs()),
                "version", String.valueOf(branche.noeud().version())));
        ajouterLiens(model, id, ecritureAvecLiens.liens(noeud));
        return "plan/noeud-modifier";
    }

    @PostMapping("/conventions/{id}/plan/noeuds/{noeud}/modifier")
    String modifierNoeud(@PathVariable long id, @PathVariable long noeud, @RequestParam Map<String, String> saisie,
                         @RequestParam MultiValueMap<String, String> cases, Model model, RedirectAttributes redirect) {
        ArbrePlan.Branche branche = plans.noeudAModifier(id, noeud);
        try {
            int version = Integer.parseInt(saisie.getOrDefault("version", "-1"));
            String objectifs = saisie.getOrDefault("objectifs", "");
            Noeud modifie = ecritureAvecLiens.modifier(noeud, version, new ContenuNoeud(saisie.get("reference"), saisie.get("titre"),
                    saisie.get("texte"), List.of(objectifs.split("\\R")), saisie.get("contexte")), liensSaisis(cases));
            redirect.addFlashAttribute("messageSucces", "« " + modifie.titre() + " » enregistré.");
            return "redirect:/conventions/" + id + "/plan";
        } catch (ErreurValidation e) {
            model.addAttribute("erreurs", e.erreurs().stream()
                    .collect(java.util.stream.Collectors.toMap(ErreurValidation.Erreur::champ, ErreurValidation.Erreur::message, (x, y) -> x + " " + y)));
        } catch (NumberFormatException e) {
            model.addAttribute("erreurs", Map.of("version", "La version de l'élément manque : rechargez la page."));
        } catch (ConflitDeModification e) {
            model.addAttribute("conflit", e.getMessage());
        }
        model.addAttribute("convention", conventions.convention(id));
        model.addAttribute("b", branche);
        model.addAttribute("valeurs", saisie);
        ajouterLiens(model, id, liensCoches(cases));
        return "plan/noeud-modifier";
    }

    /** What can be added under a node (a node of the level below, a fiche), on a page of its own: the plan page stays light. */
    @GetMapping("/conventions/{id}/plan/noeuds/{noeud}/ajouter")
    String ajoutSousNoeud(@PathVariable long id, @PathVariable long noeud, Model model) {
        ArbrePlan.Branche branche = plans.noeudAModifier(id, noeud);
        Plan plan = plans.planSiExiste(id).orElseThrow();
        model.addAttribute("convention", conventions.convention(id));
        model.addAttribute("b", branche);
        model.addAttribute("niveauEnfant", branche.noeud().rang() < plan.niveaux().size() - 2 ? plan.niveau(branche.noeud().rang() + 1) : null);
        model.addAttribute("niveauFiche", plan.niveauFiche());
        return "plan/noeud-ajouter";
    }

    /** Deleting a node: a confirmation page listing what goes with it (child nodes, fiches at any depth). */
    @GetMapping("/conventions/{id}/plan/noeuds/{noeud}/supprimer")
    String suppressionDeNoeud(@PathVariable long id, @PathVariable long noeud, Model model) {
        ArbrePlan.Branche branche = plans.noeudAModifier(id, noeud);
        model.addAttribute("convention", conventions.convention(id));
        model.addAttribute("b", branche);
        model.addAttribute("descendants", branche.etDescendants().skip(1).toList());
        model.addAttribute("fiches", branche.toutesLesFiches().toList());
        return "plan/noeud-supprimer";
    }

    @PostMapping("/conventions/{id}/plan/noeuds/{noeud}/supprimer")
    String supprimerNoeud(@PathVariable long id, @PathVariable long noeud, @RequestParam int version, RedirectAttributes redirect) {
        plans.noeudAModifier(id, noeud);
        try {
            Noeud supprime = plans.supprimerNoeud(noeud, version);
            redirect.addFlashAttribute("noeudSupprime", new Supprime(supprime.id(), supprime.titre()));
        } catch (ConflitDeModification e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
        }
        return "redirect:/conventions/" + id + "/plan";
    }

    @PostMapping("/conventions/{id}/plan/noeuds/{noeud}/restaurer")
    String restaurerNoeud(@PathVariable long id, @PathVariable long noeud, RedirectAttributes redirect) {
        try {
            Noeud restaure = plans.restaurerNoeud(id, noeud);
            redirect.addFlashAttribute("messageSucces", "« " + restaure.titre() + " » restauré avec son contenu.");
        } catch (ErreurValidation e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
        }
        return "redirect:/conventions/" + id + "/plan";
    }

    /** The levels of the plan: rename, numbering rule, add one above the fiches, remove an empty one. */
    @GetMapping("/conventions/{id}/plan/niveaux")
    String niveaux(@PathVariable long id, Model model) {
        if (!plans.peutModifierLePlan(id)) {
            throw new AccesRefuse("Seuls les gestionnaires de la convention modifient les niveaux du plan d'actions.");
        }
        model.addAttribute("convention", conventions.convention(id));
        Optional<Plan> plan = plans.planSiExiste(id);
        if (plan.isEmpty()) {
            // No plan yet: its page offers to create one, levels included.
            return "redirect:/conventions/" + id + "/plan";
        }
        model.addAttribute("plan", plan.get());
        model.addAttribute("numerotations", Numerotation.values());
        model.addAttribute("niveauxMax", PlanService.NIVEAUX_MAX);
        return "plan/niveaux";
    }

    @PostMapping("/conventions/{id}/plan/niveaux/{rang}")
    String modifierNiveau(@PathVariable long id, @PathVariable int rang, @RequestParam int version, @RequestParam(required = false) String nom,
                          @RequestParam(required = false) Numerotation numerotation, @RequestParam(required = false) String prefixe,
                          RedirectAttributes redirect) {
        return niveauxApres(id, redirect, () -> plans.modifierNiveau(id, version, rang, nom, numerotation, prefixe), "Niveau enregistré.");
    }

    @PostMapping("/conventions/{id}/plan/niveaux")
    String ajouterNiveau(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String nom,
                         @RequestParam(required = false) Numerotation numerotation, @RequestParam(required = false) String prefixe,
                         RedirectAttributes redirect) {
        return niveauxApres(id, redirect, () -> plans.ajouterNiveau(id, version, nom, numerotation, prefixe), "Niveau ajouté.");
    }

    @PostMapping("/conventions/{id}/plan/niveaux/{rang}/supprimer")
    String supprimerNiveau(@PathVariable long id, @PathVariable int rang, @RequestParam int version, RedirectAttributes redirect) {
        return niveauxApres(id, redirect, () -> plans.supprimerNiveau(id, version, rang), "Niveau retiré.");
    }

    private static String niveauxApres(long id, RedirectAttributes redirect, Runnable ecriture, String succes) {
        try {
            ecriture.run();
            redirect.addFlashAttribute("messageSucces", succes);
        } catch (ErreurValidation | ConflitDeModification e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
        }
        return "redirect:/conventions/" + id + "/plan/niveaux";
    }

    @PostMapping("/noeuds/{id}/deplacer")
    String deplacerNoeud(@PathVariable long id, @RequestParam long conventionId, @RequestParam int version,
                         @RequestParam(required = false) Long parentId, @RequestParam(defaultValue = "1") int position,
                         RedirectAttributes redirect) {
        try {
            plans.deplacerNoeud(id, version, parentId, position);
            redirect.addFlashAttribute("messageSucces", "Élément déplacé ; les références du plan n'ont pas changé.");
        } catch (ErreurValidation | ConflitDeModification e) {
            redirect.addFlashAttribute("messageErreur", e.getMessage());
        }
        return "redirect:/conventions/" + conventionId + "/plan";
    }

    private String sansPlan(long id, Model model) {
        model.addAttribute("convention", conventions.convention(id));
        model.addAttribute("modifiable", plans.peutModifierLePlan(id));
        model.addAttribute("modeles", ModeleFiche.values());
        return "plan/sans-plan";
    }

    /** Where a fiche can be moved: any node of the plan; only for those who edit the plan. */
    private void ajouterEmplacements(VueFiche vue, Model model) {
        long conventionId = vue.fiche().conventionId();
        boolean peutDeplacer = plans.peutModifierLePlan(conventionId);
        model.addAttribute("peutDeplacer", peutDeplacer);
        if (peutDeplacer) {
            // A fiche may sit under any node (issue 10): every node of the plan, in plan order.
            model.addAttribute("emplacements", plans.arbre(conventionId, FiltreFiches.AUCUN).branches().toList());
        }
    }

    /**
     * What a flash message about a deletion needs (id and title): flash attributes live in the session, which is kept
     * in PostgreSQL and so serialised (several instances, ADR 0026).
     */
    record Supprime(long id, String titre) implements java.io.Serializable {
    }

    /** A year of the programme's timeline and the fiches planned that year, in plan order. */
    record AnneeDeLaFrise(int annee, List<Fiche> fiches) {
    }

    record ResultatAffiche(long ficheId, String reference, String titre, String extraitHtml) {
    }

    /** The database marks matches with [[m]] [[/m]]; everything else is escaped before <mark> is put back. */
    static String surligner(String extrait) {
        return HtmlUtils.htmlEscape(extrait == null ? "" : extrait).replace("[[m]]", "<mark>").replace("[[/m]]", "</mark>");
    }


    // --- links to framework items and objectifs conjoints (issue 11 item 2) ---

    private void ajouterLiens(Model model, long conventionId, Liens liens) {
        model.addAttribute("cibles", ecritureAvecLiens.cibles(conventionId));
        model.addAttribute("liens", liens);
    }

    /** The boxes ticked; a value that is not a number is refused naming the list (nothing written). */
    private static Liens liensSaisis(MultiValueMap<String, String> saisie) {
        return new Liens(ids(saisie, "referentielElements", true), ids(saisie, "objectifsConjoints", true));
    }

    /** The boxes ticked, to show the form again (values that are not numbers left out). */
    private static Liens liensCoches(MultiValueMap<String, String> saisie) {
        return new Liens(ids(saisie, "referentielElements", false), ids(saisie, "objectifsConjoints", false));
    }

    private static List<Long> ids(MultiValueMap<String, String> saisie, String champ, boolean strict) {
        List<Long> ids = new java.util.ArrayList<>();
        for (String v : saisie.getOrDefault(champ, List.of())) {
            try {
                ids.add(Long.valueOf(v.strip()));
            } catch (NumberFormatException e) {
                if (strict) {
                    throw new ErreurValidation(champ, "« " + v + " » n'est pas un identifiant : cochez les cases de la liste.");
                }
            }
        }
        return ids;
    }
}
