package fr.pilotectg.suivi;

import java.time.OffsetDateTime;

/**
 * A reminder sent to one organisation. {@code courrielEnvoye}: null = no SMTP configured, false = the e-mail
 * could not be sent (the in-app reminder stays).
 */
public record Relance(String organisation, OffsetDateTime envoyeeLe, String envoyeePar, String courriels,
                      Boolean courrielEnvoye, OffsetDateTime lueLe) {

    public String etatCourriel() {
        if (courrielEnvoye == null) {
            return courriels == null ? "aucune adresse : rappel dans l'application seulement" : "envoi par courriel non configuré";
        }
        return courrielEnvoye ? "courriel envoyé" : "courriel non envoyé";
    }
}
