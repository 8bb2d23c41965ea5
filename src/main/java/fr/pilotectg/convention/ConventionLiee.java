package fr.pilotectg.convention;

import java.util.List;
import java.util.Optional;

/** A convention named from another one's page (the chain of renewals): its id, title and status, nothing more. */
public record ConventionLiee(long id, String titre, StatutConvention statut) {

    /** The convention a convention renews and those renewing it, as far as the current user may read them. */
    public record Chaine(Optional<ConventionLiee> precedente, List<ConventionLiee> suivantes) {
    }
}
