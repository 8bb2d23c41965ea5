package fr.pilotectg.convention;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the end of conventions once when the application is ready (an instance stopped at midnight would otherwise
 * leave expired conventions "en vigueur" until the next night), through the locked entry point.
 * {@code pilote.echeance.au-demarrage=false} turns it off (the tests do, to keep the demo data as loaded).
 */
@Component
class EcheanceAuDemarrage {

    private final EcheanceDesConventions echeance;
    private final boolean actif;

    EcheanceAuDemarrage(EcheanceDesConventions echeance, @Value("${pilote.echeance.au-demarrage:true}") boolean actif) {
        this.echeance = echeance;
        this.actif = actif;
    }

    @EventListener(ApplicationReadyEvent.class)
    void auDemarrage() {
        if (actif) {
            echeance.executer();
        }
    }
}
