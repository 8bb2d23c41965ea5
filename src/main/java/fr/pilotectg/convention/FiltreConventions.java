package fr.pilotectg.convention;

/** Criteria of the conventions list; every criterion is optional. */
public record FiltreConventions(Long cafId, String departement, StatutConvention statut, Integer annee, String texte,
                                String tri) {

    public static final FiltreConventions AUCUN = new FiltreConventions(null, null, null, null, null, null);

    public boolean estVide() {
        return cafId == null && (departement == null || departement.isBlank()) && statut == null && annee == null
                && (texte == null || texte.isBlank());
    }
}
