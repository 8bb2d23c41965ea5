package fr.pilotectg.gouvernance;

import java.time.LocalDate;

/**
 * A decision of a meeting: its text, its owner (a member of the body, or the porteur of the fiche it is about), its due
 * date and where it stands; optionally the fiche it is about, and the evaluation year it validates (the annual grid's
 * COPIL validation, ADR 0039).
 */
public record Decision(String texte, Long responsableOrganisationId, String responsablePersonne, LocalDate echeance,
                       StatutDecision statut, Long ficheId, Integer anneeValidee) {

    public Decision(String texte, Long responsableOrganisationId, String responsablePersonne, LocalDate echeance,
                    StatutDecision statut) {
        this(texte, responsableOrganisationId, responsablePersonne, echeance, statut, null, null);
    }

    Decision avecStatut(StatutDecision nouveau) {
        return new Decision(texte, responsableOrganisationId, responsablePersonne, echeance, nouveau, ficheId, anneeValidee);
    }
}
