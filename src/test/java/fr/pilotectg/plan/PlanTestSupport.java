package fr.pilotectg.plan;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientPages;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** What the plan's integration tests share: the API and page clients, and throw-away plans. */
abstract class PlanTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    PlanService planService;

    @Autowired
    UserDetailsService utilisateurs;

    ClientApi api;
    ClientPages pages;
    PlansDeTest plans;

    @BeforeEach
    void clients() {
        api = new ClientApi(mvc);
        pages = new ClientPages(mvc);
        plans = new PlansDeTest(planService, utilisateurs, api);
    }
}
