package fr.pilotectg.referentiel;

import java.util.List;

/**
 * One item of a reference framework (a mission, a line of the schéma, a heading of a territorial project), with its
 * optional printed code ("1.2", "A") and its sub-items (one level only: a sub-item has none).
 * The id is null for an item not yet stored.
 */
public record ElementReferentiel(Long id, String code, String intitule, List<ElementReferentiel> sousElements) {

    public ElementReferentiel {
        sousElements = sousElements == null ? List.of() : List.copyOf(sousElements);
    }

    /** The code and the title, as printed: "1.2 Développer l'offre" or the title alone. */
    public String libelle() {
        return code == null ? intitule : code + " " + intitule;
    }
}
