package fr.pilotectg.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import fr.pilotectg.testsupport.RoutesDeConvention;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sweep over every GET route of a convention, pages and API, as users who may not read it: none answers with the
 * convention's data (403 or 404; 400 when a required parameter is missing, before anything is read). It guards
 * the routes added later, whose own tests may forget a denial.
 */
@IntegrationTest
class RoutesAccesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;

    @Test
    void no_get_route_of_a_convention_answers_a_user_who_may_not_read_it() {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        long aubenas = api.aubenas();
        long fiche = api.get("ccba", "/api/v1/conventions/" + aubenas + "/fiches").json().get(0).path("id").asLong();
        Map<String, String> valeurs = Map.of("annee", "2026", "ficheId", String.valueOf(fiche), "position", "0",
                "axe", "GOUVERNANCE", "type", "intermediaire", "format", "docx", "tableau", "eaje");

        Set<String> chemins = RoutesDeConvention.chemins(routes, aubenas, valeurs);
        assertThat(chemins).as("routes found").hasSizeGreaterThan(30)
                .contains("/conventions/" + aubenas + "/tableau-de-bord", "/api/v1/conventions/" + aubenas + "/evaluation/2026");

        for (String utilisateur : List.of("caf42", "pilat")) {
            for (String chemin : chemins) {
                int status = chemin.startsWith("/api/") ? api.get(utilisateur, chemin).status() : pages.get(utilisateur, chemin).status();
                assertThat(status).as("GET %s as %s", chemin, utilisateur).isIn(400, 403, 404);
            }
        }
    }
}
