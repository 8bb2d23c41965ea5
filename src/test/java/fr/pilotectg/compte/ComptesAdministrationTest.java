package fr.pilotectg.compte;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import fr.pilotectg.shared.audit.Journal;
import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts administration (ADR 0008): the admin manages every account; an administrator of a Caf those of its Caf and
 * of the organisations of its Caf's conventions, never another Caf's (403, nothing written).
 */
@IntegrationTest
class ComptesAdministrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Journal journal;

    ClientApi api;
    ClientPages pages;
    ComptesDeTest comptes;
    long cafArdeche;
    long cafLoire;
    long ccba;
    long ccmp;

    @BeforeEach
    void preparer() {
        api = new ClientApi(mvc);
        pages = new ClientPages(mvc);
        comptes = new ComptesDeTest(api, jdbc);
        cafArdeche = api.cafArdeche();
        cafLoire = api.convention("admin", api.pilat()).path("caf").path("id").asLong();
        ccba = comptes.organisation(ClientApi.CCBA);
        ccmp = jdbc.sql("SELECT organisation_id FROM convention_partie p JOIN organisation o ON o.id = p.organisation_id "
                + "WHERE p.convention_id = :c AND o.type = 'EPCI'").param("c", api.pilat()).query(Long.class).single();
    }

    @Test
    void the_admin_creates_lists_changes_deactivates_and_reactivates_an_account_and_everything_is_journalled() {
        String adresse = ComptesDeTest.adresse("Agent.Ardeche").replace("agent", "Agent");
        Reponse creation = api.post("admin", "/api/v1/utilisateurs",
                ComptesDeTest.corps("  " + adresse.toUpperCase() + " ", "Agnès Ardèche", cafArdeche, "AGENT_CAF", false));
        assertThat(creation.status()).as(creation.texte()).isEqualTo(201);
        JsonNode compte = creation.json().path("compte");
        long id = compte.path("id").asLong();
        assertThat(compte.path("identifiant").asString()).isEqualTo(adresse.toLowerCase());
        assertThat(compte.path("actif").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT courriel FROM utilisateur WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo(adresse.toLowerCase());

        JsonNode trouves = api.get("admin", "/api/v1/utilisateurs?q=agnes ardeche").json();
        assertThat(trouves.path("comptes")).extracting(c -> c.path("id").asLong()).contains(id);
        assertThat(pages.get("admin", "/utilisateurs?q=Agnès").document().select("#comptes tbody tr").text()).contains("Agnès Ardèche");

        Reponse role = api.put("admin", "/api/v1/utilisateurs/" + id + "/role", Map.of("version", 0, "role", "AGENT_CAF", "administrateurCaf", true));
        assertThat(role.status()).as(role.texte()).isEqualTo(200);
        assertThat(role.json().path("administrateurCaf").asBoolean()).isTrue();

        Reponse perime = api.put("admin", "/api/v1/utilisateurs/" + id + "/role", Map.of("version", 0, "role", "LECTEUR"));
        assertThat(perime.status()).isEqualTo(409);
        assertThat(perime.texte()).contains("modifié par quelqu'un d'autre");

        Reponse desactivation = api.post("admin", "/api/v1/utilisateurs/" + id + "/desactivation", Map.of("version", 1));
        assertThat(desactivation.status()).as(desactivation.texte()).isEqualTo(200);
        assertThat(desactivation.json().path("actif").asBoolean()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM utilisateur WHERE id = :id").param("id", id).query(Long.class).single())
                .as("never deleted").isEqualTo(1);
        Reponse reactivation = api.post("admin", "/api/v1/utilisateurs/" + id + "/reactivation", Map.of("version", 2));
        assertThat(reactivation.json().path("actif").asBoolean()).isTrue();

        assertThat(journal.pourObjet("utilisateur", id)).extracting(e -> e.action())
                .containsExactly("réactivation", "désactivation", "changement de rôle", "invitation", "création");
    }

    @Test
    void bad_input_is_refused_naming_the_field_and_nothing_is_written() {
        String existant = comptes.creer("existant", ccba, "CHARGE_COOPERATION", false).path("identifiant").asString();
        String avant = comptes.etat();
        Map<String, List<String>> cas = Map.of(
                "pas-une-adresse", List.of("identifiant"),
                existant.toUpperCase(), List.of("identifiant"));
        cas.forEach((identifiant, champs) -> {
            Reponse reponse = api.post("admin", "/api/v1/utilisateurs", ComptesDeTest.corps(identifiant, "Quelqu'un", ccba, "PORTEUR", false));
            assertThat(reponse.status()).as(identifiant).isEqualTo(400);
            assertThat(reponse.champsEnErreur()).containsAll(champs);
        });
        Reponse agentDansUnEpci = api.post("admin", "/api/v1/utilisateurs",
                ComptesDeTest.corps(ComptesDeTest.adresse("epci"), "Quelqu'un", ccba, "AGENT_CAF", false));
        assertThat(agentDansUnEpci.status()).isEqualTo(400);
        assertThat(agentDansUnEpci.messageDuChamp("role")).contains("Agent Caf");
        Reponse sansNom = api.post("admin", "/api/v1/utilisateurs", ComptesDeTest.corps(ComptesDeTest.adresse("sans-nom"), " ", ccba, "PORTEUR", false));
        assertThat(sansNom.champsEnErreur()).containsExactly("nomAffiche");
        Reponse drapeauSurUnPorteur = api.post("admin", "/api/v1/utilisateurs",
                ComptesDeTest.corps(ComptesDeTest.adresse("drapeau"), "Quelqu'un", ccba, "PORTEUR", true));
        assertThat(drapeauSurUnPorteur.champsEnErreur()).containsExactly("administrateurCaf");

        ClientPages.Page page = pages.poster("admin", "/utilisateurs", Map.of("identifiant", "non", "nomAffiche", "X",
                "organisationId", String.valueOf(ccba), "role", "PORTEUR"));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.document().select("#erreur-identifiant").text()).contains("adresse électronique");
        assertThat(comptes.etat()).isEqualTo(avant);
    }

    @Test
    void an_administrator_of_a_caf_manages_its_caf_and_the_parties_of_its_conventions_never_another_caf() {
        String adminCaf = comptes.creer("admin-caf07", cafArdeche, "AGENT_CAF", true).path("identifiant").asString();
        long pilat = jdbc.sql("SELECT id FROM utilisateur WHERE identifiant = 'pilat'").query(Long.class).single();
        long caf42 = jdbc.sql("SELECT id FROM utilisateur WHERE identifiant = 'caf42'").query(Long.class).single();

        Reponse ccbaCree = api.post(adminCaf, "/api/v1/utilisateurs",
                ComptesDeTest.corps(ComptesDeTest.adresse("charge-ccba"), "Chargée CCBA", ccba, "CHARGE_COOPERATION", false));
        assertThat(ccbaCree.status()).as(ccbaCree.texte()).isEqualTo(201);
        Reponse agentCree = api.post(adminCaf, "/api/v1/utilisateurs",
                ComptesDeTest.corps(ComptesDeTest.adresse("agent07"), "Agent Ardèche", cafArdeche, "AGENT_CAF", false));
        assertThat(agentCree.status()).as(agentCree.texte()).isEqualTo(201);

        assertThat(identifiants(adminCaf, "caf07")).contains("caf07");
        assertThat(identifiants(adminCaf, "ccba")).contains("ccba");
        for (String horsPerimetre : List.of("caf42", "pilat", "admin")) {
            assertThat(identifiants(adminCaf, horsPerimetre)).doesNotContain(horsPerimetre);
        }

        String avant = comptes.etat();
        Reponse autreCaf = api.post(adminCaf, "/api/v1/utilisateurs",
                ComptesDeTest.corps(ComptesDeTest.adresse("loire"), "Agent Loire", cafLoire, "AGENT_CAF", false));
        assertThat(autreCaf.status()).isEqualTo(403);
        assertThat(api.post(adminCaf, "/api/v1/utilisateurs",
                ComptesDeTest.corps(ComptesDeTest.adresse("ccmp"), "Chargé Pilat", ccmp, "CHARGE_COOPERATION", false)).status()).isEqualTo(403);
        assertThat(api.post(adminCaf, "/api/v1/utilisateurs",
                ComptesDeTest.corps(ComptesDeTest.adresse("admin"), "Admin", cafArdeche, "ADMIN", false)).status()).isEqualTo(403);
        assertThat(api.get(adminCaf, "/api/v1/utilisateurs/" + pilat).status()).isEqualTo(403);
        assertThat(api.post(adminCaf, "/api/v1/utilisateurs/" + pilat + "/desactivation", Map.of("version", 0)).status()).isEqualTo(403);
        assertThat(api.put(adminCaf, "/api/v1/utilisateurs/" + caf42 + "/role", Map.of("version", 0, "role", "LECTEUR")).status()).isEqualTo(403);
        assertThat(pages.poster(adminCaf, "/utilisateurs/" + caf42 + "/desactivation", Map.of("version", "0")).status()).isEqualTo(403);
        assertThat(pages.poster(adminCaf, "/utilisateurs", Map.of("identifiant", ComptesDeTest.adresse("p"), "nomAffiche", "P",
                "organisationId", String.valueOf(cafLoire), "role", "AGENT_CAF")).status()).isEqualTo(403);
        assertThat(comptes.etat()).as("nothing written by the refusals").isEqualTo(avant);

        assertThat(pages.get(adminCaf, "/utilisateurs/nouveau").document().select("#organisationId option").text())
                .contains("Caf de l'Ardèche").contains(ClientApi.CCBA).doesNotContain("Caf de la Loire");
    }

    @Test
    void the_pages_create_an_account_and_deactivate_it() {
        String adresse = ComptesDeTest.adresse("page");
        ClientPages.Page creation = pages.poster("admin", "/utilisateurs", Map.of("identifiant", adresse, "nomAffiche", "Paule Page",
                "organisationId", String.valueOf(ccba), "role", "PORTEUR"));
        assertThat(creation.status()).isEqualTo(200);
        assertThat(creation.document().select("#lien-invitation").attr("value")).contains("/mot-de-passe/nouveau?jeton=");
        String chemin = creation.document().select("#changer-role").attr("action").replace("/role", "");
        ClientPages.Page compte = pages.get("admin", chemin);
        assertThat(compte.document().select("#lien-invitation")).as("the link is shown once").isEmpty();
        assertThat(compte.document().select("#fiche-compte").text()).contains(adresse, "Porteur d'action", ClientApi.CCBA, "actif");

        ClientPages.Page desactivation = pages.soumettre("admin", compte.document(), "#desactiver");
        assertThat(desactivation.status()).isEqualTo(302);
        assertThat(pages.get("admin", chemin).document().select("#etat-compte").text()).isEqualTo("désactivé");
        assertThat(pages.get("admin", "/utilisateurs").document().select("nav a[href='/utilisateurs']").text()).contains("Comptes");
        assertThat(pages.get("caf07", "/conventions").document().select("nav a[href='/utilisateurs']")).isEmpty();
    }

    private List<String> identifiants(String utilisateur, String recherche) {
        Reponse reponse = api.get(utilisateur, "/api/v1/utilisateurs?q=" + recherche);
        assertThat(reponse.status()).isEqualTo(200);
        return StreamSupport.stream(reponse.json().path("comptes").spliterator(), false).map(c -> c.path("identifiant").asString()).toList();
    }
}
