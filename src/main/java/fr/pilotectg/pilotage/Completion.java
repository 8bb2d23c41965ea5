package fr.pilotectg.pilotage;

/**
 * Completion of a group of fiches (an axe, a thématique, a year): fiche-years concerned and how many of them are
 * réalisé, en cours, non réalisé, en cours d'année, à venir (as {@link fr.pilotectg.evaluation.SituationAnnuelle}
 * situates them); weighted progress of its fiches in % (null for a year: progress is current).
 */
public record Completion(String libelle, int fiches, int concernees, int realisees, int enCours, int nonRealisees,
                         int enCoursDAnnee, int aVenir, Double avancement) {

    /** Concerned fiche-years that are not to come: the base of the share réalisé. */
    public int echues() {
        return concernees - aVenir;
    }

    /** Share of the concerned fiche-years not to come that are réalisé, in %; 0 when there is none. */
    public double tauxRealise() {
        return echues() == 0 ? 0 : 100.0 * realisees / echues();
    }

    public String tauxRealiseTexte() {
        return echues() == 0 ? "—" : Pourcentages.texte(tauxRealise());
    }

    public String avancementTexte() {
        return avancement == null ? "—" : Pourcentages.texte(avancement);
    }
}
