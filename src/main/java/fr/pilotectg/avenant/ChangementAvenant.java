package fr.pilotectg.avenant;

import java.time.LocalDate;
import java.util.Map;

import fr.pilotectg.convention.RolePartie;

/**
 * One typed change of an avenant; only the fields its type uses are kept. For a party, {@code titre} keeps the
 * organisation's name as read when the draft was validated, so that the diff reads without the referential; for a
 * representative changed or removed, the line it had in the version in force ("M. Jean Martin, Maire").
 */
public record ChangementAvenant(TypeChangement type, LocalDate dateFin, Long ficheId, String reference, Long noeudId,
                                String titre, Map<String, String> champs, Integer section, String nature, String texte,
                                Long organisationId, RolePartie role, Long serviceId, Long mandatId) {

    public ChangementAvenant {
        // Null keys or values (a forged body) are dropped rather than failing the copy.
        champs = champs == null ? Map.of() : champs.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getValue() != null)
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> b));
    }

    /** A change that is not about a party. */
    public ChangementAvenant(TypeChangement type, LocalDate dateFin, Long ficheId, String reference, Long noeudId,
                             String titre, Map<String, String> champs, Integer section, String nature, String texte) {
        this(type, dateFin, ficheId, reference, noeudId, titre, champs, section, nature, texte, null, null, null, null);
    }

    static ChangementAvenant partie(TypeChangement type, long organisationId, String nom, RolePartie role) {
        return new ChangementAvenant(type, null, null, null, null, nom, null, null, null, null, organisationId, role, null, null);
    }

    /** A service row added ({@code serviceId} null, its fields in {@code champs}) or removed; {@code titre} is its label. */
    static ChangementAvenant service(TypeChangement type, Long serviceId, String libelle, Map<String, String> champs) {
        return new ChangementAvenant(type, null, null, null, null, libelle, champs, null, null, null, null, null, serviceId, null);
    }

    /**
     * A representative of a party added ({@code mandatId} null), changed or removed; {@code ligne} is its line in force
     * (null when added), {@code champs} its civility, first name, name and function after the change.
     */
    static ChangementAvenant representant(TypeChangement type, long organisationId, Long mandatId, String ligne,
                                          Map<String, String> champs) {
        return new ChangementAvenant(type, null, null, null, null, ligne, champs, null, null, null, organisationId, null, null, mandatId);
    }
}
