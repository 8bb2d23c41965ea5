package fr.pilotectg.organisation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Route × role sweep of the organisations and people pages and API: an administrator does everything, an agent Caf
 * everything but merging and deactivating, every other role nothing but the candidates search; a refused write
 * leaves the database as it was.
 */
@IntegrationTest
class OrganisationsAccesTest {

    private static final List<String> TOUS = List.of("admin", "caf07", "ccba", "palabre", "lecteur");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void every_get_route_answers_by_role() {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        long org = creer(api, "Association Accès " + UUID.randomUUID().toString().substring(0, 6));
        long personne = jdbc.sql("SELECT min(id) FROM personne").query(Long.class).single();

        Map<String, List<String>> autorises = new LinkedHashMap<>();
        List<String> gestion = List.of("admin", "caf07");
        autorises.put("/organisations", gestion);
        autorises.put("/organisations?q=aubenas&tri=siren&page=2", gestion);
        autorises.put("/organisations/nouvelle", gestion);
        autorises.put("/organisations/" + org, gestion);
        autorises.put("/organisations/" + org + "/modifier", gestion);
        autorises.put("/organisations/" + org + "/fusionner", List.of("admin"));
        autorises.put("/organisations/suggestions?q=aubenas", TOUS);
        autorises.put("/personnes", gestion);
        autorises.put("/personnes/nouvelle", gestion);
        autorises.put("/personnes/" + personne, gestion);
        autorises.put("/api/v1/organisations?q=aubenas", TOUS);
        autorises.put("/api/v1/organisations/liste", gestion);
        autorises.put("/api/v1/organisations/" + org, gestion);
        autorises.put("/api/v1/personnes", gestion);
        autorises.put("/api/v1/personnes/" + personne, gestion);

        autorises.forEach((chemin, roles) -> {
            for (String utilisateur : TOUS) {
                int status = chemin.startsWith("/api/") ? api.get(utilisateur, chemin).status() : pages.get(utilisateur, chemin).status();
                assertThat(status).as("GET %s as %s", chemin, utilisateur).isEqualTo(roles.contains(utilisateur) ? 200 : 403);
            }
        });
    }

    @Test
    void writes_are_refused_to_the_roles_that_may_not_and_nothing_is_written() {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        long org = creer(api, "Association Refus " + UUID.randomUUID().toString().substring(0, 6));
        long doublon = creer(api, "Association Doublon " + UUID.randomUUID().toString().substring(0, 6));
        long personne = jdbc.sql("SELECT min(id) FROM personne").query(Long.class).single();
        long avant = ecritures();

        for (String utilisateur : List.of("ccba", "palabre", "lecteur")) {
            assertThat(api.post(utilisateur, "/api/v1/organisations", Map.of("type", "ASSOCIATION", "nom", "Refusée")).status())
                    .as("POST organisation as %s", utilisateur).isEqualTo(403);
            assertThat(api.put(utilisateur, "/api/v1/organisations/" + org, Map.of("version", 0, "type", "ASSOCIATION", "nom", "X")).status())
                    .isEqualTo(403);
            assertThat(api.post(utilisateur, "/api/v1/personnes", Map.of("nom", "Refusé")).status()).isEqualTo(403);
            assertThat(api.put(utilisateur, "/api/v1/personnes/" + personne, Map.of("version", 0, "nom", "X")).status()).isEqualTo(403);
            assertThat(pages.poster(utilisateur, "/organisations", Map.of("type", "ASSOCIATION", "nom", "Refusée")).status()).isEqualTo(403);
            assertThat(pages.poster(utilisateur, "/organisations/" + org + "/modifier", Map.of("version", "0", "type", "ASSOCIATION", "nom", "X")).status())
                    .isEqualTo(403);
            assertThat(pages.poster(utilisateur, "/personnes", Map.of("nom", "Refusé", "organisation", "Caf de l'Ardèche", "fonction", "X")).status())
                    .isEqualTo(403);
            assertThat(pages.poster(utilisateur, "/personnes/" + personne + "/modifier", Map.of("version", "0", "nom", "X")).status()).isEqualTo(403);
        }
        for (String utilisateur : List.of("caf07", "ccba", "palabre", "lecteur")) {
            assertThat(api.post(utilisateur, "/api/v1/organisations/" + doublon + "/fusion",
                    Map.of("version", 0, "gardeeId", org, "versionGardee", 0)).status()).as("fusion as %s", utilisateur).isEqualTo(403);
            assertThat(api.post(utilisateur, "/api/v1/organisations/" + org + "/desactivation", Map.of("version", 0)).status()).isEqualTo(403);
            assertThat(pages.poster(utilisateur, "/organisations/" + doublon + "/fusionner",
                    Map.of("version", "0", "gardeeId", String.valueOf(org), "versionGardee", "0")).status()).isEqualTo(403);
            assertThat(pages.poster(utilisateur, "/organisations/" + org + "/desactiver", Map.of("version", "0")).status()).isEqualTo(403);
        }
        assertThat(ecritures()).as("journal entries after the refusals").isEqualTo(avant);
        assertThat(jdbc.sql("SELECT actif FROM organisation WHERE id = ?").param(doublon).query(Boolean.class).single()).isTrue();
    }

    private long ecritures() {
        return jdbc.sql("SELECT count(*) FROM journal").query(Long.class).single();
    }

    static long creer(ClientApi api, String nom) {
        ClientApi.Reponse reponse = api.post("caf07", "/api/v1/organisations", Map.of("type", "ASSOCIATION", "nom", nom, "codeDepartement", "07"));
        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(201);
        return reponse.json().path("id").asLong();
    }
}
