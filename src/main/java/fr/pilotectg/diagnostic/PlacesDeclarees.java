package fr.pilotectg.diagnostic;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Places of collective early-childhood care (EAJE PSU and micro-crèches) that another part of the convention states: the
 * AO projection's current places, the services annex's capacities. The diagnostic cross-checks them with its EAJE table
 * and lists a difference among its discrepancies. Implemented by those features, so that the diagnostic depends on none.
 */
public interface PlacesDeclarees {

    /** Where the figure comes from and the figure, or empty when that part states none. Read access is already checked. */
    Optional<Chiffre> places(long conventionId);

    record Chiffre(String source, BigDecimal places) {
    }
}
