package fr.pilotectg.shared.audit;

import java.time.OffsetDateTime;
import java.util.List;

public record EntreeJournal(long id, OffsetDateTime horodatage, String utilisateur, String objetType, Long objetId,
                            Long conventionId, String action, List<Changement> changements) {
}
