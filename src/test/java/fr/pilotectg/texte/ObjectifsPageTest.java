package fr.pilotectg.texte;

import java.util.Map;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The edit page of the objectifs conjoints: add, bind parties, reorder, delete; refusals and denials. */
@IntegrationTest
class ObjectifsPageTest {

    @Autowired
    MockMvc mvc;

    @Test
    void a_manager_adds_reorders_and_deletes_objectifs_on_the_page() {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        JsonNode convention = api.creerConventionDeTest("caf07", "Objectifs page");
        long id = convention.path("id").asLong();
        long ccba = ClientApi.idPartie(convention, ClientApi.CCBA);
        String page = "/conventions/" + id + "/objectifs-conjoints/modifier";
        String api_ = "/api/v1/conventions/" + id + "/objectifs-conjoints";

        Document vide = pages.get("caf07", page).document();
        assertThat(vide.select("fieldset.objectif-formulaire")).hasSize(ObjectifsController.LIGNES_VIDES);
        assertThat(vide.select("label[for=parties-0-" + ccba + "]").text()).isEqualTo(ClientApi.CCBA);
        Map<String, String> champs = ClientPages.champs(vide, "#formulaire-objectifs");
        champs.put("objectifs[0].intitule", "Coordonner la jeunesse");
        champs.put("objectifs[0].parties", String.valueOf(ccba));
        champs.put("objectifs[0].groupe", "Pour la CCBA");
        champs.put("objectifs[1].intitule", "Soutenir les parents");
        champs.put("objectifs[1].parties", String.valueOf(ccba));
        champs.put("objectifs[1].ordre", "1");
        ClientPages.Page cree = pages.poster("caf07", page, champs);
        assertThat(cree.redirection()).as(cree.html()).startsWith("/conventions/" + id + "/texte");
        JsonNode o = api.get("caf07", api_).json();
        assertThat(o.path("version").asInt()).isEqualTo(1);
        assertThat(o.path("objectifs").get(0).path("intitule").asString()).isEqualTo("Soutenir les parents");
        assertThat(o.path("objectifs").get(1).path("libelleGroupe").asString()).isEqualTo("Pour la CCBA");

        // An objectif with no party: error shown, nothing written.
        Document edition = pages.get("caf07", page).document();
        assertThat(edition.select("#parties-0-" + ccba).hasAttr("checked")).isTrue();
        Map<String, String> faux = ClientPages.champs(edition, "#formulaire-objectifs");
        faux.remove("objectifs[0].parties");
        ClientPages.Page erreur = pages.poster("caf07", page, faux);
        assertThat(erreur.status()).isEqualTo(200);
        assertThat(erreur.document().select("#erreurs").text()).contains("choisissez au moins un signataire");
        assertThat(api.get("caf07", api_).json().path("version").asInt()).isEqualTo(1);

        Map<String, String> suppression = ClientPages.champs(edition, "#formulaire-objectifs");
        suppression.put("objectifs[1].supprimer", "oui");
        assertThat(pages.poster("caf07", page, suppression).redirection()).isNotNull();
        assertThat(api.get("caf07", api_).json().path("objectifs")).hasSize(1);
        // The form read before the deletion is now stale.
        assertThat(pages.poster("caf07", page, ClientPages.champs(edition, "#formulaire-objectifs")).document().select(".conflit").text())
                .contains("modifiés par quelqu'un");
        assertThat(pages.get("caf07", "/conventions/" + id + "/journal").html()).contains("modification des objectifs conjoints");
    }

    @Test
    void readers_and_strangers_cannot_edit() {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        long aubenas = api.aubenas();
        String page = "/conventions/" + aubenas + "/objectifs-conjoints/modifier";
        int version = api.get("ccba", "/api/v1/conventions/" + aubenas + "/objectifs-conjoints").json().path("version").asInt();
        assertThat(pages.get("lecteur", page).status()).isEqualTo(403);
        assertThat(pages.get("caf42", page).status()).isIn(403, 404);
        assertThat(pages.poster("lecteur", page, Map.of("version", String.valueOf(version), "objectifs[0].intitule", "X")).status()).isEqualTo(403);
        assertThat(pages.poster("palabre", page, Map.of("version", String.valueOf(version), "objectifs[0].intitule", "X")).status()).isIn(403, 404);
        assertThat(api.get("ccba", "/api/v1/conventions/" + aubenas + "/objectifs-conjoints").json().path("version").asInt()).isEqualTo(version);
        assertThat(pages.get("lecteur", "/conventions/" + aubenas + "/texte").html()).doesNotContain("Modifier les objectifs conjoints");
        assertThat(pages.get("ccba", "/conventions/" + aubenas + "/texte").html()).contains("Modifier les objectifs conjoints");
    }
}
