package fr.pilotectg.compte;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A personal API token as its owner sees it: never the token itself, only its first characters.
 *
 * @param proprietaire identifier of the owner's account
 * @param expireLe last day the token is valid; null when it does not expire
 */
public record Jeton(long id, long utilisateurId, String proprietaire, String nom, String prefixe, OffsetDateTime creeLe,
                    OffsetDateTime derniereUtilisation, LocalDate expireLe) {

    public boolean expire(LocalDate aujourdhui) {
        return expireLe != null && expireLe.isBefore(aujourdhui);
    }
}
