package fr.pilotectg.pilotage;

import java.util.List;

import fr.pilotectg.convention.StatutConvention;

/**
 * The national view of an administrator: the whole country by département and by Caf, the conventions by status, and
 * the coverage of the territory by region drawn as a chart (with its data table).
 */
public record VueNationale(LigneNationale france, List<LigneNationale> departements, List<LigneNationale> cafs,
                           List<CompteParStatut> statuts, Graphique couvertureParRegion) {

    public record CompteParStatut(StatutConvention statut, int conventions) {
    }
}
