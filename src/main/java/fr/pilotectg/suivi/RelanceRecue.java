package fr.pilotectg.suivi;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A campaign reminder as its organisation's users see it on their home page until they mark it read. */
public record RelanceRecue(long id, long campagneId, long conventionId, String conventionTitre, String campagneLibelle,
                           LocalDate dateLimite, OffsetDateTime envoyeeLe) {
}
