package fr.pilotectg.organisation;

import java.util.Map;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Every département's Caf is in the referential from the start, and a convention can be attached to any of them. */
@IntegrationTest
class CafsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrganisationService organisations;

    @Test
    void every_departement_has_its_caf_with_its_name_and_the_demo_cafs_are_not_duplicated() {
        assertThat(jdbc.sql("SELECT count(DISTINCT code_departement) FROM organisation WHERE type = 'CAF'").query(Long.class).single())
                .isGreaterThanOrEqualTo(101);
        assertThat(jdbc.sql("SELECT count(*) FROM organisation WHERE type = 'CAF' AND code_departement = '07'").query(Long.class).single())
                .isEqualTo(1);
        assertThat(organisations.cafDuDepartement("05").orElseThrow().nom()).isEqualTo("Caf des Hautes-Alpes");
        assertThat(organisations.cafDuDepartement("974").orElseThrow().nom()).isEqualTo("Caf de La Réunion");
        assertThat(organisations.cafDuDepartement("2A").orElseThrow().nom()).isEqualTo("Caf de la Corse-du-Sud");
        assertThat(organisations.cafDuDepartement("07").orElseThrow().nom()).isEqualTo("Caf de l'Ardèche");
        assertThat(jdbc.sql("SELECT count(*) FROM organisation WHERE nom_normalise IS NULL").query(Long.class).single()).isZero();
        // The demo account of the Ardèche is attached to the referential's Caf.
        assertThat(jdbc.sql("SELECT o.code_departement FROM utilisateur u JOIN organisation o ON o.id = u.organisation_id WHERE u.identifiant = 'caf07'")
                .query(String.class).single()).isEqualTo("07");
    }

    @Test
    void the_admin_creates_through_the_api_a_convention_of_the_caf_of_the_05_and_of_the_974() {
        ClientApi api = new ClientApi(mvc);
        long caf05 = organisations.cafDuDepartement("05").orElseThrow().id();
        Reponse reponse = api.post("admin", "/api/v1/conventions", Map.of("titre", "CTG du Briançonnais (test Caf 05)",
                "cafId", caf05, "epci", "CC du Briançonnais", "dateDebut", "2027-01-01", "dureeAnnees", 4));
        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(201);
        JsonNode convention = reponse.json();
        assertThat(convention.path("caf").path("nom").asString()).isEqualTo("Caf des Hautes-Alpes");
        assertThat(convention.path("departement").asString()).isEqualTo("05");

        long caf974 = organisations.cafDuDepartement("974").orElseThrow().id();
        reponse = api.post("admin", "/api/v1/conventions", Map.of("titre", "CTG du Sud (test Caf 974)",
                "cafId", caf974, "epci", "CA du Sud", "dateDebut", "2027-01-01", "dureeAnnees", 4));
        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(201);
        assertThat(reponse.json().path("caf").path("nom").asString()).isEqualTo("Caf de La Réunion");
        assertThat(reponse.json().path("departement").asString()).isEqualTo("974");
    }

    @Test
    void the_creation_page_offers_every_caf_to_the_admin_and_creates_a_convention_of_the_974() {
        ClientPages pages = new ClientPages(mvc);
        long caf974 = organisations.cafDuDepartement("974").orElseThrow().id();
        var formulaire = pages.get("admin", "/conventions/nouvelle");
        assertThat(formulaire.document().select("#cafId option")).hasSizeGreaterThanOrEqualTo(101);
        assertThat(formulaire.document().select("#cafId option[value=" + caf974 + "]").text()).contains("Caf de La Réunion");

        var reponse = pages.poster("admin", "/conventions", Map.of("titre", "CTG Réunion Est (test page 974)",
                "cafId", String.valueOf(caf974), "epci", "CA Intercommunale de la Réunion Est (CIREST)",
                "dateDebut", "2027-01-01", "dureeAnnees", "4"));
        assertThat(reponse.redirection()).as(reponse.html()).startsWith("/conventions/");

        // An agent Caf is offered only their own Caf, and refused another one.
        assertThat(pages.get("caf07", "/conventions/nouvelle").document().select("#cafId option")).hasSize(1);
        Reponse refus = new ClientApi(mvc).post("caf07", "/api/v1/conventions", Map.of("titre", "CTG refusée",
                "cafId", organisations.cafDuDepartement("05").orElseThrow().id(), "epci", "CC du Briançonnais", "dureeAnnees", 4));
        assertThat(refus.status()).isEqualTo(400);
        assertThat(refus.champsEnErreur()).contains("cafId");
    }
}
