package fr.pilotectg.avenant;

import java.time.LocalDate;
import java.util.List;

/** "Préparer la CTG suivante": the fiches carried over (ids), and optionally the title and period of the next CTG. */
public record SaisieRenouvellement(List<Long> fiches, String titre, LocalDate dateDebut, LocalDate dateFin) {
}
