package fr.pilotectg.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sweep over every GET route of a convention, pages and API, as users who may not read it: none answers with the
 * convention's data (403 or 404; 400 when a required parameter is missing, before anything is read). It guards
 * the routes added later, whose own tests may forget a denial.
 */
@IntegrationTest
class RoutesAccesTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

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
                "axe", "GOUVERNANCE", "type", "intermediaire");

        Set<String> chemins = cheminsDeConvention(aubenas, valeurs);
        assertThat(chemins).as("routes found").hasSizeGreaterThan(30)
                .contains("/conventions/" + aubenas + "/tableau-de-bord", "/api/v1/conventions/" + aubenas + "/evaluation/2026");

        for (String utilisateur : List.of("caf42", "pilat")) {
            for (String chemin : chemins) {
                int status = chemin.startsWith("/api/") ? api.get(utilisateur, chemin).status() : pages.get(utilisateur, chemin).status();
                assertThat(status).as("GET %s as %s", chemin, utilisateur).isIn(400, 403, 404);
            }
        }
    }

    /** GET routes whose first variable is the convention, with the other variables filled in. */
    private Set<String> cheminsDeConvention(long conventionId, Map<String, String> valeurs) {
        Set<String> chemins = new TreeSet<>();
        for (RequestMappingInfo info : routes.getHandlerMethods().keySet()) {
            Set<RequestMethod> methodes = info.getMethodsCondition().getMethods();
            if (!methodes.isEmpty() && !methodes.contains(RequestMethod.GET)) {
                continue;
            }
            for (String motif : info.getPatternValues()) {
                if (motif.startsWith("/conventions/{") || motif.startsWith("/api/v1/conventions/{")) {
                    chemins.add(remplir(motif, conventionId, valeurs));
                }
            }
        }
        return chemins;
    }

    private static String remplir(String motif, long conventionId, Map<String, String> valeurs) {
        Matcher variable = VARIABLE.matcher(motif);
        StringBuilder chemin = new StringBuilder();
        boolean premiere = true;
        while (variable.find()) {
            String nom = variable.group(1).replaceAll(":.*", "");
            variable.appendReplacement(chemin, premiere ? String.valueOf(conventionId) : valeurs.getOrDefault(nom, "1"));
            premiere = false;
        }
        return variable.appendTail(chemin).toString();
    }
}
