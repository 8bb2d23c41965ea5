package fr.pilotectg.ao;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import fr.pilotectg.territoire.TerritoireService;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The AO matrix keeps the document's wording of a mode and its printed population, with the computed one and the gap. */
@IntegrationTest
class AoTelQuImprimeTest {

    private static final List<String> COMPETENCES = List.of("RECENSER_BESOINS", "INFORMER_ACCOMPAGNER", "PLANIFIER", "SOUTENIR_QUALITE");

    @Autowired
    MockMvc mvc;

    @Autowired
    TerritoireService territoires;

    private static Map<String, Object> saisie(int version, String collectivite, Map<String, Object> cellule) {
        Map<String, Object> competences = new LinkedHashMap<>();
        COMPETENCES.forEach(c -> competences.put(c, cellule));
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("version", version);
        corps.put("collectivite", collectivite);
        corps.put("competences", competences);
        return corps;
    }

    @Test
    void printed_mode_and_population_are_kept_beside_the_computed_population_and_the_gap() {
        ClientApi api = new ClientApi(mvc);
        long id = api.creerConventionDeTest("caf07", "ao-imprime").path("id").asLong();
        String chemin = "/api/v1/conventions/" + id + "/ao";

        Reponse sansListe = api.put("caf07", chemin + "/matrice", saisie(0, "CCBA", Map.of("mode", "TRANSFEREE_PAR_CERTAINES_COMMUNES",
                "modeImprime", "transférée par 12 communes sur 28", "populationImprimee", 15_000)));
        assertThat(sansListe.status()).as(sansListe.texte()).isEqualTo(200);
        JsonNode cellule = api.get("caf07", chemin).json().path("matrice").path("collectivites").get(0).path("competences").get(0);
        assertThat(cellule.path("modeImprime").asString()).isEqualTo("transférée par 12 communes sur 28");
        assertThat(cellule.path("populationImprimee").asInt()).isEqualTo(15_000);
        assertThat(cellule.path("communes")).isEmpty();
        assertThat(cellule.path("populationCommunesTransferantes").isNull()).isTrue();

        Reponse avecListe = api.put("caf07", chemin + "/matrice", saisie(1, "CCBA", Map.of("mode", "TRANSFEREE_PAR_CERTAINES_COMMUNES",
                "communes", List.of("Vals-les-Bains"), "populationImprimee", 3_000)));
        assertThat(avecListe.status()).as(avecListe.texte()).isEqualTo(200);
        int vals = territoires.commune("07331").orElseThrow().population();
        cellule = api.get("caf07", chemin).json().path("matrice").path("collectivites").get(0).path("competences").get(0);
        assertThat(cellule.path("populationCommunesTransferantes").asInt()).isEqualTo(vals);
        assertThat(cellule.path("ecartPopulation").asInt()).isEqualTo(3_000 - vals);

        Reponse commune = api.put("caf07", chemin + "/matrice", saisie(2, "Aubenas", Map.of("mode", "EXERCEE_PAR_LA_COMMUNE",
                "modeImprime", "exercée par la commune (plus de 10 000 habitants)")));
        assertThat(commune.status()).as(commune.texte()).isEqualTo(200);

        Document page = new ClientPages(mvc).get("caf07", "/conventions/" + id + "/ao").document();
        assertThat(page.select("table.matrice-ao .mode-imprime").eachText()).contains("« exercée par la commune (plus de 10 000 habitants) »");
        assertThat(page.select("table.matrice-ao .population-imprimee").text().replaceAll("[\\s\u00a0\u202f]", " "))
                .contains("Population imprimée : 3 000 hab.");
        assertThat(page.select("table.matrice-ao .ecart-population").text()).contains("Écart");
    }

    @Test
    void certaines_communes_needs_the_list_or_the_printed_population_and_a_negative_population_is_refused() {
        ClientApi api = new ClientApi(mvc);
        long id = api.creerConventionDeTest("caf07", "ao-imprime-refus").path("id").asLong();
        String chemin = "/api/v1/conventions/" + id + "/ao/matrice";

        Reponse rien = api.put("caf07", chemin, saisie(0, "CCBA", Map.of("mode", "TRANSFEREE_PAR_CERTAINES_COMMUNES")));
        Reponse negative = api.put("caf07", chemin, saisie(0, "CCBA", Map.of("mode", "TRANSFEREE_PAR_CERTAINES_COMMUNES",
                "populationImprimee", -5)));
        Reponse horsMode = api.put("caf07", chemin, saisie(0, "Aubenas", Map.of("mode", "EXERCEE_PAR_LA_COMMUNE", "populationImprimee", 5)));

        assertThat(rien.status()).isEqualTo(400);
        assertThat(rien.messageDuChamp("competences.PLANIFIER.communes")).contains("population imprimée");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.messageDuChamp("competences.PLANIFIER.populationImprimee")).contains("négative");
        assertThat(horsMode.status()).isEqualTo(400);
        assertThat(api.get("caf07", "/api/v1/conventions/" + id + "/ao").json().path("matrice").path("collectivites")).isEmpty();
    }
}
