package fr.pilotectg.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, item 10, across the whole API: every JSON request body of the OpenAPI document that holds an enum
 * (directly or in a list of objects) answers an unknown value with a 400 that names the field (its JSON path) and
 * lists the allowed values — read from the document, so that endpoints added later are swept too.
 */
@IntegrationTest
class EnumsInconnusTest {

    private static final String INCONNUE = "VALEUR_INCONNUE";

    @Autowired
    MockMvc mvc;

    record Cas(String methode, String chemin, String champ, Object corps, List<String> permises) {
    }

    @Test
    void an_unknown_enum_value_in_any_json_body_names_the_field_and_lists_the_allowed_values() {
        ClientApi api = new ClientApi(mvc);
        JsonNode openApi = api.get("admin", "/api/v1/openapi").json();
        List<Cas> cas = new ArrayList<>();
        for (Map.Entry<String, JsonNode> chemin : openApi.path("paths").properties()) {
            for (String methode : List.of("post", "put", "patch")) {
                JsonNode contenu = chemin.getValue().path(methode).path("requestBody").path("content").path("application/json");
                if (contenu.isMissingNode()) {
                    continue;
                }
                // Path variables and required query parameters (a version…) get "1": the body is read before they matter.
                StringBuilder requete = new StringBuilder();
                for (JsonNode parametre : chemin.getValue().path(methode).path("parameters")) {
                    if ("query".equals(parametre.path("in").asString()) && parametre.path("required").asBoolean()) {
                        requete.append(requete.isEmpty() ? "?" : "&").append(parametre.path("name").asString()).append("=1");
                    }
                }
                String url = chemin.getKey().replaceAll("\\{[^}]+}", "1") + requete;
                JsonNode schema = resoudre(openApi, contenu.path("schema"));
                for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
                    JsonNode propriete = resoudre(openApi, p.getValue());
                    if (propriete.has("enum")) {
                        cas.add(new Cas(methode, url, p.getKey(), Map.of(p.getKey(), INCONNUE), permises(propriete)));
                    }
                    JsonNode element = resoudre(openApi, propriete.path("items"));
                    for (Map.Entry<String, JsonNode> q : element.path("properties").properties()) {
                        JsonNode sous = resoudre(openApi, q.getValue());
                        if (sous.has("enum")) {
                            Map<String, Object> objet = new LinkedHashMap<>();
                            objet.put(q.getKey(), INCONNUE);
                            cas.add(new Cas(methode, url, p.getKey() + "[0]." + q.getKey(), Map.of(p.getKey(), List.of(objet)), permises(sous)));
                        }
                    }
                }
            }
        }
        assertThat(cas).as("JSON bodies with an enum in the OpenAPI document").hasSizeGreaterThanOrEqualTo(5);
        List<String> echecs = new ArrayList<>();
        for (Cas c : cas) {
            Reponse reponse = switch (c.methode()) {
                case "put" -> api.put("admin", c.chemin(), c.corps());
                case "patch" -> api.patch("admin", c.chemin(), c.corps());
                default -> api.post("admin", c.chemin(), c.corps());
            };
            String libelle = c.methode().toUpperCase() + " " + c.chemin() + " " + c.champ();
            if (reponse.status() != 400) {
                echecs.add(libelle + " → HTTP " + reponse.status());
                continue;
            }
            List<String> champs = reponse.champsEnErreur();
            if (!champs.contains(c.champ())) {
                echecs.add(libelle + " → the error names " + champs + ": " + reponse.texte());
                continue;
            }
            String message = reponse.messageDuChamp(c.champ());
            if (!message.contains(INCONNUE) || !c.permises().stream().allMatch(message::contains)) {
                echecs.add(libelle + " → the message does not list " + c.permises() + ": " + message);
            }
        }
        assertThat(echecs).as("%d cases", cas.size()).isEmpty();
    }

    private static List<String> permises(JsonNode propriete) {
        List<String> valeurs = new ArrayList<>();
        propriete.path("enum").forEach(v -> valeurs.add(v.asString()));
        return valeurs;
    }

    private static JsonNode resoudre(JsonNode openApi, JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (ref.startsWith("#/components/schemas/")) {
            return openApi.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }
}
