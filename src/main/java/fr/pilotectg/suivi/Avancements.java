package fr.pilotectg.suivi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * How progress is counted. A fiche's progress is the percentage of its latest update; when the update gives
 * none, the default percentage of its status; a fiche without update, or whose status has no default
 * (« Reportée », « Abandonnée »), counts 0. Groups average their fiches weighted by {@code suivi_poids}.
 */
final class Avancements {

    private Avancements() {
    }

    static int effectif(MiseAJour derniere, StatutSuivi statut) {
        if (derniere == null) {
            return 0;
        }
        if (derniere.avancement() != null) {
            return derniere.avancement();
        }
        return statut != null && statut.avancementDefaut() != null ? statut.avancementDefaut() : 0;
    }

    /** Progress of a sub-action: the same rule as a fiche's, on its own latest update. */
    static int effectif(MiseAJourSousAction derniere, StatutSuivi statut) {
        if (derniere == null) {
            return 0;
        }
        if (derniere.avancement() != null) {
            return derniere.avancement();
        }
        return statut != null && statut.avancementDefaut() != null ? statut.avancementDefaut() : 0;
    }

    /**
     * A fiche with sub-actions: their progress averaged with their weights, the same way fiches roll up to nodes; null
     * when they weigh nothing (the fiche's own update then counts).
     */
    static Integer desSousActions(Collection<LigneSousAction> lignes) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal poids = BigDecimal.ZERO;
        for (LigneSousAction ligne : lignes) {
            total = total.add(ligne.sousAction().poids().multiply(BigDecimal.valueOf(ligne.avancement())));
            poids = poids.add(ligne.sousAction().poids());
        }
        if (poids.signum() == 0) {
            return null;
        }
        return total.divide(poids, 0, RoundingMode.HALF_UP).intValue();
    }

    /** Weighted average rounded to the nearest percent; null when the group weighs nothing. */
    static Integer moyennePonderee(Collection<LigneSuivi> lignes) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal poids = BigDecimal.ZERO;
        for (LigneSuivi ligne : lignes) {
            total = total.add(ligne.poids().multiply(BigDecimal.valueOf(ligne.avancement())));
            poids = poids.add(ligne.poids());
        }
        if (poids.signum() == 0) {
            return null;
        }
        return total.divide(poids, 0, RoundingMode.HALF_UP).intValue();
    }
}
