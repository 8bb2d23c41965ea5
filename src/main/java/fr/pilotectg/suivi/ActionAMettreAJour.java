package fr.pilotectg.suivi;

import java.time.LocalDate;

/** A fiche that the user's organisation carries and that an open campaign still waits an update for. */
public record ActionAMettreAJour(long campagneId, String campagneLibelle, LocalDate dateLimite, long conventionId,
                                 String conventionTitre, long ficheId, String reference, String titre, boolean exemple) {

    public boolean enRetard() {
        return dateLimite.isBefore(LocalDate.now());
    }
}
