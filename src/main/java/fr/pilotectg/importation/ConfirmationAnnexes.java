package fr.pilotectg.importation;

import org.springframework.stereotype.Component;

/**
 * Writes the {@link AnnexesTrouvees} part of a confirmed draft into the new convention through the features' public services,
 * inside the confirmation's transaction.
 */
@Component
public class ConfirmationAnnexes {

    public void confirmer(long conventionId, AnnexesTrouvees partie) {
    }
}
