package fr.pilotectg.avenant;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** An avenant n° {@code numero} of a convention, drafted against version {@code versionBase}. */
public record Avenant(long conventionId, int numero, String objet, StatutAvenant statut, int versionBase,
                      List<ChangementAvenant> changements, Integer versionCreee, String creePar, OffsetDateTime creeLe,
                      LocalDate signeLe, LocalDate enVigueurLe, int version) {

    public Avenant {
        changements = changements == null ? List.of() : List.copyOf(changements);
    }

    public String intitule() {
        return "Avenant n°" + numero;
    }
}
