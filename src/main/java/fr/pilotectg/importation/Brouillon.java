package fr.pilotectg.importation;

import java.util.List;
import java.util.stream.Stream;

/** The draft of an import: every part the analysis found, reviewed and corrected before confirmation. */
public record Brouillon(ConventionTrouvee convention, PlanTrouve plan, AnnexesTrouvees annexes) {

    public List<Alerte> alertes() {
        return Stream.of(convention, plan, annexes).flatMap(p -> p.alertes().stream()).toList();
    }
}
