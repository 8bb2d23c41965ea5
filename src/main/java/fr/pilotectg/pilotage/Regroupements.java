package fr.pilotectg.pilotage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

import fr.pilotectg.evaluation.Situation;
import fr.pilotectg.pilotage.TableauDeBordRepository.FicheAnnee;
import fr.pilotectg.pilotage.TableauDeBordRepository.FichePlan;
import fr.pilotectg.pilotage.TableauDeBordRepository.NoeudPlan;
import fr.pilotectg.shared.Textes;

/**
 * Groups the fiches of a plan by the node they sit under at a given level, and counts completion. Plans name
 * their levels freely: the thématique is the level named « Thématique » / « Thème » (none otherwise), the axe the
 * first level whose name starts with « Axe », else the top level.
 */
final class Regroupements {

    private Regroupements() {
    }

    static Integer rangThematique(Map<Integer, String> niveaux) {
        return niveaux.entrySet().stream()
                .filter(n -> Textes.plier(n.getValue()).startsWith("themati") || Textes.plier(n.getValue()).startsWith("theme"))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    static Integer rangAxe(Map<Integer, String> niveaux) {
        if (niveaux.isEmpty()) {
            return null;
        }
        return niveaux.entrySet().stream().filter(n -> Textes.plier(n.getValue()).startsWith("axe"))
                .map(Map.Entry::getKey).findFirst().orElse(niveaux.keySet().iterator().next());
    }

    /**
     * Fiches by national thématique (plans without a « Thématique » level): the first named in the titles of the fiche's
     * ancestors from the axe ({@code rangAxe}) down, then in the fiche's own title; in the thématiques' order, empty ones
     * left out, the others under {@link ThematiqueNationale#AUTRES}.
     */
    static Map<String, List<FichePlan>> parThematiqueNationale(List<FichePlan> fiches, List<NoeudPlan> noeuds) {
        Map<Long, NoeudPlan> parId = noeuds.stream().collect(Collectors.toMap(NoeudPlan::id, Function.identity()));
        Map<ThematiqueNationale, List<FichePlan>> parThematique = new java.util.EnumMap<>(ThematiqueNationale.class);
        List<FichePlan> autres = new ArrayList<>();
        // The titles of the axes come back for each of their fiches: each title folded and searched once.
        Map<String, java.util.Optional<ThematiqueNationale>> nommees = new java.util.HashMap<>();
        for (FichePlan fiche : fiches) {
            List<String> titres = new ArrayList<>();
            NoeudPlan noeud = fiche.noeudId() == null ? null : parId.get(fiche.noeudId());
            while (noeud != null) {
                titres.add(0, noeud.titre());
                noeud = noeud.parentId() == null ? null : parId.get(noeud.parentId());
            }
            titres.add(fiche.titre());
            ThematiqueNationale thematique = titres.stream()
                    .map(t -> nommees.computeIfAbsent(t, x -> java.util.Optional.ofNullable(ThematiqueNationale.nommeeDans(x))))
                    .flatMap(java.util.Optional::stream).findFirst().orElse(null);
            if (thematique == null) {
                autres.add(fiche);
            } else {
                parThematique.computeIfAbsent(thematique, t -> new ArrayList<>()).add(fiche);
            }
        }
        Map<String, List<FichePlan>> groupes = new LinkedHashMap<>();
        parThematique.forEach((t, liste) -> groupes.put(t.libelle(), liste));
        if (!autres.isEmpty()) {
            groupes.put(ThematiqueNationale.AUTRES, autres);
        }
        return groupes;
    }

    /** Fiches by the title of their ancestor node of rank {@code rang}, in plan order; the others under {@code horsGroupe}. */
    static Map<String, List<FichePlan>> parNoeud(List<FichePlan> fiches, List<NoeudPlan> noeuds, int rang, String horsGroupe) {
        Map<Long, NoeudPlan> parId = noeuds.stream().collect(Collectors.toMap(NoeudPlan::id, Function.identity()));
        Map<String, List<FichePlan>> groupes = new LinkedHashMap<>();
        noeuds.stream().filter(n -> n.rang() == rang).forEach(n -> groupes.put(n.intitule(), new ArrayList<>()));
        for (FichePlan fiche : fiches) {
            NoeudPlan noeud = fiche.noeudId() == null ? null : parId.get(fiche.noeudId());
            while (noeud != null && noeud.rang() > rang) {
                noeud = noeud.parentId() == null ? null : parId.get(noeud.parentId());
            }
            String groupe = noeud != null && noeud.rang() == rang ? noeud.intitule() : horsGroupe;
            groupes.computeIfAbsent(groupe, g -> new ArrayList<>()).add(fiche);
        }
        return groupes;
    }

    /** Completion of some fiches over the years kept by {@code annee}; weighted progress when asked. */
    static Completion completion(String libelle, Collection<FichePlan> fiches, Map<Long, List<FicheAnnee>> anneesParFiche,
                                 IntPredicate annee, boolean avecAvancement) {
        int concernees = 0;
        int realisees = 0;
        int enCours = 0;
        int nonRealisees = 0;
        int enCoursDAnnee = 0;
        int aVenir = 0;
        for (FichePlan fiche : fiches) {
            for (FicheAnnee fa : anneesParFiche.getOrDefault(fiche.id(), List.of())) {
                if (!annee.test(fa.annee()) || fa.affichage() == Situation.NON_CONCERNE) {
                    continue;
                }
                concernees++;
                switch (fa.affichage()) {
                    case REALISE -> realisees++;
                    case EN_COURS -> enCours++;
                    case EN_COURS_D_ANNEE -> enCoursDAnnee++;
                    case A_VENIR -> aVenir++;
                    default -> nonRealisees++;
                }
            }
        }
        return new Completion(libelle, fiches.size(), concernees, realisees, enCours, nonRealisees, enCoursDAnnee, aVenir,
                avecAvancement ? avancement(fiches) : null);
    }

    /** Progress of fiches weighted by their weights; 0 when they weigh nothing. */
    static double avancement(Collection<FichePlan> fiches) {
        double poids = fiches.stream().mapToDouble(FichePlan::poids).sum();
        return poids == 0 ? 0 : fiches.stream().mapToDouble(f -> f.poids() * f.avancement()).sum() / poids;
    }

    static List<Completion> completions(Map<String, List<FichePlan>> groupes, Map<Long, List<FicheAnnee>> anneesParFiche,
                                        IntPredicate annee) {
        return groupes.entrySet().stream()
                .map(g -> completion(g.getKey(), g.getValue(), anneesParFiche, annee, true)).toList();
    }
}
