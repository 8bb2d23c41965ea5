package fr.pilotectg;

import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class HealthTest {

    @Autowired
    MockMvc mvc;

    @Test
    void health_is_public_and_up() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void pages_require_login() throws Exception {
        mvc.perform(get("/conventions").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/connexion"));
    }

    @Test
    void api_answers_401_without_login() throws Exception {
        mvc.perform(get("/api/v1/conventions")).andExpect(status().isUnauthorized());
    }
}
