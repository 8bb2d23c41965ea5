package fr.pilotectg.referentiel;

import java.util.ArrayList;
import java.util.List;

/**
 * A reference framework a convention refers to: its name, its owner (the body that wrote it: the Caf, the
 * Département, the EPCI…) and its ordered items nested once. The id is null for a framework not yet stored.
 */
public record Referentiel(Long id, String nom, String proprietaire, List<ElementReferentiel> elements) {

    public Referentiel {
        elements = elements == null ? List.of() : List.copyOf(elements);
    }

    /** Every item, sub-items right after their parent, in document order. */
    public List<ElementReferentiel> tousLesElements() {
        List<ElementReferentiel> tous = new ArrayList<>();
        for (ElementReferentiel e : elements) {
            tous.add(e);
            tous.addAll(e.sousElements());
        }
        return tous;
    }
}
