package fr.pilotectg.gouvernance;

import java.time.LocalDate;

/** A decision still to follow whose owner is an organisation (a porteur's home page), with where it was taken. */
public record DecisionDeLOrganisation(long conventionId, String conventionTitre, long reunionId, String instance, LocalDate date,
                                      String dateTexte, String texte, LocalDate echeance, StatutDecision statut, Long ficheId,
                                      String ficheReference) {

    /** "16 juin 2026", or the printed date of a meeting whose date is incomplete. */
    public String dateReunion() {
        return date == null ? dateTexte : fr.pilotectg.shared.FormatFr.date(date);
    }
}
