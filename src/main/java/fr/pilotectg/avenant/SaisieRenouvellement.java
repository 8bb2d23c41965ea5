package fr.pilotectg.avenant;

import java.time.LocalDate;
import java.util.List;

/**
 * "Préparer la CTG suivante": the fiches carried over (ids), optionally the title and period of the next CTG, and the
 * parties (organisation ids) and representatives (mandate ids) confirmed — {@code null} carries them all over.
 */
public record SaisieRenouvellement(List<Long> fiches, String titre, LocalDate dateDebut, LocalDate dateFin,
                                   List<Long> parties, List<Long> representants) {

    public SaisieRenouvellement(List<Long> fiches, String titre, LocalDate dateDebut, LocalDate dateFin) {
        this(fiches, titre, dateDebut, dateFin, null, null);
    }
}
