package fr.pilotectg.pilotage;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** What the steering tests share: clients, the follow-up rows they insert, and the counts made directly in SQL. */
@IntegrationTest
abstract class PilotageTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    ClientApi api;
    ClientPages pages;
    SuiviDeTest suivi;
    ComptesSql sql;

    @BeforeEach
    void clients() {
        api = new ClientApi(mvc);
        pages = new ClientPages(mvc);
        suivi = new SuiviDeTest(api, jdbc);
        sql = new ComptesSql(jdbc);
    }
}
