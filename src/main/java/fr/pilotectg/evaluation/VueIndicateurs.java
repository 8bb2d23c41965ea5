package fr.pilotectg.evaluation;

import java.util.List;
import java.util.Set;

import fr.pilotectg.convention.Convention;

/** The indicators page: every indicator of every fiche in plan order, the period's years and those validated. */
public record VueIndicateurs(Convention convention, List<Integer> annees, Set<Integer> anneesValidees,
                             List<IndicateurSuivi> indicateurs) {

    public boolean estValidee(int annee) {
        return anneesValidees.contains(annee);
    }
}
