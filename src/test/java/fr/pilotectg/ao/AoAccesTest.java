package fr.pilotectg.ao;

import java.util.List;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Same rights as the convention: readers read, writers write, others get 403 — and a refusal changes nothing. */
@IntegrationTest
class AoAccesTest {

    @Autowired
    MockMvc mvc;

    ClientApi api;
    ClientPages pages;

    @BeforeEach
    void clients() {
        api = new ClientApi(mvc);
        pages = new ClientPages(mvc);
    }

    @Test
    void the_api_answers_matrix_rules_and_projection_to_readers() {
        JsonNode ao = api.get("lecteur", "/api/v1/conventions/" + api.aubenas() + "/ao").json();

        assertThat(ao.path("matrice").path("version").isInt()).isTrue();
        JsonNode competence = ao.path("matrice").path("collectivites").get(0).path("competences").get(0);
        assertThat(List.of("code", "libelle", "mode", "libelleMode", "communes")).allMatch(competence::has);
        JsonNode obligation = ao.path("regles").get(0).path("obligations").get(0);
        assertThat(List.of("code", "libelle", "applique", "satisfaite", "preuves", "manque")).allMatch(obligation::has);
        assertThat(ao.path("projection").path("annees")).hasSize(5);
    }

    @Test
    void another_caf_or_another_epci_gets_403_on_the_api_and_the_pages() {
        for (String[] refus : List.of(new String[] {"caf42", "aubenas"}, new String[] {"ccba", "pilat"}, new String[] {"pilat", "aubenas"})) {
            long id = refus[1].equals("aubenas") ? api.aubenas() : api.pilat();
            assertThat(api.get(refus[0], "/api/v1/conventions/" + id + "/ao").status()).as(refus[0] + " " + refus[1]).isEqualTo(403);
            assertThat(pages.get(refus[0], "/conventions/" + id + "/ao").status()).as(refus[0] + " " + refus[1]).isEqualTo(403);
            assertThat(pages.get(refus[0], "/conventions/" + id + "/extrait-cdsf").status()).as(refus[0] + " " + refus[1]).isEqualTo(403);
        }
    }

    @Test
    void the_reader_and_a_foreign_caf_cannot_write_and_the_matrix_stays_as_it_was() {
        long aubenas = api.aubenas();
        JsonNode avant = api.get("caf07", "/api/v1/conventions/" + aubenas + "/ao").json();
        int version = avant.path("matrice").path("version").asInt();
        Map<String, Object> saisie = AoSaisieTest.saisie(version, "CCBA", ModeExercice.SANS_OBJET, List.of());
        String siren = api.convention("caf07", aubenas).path("territoireSiren").asString();

        for (String utilisateur : List.of("lecteur", "caf42", "palabre")) {
            Reponse matrice = api.put(utilisateur, "/api/v1/conventions/" + aubenas + "/ao/matrice", saisie);
            Reponse projection = api.put(utilisateur, "/api/v1/conventions/" + aubenas + "/ao/projection/" + siren,
                    Map.of("version", avant.path("projection").path("version").asInt(), "lignes", List.of()));
            assertThat(matrice.status()).as(utilisateur).isEqualTo(403);
            assertThat(projection.status()).as(utilisateur).isEqualTo(403);
        }
        assertThat(pages.poster("lecteur", "/conventions/" + aubenas + "/ao/matrice", Map.of("version", String.valueOf(version),
                "collectivite", siren)).status()).isEqualTo(403);
        assertThat(pages.poster("lecteur", "/conventions/" + aubenas + "/ao/projection/retirer", Map.of("version", "0",
                "ao", siren, "ligne", "0")).status()).isEqualTo(403);
        assertThat(api.get("caf07", "/api/v1/conventions/" + aubenas + "/ao").json()).isEqualTo(avant);
    }
}
