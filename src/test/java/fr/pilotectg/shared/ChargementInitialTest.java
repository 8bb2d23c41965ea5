package fr.pilotectg.shared;

import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Readiness: DOWN (out of service) while the referential and the demo data load, and /actuator/health with it. */
@IntegrationTest
class ChargementInitialTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ChargementInitial chargement;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void remettre() {
        chargement.forcer(true);
    }

    @Test
    void ready_once_the_referential_and_the_demo_data_are_in_the_base() throws Exception {
        assertThat(chargement.estPret()).isTrue();
        // Ready means loaded: the referential and the three demo conventions are there.
        assertThat(jdbc.sql("SELECT count(*) FROM referentiel_territoire").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM convention WHERE titre LIKE 'CTG %'").query(Long.class).single()).isGreaterThanOrEqualTo(3);
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void while_loading_readiness_and_health_are_out_of_service_liveness_is_not() throws Exception {
        chargement.forcer(false);
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.status").value("OUT_OF_SERVICE"));
        mvc.perform(get("/actuator/health")).andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.status").value("OUT_OF_SERVICE"));
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        chargement.forcer(true);
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    }
}
