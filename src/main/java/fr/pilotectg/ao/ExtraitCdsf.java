package fr.pilotectg.ao;

import java.time.LocalDate;
import java.util.List;

import fr.pilotectg.diagnostic.IndicateurAvecValeurs;
import fr.pilotectg.offre.ServiceSoutenu;

/**
 * The early-childhood part of a convention sent to the CDSF: early-childhood indicators of the diagnostic, AO matrix and rules, projection, early-childhood
 * services and fiches, and the signatories' consents. It may be sent only when every signatory consented.
 */
public record ExtraitCdsf(VueAo ao, List<IndicateurAvecValeurs> indicateurs, List<ServiceSoutenu> services, List<FichePetiteEnfance> fiches, LocalDate date,
                          List<ConsentementPartie> consentements, int versionConsentements) {

    public boolean transmissible() {
        return !consentements.isEmpty() && consentements.stream().allMatch(ConsentementPartie::donne);
    }

    /** Signatories whose consent is not given (refused or not recorded yet). */
    public List<String> consentementsManquants() {
        return consentements.stream().filter(c -> !c.donne()).map(ConsentementPartie::organisation).toList();
    }
}
