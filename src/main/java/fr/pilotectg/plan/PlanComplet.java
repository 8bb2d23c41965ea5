package fr.pilotectg.plan;

import java.util.List;
import java.util.Map;

/**
 * The whole plan in one JSON document (issue 10 item 9): what {@code GET …/plan?complet=true} returns and what
 * {@code POST …/plan/import} takes. Built by {@link #de}; read back by {@link ImportPlan}.
 */
public final class PlanComplet {

    private PlanComplet() {
    }

    public record PlanCompletJson(ModeleFiche modele, List<NiveauCompletJson> niveaux, List<ChampCompletJson> champs, List<NoeudCompletJson> noeuds,
                                  List<FicheCompleteJson> fiches, List<CompteDeclare> comptesDeclares, List<Plan.PhaseCalendrier> calendrier,
                                  List<String> notes) {
    }

    public record NiveauCompletJson(String nom, Numerotation numerotation, String prefixe) {
    }

    /** An added field (see {@link ChampsAjoutes}); its values are in each fiche's {@code champs} under {@code cle}. */
    public record ChampCompletJson(String cle, String libelle, TypeChampAjoute type, List<String> choix) {
    }

    public record NoeudCompletJson(String reference, String titre, String texte, List<String> objectifs, String contexte,
                            CompteDeclare compteDeclare, List<NoeudCompletJson> noeuds, List<FicheCompleteJson> fiches,
                            List<Long> referentielElements, List<Long> objectifsConjoints) {
    }

    /**
     * One fiche with all its fields: the template's and the added ones in {@code champs}. Members the fiche gains
     * later (sub-actions, dates, financing) are added here, filled in {@link #fiche} and read in
     * {@link ImportPlan#importerFiche}.
     */
    public record FicheCompleteJson(String reference, String titre, List<Integer> annees, String echeances, List<String> notes,
                            Map<String, Object> champs, String debut, String fin,
                            List<PlanApiController.FinancementJson> financements,
                            List<PlanApiController.SousActionJson> sousActions,
                            @io.swagger.v3.oas.annotations.media.Schema(description = "Éléments de référentiel liés (identifiants de la convention ; "
                                    + "à l'import, ceux qui ne sont pas de la convention cible sont ignorés et comptés)") List<Long> referentielElements,
                            @io.swagger.v3.oas.annotations.media.Schema(description = "Objectifs conjoints liés (mêmes règles)") List<Long> objectifsConjoints) {
    }

    /** The links of one fiche added to its complete form. */
    static FicheCompleteJson avecLiens(FicheCompleteJson f, Liens liens) {
        return new FicheCompleteJson(f.reference(), f.titre(), f.annees(), f.echeances(), f.notes(), f.champs(), f.debut(), f.fin(),
                f.financements(), f.sousActions(), liens.referentielElements(), liens.objectifsConjoints());
    }

    /** The links of the plan's fiches and nodes by id (issue 11 item 2); absent = none. */
    record LiensLus(Map<Long, Liens> fiches, Map<Long, Liens> noeuds) {

        static final LiensLus AUCUN = new LiensLus(Map.of(), Map.of());

        Liens fiche(long id) {
            return fiches.getOrDefault(id, Liens.AUCUN);
        }

        Liens noeud(long id) {
            return noeuds.getOrDefault(id, Liens.AUCUN);
        }
    }

    static PlanCompletJson de(ArbrePlan arbre, List<ChampAjoute> ajoutes, Map<Long, Map<String, Object>> valeurs,
                              Map<Long, List<Financement>> argent, Map<Long, List<SousAction>> sous, LiensLus liens) {
        Plan plan = arbre.plan();
        return new PlanCompletJson(plan.modele(),
                plan.niveaux().stream().map(n -> new NiveauCompletJson(n.nom(), n.numerotation(), n.prefixe() == null ? "" : n.prefixe())).toList(),
                ajoutes.stream().map(c -> new ChampCompletJson(c.cle(), c.libelle(), c.type(), c.choix())).toList(),
                arbre.racines().stream().map(b -> noeud(b, plan.modele(), ajoutes, valeurs, argent, sous, liens)).toList(),
                arbre.fichesHorsAxe().stream().map(f -> avecLiens(fiche(f, plan.modele(), ajoutes, valeurs.get(f.id()), argent.getOrDefault(f.id(), List.of()),
                        sous.getOrDefault(f.id(), List.of())), liens.fiche(f.id()))).toList(),
                plan.comptesDeclares(), plan.calendrier(), plan.notes());
    }

    private static NoeudCompletJson noeud(ArbrePlan.Branche b, ModeleFiche modele, List<ChampAjoute> ajoutes,
                                          Map<Long, Map<String, Object>> valeurs, Map<Long, List<Financement>> argent,
                                          Map<Long, List<SousAction>> sous, LiensLus liens) {
        Noeud n = b.noeud();
        return new NoeudCompletJson(n.reference(), n.intituleManquant() ? null : n.titre(), n.texte(), n.objectifs(), n.contexte(), n.compteDeclare(),
                b.enfants().stream().map(e -> noeud(e, modele, ajoutes, valeurs, argent, sous, liens)).toList(),
                b.fiches().stream().map(f -> avecLiens(fiche(f, modele, ajoutes, valeurs.get(f.id()), argent.getOrDefault(f.id(), List.of()),
                        sous.getOrDefault(f.id(), List.of())), liens.fiche(f.id()))).toList(),
                liens.noeud(n.id()).referentielElements(), liens.noeud(n.id()).objectifsConjoints());
    }

    /** The one place a fiche of the complete format is built. */
    static FicheCompleteJson fiche(Fiche f, ModeleFiche modele, List<ChampAjoute> ajoutes, Map<String, Object> valeurs,
                                   List<Financement> financements, List<SousAction> sousActions) {
        return new FicheCompleteJson(f.reference(), f.titre(), f.annees(), f.echeances(), f.notes(),
                EcritureFiche.champs(modele, f, ajoutes, valeurs),
                f.debut() == null ? null : f.debut().toString(), f.fin() == null ? null : f.fin().toString(),
                financements.stream().map(PlanApiController.FinancementJson::de).toList(),
                sousActions.stream().map(s -> PlanApiController.SousActionJson.de(s).sansId()).toList(), List.of(), List.of());
    }
}
