package fr.pilotectg.documents;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import fr.pilotectg.plan.ChampAjoute;
import fr.pilotectg.plan.ChampsAjoutes;
import fr.pilotectg.plan.Fiche;
import fr.pilotectg.plan.Financement;
import fr.pilotectg.plan.FinancementsService;
import fr.pilotectg.plan.SousAction;
import fr.pilotectg.plan.SousActionsService;
import org.springframework.stereotype.Component;

/**
 * What the fiches of a plan carry beyond their template's fields (the convention's added fields, sub-actions and
 * money lines), read once per convention for the fiche sheets and the convention's plan annex.
 */
@Component
class ComplementsDesFiches {

    /** One fiche's complements: the added fields (label and text as shown), its sub-actions and money lines. */
    record Complements(List<Map.Entry<String, String>> ajoutes, List<SousAction> sousActions, List<Financement> financements) {

        static final Complements AUCUN = new Complements(List.of(), List.of(), List.of());
    }

    private final ChampsAjoutes champsAjoutes;
    private final SousActionsService sousActions;
    private final FinancementsService financements;

    ComplementsDesFiches(ChampsAjoutes champsAjoutes, SousActionsService sousActions, FinancementsService financements) {
        this.champsAjoutes = champsAjoutes;
        this.sousActions = sousActions;
        this.financements = financements;
    }

    /** The complements of every fiche of a convention whose plan the caller may read (three queries in all). */
    Function<Fiche, Complements> deLaConvention(long conventionId) {
        List<ChampAjoute> champs = champsAjoutes.champs(conventionId);
        Map<Long, Map<String, Object>> valeurs = champs.isEmpty() ? Map.of() : champsAjoutes.valeursDesFiches(conventionId);
        Map<Long, List<SousAction>> sous = sousActions.deLaConvention(conventionId);
        Map<Long, List<Financement>> argent = financements.deLaConvention(conventionId);
        return fiche -> {
            Map<String, Object> deLaFiche = valeurs.getOrDefault(fiche.id(), Map.of());
            List<Map.Entry<String, String>> ajoutes = champs.stream()
                    .map(c -> Map.entry(c.libelle(), texte(c.afficher(deLaFiche.get(c.cle()))))).toList();
            return new Complements(ajoutes, sous.getOrDefault(fiche.id(), List.of()), argent.getOrDefault(fiche.id(), List.of()));
        };
    }

    private static String texte(String affiche) {
        return affiche == null || affiche.isBlank() ? FicheEnBlocs.NON_RENSEIGNE : affiche;
    }
}
