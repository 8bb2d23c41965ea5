package fr.pilotectg.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** Issue 10 item 8 through the API: fields added to Aubenas's fiches, filled, refused when unsafe, removed into the journal. */
@IntegrationTest
class ChampsAjoutesApiTest extends PlanTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void an_added_yes_no_field_and_an_url_field_are_filled_on_an_aubenas_fiche_and_shown_in_the_api() throws Exception {
        long aubenas = api.aubenas();
        String champs = "/api/v1/conventions/" + aubenas + "/plan/champs";
        Reponse epci = api.post("caf07", champs, Map.of("libelle", "Relève de la compétence de l'EPCI", "type", "OUI_NON"));
        assertThat(epci.status()).as(epci.texte()).isEqualTo(201);
        String cleEpci = epci.json().path("cle").asString();
        assertThat(cleEpci).startsWith("releveDeLaCompetenceDeLEpci");
        Reponse lien = api.post("caf07", champs, Map.of("libelle", "Ressource en ligne", "type", "URL", "cle", "ressource", "position", 1));
        assertThat(lien.status()).as(lien.texte()).isEqualTo(201);
        assertThat(api.get("lecteur", champs).json()).extracting(c -> c.path("cle").asString()).containsExactly("ressource", cleEpci);

        // Refusals: no choices for a choice field, a taken key, another Caf's manager, a reader, a porteur.
        assertThat(api.post("caf07", champs, Map.of("libelle", "Priorité", "type", "CHOIX_UNIQUE")).champsEnErreur()).containsExactly("choix");
        assertThat(api.post("caf07", champs, Map.of("libelle", "Doublon", "type", "TEXTE", "cle", "enjeu")).champsEnErreur()).containsExactly("cle");
        for (String intrus : List.of("caf42", "lecteur", "palabre")) {
            assertThat(api.post(intrus, champs, Map.of("libelle", "Intrus", "type", "TEXTE")).status()).as(intrus).isIn(403, 404);
        }
        assertThat(api.get("caf07", champs).json()).hasSize(2);

        JsonNode fiche = api.get("caf07", "/api/v1/conventions/" + aubenas + "/fiches").json().get(0);
        long id = fiche.path("id").asLong();
        Reponse rempli = envoyerPatch(id, fiche.path("version").asInt(), "{\"champs\": {\"" + cleEpci
                + "\": true, \"ressource\": \"https://www.caf.fr/ressource\"}}");
        assertThat(rempli.status()).as(rempli.texte()).isEqualTo(200);
        JsonNode lue = api.get("lecteur", "/api/v1/fiches/" + id).json();
        assertThat(lue.path("titre").asString()).isEqualTo(fiche.path("titre").asString());
        assertThat(lue.path("champs").size()).as("template fields kept").isEqualTo(fiche.path("champs").size() + 2);
        assertThat(lue.path("champs").path(cleEpci).asBoolean()).isTrue();
        assertThat(lue.path("champs").path("ressource").asString()).isEqualTo("https://www.caf.fr/ressource");

        Reponse dangereux = envoyerPatch(id, lue.path("version").asInt(), "{\"champs\": {\"ressource\": \"javascript:alert(1)\"}}");
        assertThat(dangereux.status()).isEqualTo(400);
        assertThat(dangereux.champsEnErreur()).containsExactly("ressource");
        assertThat(dangereux.messageDuChamp("ressource")).contains("Ressource en ligne", "http");
        Reponse pasUnBooleen = envoyerPatch(id, lue.path("version").asInt(), "{\"champs\": {\"" + cleEpci + "\": \"peut-être\"}}");
        assertThat(pasUnBooleen.champsEnErreur()).containsExactly(cleEpci);
        assertThat(api.get("caf07", "/api/v1/fiches/" + id).json().path("version").asInt()).as("nothing written").isEqualTo(lue.path("version").asInt());
        Reponse seulEpci = envoyerPatch(id, lue.path("version").asInt(), "{\"champs\": {\"" + cleEpci + "\": false}}");
        assertThat(seulEpci.status()).as(seulEpci.texte()).isEqualTo(200);
        assertThat(seulEpci.json().path("champs").path(cleEpci).asBoolean()).isFalse();
        assertThat(seulEpci.json().path("champs").path("ressource").asString()).as("PATCH keeps the others").isEqualTo("https://www.caf.fr/ressource");

        // A type change that would lose the value is refused; removing keeps the value in the journal.
        JsonNode champLien = api.get("caf07", champs).json().get(0);
        Reponse versNombre = api.put("caf07", champs + "/" + champLien.path("id").asLong() + "?version=" + champLien.path("version").asInt(),
                Map.of("libelle", "Ressource en ligne", "type", "NOMBRE"));
        assertThat(versNombre.status()).isEqualTo(400);
        assertThat(versNombre.champsEnErreur()).containsExactly("type");
        Reponse renomme = api.put("caf07", champs + "/" + champLien.path("id").asLong() + "?version=" + champLien.path("version").asInt(),
                Map.of("libelle", "Lien vers la ressource", "type", "TEXTE_LONG", "position", 2));
        assertThat(renomme.status()).as(renomme.texte()).isEqualTo(200);
        assertThat(api.get("caf07", champs).json()).extracting(c -> c.path("libelle").asString())
                .containsExactly("Relève de la compétence de l'EPCI", "Lien vers la ressource");
        assertThat(api.delete("caf07", champs + "/" + champLien.path("id").asLong() + "?version=" + renomme.json().path("version").asInt()).status())
                .isEqualTo(204);
        assertThat(api.get("caf07", "/api/v1/fiches/" + id).json().path("champs").has("ressource")).isFalse();
        assertThat(jdbc.sql("SELECT changements::text FROM journal WHERE objet_type = 'plan_champ' AND objet_id = :id AND action LIKE 'retrait%'")
                .param("id", champLien.path("id").asLong()).query(String.class).single()).contains("https://www.caf.fr/ressource");

        JsonNode champEpci = api.get("caf07", champs).json().get(0);
        assertThat(api.delete("lecteur", champs + "/" + champEpci.path("id").asLong() + "?version=" + champEpci.path("version").asInt()).status())
                .isIn(403, 404);
        assertThat(api.delete("caf07", champs + "/" + champEpci.path("id").asLong() + "?version=" + champEpci.path("version").asInt()).status())
                .isEqualTo(204);
        assertThat(api.get("caf07", champs).json()).isEmpty();
    }

    private Reponse envoyerPatch(long id, int version, String corps) throws Exception {
        var reponse = mvc.perform(MockMvcRequestBuilders.patch("/api/v1/fiches/" + id + "?version=" + version)
                .contentType("application/json").content(corps).with(httpBasic("caf07", "demo"))).andReturn().getResponse();
        return new Reponse(reponse.getStatus(), reponse.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }
}
