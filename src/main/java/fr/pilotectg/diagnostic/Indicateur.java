package fr.pilotectg.diagnostic;

import java.math.BigDecimal;

/**
 * An indicator of the diagnostic. A ratio names its numerator and denominator indicators: its stored values
 * are recomputed from theirs and a difference is flagged.
 */
public record Indicateur(Long id, String code, String libelle, String unite, String definition, String thematique,
                         String numerateur, String denominateur) {

    public String thematiqueCode() {
        return Thematiques.code(thematique);
    }

    public boolean estRatio() {
        return numerateur != null && denominateur != null;
    }

    /** A ratio in % is numerator / denominator × 100. */
    BigDecimal facteur() {
        return unite != null && unite.strip().startsWith("%") ? BigDecimal.valueOf(100) : BigDecimal.ONE;
    }
}
