package fr.pilotectg.convention;

import java.util.Map;

import fr.pilotectg.shared.audit.Journal;
import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** An administrator archives (hidden from lists, kept, restorable) and deletes a convention in preparation after typing its title. */
@IntegrationTest
class ArchivesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Journal journal;

    @Test
    void an_archived_convention_is_hidden_from_the_lists_kept_and_restorable() {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        JsonNode convention = api.creerConventionDeTest("caf07", "archive");
        long id = convention.path("id").asLong();
        String titre = convention.path("titre").asString();
        assertThat(pages.poster("caf07", "/conventions/" + id + "/archivage", Map.of()).status()).as("admin only").isEqualTo(403);

        assertThat(pages.poster("admin", "/conventions/" + id + "/archivage", Map.of()).status()).isEqualTo(302);
        assertThat(api.titresTrouves("caf07", titre)).isEmpty();
        assertThat(api.titresTrouves("admin", titre)).isEmpty();
        assertThat(api.convention("caf07", id).path("titre").asString()).as("kept, readable by its link").isEqualTo(titre);
        assertThat(pages.get("admin", "/conventions/archives").document().select("#archivees").text()).contains(titre);
        assertThat(pages.get("caf07", "/conventions/archives").status()).isEqualTo(403);
        assertThat(pages.get("caf07", "/portefeuille").html()).as("nor in the portfolio").doesNotContain(titre);

        assertThat(pages.poster("admin", "/conventions/" + id + "/restauration", Map.of()).status()).isEqualTo(302);
        assertThat(api.titresTrouves("caf07", titre)).containsExactly(titre);
        assertThat(pages.get("caf07", "/portefeuille").html()).contains(titre);
        assertThat(journal.pourConvention(id, 10, 0)).extracting(e -> e.action()).contains("archivage", "restauration");
    }

    @Test
    void a_convention_in_preparation_is_deleted_only_by_an_admin_typing_its_title() {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        JsonNode convention = api.creerConventionDeTest("caf07", "suppression");
        long id = convention.path("id").asLong();
        String titre = convention.path("titre").asString();

        assertThat(pages.poster("caf07", "/conventions/" + id + "/suppression", Map.of("titre", titre)).status()).isEqualTo(403);
        ClientPages.Page mauvaisTitre = pages.poster("admin", "/conventions/" + id + "/suppression", Map.of("titre", "Autre titre"));
        assertThat(mauvaisTitre.status()).isEqualTo(400);
        assertThat(mauvaisTitre.document().select("#erreur-titre").text()).contains("Recopiez exactement le titre");
        assertThat(api.get("admin", "/api/v1/conventions/" + id).status()).isEqualTo(200);

        ClientPages.Page confirmation = pages.get("admin", "/conventions/" + id + "/suppression");
        assertThat(confirmation.status()).isEqualTo(200);
        assertThat(pages.poster("admin", "/conventions/" + id + "/suppression", Map.of("titre", " " + titre + " ")).status()).isEqualTo(302);
        assertThat(api.get("admin", "/api/v1/conventions/" + id).status()).isEqualTo(404);
        assertThat(journal.pourConvention(id, 10, 0)).extracting(e -> e.action()).contains("suppression");

        long aubenas = api.aubenas();
        ClientPages.Page signee = pages.poster("admin", "/conventions/" + aubenas + "/suppression",
                Map.of("titre", ClientApi.AUBENAS));
        assertThat(signee.status()).as("only in preparation").isEqualTo(400);
        assertThat(api.get("admin", "/api/v1/conventions/" + aubenas).status()).isEqualTo(200);
    }
}
