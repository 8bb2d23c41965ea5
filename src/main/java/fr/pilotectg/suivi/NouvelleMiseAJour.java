package fr.pilotectg.suivi;

import java.time.LocalDate;

/** What a user types to record an update of a fiche. */
public record NouvelleMiseAJour(String statut, Integer avancement, LocalDate datePoint, String miseEnOeuvre,
                                String realisations, String difficultes) {
}
