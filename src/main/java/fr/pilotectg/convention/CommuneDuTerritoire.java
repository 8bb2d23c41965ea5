package fr.pilotectg.convention;

import org.springframework.data.relational.core.mapping.Table;

/** A commune covered by the convention, as it was in the referential when it was added. */
@Table("convention_commune")
public record CommuneDuTerritoire(String codeInsee, String nom, Integer population) {
}
