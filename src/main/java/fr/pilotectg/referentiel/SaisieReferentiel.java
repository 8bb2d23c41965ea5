package fr.pilotectg.referentiel;

import java.util.List;

/**
 * A reference framework as sent: {@code id} of a stored framework of this convention to keep it (and the links to its
 * items), or none for a new one; its items likewise.
 */
public record SaisieReferentiel(Long id, String nom, String proprietaire, List<SaisieElement> elements) {

    /** An item and its sub-items (a sub-item may have none). */
    public record SaisieElement(Long id, String code, String intitule, List<SaisieElement> elements) {
    }
}
