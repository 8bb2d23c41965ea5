package fr.pilotectg.gouvernance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.ClientPages.Page;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The governance of a convention: the demo bodies and chargés de coopération of the three seeds, the API and the
 * pages; a member twice, an ETP split that does not add up, a stale or missing version are refused with nothing
 * written; only the convention's managers write, its readers read.
 */
@IntegrationTest
class GouvernanceTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private static List<JsonNode> liste(JsonNode tableau) {
        return StreamSupport.stream(tableau.spliterator(), false).toList();
    }

    private static JsonNode instance(JsonNode gouvernance, String type) {
        return liste(gouvernance.path("instances")).stream().filter(i -> i.path("type").asString().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("pas de " + type + " : " + gouvernance));
    }

    private static List<String> organisations(JsonNode instance, String drapeau) {
        return liste(instance.path("membres")).stream().filter(m -> m.path(drapeau).asBoolean())
                .map(m -> m.path("organisation").asString()).toList();
    }

    @Test
    void the_demo_shows_the_aubenas_copil_its_commissions_and_chargees_de_cooperation_the_pilat_copil_and_the_baronnies_cotech() {
        ClientApi api = new ClientApi(mvc);
        long aubenas = api.aubenas();
        JsonNode g = api.get("lecteur", "/api/v1/conventions/" + aubenas + "/gouvernance").json();
        assertThat(g.path("modifiable").asBoolean()).isFalse();
        JsonNode copil = instance(g, "COPIL");
        assertThat(copil.path("reunionsParAn").asInt()).isEqualTo(1);
        assertThat(copil.path("frequence").asString()).isEqualTo("une fois par an");
        assertThat(organisations(copil, "copresident")).contains("Caf de l'Ardèche", ClientApi.CCBA, "Aubenas");
        assertThat(organisations(copil, "secretariat")).containsExactlyInAnyOrder(ClientApi.CCBA, "Aubenas");
        assertThat(liste(copil.path("membres")).stream().filter(m -> m.path("role").asString().equals("CONSULTATIF"))
                .map(m -> m.path("organisation").asString())).containsExactly("Centre social Le Palabre");
        assertThat(copil.path("missions").size()).isGreaterThanOrEqualTo(4);
        assertThat(liste(g.path("instances")).stream().filter(i -> i.path("type").asString().equals("COMMISSION")).count()).isEqualTo(3);

        List<JsonNode> charges = liste(g.path("chargesCooperation"));
        assertThat(charges).extracting(c -> c.path("personne").asString())
                .containsExactly("Valérie OCTOBRE", "Anna HIRT", "Aurélia DUBUIS-PELLIZZARI");
        assertThat(charges).extracting(c -> c.path("employeur").asString()).containsExactly(ClientApi.CCBA, ClientApi.CCBA, "Aubenas");
        assertThat(charges.get(1).path("etp").decimalValue()).isEqualByComparingTo("1");
        assertThat(charges.get(1).path("repartition").path("Petite enfance").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(charges.get(2).path("repartition").path("Animation de la vie sociale / accès aux droits").decimalValue())
                .isEqualByComparingTo("0.2");
        assertThat(g.path("reunions").isArray()).isTrue();

        ClientPages pages = new ClientPages(mvc);
        Page page = pages.get("ccba", "/conventions/" + aubenas + "/gouvernance");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("article.instance")).hasSize(4);
        assertThat(page.document().selectFirst("#instance-1 .secretariat").text()).isEqualTo(ClientApi.CCBA + ", Aubenas");
        assertThat(page.document().select("#charges tbody tr")).hasSize(3);
        assertThat(page.document().selectFirst("#charges caption").text()).isEqualTo("Total : 2,15 ETP");
        assertThat(page.html()).contains("Petite enfance : 0,75 ETP", "fiche action 32");
        assertThat(pages.get("lecteur", "/conventions/" + aubenas + "/gouvernance").document().select("#ajouter-instance")).isEmpty();

        String vue = pages.get("ccba", "/conventions/" + aubenas).html();
        assertThat(pages.get("ccba", "/conventions/" + aubenas).document().selectFirst("#gouvernance").text())
                .contains("Comité de pilotage de la CTG", "secrétariat : " + ClientApi.CCBA + ", Aubenas", "3 chargé(s) de coopération, 2,15 ETP");
        assertThat(vue).contains("/conventions/" + aubenas + "/gouvernance");

        JsonNode pilat = api.get("pilat", "/api/v1/conventions/" + api.pilat() + "/gouvernance").json();
        JsonNode copilPilat = instance(pilat, "COPIL");
        String ccmp = liste(api.convention("pilat", api.pilat()).path("parties")).stream()
                .filter(p -> p.path("organisation").path("type").asString().equals("EPCI"))
                .map(p -> p.path("organisation").path("nom").asString()).findFirst().orElseThrow();
        assertThat(organisations(copilPilat, "copresident")).containsExactlyInAnyOrder("Caf de la Loire", ccmp);
        assertThat(liste(copilPilat.path("membres")).stream().filter(m -> m.path("role").asString().equals("CONSULTATIF"))
                .map(m -> m.path("organisation").asString())).containsExactly("Département de la Loire");
        assertThat(copilPilat.path("membres").size()).isEqualTo(2 + 16 + 1);

        long baronnies = api.idParTitre("CTG des Baronnies en Drôme Provençale 2019-2024");
        JsonNode cotech = instance(api.get("admin", "/api/v1/conventions/" + baronnies + "/gouvernance").json(), "COTECH");
        assertThat(cotech.path("membres").size()).isEqualTo(11);
        assertThat(cotech.path("thematiques").size()).isEqualTo(4);
        assertThat(liste(cotech.path("membres")).stream().map(m -> m.path("personne").asString())).contains("Aïcha QUEMENEUR", "Nicolas GUICHARD");
    }

    @Test
    void a_member_twice_or_a_split_that_does_not_add_up_is_refused_and_only_managers_write() {
        ClientApi api = new ClientApi(mvc);
        JsonNode convention = api.creerConventionDeTest("caf07", "Gouvernance");
        long id = convention.path("id").asLong();
        String chemin = "/api/v1/conventions/" + id + "/gouvernance";
        long ccba = ClientApi.idPartie(convention, ClientApi.CCBA);
        long caf = api.cafArdeche();
        long journalAvant = journal(id);

        Map<String, Object> copil = new LinkedHashMap<>();
        copil.put("type", "COPIL");
        copil.put("nom", "Comité de pilotage");
        copil.put("membres", List.of(Map.of("organisationId", caf, "copresident", true),
                Map.of("organisationId", ccba, "secretariat", true),
                Map.of("organisation", "Caf de l'Ardèche")));
        Reponse doublon = api.put("caf07", chemin, Map.of("version", 0, "instances", List.of(copil)));
        assertThat(doublon.status()).as(doublon.texte()).isEqualTo(400);
        assertThat(doublon.champsEnErreur()).containsExactly("instances[0].membres[2].organisation");
        assertThat(doublon.messageDuChamp("instances[0].membres[2].organisation")).contains("figure déjà");

        Map<String, Object> charge = new LinkedHashMap<>();
        charge.put("personne", "Une chargée");
        charge.put("employeurId", ccba);
        charge.put("etp", 0.8);
        charge.put("repartition", List.of(Map.of("thematique", "Petite enfance", "etp", 0.5), Map.of("thematique", "Jeunesse", "etp", 0.2)));
        Reponse somme = api.put("caf07", chemin, Map.of("version", 0, "instances", List.of(), "chargesCooperation", List.of(charge)));
        assertThat(somme.status()).isEqualTo(400);
        assertThat(somme.messageDuChamp("chargesCooperation[0].repartition")).contains("0,7 ETP au lieu de 0,8 ETP");
        assertThat(api.put("caf07", chemin, Map.of("version", 0, "instances", List.of(Map.of("type", "COPIL", "nom", "X",
                "membres", List.of(Map.of("organisationId", 999_999_999L)))))).champsEnErreur())
                .containsExactly("instances[0].membres[0].organisation");
        assertThat(api.put("caf07", chemin, Map.of("instances", List.of())).messageDuChamp("version")).contains("Version manquante");
        Map<String, Object> sansInstance = new LinkedHashMap<>();
        sansInstance.put("version", 0);
        sansInstance.put("instance", null);
        assertThat(api.post("caf07", chemin + "/instances", sansInstance).champsEnErreur()).containsExactly("instance");
        assertThat(api.get("caf07", chemin).json().path("version").asInt()).isZero();
        assertThat(journal(id)).isEqualTo(journalAvant);

        assertThat(api.put("caf42", chemin, Map.of("version", 0, "instances", List.of())).status()).isIn(403, 404);
        assertThat(api.get("caf42", chemin).status()).isIn(403, 404);

        copil.put("membres", List.of(Map.of("organisationId", caf, "copresident", true),
                Map.of("organisation", ClientApi.CCBA, "secretariat", true, "personne", "Présidente"),
                Map.of("organisationId", ccba, "role", "CONSULTATIF", "personne", "Directrice")));
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("version", 0);
        corps.put("instances", List.of(copil));
        corps.put("chargesCooperation", List.of(Map.of("personne", "Une chargée", "employeurId", ccba, "etp", 0.7,
                "repartition", charge.get("repartition"))));
        Reponse ok = api.put("caf07", chemin, corps);
        assertThat(ok.status()).as(ok.texte()).isEqualTo(200);
        assertThat(ok.json().path("version").asInt()).isEqualTo(1);
        assertThat(organisations(ok.json().path("instances").get(0), "secretariat")).containsExactly(ClientApi.CCBA);
        assertThat(journal(id)).isEqualTo(journalAvant + 1);
        assertThat(api.put("caf07", chemin, Map.of("version", 0, "instances", List.of())).status()).isEqualTo(409);

        Reponse ajout = api.post("caf07", chemin + "/instances", Map.of("version", 1, "instance",
                Map.of("type", "COTECH", "nom", "Comité technique", "membres", List.of(Map.of("organisationId", ccba)))));
        assertThat(ajout.status()).as(ajout.texte()).isEqualTo(200);
        assertThat(ajout.json().path("instances").size()).isEqualTo(2);
        assertThat(ajout.json().path("chargesCooperation").size()).as("chargés kept").isEqualTo(1);
        assertThat(api.delete("caf07", chemin + "/instances/1?version=2").json().path("instances").get(0).path("type").asString())
                .isEqualTo("COTECH");

        long aubenas = api.aubenas();
        String cheminAubenas = "/api/v1/conventions/" + aubenas + "/gouvernance";
        int version = api.get("lecteur", cheminAubenas).json().path("version").asInt();
        assertThat(api.put("lecteur", cheminAubenas, Map.of("version", version, "instances", List.of())).status()).isEqualTo(403);
        assertThat(api.put("palabre", cheminAubenas, Map.of("version", version, "instances", List.of())).status()).isIn(403, 404);
        assertThat(api.get("admin", cheminAubenas).json().path("version").asInt()).isEqualTo(version);
    }

    @Test
    void the_edit_page_adds_a_body_shows_errors_under_their_row_and_is_refused_to_readers() {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        JsonNode convention = api.creerConventionDeTest("caf07", "Gouvernance pages");
        long id = convention.path("id").asLong();
        long ccba = ClientApi.idPartie(convention, ClientApi.CCBA);
        assertThat(pages.get("caf07", "/conventions/" + id + "/gouvernance").document().select("#instances-vides")).hasSize(1);

        Page formulaire = pages.get("caf07", "/conventions/" + id + "/gouvernance/instances/nouvelle");
        assertThat(formulaire.status()).isEqualTo(200);
        assertThat(formulaire.document().select("fieldset.membre")).hasSize(GouvernanceController.LIGNES_VIDES);
        Map<String, String> champs = new LinkedHashMap<>(ClientPages.champs(formulaire.document(), "form[action$=/instances/nouvelle]"));
        champs.put("type", "COMMISSION");
        champs.put("nom", "Commission jeunesse");
        champs.put("frequence", "deux fois par an");
        champs.put("reunionsParAn", "2");
        champs.put("missions", "Planifier\nSuivre");
        champs.put("membres[0].organisationId", String.valueOf(ccba));
        champs.put("membres[0].copresident", "oui");
        champs.put("membres[1].organisationId", String.valueOf(ccba));
        Page erreur = pages.poster("caf07", "/conventions/" + id + "/gouvernance/instances/nouvelle", champs);
        assertThat(erreur.status()).isEqualTo(200);
        assertThat(erreur.document().selectFirst("[id='erreur-membres[1].organisation']").text()).contains("figure déjà");
        assertThat(erreur.document().selectFirst("#nom").val()).isEqualTo("Commission jeunesse");
        assertThat(api.get("caf07", "/api/v1/conventions/" + id + "/gouvernance").json().path("version").asInt()).isZero();

        champs.remove("membres[1].organisationId");
        champs.put("membres[1].organisation", "Caf de l'Ardèche");
        champs.put("membres[1].role", "CONSULTATIF");
        assertThat(champs).containsEntry("version", "0");
        Page enregistree = pages.poster("caf07", "/conventions/" + id + "/gouvernance/instances/nouvelle", champs);
        assertThat(enregistree.redirection()).isEqualTo("/conventions/" + id + "/gouvernance");
        JsonNode g = api.get("caf07", "/api/v1/conventions/" + id + "/gouvernance").json();
        JsonNode commission = g.path("instances").get(0);
        assertThat(commission.path("missions").size()).isEqualTo(2);
        assertThat(commission.path("reunionsParAn").asInt()).isEqualTo(2);
        assertThat(organisations(commission, "copresident")).containsExactly(ClientApi.CCBA);
        assertThat(commission.path("membres").get(1).path("role").asString()).isEqualTo("CONSULTATIF");

        Page modifier = pages.get("caf07", "/conventions/" + id + "/gouvernance/instances/1");
        assertThat(modifier.document().selectFirst("#organisationId-0 option[selected]").val()).isEqualTo(String.valueOf(ccba));
        assertThat(pages.get("caf07", "/conventions/" + id + "/gouvernance/instances/7").redirection())
                .isEqualTo("/conventions/" + id + "/gouvernance");

        long aubenas = api.aubenas();
        assertThat(pages.get("lecteur", "/conventions/" + aubenas + "/gouvernance/instances/1").status()).isEqualTo(403);
        assertThat(pages.get("lecteur", "/conventions/" + aubenas + "/gouvernance/instances/nouvelle").status()).isEqualTo(403);
        assertThat(pages.poster("lecteur", "/conventions/" + aubenas + "/gouvernance/instances/1/suppression", Map.of("version", "1")).status())
                .isEqualTo(403);
        assertThat(api.get("admin", "/api/v1/conventions/" + aubenas + "/gouvernance").json().path("instances").size()).isEqualTo(4);
        assertThat(pages.get("caf42", "/conventions/" + aubenas + "/gouvernance").status()).isIn(403, 404);
    }

    private long journal(long conventionId) {
        return jdbc.sql("SELECT count(*) FROM journal WHERE convention_id = :id AND objet_type = 'gouvernance'")
                .param("id", conventionId).query(Long.class).single();
    }
}
