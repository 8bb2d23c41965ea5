package fr.pilotectg.pilotage;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.CompteurDeRequetes;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 (load) and 16 (rendering as fast as the data): the convention overview and the plan page read the convention
 * aggregate (parties, representatives, communes, history…) once per request. Each part of the page that needs the
 * convention (résiliation, text, governance, versions, chain of renewals, sub-actions, fiches removed in the session)
 * takes the one already read, whose reading right was checked; reading it again per part made these pages twice as
 * expensive as the dashboard (JFR: 40 % of the CPU in Spring Data JDBC's row mapping). The statements of each page are
 * recorded and those loading the aggregate root by id counted.
 */
@IntegrationTest
class ConventionLueUneFoisTest {

    /** Spring Data JDBC's "find by id" of the aggregate root (quoted names; our own queries use an alias or no qualifier). */
    private static final Pattern RACINE = Pattern.compile(
            "(?is)\\bfrom\\s+\"?convention\"?\\s+where\\s+\"?convention\"?\\s*\\.\\s*\"?id\"?\\s*=");
    /** The communes of the aggregate, read once per load of it (28 rows for Aubenas). */
    private static final Pattern COMMUNES = Pattern.compile("(?is)\\bfrom\\s+\"convention_commune\"");
    /** The bodies of the convention's governance, read once per read of it. */
    private static final Pattern GOUVERNANCE = Pattern.compile("(?is)\\bfrom\\s+gouvernance_instance\\b");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void the_overview_and_the_plan_page_read_the_convention_aggregate_once() throws Exception {
        ClientPages pages = new ClientPages(mvc);
        long aubenas = id("Aubenas");
        long baronnies = id("Baronnies");
        for (String utilisateur : List.of("admin", "caf07", "ccba")) {
            assertLueUneFois(pages, utilisateur, "/conventions/" + aubenas);
            assertLueUneFois(pages, utilisateur, "/conventions/" + aubenas + "/plan");
        }
        assertLueUneFois(pages, "admin", "/conventions/" + baronnies + "/plan");
    }

    @Test
    void the_dashboard_and_the_follow_up_table_read_the_convention_aggregate_once() throws Exception {
        ClientPages pages = new ClientPages(mvc);
        long aubenas = id("Aubenas");
        for (String utilisateur : List.of("admin", "caf07", "ccba")) {
            // The planned COPILs and the decisions to follow come from one read of the governance too.
            String tableau = assertLueUneFois(pages, utilisateur, "/conventions/" + aubenas + "/tableau-de-bord");
            assertThat(tableau).contains("id=\"decisions-a-suivre\"", "id=\"copils\"");
            assertLueUneFois(pages, utilisateur, "/conventions/" + aubenas + "/suivi");
        }
        List<String> requetes = CompteurDeRequetes.requetes(() -> pages.get("admin", "/conventions/" + aubenas + "/tableau-de-bord"));
        assertThat(requetes.stream().filter(r -> GOUVERNANCE.matcher(r).find()).count())
                .as("reads of the governance's bodies by the dashboard, among %s", requetes).isEqualTo(1);
    }

    @Test
    void the_chain_of_renewals_is_read_in_one_statement_and_shows_only_what_the_user_may_read() throws Exception {
        ClientPages pages = new ClientPages(mvc);
        // A convention of a Caf of its own, renewed by a convention of the Caf of Ardèche: caf07 reads the second only.
        long autreCaf = jdbc.sql("INSERT INTO organisation (nom, type, code_departement) VALUES (:nom, 'CAF', '99') RETURNING id")
                .param("nom", "Caf de test " + UUID.randomUUID()).query(Long.class).single();
        long precedente = convention("CTG précédente de test lue une fois", autreCaf, null);
        long caf07 = jdbc.sql("SELECT organisation_id FROM utilisateur WHERE identifiant = 'caf07'").query(Long.class).single();
        long suivante = convention("CTG suivante de test lue une fois", caf07, precedente);

        String admin = assertLueUneFois(pages, "admin", "/conventions/" + suivante);
        assertThat(admin).contains("CTG précédente de test lue une fois");
        String agent = assertLueUneFois(pages, "caf07", "/conventions/" + suivante);
        assertThat(agent).contains("CTG suivante de test lue une fois").doesNotContain("CTG précédente de test lue une fois");
        String depuisPrecedente = assertLueUneFois(pages, "admin", "/conventions/" + precedente);
        assertThat(depuisPrecedente).contains("CTG suivante de test lue une fois");
        assertThat(pages.get("caf07", "/conventions/" + precedente).status()).as("the previous one stays closed to caf07")
                .isEqualTo(403);
    }

    @Test
    void the_portfolio_computes_the_figures_of_the_page_shown_as_it_did_for_the_whole_scope() throws Exception {
        ClientPages pages = new ClientPages(mvc);
        // Sorted by title, the fiche-year figures are computed for the page's conventions only; sorted by the share
        // réalisé, for every convention of the scope: each row must read the same either way.
        for (String utilisateur : List.of("caf07", "admin")) {
            Map<String, String> parTitre = lignes(pages.get(utilisateur, "/portefeuille?tri=titre").document());
            Map<String, String> parRealise = lignes(pages.get(utilisateur, "/portefeuille?tri=realise").document());
            Map<String, String> communes = new HashMap<>(parTitre);
            communes.keySet().retainAll(parRealise.keySet());
            assertThat(communes).as("rows of %s's portfolio shown by both sorts", utilisateur).isNotEmpty();
            communes.forEach((titre, ligne) -> assertThat(parRealise.get(titre)).as(titre).isEqualTo(ligne));
            assertThat(parTitre.keySet().stream().anyMatch(t -> t.contains("Aubenas"))).isTrue();
        }
        int requetes = CompteurDeRequetes.compter(() -> pages.get("admin", "/portefeuille"));
        assertThat(requetes).as("statements of the admin portfolio").isLessThan(12);
    }

    private static Map<String, String> lignes(Document page) {
        Map<String, String> lignes = new LinkedHashMap<>();
        for (Element tr : page.select("tr.ligne-portefeuille")) {
            lignes.put(tr.selectFirst("td, th").text(), tr.text());
        }
        return lignes;
    }

    private String assertLueUneFois(ClientPages pages, String utilisateur, String chemin) throws Exception {
        pages.get(utilisateur, chemin); // warm: caches filled on the first request are not the page's cost
        ClientPages.Page[] page = new ClientPages.Page[1];
        List<String> requetes = CompteurDeRequetes.requetes(() -> page[0] = pages.get(utilisateur, chemin));
        assertThat(page[0].status()).as("GET %s as %s", chemin, utilisateur).isEqualTo(200);
        // A failure while rendering (after the first bytes are sent) still answers 200: the whole page must be there.
        assertThat(page[0].html()).as("GET %s as %s", chemin, utilisateur).contains("</html>").doesNotContain("Requête refusée")
                .containsAnyOf("id=\"vie-de-la-convention\"", "Arborescence du plan", "id=\"chiffres-cles\"", "id=\"tableau-suivi\"");
        assertThat(requetes.stream().filter(r -> RACINE.matcher(r).find()).count())
                .as("loads of the convention aggregate by GET %s as %s, among %s", chemin, utilisateur, requetes).isEqualTo(1);
        assertThat(requetes.stream().filter(r -> COMMUNES.matcher(r).find()).count())
                .as("reads of the convention's communes by GET %s as %s", chemin, utilisateur).isLessThanOrEqualTo(1);
        return page[0].html();
    }

    private long id(String motif) {
        return jdbc.sql("SELECT min(id) FROM convention WHERE titre LIKE :m").param("m", "%" + motif + "%").query(Long.class).single();
    }

    private long convention(String titre, long cafId, Long predecesseur) {
        return jdbc.sql("""
                        INSERT INTO convention (titre, caf_id, date_debut, date_fin, statut, predecesseur_id)
                        VALUES (:titre, :caf, DATE '2025-01-01', DATE '2029-12-31', 'SIGNEE', :p) RETURNING id""")
                .param("titre", titre).param("caf", cafId).param("p", predecesseur).query(Long.class).single();
    }
}
