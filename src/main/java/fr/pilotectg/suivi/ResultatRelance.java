package fr.pilotectg.suivi;

import java.util.List;

import fr.pilotectg.shared.Accords;

/** What a « Relancer les non-répondants » did: organisations reminded in the app, and the e-mails that failed. */
public record ResultatRelance(List<String> organisationsRelancees, List<String> courrielsEnvoyes, List<String> courrielsNonEnvoyes,
                              boolean courrielConfigure) {

    public String message() {
        if (organisationsRelancees.isEmpty()) {
            return "Aucune organisation à relancer : toutes les fiches ont une réponse ou leurs porteurs ne sont pas reliés à une organisation.";
        }
        StringBuilder message = new StringBuilder("Rappel affiché dans l'application pour "
                + Accords.de(organisationsRelancees.size(), "organisation") + " : " + String.join(", ", organisationsRelancees) + ".");
        if (!courrielConfigure) {
            message.append(" Envoi par courriel non configuré : aucun courriel envoyé.");
        } else {
            if (!courrielsEnvoyes.isEmpty()) {
                message.append(" Courriel envoyé à ").append(String.join(", ", courrielsEnvoyes)).append('.');
            }
            if (!courrielsNonEnvoyes.isEmpty()) {
                message.append(" Courriel non envoyé pour ").append(String.join(", ", courrielsNonEnvoyes))
                        .append(" (serveur de messagerie injoignable ou adresse refusée) : le rappel reste visible dans l'application.");
            }
        }
        return message.toString();
    }
}
