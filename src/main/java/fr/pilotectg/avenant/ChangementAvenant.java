package fr.pilotectg.avenant;

import java.time.LocalDate;
import java.util.Map;

/** One typed change of an avenant; only the fields its type uses are kept. */
public record ChangementAvenant(TypeChangement type, LocalDate dateFin, Long ficheId, String reference, Long noeudId,
                                String titre, Map<String, String> champs, Integer section, String nature, String texte) {

    public ChangementAvenant {
        // Null keys or values (a forged body) are dropped rather than failing the copy.
        champs = champs == null ? Map.of() : champs.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getValue() != null)
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> b));
    }
}
