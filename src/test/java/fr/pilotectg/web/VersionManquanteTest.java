package fr.pilotectg.web;

import java.util.Map;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write without the version read is bad input ("version manquante", 400), never answered as a conflict with someone
 * else's change; and an unknown enum value names the field and lists the values allowed.
 */
@IntegrationTest
class VersionManquanteTest {

    @Autowired
    MockMvc mvc;

    @Test
    void a_write_without_its_version_says_version_manquante_and_writes_nothing() {
        ClientApi api = new ClientApi(mvc);
        JsonNode convention = api.creerConventionDeTest("caf07", "version-manquante");
        long id = convention.path("id").asLong();
        int version = convention.path("version").asInt();

        Reponse statut = api.post("caf07", "/api/v1/conventions/" + id + "/statut", Map.of("statut", "DIAGNOSTIC"));
        Reponse commune = api.post("caf07", "/api/v1/conventions/" + id + "/communes", Map.of("commune", "Asperjoc"));
        Reponse informations = api.put("caf07", "/api/v1/conventions/" + id, ClientApi.informations(convention, Map.of()));
        int pageSansVersion = new ClientPages(mvc).poster("caf07", "/conventions/" + id + "/communes", Map.of("commune", "Aubenas")).status();

        for (Reponse reponse : new Reponse[] {statut, commune, informations}) {
            assertThat(reponse.status()).as(reponse.texte()).isEqualTo(400);
            assertThat(reponse.messageDuChamp("version")).contains("version manquante").doesNotContain("quelqu'un d'autre");
        }
        assertThat(pageSansVersion).isEqualTo(400);
        assertThat(api.convention("caf07", id).path("version").asInt()).isEqualTo(version);
    }

    @Test
    void an_unknown_enum_value_names_the_field_and_lists_the_allowed_values() {
        ClientApi api = new ClientApi(mvc);
        JsonNode convention = api.creerConventionDeTest("caf07", "enum-inconnu");

        Reponse reponse = api.post("caf07", "/api/v1/conventions/" + convention.path("id").asLong() + "/statut",
                Map.of("version", convention.path("version").asInt(), "statut", "PRESQUE_SIGNEE"));

        assertThat(reponse.status()).isEqualTo(400);
        assertThat(reponse.messageDuChamp("statut")).contains("PRESQUE_SIGNEE").contains("DIAGNOSTIC").contains("EN_VIGUEUR");
    }
}
