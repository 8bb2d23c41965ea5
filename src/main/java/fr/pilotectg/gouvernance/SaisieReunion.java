package fr.pilotectg.gouvernance;

import java.time.LocalDate;
import java.util.List;

/**
 * A meeting as sent: the body (its id, i.e. its rank in the governance), a full date or a partial one as printed,
 * a time "HH:MM", a place or a visio link, the preparation flag (a meeting before the convention's start, with a
 * note), the agenda, the invited members and who attended, the decisions and the minutes (rich text, sanitised).
 */
public record SaisieReunion(Integer version, Integer instanceId, LocalDate date, String dateTexte, String heure, String lieu,
                            String lienVisio, Boolean preparation, String note, List<PointOrdreDuJour> ordreDuJour,
                            List<SaisieParticipant> participants, List<SaisieDecision> decisions, String compteRendu,
                            Boolean exemple) {
}
