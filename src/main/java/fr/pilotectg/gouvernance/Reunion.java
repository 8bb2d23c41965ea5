package fr.pilotectg.gouvernance;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import fr.pilotectg.shared.FormatFr;

/** A meeting of a governance body, with its agenda, attendance, decisions and minutes. */
public record Reunion(long id, long conventionId, UUID instanceCle, String instanceNom, LocalDate date, String dateTexte,
                      LocalTime heure, String lieu, String lienVisio, boolean preparation, String note,
                      List<PointOrdreDuJour> ordreDuJour, List<Participant> participants, String compteRendu,
                      boolean exemple, int version, List<Decision> decisions) {

    public Reunion {
        ordreDuJour = List.copyOf(ordreDuJour);
        participants = List.copyOf(participants);
        decisions = List.copyOf(decisions);
    }

    /** The date is incomplete (kept as printed). */
    public boolean datePartielle() {
        return date == null;
    }

    /** "12 mars 2026 à 14 h 00", or the printed date flagged as incomplete. */
    public String dateAffichee() {
        if (date == null) {
            return dateTexte + " (date incomplète, telle qu'écrite)";
        }
        return FormatFr.date(date) + (heure == null ? "" : " à " + heure.getHour() + " h " + String.format("%02d", heure.getMinute()));
    }

    public long presents() {
        return participants.stream().filter(Participant::present).count();
    }
}
