package fr.pilotectg.gouvernance;

import java.time.LocalDate;

/**
 * A decision as sent: statut A_FAIRE (default), EN_COURS, FAIT or ABANDONNEE; the owner is a member of the body, or,
 * when the decision is about a fiche ({@code ficheId}, a fiche of the convention), one of that fiche's porteurs.
 */
public record SaisieDecision(String texte, Long responsableOrganisationId, String responsablePersonne, LocalDate echeance,
                             String statut, Long ficheId) {

    public SaisieDecision(String texte, Long responsableOrganisationId, String responsablePersonne, LocalDate echeance,
                          String statut) {
        this(texte, responsableOrganisationId, responsablePersonne, echeance, statut, null);
    }
}
