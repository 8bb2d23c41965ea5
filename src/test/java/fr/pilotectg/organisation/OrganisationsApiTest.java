package fr.pilotectg.organisation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class OrganisationsApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private String unique() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void siren_is_checked_with_its_luhn_key_and_nothing_is_written() {
        ClientApi api = new ClientApi(mvc);
        long avant = jdbc.sql("SELECT count(*) FROM organisation").query(Long.class).single();
        Reponse faux = api.post("caf07", "/api/v1/organisations", Map.of("type", "ASSOCIATION", "nom", "Asso " + unique(), "siren", "732829321"));
        assertThat(faux.status()).isEqualTo(400);
        assertThat(faux.messageDuChamp("siren")).contains("clé de contrôle", "Luhn");
        Reponse court = api.post("caf07", "/api/v1/organisations", Map.of("type", "ASSOCIATION", "nom", "Asso " + unique(), "siren", "12345"));
        assertThat(court.messageDuChamp("siren")).contains("9 chiffres");
        assertThat(jdbc.sql("SELECT count(*) FROM organisation").query(Long.class).single()).isEqualTo(avant);

        Reponse bon = api.post("caf07", "/api/v1/organisations", Map.of("type", "ASSOCIATION", "nom", "Asso " + unique(), "siren", "732 829 320"));
        assertThat(bon.status()).as(bon.texte()).isEqualTo(201);
        assertThat(bon.json().path("siren").asString()).isEqualTo("732829320");
        Reponse double_ = api.post("caf07", "/api/v1/organisations", Map.of("type", "ASSOCIATION", "nom", "Autre " + unique(), "siren", "732829320"));
        assertThat(double_.status()).isEqualTo(400);
        assertThat(double_.messageDuChamp("siren")).contains("déjà");
    }

    @Test
    void aliases_are_found_by_the_normalised_matcher_and_edits_are_versioned() {
        ClientApi api = new ClientApi(mvc);
        String marque = unique();
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("type", "CENTRE_SOCIAL");
        corps.put("nom", "Centre social des Écureuils " + marque);
        corps.put("sigle", "CSE" + marque);
        corps.put("codeDepartement", "07");
        corps.put("aliases", List.of("Maison des familles Saint-Étienne-de-Fontbellon " + marque));
        Reponse creee = api.post("caf07", "/api/v1/organisations", corps);
        assertThat(creee.status()).as(creee.texte()).isEqualTo(201);
        long id = creee.json().path("id").asLong();

        JsonNode candidats = api.get("ccba", "/api/v1/organisations?q=MAISON+DES+FAMILLES+ST+ETIENNE+DE+FONTBELLON+" + marque).json();
        assertThat(candidats.get(0).path("id").asLong()).isEqualTo(id);
        assertThat(candidats.get(0).path("score").asDouble()).isEqualTo(1.0);
        assertThat(candidats.get(0).path("type").asString()).isEqualTo("CENTRE_SOCIAL");
        assertThat(candidats.get(0).path("codeDepartement").asString()).isEqualTo("07");
        assertThat(api.get("admin", "/api/v1/organisations/liste?q=fontbellon+" + marque).json().path("total").asLong()).isEqualTo(1);
        assertThat(api.get("admin", "/api/v1/organisations/liste?q=ecureuils+" + marque).json().path("total").asLong()).isEqualTo(1);

        corps.put("version", 0);
        corps.put("adresse", "1 place de la Mairie");
        Reponse modifiee = api.put("caf07", "/api/v1/organisations/" + id, corps);
        assertThat(modifiee.status()).as(modifiee.texte()).isEqualTo(200);
        assertThat(modifiee.json().path("version").asInt()).isEqualTo(1);
        Reponse perimee = api.put("caf07", "/api/v1/organisations/" + id, corps);
        assertThat(perimee.status()).isEqualTo(409);
        assertThat(perimee.json().path("message").asString()).contains("modifiée par quelqu'un d'autre");
        corps.remove("version");
        assertThat(api.put("caf07", "/api/v1/organisations/" + id, corps).messageDuChamp("version")).contains("Version manquante");
    }

    @Test
    void merging_moves_every_reference_in_one_go_journals_it_and_hides_the_duplicate() {
        ClientApi api = new ClientApi(mvc);
        String marque = unique();
        long gardee = OrganisationsAccesTest.creer(api, "Centre social Le Lien " + marque);
        long doublon = OrganisationsAccesTest.creer(api, "Centre Social le Lien (doublon) " + marque);
        long convention = api.creerConventionDeTest("caf07", "Fusion").path("id").asLong();
        int version = api.convention("caf07", convention).path("version").asInt();
        Reponse partie = api.post("caf07", "/api/v1/conventions/" + convention + "/parties",
                Map.of("version", version, "organisationId", doublon, "role", "ASSOCIEE"));
        assertThat(partie.status()).as(partie.texte()).isEqualTo(200);
        version = partie.json().path("version").asInt();
        Reponse representant = api.post("caf07", "/api/v1/conventions/" + convention + "/representants", Map.of("version", version,
                "organisationId", doublon, "civilite", "Mme", "prenom", "Zoé", "nom", "Fusionnée" + marque, "fonction", "Directrice"));
        assertThat(representant.status()).as(representant.texte()).isEqualTo(200);

        Reponse fusion = api.post("admin", "/api/v1/organisations/" + doublon + "/fusion",
                Map.of("version", 0, "gardeeId", gardee, "versionGardee", 0));
        assertThat(fusion.status()).as(fusion.texte()).isEqualTo(200);
        assertThat(fusion.json().path("aliases").toString()).contains("(doublon)");

        JsonNode apres = api.convention("caf07", convention);
        assertThat(ClientApi.idPartie(apres, "Centre social Le Lien " + marque)).isEqualTo(gardee);
        assertThat(jdbc.sql("SELECT count(*) FROM convention_partie WHERE organisation_id = ?").param(doublon).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM mandat WHERE organisation_id = ?").param(doublon).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM convention_representant WHERE organisation_id = ?").param(gardee).query(Long.class).single()).isEqualTo(1);
        JsonNode doublonLu = api.get("admin", "/api/v1/organisations/" + doublon).json();
        assertThat(doublonLu.path("actif").asBoolean()).isFalse();
        assertThat(doublonLu.path("fusionneeDans").asLong()).isEqualTo(gardee);
        assertThat(jdbc.sql("SELECT count(*) FROM journal WHERE objet_type = 'organisation' AND action = 'fusion' AND objet_id IN (?, ?)")
                .params(doublon, gardee).query(Long.class).single()).isEqualTo(2);
        // The duplicate is no longer offered; its name now finds the organisation kept.
        JsonNode candidats = api.get("ccba", "/api/v1/organisations?q=Centre+Social+le+Lien+(doublon)+" + marque).json();
        assertThat(candidats.findValuesAsString("id")).doesNotContain(String.valueOf(doublon));
        assertThat(candidats.get(0).path("id").asLong()).isEqualTo(gardee);
    }

    @Test
    void deactivated_organisations_are_hidden_from_searches_but_kept() {
        ClientApi api = new ClientApi(mvc);
        String marque = unique();
        long id = OrganisationsAccesTest.creer(api, "Association Éphémère " + marque);
        assertThat(api.get("ccba", "/api/v1/organisations?q=ephemere+" + marque).json()).hasSize(1);
        Reponse sansVersion = api.post("admin", "/api/v1/organisations/" + id + "/desactivation", Map.of());
        assertThat(sansVersion.messageDuChamp("version")).contains("Version manquante");
        assertThat(api.post("admin", "/api/v1/organisations/" + id + "/desactivation", Map.of("version", 0)).status()).isEqualTo(200);
        assertThat(api.get("ccba", "/api/v1/organisations?q=ephemere+" + marque).json()).isEmpty();
        assertThat(api.get("admin", "/api/v1/organisations/liste?q=ephemere+" + marque).json().path("total").asLong()).isZero();
        assertThat(api.get("admin", "/api/v1/organisations/liste?inactives=true&q=ephemere+" + marque).json().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void a_party_named_as_printed_resolves_to_its_organisation_and_keeps_the_printed_name() {
        ClientApi api = new ClientApi(mvc);
        long ccba = ClientApi.idPartie(api.convention("caf07", api.aubenas()), ClientApi.CCBA);
        // The CCBA is added to a convention of another EPCI of the Ardèche.
        Reponse creation = api.post("admin", "/api/v1/conventions", Map.of("titre", "CTG Imprimé " + unique(),
                "cafId", api.cafArdeche(), "epci", "CC du Pays de Lamastre", "dureeAnnees", 4));
        assertThat(creation.status()).as(creation.texte()).isEqualTo(201);
        long autre = creation.json().path("id").asLong();
        int version = api.convention("admin", autre).path("version").asInt();

        Reponse reponse = api.post("caf07", "/api/v1/conventions/" + autre + "/parties", Map.of("version", version,
                "nomImprime", "Communauté de communes du Bassin d'Aubenas (CCBA)", "role", "SIGNATAIRE"));
        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(200);
        JsonNode partie = null;
        for (JsonNode p : reponse.json().path("parties")) {
            if (p.path("organisation").path("id").asLong() == ccba) {
                partie = p;
            }
        }
        assertThat(partie).as("CCBA partie").isNotNull();
        assertThat(partie.path("nomImprime").asString()).isEqualTo("Communauté de communes du Bassin d'Aubenas (CCBA)");
        assertThat(partie.path("nom").asString()).isEqualTo(ClientApi.CCBA);

        int apres = reponse.json().path("version").asInt();
        Reponse inconnu = api.post("caf07", "/api/v1/conventions/" + autre + "/parties", Map.of("version", apres,
                "nomImprime", "Communaute de communes du Bassin d'Aubenaz", "role", "ASSOCIEE"));
        assertThat(inconnu.status()).isEqualTo(400);
        assertThat(inconnu.champsEnErreur()).contains("nomImprime");
        assertThat(inconnu.json().path("candidats").get(0).path("id").asLong()).isEqualTo(ccba);
        assertThat(inconnu.json().path("candidats").get(0).path("siren").asString()).isEqualTo("200073245");
        assertThat(inconnu.json().path("candidats").get(0).path("type").asString()).isEqualTo("EPCI");
        Reponse rien = api.post("caf07", "/api/v1/conventions/" + autre + "/parties", Map.of("version", apres,
                "nomImprime", "Zzyzx Qwfpgj", "role", "ASSOCIEE"));
        assertThat(rien.status()).isEqualTo(400);
        assertThat(rien.json().path("candidats").isArray()).isTrue();
        assertThat(api.convention("caf07", autre).path("version").asInt()).isEqualTo(apres);
    }
}
