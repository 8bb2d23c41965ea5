package fr.pilotectg.offre;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The supported-services annex: one service per facility, with every collectivité that supports it. */
@IntegrationTest
class ServicesSoutenusTest {

    @Autowired
    MockMvc mvc;

    ClientApi api;

    @BeforeEach
    void client() {
        api = new ClientApi(mvc);
    }

    @Test
    void monts_du_pilat_annex_rows_merge_into_22_services_the_espace_deome_leisure_centre_has_8_communes() {
        JsonNode services = api.get("pilat", "/api/v1/conventions/" + api.pilat() + "/services").json();

        assertThat(services).hasSize(22);
        JsonNode deome = trouver(services, "Alsh extrascolaire de l'Espace Déôme");
        assertThat(deome.path("type").asString()).isEqualTo("ALSH_EXTRASCOLAIRE");
        assertThat(textes(deome.path("collectivitesSoutien"))).containsExactlyInAnyOrder("Bourg-Argental", "Burdignes",
                "Colombier", "Graix", "Saint-Julien-Molin-Molette", "Saint-Sauveur-en-Rue", "Thélis-la-Combe", "La Versanne");
        for (JsonNode service : services) {
            assertThat(service.has("nom") && service.has("gestionnaire") && service.has("commune")
                    && service.has("collectivitesSoutien") && service.has("horsBonusTerritoire")).isTrue();
        }
    }

    @Test
    void a_row_naming_a_listed_service_adds_its_collectivite_instead_of_a_duplicate() {
        String chemin = "/api/v1/conventions/" + api.creerConventionDeTest("caf07", "services").path("id").asLong() + "/services";
        Map<String, Object> ligne = Map.of("type", "ALSH_EXTRASCOLAIRE", "nom", "Accueil de loisirs Les Écureuils",
                "adresse", "2 place de la Mairie", "commune", "VALS LES BAINS", "collectivitesSoutien", List.of("COMMUNE DE VALS LES BAINS"));

        assertThat(api.post("caf07", chemin, ligne).status()).isEqualTo(201);
        Reponse seconde = api.post("ccba", chemin, Map.of("type", "ALSH_EXTRASCOLAIRE", "nom", "Accueil de loisirs les ecureuils",
                "adresse", "2 place de la mairie", "collectivitesSoutien", List.of("CCBA")));

        assertThat(seconde.status()).as(seconde.texte()).isEqualTo(201);
        JsonNode services = api.get("caf07", chemin).json();
        assertThat(services).hasSize(1);
        assertThat(services.get(0).path("commune").asString()).isEqualTo("Vals-les-Bains");
        assertThat(services.get(0).path("codeInsee").asString()).isEqualTo("07331");
        assertThat(textes(services.get(0).path("collectivitesSoutien"))).containsExactly("Vals-les-Bains", "CC du Bassin d'Aubenas");
    }

    @Test
    void bad_rows_are_refused_naming_the_field_and_nothing_is_saved() {
        String chemin = "/api/v1/conventions/" + api.creerConventionDeTest("caf07", "services-refus").path("id").asLong() + "/services";

        Reponse negative = api.post("caf07", chemin, Map.of("type", "EAJE_PSU", "nom", "Crèche", "capacite", -3));
        Reponse sansType = api.post("caf07", chemin, Map.of("nom", "Crèche"));
        Reponse typeInconnu = api.post("caf07", chemin, Map.of("type", "CRECHE_MAGIQUE", "nom", "Crèche"));

        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.messageDuChamp("capacite")).contains("négative");
        assertThat(sansType.status()).isEqualTo(400);
        assertThat(sansType.messageDuChamp("type")).contains("obligatoire");
        assertThat(typeInconnu.status()).isEqualTo(400);
        assertThat(api.get("caf07", chemin).json()).isEmpty();
    }

    @Test
    void only_those_who_edit_the_convention_add_services_and_others_territories_are_not_readable() {
        String aubenas = "/api/v1/conventions/" + api.aubenas() + "/services";
        int avant = api.get("lecteur", aubenas).json().size();

        assertThat(api.post("lecteur", aubenas, Map.of("type", "AUTRE", "nom", "Intrus")).status()).isEqualTo(403);
        assertThat(api.post("palabre", aubenas, Map.of("type", "AUTRE", "nom", "Intrus")).status()).isEqualTo(403);
        assertThat(api.get("ccba", "/api/v1/conventions/" + api.pilat() + "/services").status()).isEqualTo(403);
        assertThat(api.get("lecteur", aubenas).json()).hasSize(avant);
    }

    @Test
    void initials_of_an_epci_name_match_the_acronym_documents_use() {
        assertThat(NomsDeCollectivites.sigle("CC du Bassin d'Aubenas")).isEqualTo("ccba");
        assertThat(NomsDeCollectivites.sigle("CC des Monts du Pilat")).isEqualTo("ccmp");
    }

    private static JsonNode trouver(JsonNode services, String nom) {
        return StreamSupport.stream(services.spliterator(), false).filter(s -> nom.equals(s.path("nom").asString()))
                .findFirst().orElseThrow(() -> new AssertionError(nom + " absent de l'annexe"));
    }

    private static List<String> textes(JsonNode tableau) {
        return StreamSupport.stream(tableau.spliterator(), false).map(JsonNode::asString).toList();
    }
}
