package fr.pilotectg.convention;

import java.time.LocalDate;

public record NouvelleConvention(String titre, Long cafId, String epci, LocalDate dateDebut, LocalDate dateFin,
                                 Integer dureeAnnees) {
}
