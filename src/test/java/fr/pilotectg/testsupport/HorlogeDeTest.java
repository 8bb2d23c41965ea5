package fr.pilotectg.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The application's clock in the tests: the real time, moved forward on demand so that a test sees a
 * lock or a token expire without waiting. A test that moves it puts it back ({@link #remettreALHeure()}).
 */
public final class HorlogeDeTest extends Clock {

    private final ZoneId zone = ZoneId.systemDefault();
    private volatile Duration avance = Duration.ZERO;

    public void avancer(Duration duree) {
        avance = avance.plus(duree);
    }

    public void remettreALHeure() {
        avance = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(avance);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), avance);
    }
}
