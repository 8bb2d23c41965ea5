package fr.pilotectg.gouvernance;

import java.time.LocalDate;

/** A decision of a meeting: its text, its owner (a member of the body), its due date and where it stands. */
public record Decision(String texte, Long responsableOrganisationId, String responsablePersonne, LocalDate echeance,
                       StatutDecision statut) {
}
