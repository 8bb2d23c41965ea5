package fr.pilotectg.compte;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login throttling ({@code pilote.connexion.*}): after {@code echecsParCompte} failures on one account
 * identifier, or {@code echecsParAdresse} failures from one client address, within {@code fenetre}, logins
 * of that account or from that address are refused for {@code blocage}, even with the right password.
 *
 * @param echecsParCompte failures allowed per account identifier (existing or not) in the window
 * @param echecsParAdresse failures allowed per client address in the window, across accounts; higher than
 *                         per account since a whole office may share one address behind its proxy
 * @param fenetre window in which failures are counted, from the first one
 * @param blocage how long the account or the address stays locked
 */
@ConfigurationProperties("pilote.connexion")
public record LimitesDeConnexion(@DefaultValue("5") int echecsParCompte,
                                 @DefaultValue("20") int echecsParAdresse,
                                 @DefaultValue("10m") Duration fenetre,
                                 @DefaultValue("15m") Duration blocage) {

    public LimitesDeConnexion {
        if (echecsParCompte < 1 || echecsParAdresse < 1 || fenetre.isNegative() || fenetre.isZero() || blocage.isNegative() || blocage.isZero()) {
            throw new IllegalArgumentException("pilote.connexion : les nombres d'échecs et les durées doivent être positifs.");
        }
    }
}
