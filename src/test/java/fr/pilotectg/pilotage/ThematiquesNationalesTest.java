package fr.pilotectg.pilotage;

import java.util.List;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 10: completion by thématique for every plan. Pilat and Baronnies have no « Thématique » level: their
 * dashboards roll up by the national thématiques named in their titles, every fiche counted once.
 */
@IntegrationTest
class ThematiquesNationalesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_first_thematique_named_in_a_title_is_the_fiches_one() {
        assertThat(ThematiqueNationale.nommeeDans("Accompagner les familles et renforcer la parentalité"))
                .isEqualTo(ThematiqueNationale.PARENTALITE);
        assertThat(ThematiqueNationale.nommeeDans("Petite-Enfance / Parentalité")).isEqualTo(ThematiqueNationale.PETITE_ENFANCE);
        assertThat(ThematiqueNationale.nommeeDans("Enfance Jeunesse / Animation de la vie sociale")).isEqualTo(ThematiqueNationale.ENFANCE);
        assertThat(ThematiqueNationale.nommeeDans("Favoriser l'inclusion numérique et développer les compétences"))
                .isEqualTo(ThematiqueNationale.INCLUSION_NUMERIQUE);
        assertThat(ThematiqueNationale.nommeeDans("Favoriser l'accès à un logement digne et adapté pour tous"))
                .isEqualTo(ThematiqueNationale.LOGEMENT);
        assertThat(ThematiqueNationale.nommeeDans("Renforcer la cohérence territoriale")).isNull();
    }

    @Test
    void pilat_and_baronnies_dashboards_show_completion_by_thematique() {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        for (String titre : List.of(ClientApi.PILAT, "baronnies")) {
            long id = titre.equals("baronnies") ? jdbc.sql("SELECT id FROM convention WHERE titre ILIKE '%baronnies%' ORDER BY id LIMIT 1")
                    .query(Long.class).single() : api.pilat();
            Document page = pages.get("admin", "/conventions/" + id + "/tableau-de-bord").document();
            assertThat(page.getElementById("sans-thematique")).as(titre).isNull();
            assertThat(page.getElementById("thematiques-nationales")).as(titre).isNotNull();
            List<String> groupes = page.select("#table-thematiques tbody th").eachText();
            assertThat(groupes).as(titre).contains("Petite enfance", titre.equals("baronnies") ? "Enfance" : "Parentalité")
                    .hasSizeGreaterThanOrEqualTo(3);
            int fiches = page.select("#table-thematiques tbody tr").stream()
                    .mapToInt(tr -> Integer.parseInt(tr.select("td").get(0).text().trim())).sum();
            long enBase = jdbc.sql("SELECT count(*) FROM fiche WHERE convention_id = :c AND supprimee_le IS NULL").param("c", id)
                    .query(Long.class).single();
            assertThat(fiches).as(titre + ": every fiche once").isEqualTo((int) enBase);
            assertThat(page.select("#graphique-thematiques svg")).as(titre).isNotEmpty();
        }
        assertThat(pages.get("admin", "/conventions/" + api.pilat() + "/tableau-de-bord").document()
                .select("#table-thematiques tbody th").eachText()).contains("Parentalité", "Logement", "Inclusion numérique", "Accès aux droits");
    }
}
