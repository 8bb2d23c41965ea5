package fr.pilotectg.importation;

import org.springframework.stereotype.Component;

/**
 * Creates the convention of a confirmed draft through the features' public services (which check who may do it
 * and journal it), inside the confirmation's transaction; returns its id.
 */
@Component
public class ConfirmationConvention {

    public long creer(ConventionTrouvee convention) {
        throw new UnsupportedOperationException("pas encore construit");
    }
}
