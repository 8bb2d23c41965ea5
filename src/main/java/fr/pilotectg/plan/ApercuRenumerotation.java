package fr.pilotectg.plan;

import java.util.List;

/**
 * What "Renuméroter le plan" would change, in plan order; {@code empreinte} identifies this preview so that applying
 * it is refused if the plan changed since it was shown. {@code refus} says why it cannot be applied (signed convention).
 */
public record ApercuRenumerotation(long conventionId, List<ChangementDeReference> changements, String empreinte, String refus) {

    public boolean applicable() {
        return refus == null && !changements.isEmpty();
    }
}
