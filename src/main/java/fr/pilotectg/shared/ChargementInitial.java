package fr.pilotectg.shared;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Health of the start-up loading: OUT_OF_SERVICE until the referential (an application runner, run before the
 * application is ready) and the demo data (loaded on ApplicationReadyEvent, ordered before this listener) are in the
 * base, UP after. The web server answers during that time: without this, pages showed empty conventions while
 * {@code /actuator/health} said UP. It is part of the readiness group ({@code /actuator/health/readiness}) and, as
 * every indicator, of {@code /actuator/health}; liveness is not concerned (the process is fine, only not ready).
 */
@Component("chargementInitial")
public class ChargementInitial implements HealthIndicator {

    /** Order of the demo data loader's ready listener: before {@link #termine()}. */
    public static final int ORDRE_CHARGEMENT = Ordered.HIGHEST_PRECEDENCE + 100;

    private static final Logger LOG = LoggerFactory.getLogger(ChargementInitial.class);

    private final AtomicBoolean pret = new AtomicBoolean();

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void termine() {
        pret.set(true);
        LOG.info("Référentiel et données initiales chargés : l'application accepte le trafic");
    }

    public boolean estPret() {
        return pret.get();
    }

    /** For tests: puts the indicator back in the state it has while loading ({@code false}) or after. */
    void forcer(boolean etat) {
        pret.set(etat);
    }

    @Override
    public Health health() {
        return pret.get() ? Health.up().build()
                : Health.outOfService().withDetail("chargement", "référentiel et données de démonstration en cours de chargement").build();
    }
}
