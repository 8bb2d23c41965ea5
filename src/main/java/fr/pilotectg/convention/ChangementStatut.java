package fr.pilotectg.convention;

import java.time.OffsetDateTime;

import org.springframework.data.relational.core.mapping.Table;

@Table("convention_changement_statut")
public record ChangementStatut(StatutConvention de, StatutConvention vers, String par, OffsetDateTime le,
                               String commentaire) {
}
