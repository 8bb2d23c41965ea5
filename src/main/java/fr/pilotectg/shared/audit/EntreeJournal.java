package fr.pilotectg.shared.audit;

import java.time.OffsetDateTime;
import java.util.List;

/** One journal entry as pages show it: {@code utilisateur} is the author's name and organisation, not the login. */
public record EntreeJournal(long id, OffsetDateTime horodatage, String utilisateur, String objetType, Long objetId,
                            Long conventionId, String action, List<Changement> changements) {
}
