package fr.pilotectg.demo;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import fr.pilotectg.PiloteCtgApplication;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Outside demo mode, a database that still holds the demo accounts with password "demo" must not be served. */
@IntegrationTest
class DemoAccountsGuardTest {

    @Test
    void refuses_to_start_outside_demo_mode_while_demo_accounts_keep_their_password_before_the_web_server_opens() {
        // The demo context of @IntegrationTest has loaded the demo accounts into the shared test database.
        List<ApplicationEvent> evenements = new CopyOnWriteArrayList<>();
        SpringApplicationBuilder horsDemo = new SpringApplicationBuilder(PiloteCtgApplication.class)
                .profiles("test")
                .properties("pilote.demo.actif=false", "server.port=0", "pilote.base-embarquee.reinitialiser=false")
                .listeners((ApplicationListener<ApplicationEvent>) evenements::add);

        assertThatThrownBy(() -> horsDemo.run().close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Démarrage refusé")
                .hasMessageContaining("admin")
                .hasMessageContaining("demo");
        assertThat(evenements).as("the web server never started, so no request was answered")
                .noneMatch(WebServerInitializedEvent.class::isInstance);
    }
}
