package fr.pilotectg.suivi;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An update campaign: the porteurs of the listed fiches are asked for an update by a deadline. */
public record Campagne(long id, long conventionId, String libelle, int annee, int trimestre, LocalDate dateLimite,
                       OffsetDateTime ouverteLe, String ouvertePar, OffsetDateTime clotureeLe, boolean exemple, int version) {

    public boolean ouverte() {
        return clotureeLe == null;
    }
}
