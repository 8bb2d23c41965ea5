package fr.pilotectg.ao;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import fr.pilotectg.shared.audit.Journal;
import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The extract may be sent to the CDSF only once every signatory has consented; refusals and gaps are named. */
@IntegrationTest
class ExtraitCdsfTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Journal journal;

    ClientApi api;
    ClientPages pages;

    @BeforeEach
    void clients() {
        api = new ClientApi(mvc);
        pages = new ClientPages(mvc);
    }

    @Test
    void the_extract_becomes_transmissible_when_the_last_signatory_consents_and_not_before() {
        JsonNode convention = api.creerConventionDeTest("caf07", "cdsf");
        long id = convention.path("id").asLong();
        String caf = String.valueOf(ClientApi.idPartie(convention, "Caf de l'Ardèche"));
        String ccba = String.valueOf(ClientApi.idPartie(convention, ClientApi.CCBA));

        assertThat(manquants(id)).containsExactly("Caf de l'Ardèche", ClientApi.CCBA);

        consentir(id, caf, "DONNE", "2026-02-03");
        assertThat(manquants(id)).containsExactly(ClientApi.CCBA);
        consentir(id, ccba, "REFUSE", "2026-02-04");
        Document refuse = extrait(id);
        assertThat(refuse.selectFirst("#transmission").text()).startsWith("Non transmissible");
        assertThat(refuse.select("table.consentements tr[data-organisation=" + ccba + "] td").text())
                .isEqualTo("Consentement refusé le 4 février 2026 (enregistré par Agent Caf de l'Ardèche)");

        consentir(id, ccba, "DONNE", "2026-02-10");
        Document transmissible = extrait(id);
        assertThat(transmissible.selectFirst("#transmission").text()).startsWith("Transmissible");
        assertThat(transmissible.select(".consentements-manquants")).isEmpty();
        assertThat(journal.pourConvention(id, 20, 0).stream().filter(e -> e.objetType().equals("cdsf_consentement")).toList())
                .hasSize(3).anyMatch(e -> e.changements().get(0).avant() != null && e.changements().get(0).avant().startsWith("Consentement refusé"));
    }

    @Test
    void a_future_date_or_a_non_signatory_is_refused_and_nothing_is_recorded() {
        JsonNode convention = api.creerConventionDeTest("caf07", "cdsf-refus");
        long id = convention.path("id").asLong();
        String caf = String.valueOf(ClientApi.idPartie(convention, "Caf de l'Ardèche"));

        ClientPages.Page futur = pages.poster("caf07", "/conventions/" + id + "/extrait-cdsf/consentements",
                Map.of("organisationId", caf, "decision", "DONNE", "date", LocalDate.now().plusDays(3).toString(), "version", version(id)));
        ClientPages.Page etrangere = pages.poster("caf07", "/conventions/" + id + "/extrait-cdsf/consentements",
                Map.of("organisationId", "999999", "decision", "DONNE", "date", "2026-01-05", "version", version(id)));

        assertThat(futur.messageErreur()).contains("Rien n'a été enregistré").contains("dans le futur");
        assertThat(etrangere.messageErreur()).contains("partie signataire");
        assertThat(manquants(id)).containsExactly("Caf de l'Ardèche", ClientApi.CCBA);
    }

    @Test
    void readers_and_other_cafs_cannot_record_consents_nor_see_other_extracts() {
        long aubenas = api.aubenas();
        String chemin = "/conventions/" + aubenas + "/extrait-cdsf";
        String caf = String.valueOf(ClientApi.idPartie(api.convention("admin", aubenas), "Caf de l'Ardèche"));
        Map<String, String> consentement = Map.of("organisationId", caf, "decision", "DONNE", "date", "2026-01-05");

        assertThat(pages.get("lecteur", chemin).status()).isEqualTo(200);
        assertThat(pages.get("lecteur", chemin).document().select("#form-consentement")).isEmpty();
        assertThat(pages.poster("lecteur", chemin + "/consentements", consentement).status()).isEqualTo(403);
        assertThat(pages.poster("caf42", chemin + "/consentements", consentement).status()).isEqualTo(403);
        assertThat(pages.get("caf42", chemin).status()).isEqualTo(403);
        assertThat(pages.get("pilat", chemin).status()).isEqualTo(403);
        assertThat(pages.get("caf07", chemin).document().select("table.consentements td").eachText()).allMatch(t -> t.equals("Non recueilli"));
    }

    @Test
    void a_decision_recorded_from_a_stale_page_is_refused_and_nothing_is_recorded() {
        JsonNode convention = api.creerConventionDeTest("caf07", "cdsf-conflit");
        long id = convention.path("id").asLong();
        String caf = String.valueOf(ClientApi.idPartie(convention, "Caf de l'Ardèche"));
        String versionLue = version(id);
        consentir(id, caf, "REFUSE", "2026-02-03");

        ClientPages.Page perimee = pages.poster("ccba", "/conventions/" + id + "/extrait-cdsf/consentements",
                Map.of("organisationId", caf, "decision", "DONNE", "date", "2026-02-04", "version", versionLue));

        assertThat(perimee.messageErreur()).contains("entre-temps").contains("rien n'a été enregistré");
        assertThat(extrait(id).select("table.consentements tr[data-organisation=" + caf + "] td").text()).startsWith("Consentement refusé");
    }

    private String version(long id) {
        return extrait(id).selectFirst("#form-consentement input[name=version]").val();
    }

    private void consentir(long id, String organisation, String decision, String date) {
        ClientPages.Page reponse = pages.poster("caf07", "/conventions/" + id + "/extrait-cdsf/consentements",
                Map.of("organisationId", organisation, "decision", decision, "date", date, "version", version(id)));
        assertThat(reponse.messageErreur()).isNull();
        assertThat(reponse.messageSucces()).isNotBlank();
    }

    private Document extrait(long id) {
        return pages.get("caf07", "/conventions/" + id + "/extrait-cdsf").document();
    }

    private List<String> manquants(long id) {
        Document page = extrait(id);
        assertThat(page.selectFirst("#transmission").text()).startsWith("Non transmissible");
        return page.select(".consentements-manquants li").eachText();
    }
}
