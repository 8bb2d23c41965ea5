package fr.pilotectg.territoire;

import java.util.List;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Former communes of the data source (communes déléguées of a commune nouvelle, communes associées): Asperjoc merged into
 * Vallées-d'Antraigues-Asperjoc (07011), Nonières into Belsentes (07165), Brahic (associée) into Les Vans (07334).
 */
@IntegrationTest
class CommunesHistoriquesTest {

    @Autowired
    TerritoireService territoires;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void a_former_commune_resolves_to_its_current_commune_with_a_note() {
        ResolutionCommune asperjoc = territoires.resoudreCommune("ASPERJOC", null);
        ResolutionCommune nonieres = territoires.resoudreCommune("Nonieres", "07");
        ResolutionCommune brahic = territoires.resoudreCommune("Brahic", "07");
        ResolutionCommune ancienCode = territoires.resoudreCommune("07016", null);

        assertThat(asperjoc).isInstanceOfSatisfying(ResolutionCommune.Trouvee.class, t -> {
            assertThat(t.commune().codeInsee()).isEqualTo("07011");
            assertThat(t.note()).isEqualTo("« Asperjoc » a fusionné dans « Vallées-d'Antraigues-Asperjoc » "
                    + "(commune déléguée de la commune nouvelle, code INSEE 07011).");
        });
        assertThat(nonieres).isInstanceOfSatisfying(ResolutionCommune.Trouvee.class, t -> {
            assertThat(t.commune().nom()).isEqualTo("Belsentes");
            assertThat(t.note()).startsWith("« Nonières » a fusionné dans « Belsentes »");
        });
        assertThat(brahic).isInstanceOfSatisfying(ResolutionCommune.Trouvee.class, t -> {
            assertThat(t.commune().nom()).isEqualTo("Les Vans");
            assertThat(t.note()).contains("commune associée");
        });
        assertThat(ancienCode).isInstanceOfSatisfying(ResolutionCommune.Trouvee.class,
                t -> assertThat(t.commune().codeInsee()).isEqualTo("07011"));
        assertThat(territoires.resoudreCommune("Asperjoc", "42")).isInstanceOf(ResolutionCommune.Inconnue.class);
    }

    @Test
    void a_current_commune_is_never_hidden_by_a_former_one_and_its_name_needs_no_note() {
        assertThat(territoires.resoudreCommune("Aubenas", "07")).isInstanceOfSatisfying(ResolutionCommune.Trouvee.class,
                t -> assertThat(t.note()).isNull());
        assertThat(territoires.nombreAnciennesCommunes()).isEqualTo(2_498);
        assertThat(jdbc.sql("SELECT count(*) FROM commune_historique h LEFT JOIN commune c ON c.code_insee = h.code_insee"
                + " WHERE c.code_insee IS NULL").query(Long.class).single()).isZero();
    }

    @Test
    void the_commune_search_of_the_api_finds_former_names_and_says_what_they_became() {
        ClientApi api = new ClientApi(mvc);
        JsonNode suggestions = api.get("caf07", "/api/v1/territoires/communes?q=Nonieres").json();

        assertThat(suggestions).isNotEmpty();
        assertThat(suggestions.get(0).path("codeInsee").asString()).isEqualTo("07165");
        assertThat(suggestions.get(0).path("nom").asString()).isEqualTo("Belsentes");
        assertThat(suggestions.get(0).path("note").asString()).startsWith("« Nonières » a fusionné dans « Belsentes »");
        JsonNode actuelle = api.get("caf07", "/api/v1/territoires/communes?q=Belsentes").json();
        assertThat(actuelle.get(0).path("note").isNull()).isTrue();
    }

    @Test
    void a_former_commune_added_to_a_conventions_territory_is_its_current_commune() {
        ClientApi api = new ClientApi(mvc);
        JsonNode convention = api.creerConventionDeTest("caf07", "territoire-historique");

        Reponse ajout = api.post("caf07", "/api/v1/conventions/" + convention.path("id").asLong() + "/communes",
                Map.of("version", convention.path("version").asInt(), "commune", "Nonières", "departement", "07"));

        assertThat(ajout.status()).as(ajout.texte()).isEqualTo(200);
        assertThat(java.util.stream.StreamSupport.stream(ajout.json().path("communes").spliterator(), false)
                .map(c -> c.path("codeInsee").asString())).contains("07165");
    }

    @Test
    void the_services_annex_resolves_former_communes_and_keeps_the_note() {
        ClientApi api = new ClientApi(mvc);
        long convention = api.creerConventionDeTest("caf07", "services-historiques").path("id").asLong();
        String chemin = "/api/v1/conventions/" + convention + "/services";

        Reponse asperjoc = api.post("caf07", chemin, Map.of("type", "CLAS", "nom", "CLAS d'Asperjoc", "commune", "Asperjoc",
                "collectivitesSoutien", List.of("Commune de Nonières")));

        assertThat(asperjoc.status()).as(asperjoc.texte()).isEqualTo(201);
        assertThat(asperjoc.json().path("commune").asString()).isEqualTo("Vallées-d'Antraigues-Asperjoc");
        assertThat(asperjoc.json().path("codeInsee").asString()).isEqualTo("07011");
        assertThat(asperjoc.json().path("communeNonReconnue").asBoolean()).isFalse();
        assertThat(asperjoc.json().path("communeNote").asString()).startsWith("« Asperjoc » a fusionné dans");
        assertThat(asperjoc.json().path("collectivitesSoutien").get(0).asString()).isEqualTo("Belsentes");
    }
}
