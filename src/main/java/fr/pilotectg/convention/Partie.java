package fr.pilotectg.convention;

import org.springframework.data.relational.core.mapping.Table;

/** A party: its organisation in the referential, its role, and its name as the document prints it (may be null). */
@Table("convention_partie")
public record Partie(long organisationId, RolePartie role, String nomImprime) {

    public Partie(long organisationId, RolePartie role) {
        this(organisationId, role, null);
    }
}
