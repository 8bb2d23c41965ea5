package fr.pilotectg.suivi;

import java.math.BigDecimal;
import java.util.List;

import fr.pilotectg.plan.Fiche;

/**
 * A fiche in the shared follow-up table: its current update (null when none), the status of that update and
 * the progress counted in roll-ups ({@link Avancements#effectif}).
 */
public record LigneSuivi(Fiche fiche, List<String> chemin, List<String> porteurs, MiseAJour derniere, StatutSuivi statut,
                         int avancement, BigDecimal poids) {

    public boolean sansMiseAJour() {
        return derniere == null;
    }
}
