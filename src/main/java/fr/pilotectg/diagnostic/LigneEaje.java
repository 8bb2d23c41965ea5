package fr.pilotectg.diagnostic;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A row of the EAJE table (établissement d'accueil du jeune enfant) as the diagnostic prints it. */
public record LigneEaje(Long id, String nom, String commune, String codeInsee, String type, String gestionnaire,
                        Integer places, Integer enfantsInscrits, BigDecimal tauxOccupationFinancier,
                        BigDecimal enfantsParPlace, BigDecimal partUsagers, Integer annee, String source, String note) {

    /** Enrolled children per place, recomputed to two decimals; null without places. */
    public BigDecimal enfantsParPlaceCalcule() {
        if (places == null || places == 0 || enfantsInscrits == null) {
            return null;
        }
        return BigDecimal.valueOf(enfantsInscrits).divide(BigDecimal.valueOf(places), 2, RoundingMode.HALF_UP);
    }

    /** The printed children per place differs from the recomputed one (at the printed precision). */
    public boolean ecartEnfantsParPlace() {
        BigDecimal calcule = enfantsParPlaceCalcule();
        return calcule != null && enfantsParPlace != null
                && calcule.setScale(enfantsParPlace.scale(), RoundingMode.HALF_UP).compareTo(enfantsParPlace) != 0;
    }
}
