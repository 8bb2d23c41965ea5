package fr.pilotectg.plan;

import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stored row longer than what the API accepts today (written by an import, or before a limit was lowered) is read
 * back whole: the limits of user input never take a page down (it did: an imported indicator of 892 characters
 * gave HTTP 500 on the plan, the fiche and the import's confirmation).
 */
@IntegrationTest
class LignesStockeesHorsLimitesTest extends PlanTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_fiche_whose_stored_indicator_and_list_item_exceed_the_input_limits_is_still_shown_by_the_pages_and_the_api() throws Exception {
        long aubenas = api.aubenas();
        long fiche = api.get("caf07", "/api/v1/conventions/" + aubenas + "/fiches").json().get(0).path("id").asLong();
        String indicateur = "Nombre et nature des décisions facilitées " + "x".repeat(850);
        String objectif = "Objectif " + "y".repeat(400);
        String diagnostic = "Constat " + "z".repeat(25_000);
        String avant = jdbc.sql("SELECT champs::text FROM fiche WHERE id = :id").param("id", fiche).query(String.class).single();
        try {
            jdbc.sql("""
                    UPDATE fiche SET champs = jsonb_set(jsonb_set(jsonb_set(champs,
                        '{indicateurs,indicateurs}', jsonb_build_array(jsonb_build_object('libelle', :indicateur::text))),
                        '{listes,objectifsOperationnels}', jsonb_build_array(:objectif::text)),
                        '{textes,diagnostic}', to_jsonb(:diagnostic::text))
                    WHERE id = :id""")
                    .param("indicateur", indicateur).param("objectif", objectif).param("diagnostic", diagnostic).param("id", fiche)
                    .update();

            var lue = api.get("caf07", "/api/v1/fiches/" + fiche);
            assertThat(lue.status()).as(lue.texte()).isEqualTo(200);
            assertThat(lue.texte()).contains(indicateur).contains(objectif);
            var page = pages.get("caf07", "/fiches/" + fiche);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.html()).contains(indicateur);
            assertThat(pages.get("caf07", "/conventions/" + aubenas + "/plan").status()).isEqualTo(200);
        } finally {
            // The demo data are shared by every test of this JVM.
            jdbc.sql("UPDATE fiche SET champs = :champs::jsonb WHERE id = :id").param("champs", avant).param("id", fiche).update();
        }
    }
}
