package fr.pilotectg.demo;

import fr.pilotectg.PiloteCtgApplication;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Outside demo mode, a database that still holds the demo accounts with password "demo" must not be served. */
@IntegrationTest
class DemoAccountsGuardTest {

    @Test
    void refuses_to_start_outside_demo_mode_while_demo_accounts_keep_their_password() {
        // The demo context of @IntegrationTest has loaded the demo accounts into the shared test database.
        SpringApplicationBuilder horsDemo = new SpringApplicationBuilder(PiloteCtgApplication.class)
                .profiles("test")
                .properties("pilote.demo.actif=false", "server.port=0", "pilote.base-embarquee.reinitialiser=false");

        assertThatThrownBy(() -> horsDemo.run().close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Démarrage refusé")
                .hasMessageContaining("admin")
                .hasMessageContaining("demo");
    }
}
