package fr.pilotectg.avenant;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

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

/**
 * An avenant that adds a party and removes another, on a convention of its own (signed here): bad changes refused
 * naming the field with nothing written; the diff reads "Partie ajoutée : …" and "Partie retirée : …"; while in draft
 * the parties in force are unchanged (and locked outside the avenant); at signature both apply, version 1 keeps the old ones.
 */
@IntegrationTest
class AvenantDesPartiesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void an_avenant_adds_a_party_and_removes_another_atomically_at_signature() {
        ClientApi api = new ClientApi(mvc);
        long id = api.creerConventionDeTest("caf07", "Avenant parties").path("id").asLong();
        String base = "/api/v1/conventions/" + id;
        List<Map<String, Object>> communes = jdbc.sql("SELECT id, nom FROM organisation WHERE type = 'COMMUNE' AND code_departement = '07' "
                + "AND id NOT IN (SELECT organisation_id FROM convention_partie WHERE convention_id = :c) ORDER BY id LIMIT 2")
                .param("c", id).query().listOfRows();
        assertThat(communes).hasSize(2);
        long retiree = (Long) communes.get(0).get("id");
        long ajoutee = (Long) communes.get(1).get("id");
        assertThat(api.post("caf07", base + "/parties", Map.of("version", version(api, id), "organisationId", retiree, "role", "SIGNATAIRE"))
                .status()).isEqualTo(200);
        for (String statut : List.of("DIAGNOSTIC", "PLAN_ACTIONS", "DELIBERATIONS", "SIGNEE")) {
            Reponse r = api.post("caf07", base + "/statut", Map.of("version", version(api, id), "statut", statut));
            assertThat(r.status()).as(r.texte()).isEqualTo(200);
        }
        long caf = jdbc.sql("SELECT caf_id FROM convention WHERE id = :c").param("c", id).query(Long.class).single();

        // Bad changes: 400 naming the change's field, nothing written.
        assertRefus(api, base, Map.of("type", "PARTIE_AJOUTEE"), "changements[0].organisationId", "indiquez l'organisation");
        assertRefus(api, base, Map.of("type", "PARTIE_AJOUTEE", "organisationId", retiree), "changements[0].organisationId", "déjà partie");
        assertRefus(api, base, Map.of("type", "PARTIE_AJOUTEE", "organisationId", 999_999_999L), "changements[0].organisationId", "référentiel");
        assertRefus(api, base, Map.of("type", "PARTIE_RETIREE", "organisationId", caf), "changements[0].organisationId", "Caf");
        assertRefus(api, base, Map.of("type", "PARTIE_RETIREE", "organisationId", ajoutee), "changements[0].organisationId", "n'est pas partie");
        assertThat(avenants(id)).isZero();

        Reponse redige = api.post("caf07", base + "/avenants", Map.of("objet", "Entrée d'une commune, sortie d'une autre",
                "changements", List.of(Map.of("type", "PARTIE_AJOUTEE", "organisationId", ajoutee, "role", "ASSOCIEE"),
                        Map.of("type", "PARTIE_RETIREE", "organisationId", retiree))));
        assertThat(redige.status()).as(redige.texte()).isEqualTo(201);
        assertThat(libelles(api.get("caf07", base + "/avenants/1/differences").json())).containsExactlyInAnyOrder(
                "Partie ajoutée : " + communes.get(1).get("nom"), "Partie retirée : " + communes.get(0).get("nom"));

        // In draft: the parties in force are unchanged, and cannot be changed outside the avenant.
        assertThat(parties(id)).contains(retiree).doesNotContain(ajoutee);
        assertThat(api.post("caf07", base + "/parties", Map.of("version", version(api, id), "organisationId", ajoutee, "role", "SIGNATAIRE"))
                .status()).isEqualTo(409);
        assertThat(parties(id)).doesNotContain(ajoutee);
        // A second draft on the same party is warned (409 until confirmed).
        Reponse chevauche = api.post("caf07", base + "/avenants", Map.of("objet", "Autre",
                "changements", List.of(Map.of("type", "PARTIE_RETIREE", "organisationId", retiree))));
        assertThat(chevauche.status()).isEqualTo(409);
        assertThat(chevauche.texte()).contains("la partie " + communes.get(0).get("nom"));

        Reponse signe = api.post("caf07", base + "/avenants/1/statut", Map.of("version", 0, "statut", "SIGNE", "date", "2026-06-01"));
        assertThat(signe.status()).as(signe.texte()).isEqualTo(200);
        assertThat(parties(id)).contains(ajoutee, caf).doesNotContain(retiree);
        assertThat(jdbc.sql("SELECT role FROM convention_partie WHERE convention_id = :c AND organisation_id = :o")
                .param("c", id).param("o", ajoutee).query(String.class).single()).isEqualTo("ASSOCIEE");
        JsonNode v1 = api.get("caf07", base + "/versions/1").json().path("contenu").path("parties");
        assertThat(StreamSupport.stream(v1.spliterator(), false).map(p -> p.path("organisationId").asLong()).toList())
                .contains(retiree).doesNotContain(ajoutee);
        assertThat(libelles(api.get("caf07", base + "/versions/1/comparaison/2").json())).containsExactlyInAnyOrder(
                "Partie ajoutée : " + communes.get(1).get("nom"), "Partie retirée : " + communes.get(0).get("nom"));

        // The form: a name that designates no organisation is refused on the page, nothing written.
        ClientPages pages = new ClientPages(mvc);
        assertThat(pages.get("caf07", "/conventions/" + id + "/avenants/nouveau").html()).contains("Partie retirée")
                .contains((String) communes.get(1).get("nom"));
        ClientPages.Page refus = pages.poster("caf07", "/conventions/" + id + "/avenants/nouveau",
                Map.of("objet", "Partie inconnue", "partieAjoutee", "Organisation qui n'existe nulle part"));
        assertThat(refus.status()).isEqualTo(200);
        assertThat(refus.html()).contains("Aucune organisation du référentiel");
        ClientPages.Page retrait = pages.poster("caf07", "/conventions/" + id + "/avenants/nouveau",
                Map.of("objet", "Sortie par le formulaire", "partieRetiree", String.valueOf(ajoutee)));
        assertThat(retrait.status()).isEqualTo(302);
        assertThat(libelles(api.get("caf07", base + "/avenants/2/differences").json()))
                .containsExactly("Partie retirée : " + communes.get(1).get("nom"));
        assertThat(avenants(id)).isEqualTo(2);
    }

    @Test
    void an_avenant_adds_and_removes_rows_of_the_services_annex_atomically_at_signature() {
        ClientApi api = new ClientApi(mvc);
        long id = api.creerConventionDeTest("caf07", "Avenant services").path("id").asLong();
        String base = "/api/v1/conventions/" + id;
        Reponse ligne = api.post("caf07", base + "/services", Map.of("type", "LAEP", "nom", "LAEP Les Petits Pas"));
        assertThat(ligne.status()).as(ligne.texte()).isEqualTo(201);
        long laep = ligne.json().path("id").asLong();
        for (String statut : List.of("DIAGNOSTIC", "PLAN_ACTIONS", "DELIBERATIONS", "SIGNEE")) {
            assertThat(api.post("caf07", base + "/statut", Map.of("version", version(api, id), "statut", statut)).status()).isEqualTo(200);
        }

        assertRefus(api, base, Map.of("type", "SERVICE_RETIRE", "serviceId", 999_999_999L), "changements[0].serviceId", "n'est pas dans l'annexe");
        assertRefus(api, base, Map.of("type", "SERVICE_AJOUTE", "champs", Map.of("type", "PISCINE", "nom", "Bassin")),
                "changements[0].champs.type", "catalogue");
        assertRefus(api, base, Map.of("type", "SERVICE_AJOUTE", "champs", Map.of("type", "RPE")), "changements[0].champs.nom", "obligatoire");
        assertRefus(api, base, Map.of("type", "SERVICE_AJOUTE", "champs", Map.of("type", "RPE", "nom", "Relais", "capacite", "douze")),
                "changements[0].champs.capacite", "nombre entier");
        assertThat(avenants(id)).isZero();

        Reponse redige = api.post("caf07", base + "/avenants", Map.of("objet", "Le LAEP remplacé par un relais",
                "changements", List.of(Map.of("type", "SERVICE_RETIRE", "serviceId", laep),
                        Map.of("type", "SERVICE_AJOUTE", "champs", Map.of("type", "RPE", "nom", "Relais des Monts", "capacite", "12")))));
        assertThat(redige.status()).as(redige.texte()).isEqualTo(201);
        List<String> differences = libelles(api.get("caf07", base + "/avenants/1/differences").json());
        assertThat(differences).hasSize(2);
        assertThat(differences).anySatisfy(d -> assertThat(d).startsWith("Service retiré : ").contains("« LAEP Les Petits Pas »"))
                .anySatisfy(d -> assertThat(d).startsWith("Service ajouté : Relais petite enfance « Relais des Monts »").contains("12 places"));

        // In draft the annex in force is unchanged; at signature both changes apply.
        assertThat(noms(api, base)).containsExactly("LAEP Les Petits Pas");
        assertThat(api.post("caf07", base + "/avenants/1/statut", Map.of("version", 0, "statut", "SIGNE", "date", "2026-07-01")).status())
                .isEqualTo(200);
        assertThat(noms(api, base)).containsExactly("Relais des Monts");
        assertThat(libelles(api.get("caf07", base + "/versions/1/comparaison/2").json()))
                .anySatisfy(d -> assertThat(d).startsWith("Service retiré : ").contains("LAEP Les Petits Pas"))
                .anySatisfy(d -> assertThat(d).startsWith("Service ajouté : ").contains("Relais des Monts"));
        assertThat(new ClientPages(mvc).get("caf07", "/conventions/" + id + "/avenants/nouveau").html())
                .contains("Service retiré de l'annexe").contains("Relais des Monts");
    }

    private static List<String> noms(ClientApi api, String base) {
        return StreamSupport.stream(api.get("caf07", base + "/services").json().spliterator(), false)
                .map(s -> s.path("nom").asString()).toList();
    }

    private void assertRefus(ClientApi api, String base, Map<String, Object> changement, String champ, String extrait) {
        Reponse r = api.post("caf07", base + "/avenants", Map.of("objet", "Refusé", "changements", List.of(changement)));
        assertThat(r.status()).as(r.texte()).isEqualTo(400);
        assertThat(r.champsEnErreur()).contains(champ);
        assertThat(r.messageDuChamp(champ)).contains(extrait);
    }

    private static int version(ClientApi api, long id) {
        return api.convention("caf07", id).path("version").asInt();
    }

    private List<Long> parties(long id) {
        return jdbc.sql("SELECT organisation_id FROM convention_partie WHERE convention_id = :c").param("c", id).query(Long.class).list();
    }

    private long avenants(long id) {
        return jdbc.sql("SELECT count(*) FROM avenant WHERE convention_id = :c").param("c", id).query(Long.class).single();
    }

    private static List<String> libelles(JsonNode differences) {
        return StreamSupport.stream(differences.spliterator(), false).map(d -> d.path("libelle").asString()).toList();
    }
}
