package fr.pilotectg.organisation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

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

/** One person, several mandates; a close name in a related organisation is suggested, never duplicated by accident. */
@IntegrationTest
class PersonnesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrganisationService organisations;

    @Test
    void a_person_holds_several_mandates_and_is_found_whatever_the_accents() {
        ClientApi api = new ClientApi(mvc);
        String nom = "Édouard-" + UUID.randomUUID().toString().substring(0, 6);
        long caf = api.cafArdeche();
        long ccba = ClientApi.idPartie(api.convention("caf07", api.aubenas()), ClientApi.CCBA);
        Reponse creee = api.post("caf07", "/api/v1/personnes", Map.of("civilite", "M.", "prenom", "Hélène", "nom", nom,
                "mandats", List.of(Map.of("organisationId", ccba, "fonction", "Vice-présidente", "debut", "2020-07-15"),
                        Map.of("organisationId", caf, "fonction", "Administratrice"))));
        assertThat(creee.status()).as(creee.texte()).isEqualTo(201);
        long id = creee.json().path("id").asLong();
        assertThat(creee.json().path("mandats")).hasSize(2);

        JsonNode trouvees = api.get("admin", "/api/v1/personnes?q=helene+" + nom.toUpperCase().replace("É", "E")).json();
        assertThat(trouvees.path("total").asLong()).isEqualTo(1);

        long mandat = creee.json().path("mandats").get(0).path("id").asLong();
        Reponse fin = api.put("caf07", "/api/v1/personnes/" + id, Map.of("version", 0, "civilite", "Mme", "prenom", "Hélène", "nom", nom,
                "mandats", List.of(Map.of("id", mandat, "organisationId", creee.json().path("mandats").get(0).path("organisationId").asLong(),
                        "fonction", "Vice-présidente", "debut", "2020-07-15", "fin", "2026-03-15"))));
        assertThat(fin.status()).as(fin.texte()).isEqualTo(200);
        assertThat(fin.json().path("civilite").asString()).isEqualTo("Mme");
        assertThat(fin.json().path("mandats").findValuesAsString("fin")).contains("2026-03-15");
        assertThat(api.put("caf07", "/api/v1/personnes/" + id, Map.of("version", 0, "nom", nom)).status()).isEqualTo(409);
        Reponse inversee = api.put("caf07", "/api/v1/personnes/" + id, Map.of("version", 1, "nom", nom,
                "mandats", List.of(Map.of("organisationId", caf, "fonction", "X", "debut", "2026-01-01", "fin", "2025-01-01"))));
        assertThat(inversee.status()).isEqualTo(400);
        assertThat(inversee.champsEnErreur()).contains("mandats[0].fin");
    }

    @Test
    void a_close_name_with_a_mandate_in_a_member_commune_of_the_epci_is_suggested_then_reused_or_confirmed() {
        ClientApi api = new ClientApi(mvc);
        String nom = "Chabert" + UUID.randomUUID().toString().substring(0, 4).replaceAll("\\d", "x");
        // The mayor of Aubenas (a commune of the CCBA)...
        Organisation aubenas = organisations.communeOuCreer("Aubenas", "07019", "07");
        Reponse maire = api.post("caf07", "/api/v1/personnes", Map.of("civilite", "M.", "prenom", "Jean-Yves", "nom", nom,
                "mandats", List.of(Map.of("organisationId", aubenas.id(), "fonction", "Maire"))));
        assertThat(maire.status()).as(maire.texte()).isEqualTo(201);
        long personne = maire.json().path("id").asLong();

        // ...is typed again, spelt differently, as the CCBA's president on a convention.
        long convention = api.creerConventionDeTest("caf07", "Doublon").path("id").asLong();
        JsonNode lue = api.convention("caf07", convention);
        long ccba = ClientApi.idPartie(lue, ClientApi.CCBA);
        int version = lue.path("version").asInt();
        long personnesAvant = jdbc.sql("SELECT count(*) FROM personne").query(Long.class).single();
        Reponse doublon = api.post("caf07", "/api/v1/conventions/" + convention + "/representants", Map.of("version", version,
                "organisationId", ccba, "civilite", "M.", "prenom", "Jean Yves", "nom", nom.toUpperCase(), "fonction", "Président"));
        assertThat(doublon.status()).as(doublon.texte()).isEqualTo(400);
        assertThat(doublon.json().path("candidats").get(0).path("id").asLong()).isEqualTo(personne);
        assertThat(doublon.json().path("message").asString()).contains("Maire — Aubenas");
        assertThat(jdbc.sql("SELECT count(*) FROM personne").query(Long.class).single()).isEqualTo(personnesAvant);
        assertThat(api.convention("caf07", convention).path("version").asInt()).isEqualTo(version);

        // The user picks the existing person: one person, two mandates.
        Reponse reutilisee = api.post("caf07", "/api/v1/conventions/" + convention + "/representants", Map.of("version", version,
                "organisationId", ccba, "personneId", personne, "fonction", "Président"));
        assertThat(reutilisee.status()).as(reutilisee.texte()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM personne").query(Long.class).single()).isEqualTo(personnesAvant);
        JsonNode fiche = api.get("admin", "/api/v1/personnes/" + personne).json();
        assertThat(fiche.path("mandats").findValuesAsString("fonction")).containsExactlyInAnyOrder("Maire", "Président");

        // Confirming a different person creates one.
        Reponse autre = api.post("caf07", "/api/v1/conventions/" + convention + "/representants", Map.of(
                "version", reutilisee.json().path("version").asInt(), "organisationId", ccba, "civilite", "M.",
                "prenom", "Jean Yves", "nom", nom.toUpperCase(), "fonction", "Vice-président", "nouvellePersonneConfirmee", true));
        assertThat(autre.status()).as(autre.texte()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM personne").query(Long.class).single()).isEqualTo(personnesAvant + 1);
    }

    @Test
    void the_convention_page_lists_the_close_people_and_the_candidate_organisations() {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        String nom = "Vernet" + UUID.randomUUID().toString().substring(0, 4).replaceAll("\\d", "y");
        long convention = api.creerConventionDeTest("caf07", "Page").path("id").asLong();
        JsonNode lue = api.convention("caf07", convention);
        long ccba = ClientApi.idPartie(lue, ClientApi.CCBA);
        Reponse premiere = api.post("caf07", "/api/v1/conventions/" + convention + "/representants", Map.of("version", lue.path("version").asInt(),
                "organisationId", ccba, "civilite", "Mme", "prenom", "Léa", "nom", nom, "fonction", "Présidente"));
        assertThat(premiere.status()).as(premiere.texte()).isEqualTo(200);
        int version = premiere.json().path("version").asInt();

        var reponse = pages.poster("caf07", "/conventions/" + convention + "/representants", Map.of("version", String.valueOf(version),
                "organisationId", String.valueOf(ccba), "civilite", "Mme", "prenom", "Lea", "nom", nom.toUpperCase(), "fonction", "Déléguée"));
        assertThat(reponse.flash()).containsKey("doublonsRepresentant");
        assertThat(reponse.messageErreur()).contains("Choisissez-la dans la liste");

        var partie = pages.poster("caf07", "/conventions/" + convention + "/parties", Map.of("version", String.valueOf(version),
                "organisation", "Caf de l Ardeche et du Vivarais", "role", "ASSOCIEE"));
        assertThat(partie.flash()).containsKey("candidatsPartie");
        assertThat(partie.messageErreur()).contains("choisissez-en une");
    }
}
