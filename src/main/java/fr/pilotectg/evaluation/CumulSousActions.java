package fr.pilotectg.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The roll-up of a fiche's sub-action lines into the fiche's grid status (ADR 0038), weighted as fiches roll up to
 * nodes: a concerned sub-action counts 1 when réalisé, ½ when en cours, 0 when non réalisé, times its weight; the
 * non concerné ones are left out. {@code taux} is the weighted share in percent (null when none is concerned).
 * Status: all done → réalisé; nothing started → non réalisé; otherwise en cours; none concerned → non concerné.
 */
record CumulSousActions(StatutEvaluation statut, Integer taux) {

    static CumulSousActions de(List<LigneSousActionEvaluation> lignes) {
        BigDecimal poidsTotal = BigDecimal.ZERO;
        BigDecimal fait = BigDecimal.ZERO;
        for (LigneSousActionEvaluation l : lignes) {
            if (l.statut() == StatutEvaluation.NON_CONCERNE || l.poids().signum() <= 0) {
                continue;
            }
            poidsTotal = poidsTotal.add(l.poids());
            BigDecimal part = switch (l.statut()) {
                case REALISE -> BigDecimal.ONE;
                case EN_COURS -> new BigDecimal("0.5");
                default -> BigDecimal.ZERO;
            };
            fait = fait.add(part.multiply(l.poids()));
        }
        if (poidsTotal.signum() == 0) {
            return new CumulSousActions(StatutEvaluation.NON_CONCERNE, null);
        }
        int taux = fait.multiply(BigDecimal.valueOf(100)).divide(poidsTotal, 0, RoundingMode.HALF_UP).intValue();
        StatutEvaluation statut = fait.compareTo(poidsTotal) == 0 ? StatutEvaluation.REALISE
                : fait.signum() == 0 ? StatutEvaluation.NON_REALISE : StatutEvaluation.EN_COURS;
        return new CumulSousActions(statut, taux);
    }
}
