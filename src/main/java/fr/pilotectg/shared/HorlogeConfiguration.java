package fr.pilotectg.shared;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's clock: injected where time matters to a rule, so that tests can move it forward. */
@Configuration(proxyBeanMethods = false)
class HorlogeConfiguration {

    @Bean
    Clock horloge() {
        return Clock.systemDefaultZone();
    }
}
