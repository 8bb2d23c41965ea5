package fr.pilotectg.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The application's clock in the tests: the real time, moved forward on demand so that a test sees a
 * lock or a token expire without waiting, or stopped on a given day. A test that moves it puts it back ({@link #remettreALHeure()}).
 */
public final class HorlogeDeTest extends Clock {

    private final ZoneId zone = ZoneId.systemDefault();
    private volatile Duration avance = Duration.ZERO;
    private volatile Instant fixe;

    /** Stops the clock on that day at noon (local time) until {@link #remettreALHeure()}. */
    public void fixer(java.time.LocalDate jour) {
        fixe = jour.atTime(12, 0).atZone(zone).toInstant();
    }

    public void avancer(Duration duree) {
        avance = avance.plus(duree);
    }

    public void remettreALHeure() {
        avance = Duration.ZERO;
        fixe = null;
    }

    @Override
    public Instant instant() {
        Instant arrete = fixe;
        return (arrete != null ? arrete : Instant.now()).plus(avance);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        Instant arrete = fixe;
        return arrete != null ? Clock.fixed(arrete.plus(avance), zone) : Clock.offset(Clock.system(zone), avance);
    }
}
