package fr.pilotectg.pilotage;

import java.time.LocalDate;

/** A planned COPIL meeting of a convention. */
public record CopilPrevu(long id, long conventionId, LocalDate date, String objet) {
}
