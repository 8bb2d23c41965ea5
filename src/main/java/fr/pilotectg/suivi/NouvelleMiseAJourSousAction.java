package fr.pilotectg.suivi;

import java.time.LocalDate;

/** What a user types to record an update of one sub-action of a fiche. */
public record NouvelleMiseAJourSousAction(String statut, Integer avancement, LocalDate datePoint, String commentaire) {
}
