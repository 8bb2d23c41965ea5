package fr.pilotectg.gouvernance;

import java.time.LocalDate;

/** A decision as sent: statut A_FAIRE (default), EN_COURS, FAIT or ABANDONNEE; the owner is a member of the body. */
public record SaisieDecision(String texte, Long responsableOrganisationId, String responsablePersonne, LocalDate echeance,
                             String statut) {
}
