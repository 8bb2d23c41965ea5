package fr.pilotectg.avenant;

import java.time.LocalDate;
import java.util.Map;

/** One typed change of an avenant; only the fields its type uses are kept. */
public record ChangementAvenant(TypeChangement type, LocalDate dateFin, Long ficheId, String reference, Long noeudId,
                                String titre, Map<String, String> champs, Integer section, String nature, String texte) {

    public ChangementAvenant {
        champs = champs == null ? Map.of() : Map.copyOf(champs);
    }
}
