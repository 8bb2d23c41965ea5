package fr.pilotectg.shared.audit;

import java.time.OffsetDateTime;
import java.util.List;

/** One journal entry: {@code utilisateur} is the author's login, {@code auteur} how pages name them (name and organisation). */
public record EntreeJournal(long id, OffsetDateTime horodatage, String utilisateur, String objetType, Long objetId,
                            Long conventionId, String action, List<Changement> changements,
                            String auteur) {
}
