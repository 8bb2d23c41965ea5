package fr.pilotectg.gouvernance;

import java.util.List;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A decision linked directly to a fiche: its owner may be the fiche's porteur even when not a member of the body; it
 * is shown on the fiche page and on the porteur's home page ("Décisions à suivre"); a fiche of another convention is
 * refused with nothing written. The meeting is removed at the end (Aubenas is shared by the other tests).
 */
@IntegrationTest
class DecisionsDeFicheTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_decision_about_fa15_owned_by_its_porteur_shows_on_the_fiche_and_on_the_porteurs_home_page() {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        long aubenas = api.aubenas();
        long fa15 = jdbc.sql("SELECT id FROM fiche WHERE convention_id = :c AND reference = 'FA15' AND supprimee_le IS NULL")
                .param("c", aubenas).query(Long.class).single();
        long palabre = jdbc.sql("SELECT id FROM organisation WHERE nom = 'Centre social Le Palabre'").query(Long.class).single();
        long autreFiche = jdbc.sql("SELECT min(id) FROM fiche WHERE convention_id <> :c").param("c", aubenas).query(Long.class).single();
        // a body of which Le Palabre is not a member
        JsonNode g = api.get("caf07", "/api/v1/conventions/" + aubenas + "/gouvernance").json();
        int instance = 0;
        for (int i = 0; i < g.path("instances").size(); i++) {
            boolean membre = false;
            for (JsonNode m : g.path("instances").get(i).path("membres")) {
                membre |= m.path("organisationId").asLong() == palabre;
            }
            if (!membre) {
                instance = i + 1;
                break;
            }
        }
        assertThat(instance).as("une instance sans Le Palabre").isPositive();
        String chemin = "/api/v1/conventions/" + aubenas + "/reunions";
        long avant = jdbc.sql("SELECT count(*) FROM gouvernance_reunion").query(Long.class).single();

        Reponse sansFiche = api.post("caf07", chemin, Map.of("instanceId", instance, "date", "2026-09-10",
                "decisions", List.of(Map.of("texte", "Relancer l'atelier parents", "responsableOrganisationId", palabre))));
        assertThat(sansFiche.status()).isEqualTo(400);
        assertThat(sansFiche.champsEnErreur()).containsExactly("decisions[0].responsableOrganisationId");
        Reponse autre = api.post("caf07", chemin, Map.of("instanceId", instance, "date", "2026-09-10",
                "decisions", List.of(Map.of("texte", "Relancer l'atelier parents", "ficheId", autreFiche))));
        assertThat(autre.status()).isEqualTo(400);
        assertThat(autre.champsEnErreur()).containsExactly("decisions[0].ficheId");
        assertThat(api.post("palabre", chemin, Map.of("instanceId", instance, "date", "2026-09-10")).status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM gouvernance_reunion").query(Long.class).single()).isEqualTo(avant);

        Reponse creee = api.post("caf07", chemin, Map.of("instanceId", instance, "date", "2026-09-10",
                "decisions", List.of(Map.of("texte", "Relancer l'atelier parents", "responsableOrganisationId", palabre,
                        "ficheId", fa15, "echeance", "2026-12-15"))));
        assertThat(creee.status()).as(creee.texte()).isEqualTo(201);
        long reunion = creee.json().path("id").asLong();
        try {
            assertThat(creee.json().path("decisions").get(0).path("ficheId").asLong()).isEqualTo(fa15);

            Document fiche = pages.get("palabre", "/fiches/" + fa15).document();
            assertThat(fiche.select("#decisions-fiche").text()).contains("Relancer l'atelier parents");

            ClientPages.Page accueil = pages.get("palabre", "/");
            assertThat(accueil.status()).isEqualTo(200);
            assertThat(accueil.document().select("#mes-decisions .decision-a-suivre").text())
                    .contains("Relancer l'atelier parents", "FA15", "15 décembre 2026");
            ClientPages.Page accueilCaf42 = pages.get("caf42", "/");
            assertThat(accueilCaf42.status() == 200 ? accueilCaf42.document().select("#mes-decisions").text() : "")
                    .doesNotContain("Relancer l'atelier parents");

            // edited again from the meeting form (which does not carry the fiche): the link stays
            int version = creee.json().path("version").asInt();
            Reponse modifiee = api.put("caf07", chemin + "/" + reunion, Map.of("version", version, "instanceId", instance,
                    "date", "2026-09-10", "decisions", List.of(Map.of("texte", "Relancer l'atelier parents",
                            "responsableOrganisationId", palabre, "statut", "FAIT"))));
            assertThat(modifiee.status()).as(modifiee.texte()).isEqualTo(200);
            assertThat(modifiee.json().path("decisions").get(0).path("ficheId").asLong()).isEqualTo(fa15);
            // done: no longer to follow on the home page
            ClientPages.Page apres = pages.get("palabre", "/");
            assertThat(apres.status() == 200 ? apres.document().select("#mes-decisions").text() : "")
                    .doesNotContain("Relancer l'atelier parents");
        } finally {
            int version = api.get("caf07", chemin + "/" + reunion).json().path("version").asInt();
            assertThat(api.delete("caf07", chemin + "/" + reunion + "?version=" + version).status()).isEqualTo(204);
        }
    }
}
