package fr.pilotectg.pilotage;

/**
 * Completion of a group of fiches (an axe, a thématique, a year): fiche-years concerned and how many of them are
 * réalisé, en cours, non réalisé; weighted progress of its fiches in % (null for a year: progress is current).
 */
public record Completion(String libelle, int fiches, int concernees, int realisees, int enCours, int nonRealisees,
                         Double avancement) {

    /** Share of concerned fiche-years réalisé, in %; 0 when none is concerned. */
    public double tauxRealise() {
        return concernees == 0 ? 0 : 100.0 * realisees / concernees;
    }

    public String tauxRealiseTexte() {
        return concernees == 0 ? "—" : Pourcentages.texte(tauxRealise());
    }

    public String avancementTexte() {
        return avancement == null ? "—" : Pourcentages.texte(avancement);
    }
}
