package fr.pilotectg.evaluation;

import java.util.List;
import java.util.Optional;

import fr.pilotectg.convention.Convention;

/**
 * The evaluation of one year of a convention, as the current user sees it: the fiche lines grouped under
 * the nodes of the plan, the transversal axes, the comments and the COPIL validation if any.
 * {@code modifiable}: the user may change axes and comments and validate (a writer of the convention,
 * year not locked); {@code deverrouillable}: an administrator facing a locked year.
 */
public record GrilleAnnuelle(Convention convention, int annee, List<Integer> annees, List<Groupe> groupes,
                             List<AxeEvaluation> axes, String commentaires, boolean exemple, int version,
                             Optional<ValidationCopil> validation, boolean modifiable, boolean deverrouillable) {

    /** The lines under one node of the plan (intitule null for the fiches outside any node). */
    public record Groupe(int rang, String intitule, List<LigneEvaluation> lignes) {
    }

    public boolean valide() {
        return validation.isPresent();
    }

    public List<LigneEvaluation> lignes() {
        return groupes.stream().flatMap(g -> g.lignes().stream()).toList();
    }

    public Optional<LigneEvaluation> ligne(long ficheId) {
        return lignes().stream().filter(l -> l.ficheId() == ficheId).findFirst();
    }

    public AxeEvaluation axe(AxeTransversal axe) {
        return axes.stream().filter(a -> a.axe() == axe).findFirst().orElseThrow();
    }

    public long nombre(Situation situation) {
        return lignes().stream().filter(l -> l.affichage() == situation).count();
    }

    /** The situations shown in the legend: the annex's four, plus « en cours d'année » and « à venir » when they occur. */
    public List<Situation> situations() {
        return java.util.Arrays.stream(Situation.values())
                .filter(s -> nombre(s) > 0 || s != Situation.EN_COURS_D_ANNEE && s != Situation.A_VENIR).toList();
    }

    public Integer anneePrecedente() {
        int i = annees.indexOf(annee);
        return i > 0 ? annees.get(i - 1) : null;
    }

    public Integer anneeSuivante() {
        int i = annees.indexOf(annee);
        return i >= 0 && i < annees.size() - 1 ? annees.get(i + 1) : null;
    }
}
