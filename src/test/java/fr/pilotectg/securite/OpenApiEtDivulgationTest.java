package fr.pilotectg.securite;

import java.util.Map;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Two small gaps of the audit: the OpenAPI document's request schemas, and what a refusal tells about others. */
@IntegrationTest
class OpenApiEtDivulgationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void the_status_change_documents_its_own_request_body() {
        ClientApi api = new ClientApi(mvc);
        JsonNode openApi = api.get("admin", "/api/v1/openapi").json();
        String ref = openApi.path("paths").path("/api/v1/conventions/{id}/statut").path("post").path("requestBody")
                .path("content").path("application/json").path("schema").path("$ref").asString();
        JsonNode schema = openApi.path("components").path("schemas").path(ref.replace("#/components/schemas/", ""));

        assertThat(schema.path("properties").propertyNames()).contains("version", "statut", "commentaire");
    }

    @Test
    void refusing_a_mandate_of_another_convention_does_not_name_its_holder() {
        ClientApi api = new ClientApi(mvc);
        JsonNode pilat = api.convention("admin", api.pilat());
        JsonNode representant = pilat.path("parties").get(0).path("representants").get(0);
        String nomAutreConvention = representant.path("nom").asString();
        JsonNode convention = api.creerConventionDeTest("caf07", "divulgation");

        Reponse reponse = api.post("caf07", "/api/v1/conventions/" + convention.path("id").asLong() + "/representants",
                Map.of("version", convention.path("version").asInt(), "organisationId", ClientApi.idPartie(convention, ClientApi.CCBA),
                        "mandatId", representant.path("mandatId").asLong()));

        assertThat(reponse.status()).isEqualTo(400);
        assertThat(nomAutreConvention).isNotBlank();
        assertThat(reponse.texte()).doesNotContain(nomAutreConvention);
    }
}
