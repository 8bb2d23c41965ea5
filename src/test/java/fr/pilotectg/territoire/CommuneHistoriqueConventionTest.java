package fr.pilotectg.territoire;

import java.util.Map;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 11 item 6: a former commune typed on the convention's territory form adds its current commune and says why. */
@IntegrationTest
class CommuneHistoriqueConventionTest {

    @Autowired
    MockMvc mvc;

    @Test
    void a_former_commune_entered_on_the_territory_form_shows_the_note_and_adds_the_current_commune() {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        JsonNode convention = api.creerConventionDeTest("caf07", "territoire-note");
        long id = convention.path("id").asLong();
        ClientPages.Page ajout = pages.poster("caf07", "/conventions/" + id + "/communes",
                Map.of("version", String.valueOf(convention.path("version").asInt()), "commune", "Nonières", "departement", "07"));
        assertThat(ajout.redirection()).isNotNull();
        assertThat(ajout.messageSucces()).startsWith("Commune ajoutée au territoire.").contains("« Nonières » a fusionné dans « Belsentes »");
        JsonNode apres = api.convention("caf07", id);
        assertThat(apres.path("communes").toString()).contains("Belsentes").contains("07165").doesNotContain("Nonières");

        // A current name: no note.
        ClientPages.Page actuelle = pages.poster("caf07", "/conventions/" + id + "/communes",
                Map.of("version", String.valueOf(apres.path("version").asInt()), "commune", "Privas", "departement", "07"));
        assertThat(actuelle.messageSucces()).isEqualTo("Commune ajoutée au territoire.");

        // Bad input: an unknown commune names the field and lists the closest communes (API and page), nothing written.
        JsonNode avant = api.convention("caf07", id);
        ClientApi.Reponse inconnue = api.post("caf07", "/api/v1/conventions/" + id + "/communes",
                Map.of("version", avant.path("version").asInt(), "commune", "Aubenass", "departement", "07"));
        assertThat(inconnue.status()).isEqualTo(400);
        assertThat(inconnue.champsEnErreur()).containsExactly("commune");
        assertThat(inconnue.json().path("candidats").toString()).contains("Aubenas");
        ClientPages.Page page = pages.poster("caf07", "/conventions/" + id + "/communes",
                Map.of("version", String.valueOf(avant.path("version").asInt()), "commune", "Aubenass", "departement", "07"));
        assertThat(page.messageErreur()).contains("Commune inconnue").contains("Communes proches : Aubenas");
        assertThat(api.convention("caf07", id).path("version").asInt()).isEqualTo(avant.path("version").asInt());
    }
}
