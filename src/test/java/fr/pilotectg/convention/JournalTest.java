package fr.pilotectg.convention;

import java.util.List;
import java.util.Map;

import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.EntreeJournal;
import fr.pilotectg.shared.audit.Journal;
import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Every write leaves who, what and the values before and after in the journal, shown on the journal page. */
@IntegrationTest
class JournalTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Journal journal;

    ClientApi api;
    ClientPages pages;
    JsonNode convention;
    long id;

    @BeforeEach
    void conventionDeTest() {
        api = new ClientApi(mvc);
        pages = new ClientPages(mvc);
        convention = api.creerConventionDeTest("caf07", "Journal");
        id = convention.path("id").asLong();
    }

    @Test
    void creation_is_journalled_with_its_author() {
        List<EntreeJournal> entrees = journal.pourConvention(id, 10, 0);

        assertThat(entrees).hasSize(1);
        assertThat(entrees.get(0).utilisateur()).isEqualTo("caf07");
        assertThat(entrees.get(0).action()).isEqualTo("création");
        assertThat(entrees.get(0).changements()).contains(new Changement("Titre", null, convention.path("titre").asString()));
    }

    @Test
    void a_title_change_records_user_action_and_before_after_values() {
        String ancien = convention.path("titre").asString();
        String nouveau = ancien + " (renommée)";
        long avant = journal.nombrePourConvention(id);

        Reponse reponse = api.put("ccba", "/api/v1/conventions/" + id + "?version=" + convention.path("version").asInt(),
                ClientApi.informations(convention, Map.of("titre", nouveau)));
        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(200);

        assertThat(journal.nombrePourConvention(id)).isEqualTo(avant + 1);
        EntreeJournal entree = journal.pourConvention(id, 1, 0).get(0);
        assertThat(entree.utilisateur()).isEqualTo("ccba");
        assertThat(entree.action()).isEqualTo("modification des informations");
        assertThat(entree.conventionId()).isEqualTo(id);
        // Only the field that changed, with its value before and after.
        assertThat(entree.changements()).containsExactly(new Changement("Titre", ancien, nouveau));

        Element ligne = premiereLigne(pages.get("caf07", "/conventions/" + id + "/journal").document());
        assertThat(ligne.select("td").get(1).text()).isEqualTo("Chargée de coopération CCBA (CC du Bassin d'Aubenas)");
        assertThat(ligne.select("td").get(2).text()).isEqualTo("modification des informations");
        assertThat(ligne.select("dt").eachText()).containsExactly("Titre");
        assertThat(ligne.select("dd del").text()).isEqualTo(ancien);
        assertThat(ligne.select("dd ins").text()).isEqualTo(nouveau);
    }

    @Test
    void a_list_change_records_only_the_items_added() {
        Reponse reponse = api.post("caf07", "/api/v1/conventions/" + id + "/parties", Map.of(
                "version", convention.path("version").asInt(), "commune", "Lavilledieu", "departement", "07", "role", "SIGNATAIRE"));
        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(200);

        EntreeJournal entree = journal.pourConvention(id, 1, 0).get(0);
        assertThat(entree.utilisateur()).isEqualTo("caf07");
        assertThat(entree.action()).isEqualTo("ajout d'une partie");
        assertThat(entree.changements()).containsExactly(new Changement("Parties", null, "Lavilledieu (Signataire)"));

        Element ligne = premiereLigne(pages.get("caf07", "/conventions/" + id + "/journal").document());
        assertThat(ligne.select("dt").eachText()).containsExactly("Parties");
        assertThat(ligne.select("dd del")).isEmpty();
        assertThat(ligne.select("dd ins").text()).isEqualTo("Lavilledieu (Signataire)");
    }

    @Test
    void a_refused_write_leaves_no_journal_entry() {
        long avant = journal.nombrePourConvention(id);

        assertThat(api.post("caf07", "/api/v1/conventions/" + id + "/statut",
                Map.of("version", convention.path("version").asInt(), "statut", "SIGNEE")).status()).isEqualTo(400);
        assertThat(api.put("caf07", "/api/v1/conventions/" + id + "?version=" + (convention.path("version").asInt() + 7),
                ClientApi.informations(convention, Map.of("titre", "Version périmée"))).status()).isEqualTo(409);
        assertThat(api.put("lecteur", "/api/v1/conventions/" + id + "?version=" + convention.path("version").asInt(),
                ClientApi.informations(convention, Map.of("titre", "Sans droit"))).status()).isEqualTo(403);

        assertThat(journal.nombrePourConvention(id)).isEqualTo(avant);
    }

    @Test
    void the_journal_page_follows_the_convention_rights() {
        assertThat(pages.get("caf42", "/conventions/" + id + "/journal").status()).isEqualTo(403);
        Document page = pages.get("ccba", "/conventions/" + id + "/journal").document();
        assertThat(page.select("p.text-body-secondary").text()).isEqualTo(journal.nombrePourConvention(id) + " écritures");
    }

    private static Element premiereLigne(Document page) {
        Element ligne = page.selectFirst("table tbody tr");
        assertThat(ligne).as("journal vide").isNotNull();
        return ligne;
    }
}
