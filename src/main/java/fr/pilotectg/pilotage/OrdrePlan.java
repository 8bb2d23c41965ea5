package fr.pilotectg.pilotage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.pilotectg.pilotage.TableauDeBordRepository.FichePlan;
import fr.pilotectg.pilotage.TableauDeBordRepository.NoeudPlan;

/**
 * The plan's reading order, as the plan page shows it: depth first, each node's children by their order. Sorting
 * nodes by rank then order interleaves the children of different parents (axes 1, 4, 6… when each thématique
 * numbers its own axes from 0), so every chart, table and export of the dashboard and bilans goes through here.
 */
final class OrdrePlan {

    private static final Comparator<NoeudPlan> ENTRE_FRERES = Comparator.comparingInt(NoeudPlan::ordre).thenComparingLong(NoeudPlan::id);

    private OrdrePlan() {
    }

    /** The nodes depth first; nodes whose parent is missing come after the tree, in the same order. */
    static List<NoeudPlan> noeuds(List<NoeudPlan> noeuds) {
        Map<Long, List<NoeudPlan>> enfants = new HashMap<>();
        List<NoeudPlan> racines = new ArrayList<>();
        Map<Long, NoeudPlan> parId = new HashMap<>();
        noeuds.forEach(n -> parId.put(n.id(), n));
        for (NoeudPlan n : noeuds) {
            if (n.parentId() == null || !parId.containsKey(n.parentId())) {
                racines.add(n);
            } else {
                enfants.computeIfAbsent(n.parentId(), p -> new ArrayList<>()).add(n);
            }
        }
        racines.sort(Comparator.comparingInt(NoeudPlan::rang).thenComparing(ENTRE_FRERES));
        List<NoeudPlan> ordre = new ArrayList<>(noeuds.size());
        racines.forEach(r -> parcourir(r, enfants, ordre));
        return ordre;
    }

    private static void parcourir(NoeudPlan noeud, Map<Long, List<NoeudPlan>> enfants, List<NoeudPlan> ordre) {
        ordre.add(noeud);
        List<NoeudPlan> fils = new ArrayList<>(enfants.getOrDefault(noeud.id(), List.of()));
        fils.sort(ENTRE_FRERES);
        fils.forEach(f -> parcourir(f, enfants, ordre));
    }

    /**
     * The fiches in plan order: by the position of their node in {@link #noeuds}, fiches outside the tree last;
     * fiches of one node keep the order they come in (their own order).
     */
    static List<FichePlan> fiches(List<FichePlan> fiches, List<NoeudPlan> noeudsDansLOrdre) {
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < noeudsDansLOrdre.size(); i++) {
            position.put(noeudsDansLOrdre.get(i).id(), i);
        }
        List<FichePlan> triees = new ArrayList<>(fiches);
        triees.sort(Comparator.comparingInt(f -> f.noeudId() == null ? Integer.MAX_VALUE
                : position.getOrDefault(f.noeudId(), Integer.MAX_VALUE - 1)));
        return triees;
    }
}
