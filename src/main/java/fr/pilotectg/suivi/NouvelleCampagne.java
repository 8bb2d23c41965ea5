package fr.pilotectg.suivi;

import java.time.LocalDate;
import java.util.List;

/** What the opener of a campaign chooses: label, year, quarter, deadline and the fiches concerned. */
public record NouvelleCampagne(String libelle, Integer annee, Integer trimestre, LocalDate dateLimite, List<Long> ficheIds) {

    public NouvelleCampagne {
        ficheIds = ficheIds == null ? List.of() : List.copyOf(ficheIds);
    }
}
