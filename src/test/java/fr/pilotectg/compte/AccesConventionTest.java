package fr.pilotectg.compte;

import java.util.Map;

import fr.pilotectg.shared.audit.Journal;
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

/** Habilitations per convention (Art. 9): who reads and writes, and why; grants by the convention's managers, journalled. */
@IntegrationTest
class AccesConventionTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Journal journal;

    @Test
    void ccba_grants_read_access_on_aubenas_to_a_new_account_of_the_ccba_then_withdrawing_gives_403_at_once() {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        ComptesDeTest comptes = new ComptesDeTest(api, jdbc);
        long aubenas = api.aubenas();
        JsonNode elu = comptes.creer("elu-ccba", comptes.organisation(ClientApi.CCBA), "LECTEUR", false);
        String identifiant = elu.path("identifiant").asString();
        assertThat(api.get(identifiant, "/api/v1/conventions/" + aubenas).status()).isEqualTo(403);

        ClientPages.Page page = pages.get("ccba", "/conventions/" + aubenas + "/acces");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("#acces tr[data-identifiant=caf07]").text()).contains("agent de la Caf");
        assertThat(page.document().select("#acces tr[data-identifiant=palabre]").text()).contains("qui porte des fiches");
        assertThat(page.document().select("#acces tr[data-identifiant=ccba]").text()).contains("chargé(e) de coopération", "oui oui");

        ClientPages.Page accord = pages.poster("ccba", "/conventions/" + aubenas + "/acces", Map.of("identifiant", identifiant.toUpperCase()));
        assertThat(accord.status()).isEqualTo(302);
        assertThat(api.get(identifiant, "/api/v1/conventions/" + aubenas).status()).isEqualTo(200);
        assertThat(pages.get("ccba", "/conventions/" + aubenas + "/acces").document()
                .select("#acces tr[data-identifiant='" + identifiant + "']").text()).contains("lecteur habilité", "non");

        ClientPages.Page retrait = pages.poster("ccba", "/conventions/" + aubenas + "/acces/" + elu.path("id").asLong() + "/retrait", Map.of());
        assertThat(retrait.status()).isEqualTo(302);
        assertThat(api.get(identifiant, "/api/v1/conventions/" + aubenas).status()).isEqualTo(403);
        assertThat(journal.pourConvention(aubenas, 20, 0)).extracting(e -> e.action())
                .contains("accès en lecture accordé", "accès en lecture retiré");
    }

    @Test
    void a_charge_de_cooperation_grants_only_on_its_conventions_and_to_its_own_organisation_and_nothing_is_written_otherwise() {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        ComptesDeTest comptes = new ComptesDeTest(api, jdbc);
        long aubenas = api.aubenas();
        long pilat = api.pilat();
        JsonNode dela = comptes.creer("ccba-lecteur", comptes.organisation(ClientApi.CCBA), "LECTEUR", false);
        JsonNode loire = comptes.creer("loire-lecteur", api.convention("admin", pilat).path("caf").path("id").asLong(), "LECTEUR", false);
        long habilitationsAvant = jdbc.sql("SELECT count(*) FROM convention_habilitation").query(Long.class).single();
        long journalAvant = jdbc.sql("SELECT count(*) FROM journal").query(Long.class).single();

        Reponse surPilat = api.post("ccba", "/api/v1/conventions/" + pilat + "/acces", Map.of("utilisateurId", dela.path("id").asLong()));
        assertThat(surPilat.status()).isEqualTo(403);
        Reponse autreOrganisation = api.post("ccba", "/api/v1/conventions/" + aubenas + "/acces", Map.of("utilisateurId", loire.path("id").asLong()));
        assertThat(autreOrganisation.status()).isEqualTo(403);
        assertThat(autreOrganisation.json().path("message").asString()).contains("sa propre organisation");
        assertThat(pages.poster("ccba", "/conventions/" + aubenas + "/acces", Map.of("identifiant", loire.path("identifiant").asString())).status())
                .isEqualTo(403);
        assertThat(api.post("lecteur", "/api/v1/conventions/" + aubenas + "/acces", Map.of("utilisateurId", dela.path("id").asLong())).status())
                .isEqualTo(403);
        assertThat(api.get("palabre", "/api/v1/conventions/" + aubenas + "/acces").status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM convention_habilitation").query(Long.class).single()).isEqualTo(habilitationsAvant);
        assertThat(jdbc.sql("SELECT count(*) FROM journal").query(Long.class).single()).isEqualTo(journalAvant);

        Reponse parLaCaf = api.post("caf07", "/api/v1/conventions/" + aubenas + "/acces", Map.of("utilisateurId", loire.path("id").asLong()));
        assertThat(parLaCaf.status()).as("a Caf agent grants anyone: %s", parLaCaf.texte()).isEqualTo(201);
        assertThat(parLaCaf.json().path("raisons").toString()).contains("lecteur habilité");
        assertThat(api.get(loire.path("identifiant").asString(), "/api/v1/conventions/" + aubenas).status()).isEqualTo(200);
        assertThat(api.get("caf07", "/api/v1/conventions/" + aubenas + "/acces").json()).extracting(a -> a.path("identifiant").asString())
                .contains(loire.path("identifiant").asString(), "caf07", "ccba");
        assertThat(mvcDelete(api, "caf07", aubenas, loire.path("id").asLong())).isEqualTo(204);
    }

    private int mvcDelete(ClientApi api, String utilisateur, long convention, long compte) {
        try {
            return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .delete("/api/v1/conventions/" + convention + "/acces/" + compte)
                            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(utilisateur, "demo")))
                    .andReturn().getResponse().getStatus();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
