package fr.pilotectg.referentiel;

import java.util.List;
import java.util.Optional;

/** The reference frameworks of a convention, with the version of the whole list (0 until the first save). */
public record Referentiels(long conventionId, String conventionTitre, int version, List<Referentiel> referentiels,
                           boolean modifiable) {

    public Optional<Referentiel> referentiel(long id) {
        return referentiels.stream().filter(r -> r.id() != null && r.id() == id).findFirst();
    }

    /** The framework and item of an item id of this convention, if any. */
    public Optional<ElementTrouve> element(long elementId) {
        for (Referentiel r : referentiels) {
            for (ElementReferentiel e : r.tousLesElements()) {
                if (e.id() != null && e.id() == elementId) {
                    return Optional.of(new ElementTrouve(r, e));
                }
            }
        }
        return Optional.empty();
    }

    public record ElementTrouve(Referentiel referentiel, ElementReferentiel element) {
    }
}
