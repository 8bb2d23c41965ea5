package fr.pilotectg.convention;

import org.springframework.data.relational.core.mapping.Table;

@Table("convention_partie")
public record Partie(long organisationId, RolePartie role) {
}
