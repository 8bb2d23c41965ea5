package fr.pilotectg.compte;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Route × role sweep of the routes of issue 12, read from Spring MVC's mappings (new routes join by themselves), every
 * method: the administration routes ({@code /utilisateurs}, {@code /api/v1/utilisateurs}, archives and deletion of
 * conventions) as every demo role that is not an administrator, and the "Accès" routes of the Aubenas convention as every
 * demo user who does not manage it: 403, and nothing written.
 */
@IntegrationTest
class ComptesRoutesAccesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;

    record Route(RequestMethod methode, String motif) implements Comparable<Route> {
        @Override
        public int compareTo(Route autre) {
            return (motif + methode).compareTo(autre.motif + autre.methode);
        }
    }

    @Test
    void every_administration_route_refuses_every_non_administrator_and_writes_nothing() throws Exception {
        ClientApi api = new ClientApi(mvc);
        ComptesDeTest comptes = new ComptesDeTest(api, jdbc);
        String cible = String.valueOf(jdbc.sql("SELECT id FROM utilisateur WHERE identifiant = 'palabre'").query(Long.class).single());
        String aubenas = String.valueOf(api.aubenas());
        Set<Route> administration = routes(m -> m.startsWith("/utilisateurs") || m.startsWith("/api/v1/utilisateurs")
                || m.equals("/conventions/archives") || m.matches("/conventions/\\{id}/(archivage|restauration|suppression)")
                || m.equals("/national") || m.startsWith("/api/v1/national"));
        Set<Route> acces = routes(m -> m.matches("(/api/v1)?/conventions/\\{id}/acces.*"));
        assertThat(administration).as("administration routes found").hasSizeGreaterThanOrEqualTo(16);
        assertThat(acces).as("access routes found").hasSizeGreaterThanOrEqualTo(6);

        String avant = comptes.etat();
        long habilitations = jdbc.sql("SELECT count(*) FROM convention_habilitation").query(Long.class).single();
        balayer(administration, List.of("caf07", "ccba", "caf42", "pilat", "lecteur", "palabre"), aubenas, cible);
        balayer(acces, List.of("caf42", "pilat", "lecteur", "palabre"), aubenas, cible);
        assertThat(comptes.etat()).as("nothing written by the refused requests").isEqualTo(avant);
        assertThat(jdbc.sql("SELECT count(*) FROM convention_habilitation").query(Long.class).single()).isEqualTo(habilitations);
        assertThat(jdbc.sql("SELECT count(*) FROM convention WHERE id = :id AND archivee_le IS NULL").param("id", Long.parseLong(aubenas))
                .query(Long.class).single()).isEqualTo(1);
    }

    private Set<Route> routes(java.util.function.Predicate<String> retenir) {
        Set<Route> trouvees = new TreeSet<>();
        for (RequestMappingInfo info : routes.getHandlerMethods().keySet()) {
            for (String motif : info.getPatternValues()) {
                if (retenir.test(motif)) {
                    Set<RequestMethod> methodes = info.getMethodsCondition().getMethods();
                    (methodes.isEmpty() ? Set.of(RequestMethod.GET) : methodes).forEach(m -> trouvees.add(new Route(m, motif)));
                }
            }
        }
        return trouvees;
    }

    private void balayer(Set<Route> trouvees, List<String> utilisateurs, String convention, String cible) throws Exception {
        for (String utilisateur : utilisateurs) {
            for (Route route : trouvees) {
                String chemin = route.motif().replace("{id}", route.motif().contains("conventions") ? convention : cible)
                        .replaceAll("\\{[^}]+}", cible);
                boolean api = chemin.startsWith("/api/");
                MockHttpServletRequestBuilder requete = MockMvcRequestBuilders.request(HttpMethod.valueOf(route.methode().name()), chemin)
                        .with(httpBasic(utilisateur, ClientApi.MOT_DE_PASSE)).with(csrf())
                        .accept(api ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML);
                if (api && route.methode() != RequestMethod.GET) {
                    requete.contentType(MediaType.APPLICATION_JSON).content("{\"version\": 0, \"identifiant\": \"x@exemple.fr\", "
                            + "\"nomAffiche\": \"X\", \"organisationId\": 1, \"role\": \"LECTEUR\", \"utilisateurId\": " + cible + "}");
                } else if (route.methode() != RequestMethod.GET) {
                    requete.contentType(MediaType.APPLICATION_FORM_URLENCODED).param("version", "0").param("role", "LECTEUR")
                            .param("identifiant", "palabre").param("nomAffiche", "X").param("organisationId", "1")
                            .param("titre", ClientApi.AUBENAS);
                }
                MockHttpServletResponse reponse = mvc.perform(requete).andReturn().getResponse();
                assertThat(reponse.getStatus()).as("%s %s as %s: %s", route.methode(), chemin, utilisateur,
                        reponse.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(403);
            }
        }
    }
}
