package fr.pilotectg.suivi;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One dated update of a fiche's follow-up; the latest (datePoint, id) is the current one. */
public record MiseAJour(long id, long conventionId, long ficheId, Long campagneId, LocalDate datePoint, String statut,
                        Integer avancement, String miseEnOeuvre, String realisations, String difficultes, String auteur,
                        Long organisationId, OffsetDateTime creeLe, boolean exemple) {
}
