package fr.pilotectg.securite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Inputs found by the audit to bring a page down or to be stored wrongly: each is refused with a French 400 naming
 * its field (or, when acceptable, stored so that every page still works), and nothing is written on a refusal.
 */
@IntegrationTest
class SaisiesAberrantesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    ClientApi api;
    long conventionId;
    JsonNode convention;

    @BeforeEach
    void convention() {
        api = new ClientApi(mvc);
        convention = api.creerConventionDeTest("caf07", "saisies");
        conventionId = convention.path("id").asLong();
    }

    // --- finding 2: unbounded periods

    @Test
    void a_period_is_made_of_iso_dates_within_bounded_years_and_at_most_ten_years() {
        for (Object fin : List.of("9999-12-31", "+10000-01-01", 20260101, "2040-01-01", "31/12/2030", "2030-02-30")) {
            Reponse reponse = api.put("caf07", "/api/v1/conventions/" + conventionId + "?version=" + version(),
                    ClientApi.informations(convention, Map.of("dateFin", fin)));
            assertThat(reponse.status()).as("dateFin %s: %s", fin, reponse.texte()).isEqualTo(400);
            assertThat(reponse.champsEnErreur()).as("dateFin %s", fin).containsExactly("dateFin");
        }
        assertThat(api.convention("caf07", conventionId).path("dateFin").asString()).isEqualTo("2030-12-31");
        assertThat(api.post("caf07", "/api/v1/conventions", Map.of("titre", "Bornes", "cafId", api.cafArdeche(),
                "epci", ClientApi.CCBA, "dateDebut", "1850-01-01", "dureeAnnees", 4)).champsEnErreur()).containsExactly("dateDebut");
    }

    // --- finding 3: one write must not break a page for everyone

    @Test
    void a_funding_line_without_weight_leaves_the_diagnostic_readable_and_can_be_removed() {
        String diagnostic = "/api/v1/conventions/" + conventionId + "/diagnostic";
        Reponse ligne = api.post("caf07", diagnostic + "/financements",
                Map.of("secteur", "Jeunesse", "categorie", "Prestations de service", "annee", 2024, "montant", 1200));
        assertThat(ligne.status()).as(ligne.texte()).isEqualTo(201);

        assertThat(api.get("ccba", diagnostic).status()).isEqualTo(200);
        assertThat(new ClientPages(mvc).get("ccba", "/conventions/" + conventionId + "/diagnostic").status()).isEqualTo(200);
        assertThat(new ClientPages(mvc).get("ccba", "/conventions/" + conventionId + "/diagnostic/import").status()).isEqualTo(200);

        long id = ligne.json().path("id").asLong();
        assertThat(supprimer("ccba", diagnostic + "/financements/" + id)).isEqualTo(204);
        assertThat(api.get("ccba", diagnostic).json().path("financements").path("secteurs")).isEmpty();
        assertThat(supprimer("ccba", diagnostic + "/financements/" + id)).isEqualTo(404);
        assertThat(supprimer("caf42", diagnostic + "/eaje/1")).isIn(403, 404);
    }

    @Test
    void diagnostic_rows_refuse_impossible_years_weights_and_amounts() {
        String diagnostic = "/api/v1/conventions/" + conventionId + "/diagnostic";
        assertThat(api.post("caf07", diagnostic + "/eaje", Map.of("nom", "Crèche", "places", 20, "annee", Integer.MIN_VALUE))
                .champsEnErreur()).containsExactly("annee");
        assertThat(api.post("caf07", diagnostic + "/alsh", Map.of("nom", "ALSH", "categorie", "PERISCOLAIRE", "annee", 99999))
                .champsEnErreur()).containsExactly("annee");
        assertThat(api.post("caf07", diagnostic + "/financements", Map.of("secteur", "Jeunesse", "categorie", "PS",
                "annee", 2024, "montant", 10, "poids", 250)).champsEnErreur()).containsExactly("poids");
        assertThat(api.post("caf07", diagnostic + "/financements", Map.of("secteur", "Jeunesse", "categorie", "PS",
                "annee", 2024, "montant", new java.math.BigDecimal("1e30"))).status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM diagnostic_financement WHERE convention_id = :c").param("c", conventionId)
                .query(Long.class).single()).isZero();
    }

    // --- finding 5: unbounded and unchecked input

    @Test
    void json_texts_are_strings_without_control_characters_and_within_the_limit_of_their_field() {
        Map<String, Object> cas = new java.util.LinkedHashMap<>();
        cas.put("NUL", "Titre\u0000caché");
        cas.put("escape", "\u001b[31mrouge");
        cas.put("true", true);
        cas.put("number", 42);
        cas.put("301 characters", "t".repeat(301));
        cas.put("1 MB", "t".repeat(1_000_000));
        cas.forEach((nom, titre) -> {
            Reponse reponse = api.put("caf07", "/api/v1/conventions/" + conventionId + "?version=" + version(),
                    ClientApi.informations(convention, Map.of("titre", titre)));
            assertThat(reponse.status()).as("%s: %s", nom, reponse.texte().substring(0, Math.min(300, reponse.texte().length()))).isEqualTo(400);
            assertThat(reponse.champsEnErreur()).as(nom).containsExactly("titre");
        });
        assertThat(api.convention("caf07", conventionId).path("titre").asString()).isEqualTo(convention.path("titre").asString());
    }

    @Test
    void a_null_inside_a_list_is_refused_naming_its_place() {
        List<String> visas = new ArrayList<>(Arrays.asList("Vu le code", null));
        Reponse reponse = api.put("caf07", "/api/v1/conventions/" + conventionId + "?version=" + version(),
                ClientApi.informations(convention, Map.of("visas", visas)));
        assertThat(reponse.status()).isEqualTo(400);
        assertThat(reponse.champsEnErreur()).containsExactly("visas[1]");
    }

    @Test
    void form_fields_and_query_parameters_with_control_characters_or_too_long_get_a_french_400() throws Exception {
        int status = mvc.perform(MockMvcRequestBuilders.post("/conventions/" + conventionId + "/modifier")
                        .with(httpBasic("caf07", ClientApi.MOT_DE_PASSE)).with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("version", String.valueOf(version())).param("titre", "Titre\u0000"))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(400);
        Reponse recherche = api.get("caf07", "/api/v1/conventions?q=" + "x".repeat(400));
        assertThat(recherche.status()).isEqualTo(400);
        assertThat(recherche.champsEnErreur()).containsExactly("q");
        assertThat(api.convention("caf07", conventionId).path("titre").asString()).isEqualTo(convention.path("titre").asString());
    }

    @Test
    void a_huge_page_number_shows_an_empty_page_not_an_error() {
        assertThat(api.get("caf07", "/api/v1/conventions?page=2147483647").status()).isEqualTo(200);
        assertThat(new ClientPages(mvc).get("caf07", "/conventions?page=2147483647").status()).isEqualTo(200);
        assertThat(new ClientPages(mvc).get("caf07", "/conventions/" + conventionId + "/journal?page=2147483647").status()).isEqualTo(200);
    }

    @Test
    void a_csv_import_with_a_nul_character_names_its_line_and_column() {
        Reponse reponse = csv("indicateur;territoire;periode;valeur;source\nPOP;France;2024;1\u0000;INSEE\n");
        assertThat(reponse.status()).isEqualTo(400);
        assertThat(reponse.texte()).contains("ligne 2, colonne valeur");
    }

    private Reponse csv(String contenu) {
        try {
            var reponse = mvc.perform(MockMvcRequestBuilders.post("/api/v1/conventions/" + conventionId + "/diagnostic/valeurs")
                    .with(httpBasic("caf07", ClientApi.MOT_DE_PASSE)).contentType("text/csv")
                    .content(contenu.getBytes(java.nio.charset.StandardCharsets.UTF_8))).andReturn().getResponse();
            return new Reponse(reponse.getStatus(), reponse.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int supprimer(String utilisateur, String chemin) {
        try {
            return mvc.perform(MockMvcRequestBuilders.delete(chemin).with(httpBasic(utilisateur, ClientApi.MOT_DE_PASSE)))
                    .andReturn().getResponse().getStatus();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int version() {
        return api.convention("caf07", conventionId).path("version").asInt();
    }
}
