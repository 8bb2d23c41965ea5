package fr.pilotectg.evaluation;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The COPIL decision that validated (and so locked) a year. */
public record ValidationCopil(LocalDate dateCopil, String decision, String valideePar, OffsetDateTime valideeLe) {
}
