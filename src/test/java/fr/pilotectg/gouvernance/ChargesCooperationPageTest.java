package fr.pilotectg.gouvernance;

import java.util.LinkedHashMap;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi;
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
 * The edit page of the chargés de coopération: the demo rows are shown as they are, a row is added with its split,
 * an unreadable or inconsistent row is refused under its field with nothing written, a stale form gets the conflict,
 * and only the convention's managers reach the page.
 */
@IntegrationTest
class ChargesCooperationPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_page_shows_the_aubenas_charges_and_is_refused_to_readers_other_cafs_and_porteurs() {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        long aubenas = api.aubenas();
        String chemin = "/conventions/" + aubenas + "/gouvernance/charges-cooperation";
        Page page = pages.get("caf07", chemin);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("fieldset.charge")).hasSize(3 + ChargesCooperationController.LIGNES_VIDES);
        assertThat(page.document().selectFirst("[id=personne-1]").val()).isEqualTo("Anna HIRT");
        assertThat(page.document().selectFirst("[id=etp-1]").val()).isEqualTo("1");
        assertThat(page.document().selectFirst("[id=repartition-1]").text()).contains("Petite enfance : 0,75");
        assertThat(pages.get("caf07", "/conventions/" + aubenas + "/gouvernance").document().select("#modifier-charges")).hasSize(1);
        assertThat(pages.get("lecteur", "/conventions/" + aubenas + "/gouvernance").document().select("#modifier-charges")).isEmpty();

        for (String utilisateur : new String[]{"lecteur", "palabre"}) {
            assertThat(pages.get(utilisateur, chemin).status()).isEqualTo(403);
            assertThat(pages.poster(utilisateur, chemin, Map.of("version", "0")).status()).isEqualTo(403);
        }
        assertThat(pages.get("caf42", chemin).status()).isIn(403, 404);
        assertThat(pages.poster("caf42", chemin, Map.of("version", "0")).status()).isIn(403, 404);
    }

    @Test
    void a_charge_is_added_with_its_split_errors_stay_under_their_row_and_a_stale_form_is_a_conflict() {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        JsonNode convention = api.creerConventionDeTest("caf07", "Chargés pages");
        long id = convention.path("id").asLong();
        long ccba = ClientApi.idPartie(convention, ClientApi.CCBA);
        String chemin = "/conventions/" + id + "/gouvernance/charges-cooperation";
        Page vide = pages.get("caf07", chemin);
        assertThat(vide.document().select("fieldset.charge")).hasSize(ChargesCooperationController.LIGNES_VIDES);

        Map<String, String> champs = new LinkedHashMap<>(ClientPages.champs(vide.document(), "form[action$=/charges-cooperation]"));
        champs.put("chargesCooperation[0].personne", "Poste de coordination");
        champs.put("chargesCooperation[0].employeurId", String.valueOf(ccba));
        champs.put("chargesCooperation[0].etp", "0,8");
        champs.put("chargesCooperation[0].repartition", "Petite enfance : 0,5\nJeunesse : 0,2");
        champs.put("chargesCooperation[1].personne", "Second poste");
        champs.put("chargesCooperation[1].employeurId", String.valueOf(ccba));
        champs.put("chargesCooperation[1].etp", "beaucoup");
        Page erreur = pages.poster("caf07", chemin, champs);
        assertThat(erreur.status()).isEqualTo(200);
        assertThat(erreur.document().selectFirst("[id='erreur-chargesCooperation[1].etp']").text()).contains("nombre");
        assertThat(erreur.document().selectFirst("[id=personne-1]").val()).isEqualTo("Second poste");
        assertThat(version(api, id)).isZero();

        champs.put("chargesCooperation[1].etp", "1");
        champs.put("chargesCooperation[1].repartition", "Jeunesse");
        erreur = pages.poster("caf07", chemin, champs);
        assertThat(erreur.document().selectFirst("[id='erreur-chargesCooperation[1].repartition']").text()).contains("Petite enfance : 0,25");
        assertThat(version(api, id)).isZero();

        champs.remove("chargesCooperation[1].personne");
        champs.remove("chargesCooperation[1].employeurId");
        champs.remove("chargesCooperation[1].etp");
        champs.remove("chargesCooperation[1].repartition");
        erreur = pages.poster("caf07", chemin, champs);
        assertThat(erreur.document().selectFirst("[id='erreur-chargesCooperation[0].repartition']").text())
                .contains("totalise 0,7 ETP au lieu de 0,8");
        assertThat(version(api, id)).isZero();

        champs.put("chargesCooperation[0].repartition", "Petite enfance : 0,6\nJeunesse : 0,2");
        champs.put("chargesCooperation[0].dateDebut", "2026-01-01");
        Page enregistree = pages.poster("caf07", chemin, champs);
        assertThat(enregistree.redirection()).startsWith("/conventions/" + id + "/gouvernance");
        JsonNode g = api.get("caf07", "/api/v1/conventions/" + id + "/gouvernance").json();
        assertThat(g.path("version").asInt()).isEqualTo(1);
        JsonNode charge = g.path("chargesCooperation").get(0);
        assertThat(charge.path("personne").asString()).isEqualTo("Poste de coordination");
        assertThat(charge.path("etp").decimalValue()).isEqualByComparingTo("0.8");
        assertThat(charge.path("repartition").path("Jeunesse").decimalValue()).isEqualByComparingTo("0.2");
        assertThat(jdbc.sql("SELECT count(*) FROM journal WHERE convention_id = :id AND objet_type = 'gouvernance'")
                .param("id", id).query(Long.class).single()).isEqualTo(1);

        // the same form again (version 0): someone else saved in between
        Page conflit = pages.poster("caf07", chemin, champs);
        assertThat(conflit.document().select(".conflit")).hasSize(1);
        assertThat(version(api, id)).isEqualTo(1);

        // removing the row empties the list
        Page relu = pages.get("caf07", chemin);
        Map<String, String> retrait = new LinkedHashMap<>(ClientPages.champs(relu.document(), "form[action$=/charges-cooperation]"));
        retrait.put("chargesCooperation[0].supprimer", "oui");
        assertThat(pages.poster("caf07", chemin, retrait).redirection()).startsWith("/conventions/" + id + "/gouvernance");
        assertThat(api.get("caf07", "/api/v1/conventions/" + id + "/gouvernance").json().path("chargesCooperation").size()).isZero();
    }

    private static int version(ClientApi api, long id) {
        return api.get("caf07", "/api/v1/conventions/" + id + "/gouvernance").json().path("version").asInt();
    }
}
