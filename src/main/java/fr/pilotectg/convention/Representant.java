package fr.pilotectg.convention;

import org.springframework.data.relational.core.mapping.Table;

/** A party is represented by a person through one of their mandates in that party's organisation. */
@Table("convention_representant")
public record Representant(long organisationId, long mandatId) {
}
