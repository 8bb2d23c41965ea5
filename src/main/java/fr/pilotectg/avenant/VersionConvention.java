package fr.pilotectg.avenant;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Version {@code numero} of a convention: a snapshot, its cause ("Signature", "Avenant n°1"…) and date. */
public record VersionConvention(long conventionId, int numero, String cause, Integer avenantNumero, LocalDate dateEffet,
                                String creeePar, OffsetDateTime creeeLe, Instantane contenu) {
}
