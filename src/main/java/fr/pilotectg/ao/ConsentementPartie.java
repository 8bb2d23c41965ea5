package fr.pilotectg.ao;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import fr.pilotectg.shared.FormatFr;

/** A signatory party and what it decided about sending the early-childhood extract to the CDSF, if recorded. */
public record ConsentementPartie(long organisationId, String organisation, DecisionConsentement decision, LocalDate date,
                                 String enregistrePar, OffsetDateTime enregistreLe) {

    public boolean donne() {
        return decision == DecisionConsentement.DONNE;
    }

    public String etat() {
        if (decision == null) {
            return "Non recueilli";
        }
        return decision.libelle() + " le " + FormatFr.date(date) + " (enregistré par " + enregistrePar + ")";
    }
}
