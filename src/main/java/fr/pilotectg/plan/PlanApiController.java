package fr.pilotectg.plan;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the action plan; same rights and error format as the pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Plan d'actions")
class PlanApiController {

    private final PlanService plans;
    private final ChampsAjoutes champsAjoutes;
    private final EcritureFiche ecriture;
    private final FinancementsService financements;
    private final LiensDuPlan liensDuPlan;

    PlanApiController(PlanService plans, ChampsAjoutes champsAjoutes, EcritureFiche ecriture, FinancementsService financements,
                      LiensDuPlan liensDuPlan) {
        this.liensDuPlan = liensDuPlan;
        this.plans = plans;
        this.champsAjoutes = champsAjoutes;
        this.ecriture = ecriture;
        this.financements = financements;
    }

    record NiveauJson(int rang, String nom, Numerotation numerotation) {
    }

    record FicheResumeJson(long id, String reference, String titre,
                           @Schema(description = "Nombre de sous-actions de la fiche") int nombreSousActions) {
    }

    record NoeudJson(long id, String niveau, String reference, String titre, String texte, List<String> objectifs,
                     CompteDeclare compteDeclare, int nombreFiches, List<NoeudJson> enfants, List<FicheResumeJson> fiches) {
    }

    record PlanJson(long conventionId, ModeleFiche modele, List<NiveauJson> niveaux, List<CompteDeclare> comptesDeclares,
                    int nombreFiches, List<NoeudJson> noeuds, List<FicheResumeJson> fichesHorsAxe,
                    List<Plan.PhaseCalendrier> calendrier, List<String> notes) {
    }

    record FicheJson(long id, long conventionId, int version, String reference, String titre, List<String> chemin,
                     List<Integer> annees, String echeances, List<String> notes, Map<String, Object> champs,
                     @Schema(description = "Mois de début (AAAA-MM), facultatif", example = "2026-09") String debut,
                     @Schema(description = "Mois de fin (AAAA-MM), facultatif", example = "2027-06") String fin,
                     @Schema(description = "Financements par année et par financeur, montants en euros") List<FinancementJson> financements,
                     @Schema(description = "Sous-actions de la fiche, dans l'ordre") List<SousActionJson> sousActions,
                     @Schema(description = "Éléments des référentiels de la convention auxquels la fiche se rattache (identifiants)") List<Long> referentielElements,
                     @Schema(description = "Objectifs conjoints de la convention auxquels la fiche se rattache (identifiants)") List<Long> objectifsConjoints) {

        /** The same fiche with its links (issue 11 item 2). */
        FicheJson avecLiens(Liens liens) {
            return new FicheJson(id, conventionId, version, reference, titre, chemin, annees, echeances, notes, champs, debut, fin,
                    financements, sousActions, liens.referentielElements(), liens.objectifsConjoints());
        }
    }

    /**
     * A sub-action of a fiche (issue 10 item 2). {@code id}: absent for a new one; given, it keeps the sub-action (and its
     * follow-up) across edits; it must be one of this fiche's.
     */
    @Schema(description = "Sous-action d'une fiche : id absent pour une nouvelle, présent pour garder une existante (et son suivi)")
    record SousActionJson(@Schema(description = "Identifiant d'une sous-action existante de cette fiche") Long id,
                          @Schema(description = "Libellé (obligatoire)", example = "Recenser les besoins des familles") String libelle,
                          @Schema(description = "Organisation porteuse (référentiel) ; seuls les gestionnaires la lient") Long porteurOrganisationId,
                          @Schema(description = "Nom du porteur tel qu'imprimé", example = "Centre social") String porteur,
                          @Schema(description = "Mois de début (AAAA-MM)", example = "2026-09") String debut,
                          @Schema(description = "Mois de fin (AAAA-MM), pas avant le début", example = "2027-06") String fin,
                          @Schema(description = "Années prévues (déduites des mois s'ils sont donnés)") List<Integer> annees,
                          @Schema(description = "Poids dans l'avancement de la fiche (1 par défaut)", example = "1", minimum = "0",
                                  maximum = "1000") java.math.BigDecimal poids) {

        static SousActionJson de(SousAction s) {
            return new SousActionJson(s.id(), s.libelle(), s.porteurOrganisationId(), s.porteur(),
                    s.debut() == null ? null : s.debut().toString(), s.fin() == null ? null : s.fin().toString(), s.annees(),
                    s.poids().stripTrailingZeros().scale() < 0 ? s.poids().setScale(0) : s.poids().stripTrailingZeros());
        }

        /** The same without its id: the complete plan, whose sub-actions are created anew by an import. */
        SousActionJson sansId() {
            return new SousActionJson(null, libelle, porteurOrganisationId, porteur, debut, fin, annees, poids);
        }
    }

    /** Sub-actions read from JSON; null stays null (member absent); months badly written are named {@code sousActions[i].debut}. */
    static List<SousAction> sousActions(List<SousActionJson> json) {
        if (json == null) {
            return null;
        }
        if (json.size() > SousActionsService.MAX) {
            throw new fr.pilotectg.shared.ErreurValidation("sousActions", "Au plus " + SousActionsService.MAX
                    + " sous-actions par fiche (" + json.size() + " reçues).");
        }
        java.util.List<fr.pilotectg.shared.ErreurValidation.Erreur> erreurs = new java.util.ArrayList<>();
        java.util.List<SousAction> lues = new java.util.ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            SousActionJson s = json.get(i);
            if (s == null) {
                lues.add(null);
                continue;
            }
            String p = "sousActions[" + i + "].";
            if (s.annees() != null && s.annees().stream().anyMatch(java.util.Objects::isNull)) {
                erreurs.add(new fr.pilotectg.shared.ErreurValidation.Erreur(p + "annees", "Sous-action " + (i + 1)
                        + " : chaque année prévue est un nombre, par exemple 2027."));
            }
            java.time.YearMonth debut = DatesFiche.lire(p + "debut", s.debut(), erreurs);
            java.time.YearMonth fin = DatesFiche.lire(p + "fin", s.fin(), erreurs);
            lues.add(new SousAction(s.id(), s.libelle(), s.porteurOrganisationId(), s.porteur(), debut, fin, s.annees(), s.poids()));
        }
        if (!erreurs.isEmpty()) {
            throw new fr.pilotectg.shared.ErreurValidation(erreurs);
        }
        return java.util.Collections.unmodifiableList(lues);
    }

    /** A money line of a fiche; amounts in euros with at most two decimals, never negative; nom only for COLLECTIVITE and AUTRE. */
    record FinancementJson(@Schema(example = "2026") Integer annee, Financeur financeur,
                           @Schema(description = "Nom de la collectivité ou de l'autre financeur", example = "Commune de Vals-les-Bains") String nom,
                           @Schema(description = "Montant prévu en euros", example = "12500.50", minimum = "0") java.math.BigDecimal prevu,
                           @Schema(description = "Montant réalisé en euros", example = "9800", minimum = "0") java.math.BigDecimal realise) {

        static FinancementJson de(Financement f) {
            return new FinancementJson(f.annee(), f.financeur(), f.nom(), Montants.euros(f.prevuCentimes()), Montants.euros(f.realiseCentimes()));
        }
    }

    /** Money lines read from JSON; null stays null (member absent), a line without year or funder is refused. */
    static List<Financement> lignes(List<FinancementJson> json) {
        if (json == null) {
            return null;
        }
        if (json.size() > FinancementsService.LIGNES_MAX) {
            throw new fr.pilotectg.shared.ErreurValidation("financements", "Au plus " + FinancementsService.LIGNES_MAX
                    + " lignes de financement par fiche.");
        }
        return json.stream().map(l -> {
            if (l == null || l.annee() == null || l.financeur() == null) {
                throw new fr.pilotectg.shared.ErreurValidation("financements", "Chaque ligne de financement a une année et un financeur.");
            }
            return new Financement(l.annee(), l.financeur(), l.nom(), Montants.centimes("financements", l.prevu()),
                    Montants.centimes("financements", l.realise()));
        }).toList();
    }

    record FicheModifJson(String reference, String titre, List<Integer> annees, String echeances, List<String> notes,
                          Map<String, Object> champs,
                          @Schema(description = "Mois de début (AAAA-MM) ; s'il est donné, les années prévues en découlent",
                                  example = "2026-09") String debut,
                          @Schema(description = "Mois de fin (AAAA-MM), pas avant le début", example = "2027-06") String fin,
                          @Schema(description = "Financements (remplacent ceux de la fiche ; absent : vidés)") List<FinancementJson> financements,
                          @Schema(description = "Sous-actions, dans l'ordre (remplacent celles de la fiche ; absent : vidées ; "
                                  + "une sous-action gardée porte son id)") List<SousActionJson> sousActions,
                          @Schema(description = "Identifiants d'éléments des référentiels de la convention (remplacent les liens ; absent : vidés)") List<Long> referentielElements,
                          @Schema(description = "Identifiants d'objectifs conjoints de la convention (remplacent les liens ; absent : vidés)") List<Long> objectifsConjoints) {
    }

    @GetMapping("/conventions/{id}/plan")
    @Operation(summary = "Le plan d'actions en arbre, avec les noms de niveaux de la convention",
            description = "complet=true : le plan entier (modele, niveaux, champs ajoutés, noeuds imbriqués avec leurs fiches et tous "
                    + "leurs champs), tel que POST …/plan/import le prend.",
            responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(
                    oneOf = {PlanJson.class, PlanComplet.PlanCompletJson.class}))))
    Object plan(@PathVariable long id, @RequestParam(defaultValue = "false") boolean complet) {
        if (complet) {
            ArbrePlan arbre = plans.arbre(id, FiltreFiches.AUCUN);
            return PlanComplet.de(arbre, champsAjoutes.champsDuPlan(id), champsAjoutes.valeurs(id), financements.luesDeLaConvention(id),
                    ecriture.sousActionsDeLaConvention(id), new PlanComplet.LiensLus(liensDuPlan.desFiches(id), liensDuPlan.desNoeuds(id)));
        }
        ArbrePlan arbre = plans.arbre(id, FiltreFiches.AUCUN);
        Plan plan = arbre.plan();
        Map<Long, Integer> sous = ecriture.nombresDeSousActions(id);
        return new PlanJson(id, plan.modele(),
                plan.niveaux().stream().map(n -> new NiveauJson(n.rang(), n.nom(), n.numerotation())).toList(),
                plan.comptesDeclares(), arbre.nombreFiches(), arbre.racines().stream().map(b -> noeud(b, sous)).toList(),
                arbre.fichesHorsAxe().stream().map(f -> resume(f, sous)).toList(), plan.calendrier(), plan.notes());
    }

    @GetMapping("/conventions/{id}/fiches")
    @Operation(summary = "Toutes les fiches du plan, dans l'ordre du plan, avec les champs de leur modèle")
    List<FicheJson> fiches(@PathVariable long id) {
        ArbrePlan arbre = plans.arbre(id, FiltreFiches.AUCUN);
        List<ChampAjoute> ajoutes = champsAjoutes.champsDuPlan(id);
        Map<Long, Map<String, Object>> valeurs = champsAjoutes.valeurs(id);
        Map<Long, List<Financement>> argent = financements.luesDeLaConvention(id);
        Map<Long, List<SousAction>> sous = ecriture.sousActionsDeLaConvention(id);
        Map<Long, Liens> liens = liensDuPlan.desFiches(id);
        return arbre.fichesDansLOrdre().stream()
                .map(f -> json(f, arbre.chemin(f.noeudId()), EcritureFiche.champs(arbre.plan().modele(), f, ajoutes, valeurs.get(f.id())),
                        argent.getOrDefault(f.id(), List.of()), sous.getOrDefault(f.id(), List.of())).avecLiens(liens.getOrDefault(f.id(), Liens.AUCUN)))
                .toList();
    }

    @GetMapping("/fiches/{id}")
    @Operation(summary = "Une fiche action")
    FicheJson fiche(@PathVariable long id) {
        VueFiche vue = plans.fiche(id);
        return json(vue.fiche(), vue.chemin(), ecriture.champs(vue.modele(), vue.fiche()), financements.lues(id),
                ecriture.sousActions(id)).avecLiens(ecriture.liens(id));
    }

    @PutMapping("/fiches/{id}")
    @Operation(summary = "Remplacer une fiche entière (version lue obligatoire : 409 si elle a changé depuis)",
            description = "PUT remplace toute la fiche : un membre absent du corps (annees, echeances, champs…) est vidé. "
                    + "Pour ne changer que certains membres, utilisez PATCH /api/v1/fiches/{id}.")
    FicheJson modifier(@PathVariable long id, @RequestParam int version, @RequestBody FicheModifJson modif) {
        VueFiche vue = plans.fiche(id);
        ChampsAjoutes.Separation champs = champsAjoutes.separer(vue.fiche().conventionId(), modif.champs(), "");
        List<Financement> lignes = lignes(modif.financements());
        List<SousAction> sous = sousActions(modif.sousActions());
        Fiche modifiee = ecriture.modifier(id, version, new ContenuFiche(modif.reference(), modif.titre(),
                ChampsAPlat.depuisMap(vue.modele(), champs.modele()), modif.annees(), modif.echeances(), modif.notes(),
                DatesFiche.lire("debut", modif.debut()), DatesFiche.lire("fin", modif.fin())), champs.ajoutes(), true,
                lignes == null ? List.of() : lignes, sous == null ? List.of() : sous,
                new Liens(modif.referentielElements() == null ? List.of() : modif.referentielElements(),
                        modif.objectifsConjoints() == null ? List.of() : modif.objectifsConjoints()));
        // An edit does not move the fiche: its path in the plan is the one read before.
        return json(modifiee, vue.chemin(), ecriture.champs(vue.modele(), modifiee), financements.lues(id), ecriture.sousActions(id)).avecLiens(ecriture.liens(id));
    }

    /**
     * The fiche JSON of every endpoint. {@code champs}: the template's fields then the added ones
     * ({@link EcritureFiche#champs}); members added by issue 10: debut, fin, financements, sousActions.
     */
    static FicheJson json(Fiche f, List<String> chemin, Map<String, Object> champs, List<Financement> financements,
                          List<SousAction> sousActions) {
        return new FicheJson(f.id(), f.conventionId(), f.version(), f.reference(), f.titre(), chemin, f.annees(),
                f.echeances(), f.notes(), champs,
                f.debut() == null ? null : f.debut().toString(), f.fin() == null ? null : f.fin().toString(),
                financements.stream().map(FinancementJson::de).toList(), sousActions.stream().map(SousActionJson::de).toList(), List.of(), List.of());
    }

    private static NoeudJson noeud(ArbrePlan.Branche b, Map<Long, Integer> sous) {
        return new NoeudJson(b.noeud().id(), b.niveau().nom(), b.noeud().reference(), b.noeud().titre(), b.noeud().texte(),
                b.noeud().objectifs(), b.noeud().compteDeclare(), b.nombreFiches(),
                b.enfants().stream().map(e -> noeud(e, sous)).toList(),
                b.fiches().stream().map(f -> resume(f, sous)).toList());
    }

    private static FicheResumeJson resume(Fiche f, Map<Long, Integer> sous) {
        return new FicheResumeJson(f.id(), f.reference(), f.titre(), sous.getOrDefault(f.id(), 0));
    }
}
