package fr.pilotectg.suivi;

import java.util.List;

import fr.pilotectg.plan.SousAction;

/**
 * A sub-action in the follow-up of its fiche: its current update (null when none), the status of that update, the
 * progress counted in the fiche's roll-up ({@link Avancements#effectif}) and its history, latest first.
 */
public record LigneSousAction(SousAction sousAction, MiseAJourSousAction derniere, StatutSuivi statut, int avancement,
                              List<MiseAJourSousAction> historique) {
}
