package fr.pilotectg.territoire;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class TerritoireApiControllerTest {

    @Autowired
    MockMvc mvc;

    @Test
    void requiresALoggedInUser() throws Exception {
        mvc.perform(get("/api/v1/territoires/communes").param("q", "vals")).andExpect(status().isUnauthorized());
    }

    @Test
    @WithMockUser
    void suggestsCommunes() throws Exception {
        mvc.perform(get("/api/v1/territoires/communes").param("q", "Vals les B").param("departement", "07"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].codeInsee").value("07331"))
                .andExpect(jsonPath("$[0].nom").value("Vals-les-Bains"))
                .andExpect(jsonPath("$[0].departement").value("07"))
                .andExpect(jsonPath("$[0].population").isNumber());
    }

    @Test
    @WithMockUser
    void returnsAtMostTwentySuggestions() throws Exception {
        mvc.perform(get("/api/v1/territoires/communes").param("q", "saint"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(20)));
        mvc.perform(get("/api/v1/territoires/communes").param("q", "saint").param("departement", "42"))
                .andExpect(jsonPath("$[*].departement", everyItem(is("42"))));
    }

    @Test
    @WithMockUser
    void returnsNothingWithoutText() throws Exception {
        mvc.perform(get("/api/v1/territoires/communes")).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
    }
}
