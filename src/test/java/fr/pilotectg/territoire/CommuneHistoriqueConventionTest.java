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
                Map.of("version", String.valueOf(apres.path("version").asInt()), "commune", "Aubenas", "departement", "07"));
        assertThat(actuelle.messageSucces()).isEqualTo("Commune ajoutée au territoire.");
    }
}
