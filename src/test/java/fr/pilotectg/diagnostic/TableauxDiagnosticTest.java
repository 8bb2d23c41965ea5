package fr.pilotectg.diagnostic;

import java.util.HashMap;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.ClientPages.Page;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 9: the EAJE, ALSH, financing tables, the AFOM, the enjeux and the sources of a diagnostic edited on
 * their pages, row by row with the version read: a stale form is a 409 that gives the input back and keeps the first
 * edit; bad input is a 400 naming the field with nothing written; readers and strangers are refused.
 */
@IntegrationTest
class TableauxDiagnosticTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    ClientApi api;
    ClientPages pages;
    long c;
    String api0;

    @BeforeEach
    void convention() {
        api = new ClientApi(mvc);
        pages = new ClientPages(mvc);
        c = api.creerConventionDeTest("caf07", "diag-tableaux").path("id").asLong();
        api0 = "/api/v1/conventions/" + c + "/diagnostic";
    }

    @Test
    void an_eaje_row_edited_from_two_browsers_ends_in_a_conflict_the_first_edit_kept_and_the_input_given_back() {
        long ligne = api.post("caf07", api0 + "/eaje", Map.of("nom", "Les Lutins", "commune", "Aubenas", "places", 24)).json()
                .path("id").asLong();
        String page = "/conventions/" + c + "/diagnostic/tableaux/eaje";

        Document diagnostic = pages.get("caf07", "/conventions/" + c + "/diagnostic").document();
        assertThat(diagnostic.select("#modifier-tableaux a").eachAttr("href")).contains(page,
                "/conventions/" + c + "/diagnostic/tableaux/sources", "/conventions/" + c + "/diagnostic/tableaux/afom");
        assertThat(diagnostic.select("#eaje a.modifier-tableau").attr("href")).isEqualTo(page);

        Document premier = pages.get("caf07", page).document();
        Document second = pages.get("ccba", page).document();
        assertThat(premier.select("label[for=champ-" + ligne + "-places]").text()).contains("Places");
        Map<String, String> champsPremier = ClientPages.champs(premier, "#ligne-" + ligne + " form");
        Map<String, String> champsSecond = ClientPages.champs(second, "#ligne-" + ligne + " form");
        assertThat(champsPremier).containsEntry("nom", "Les Lutins").containsEntry("places", "24").containsEntry("version", "1");
        champsPremier.put("places", "30");
        champsSecond.put("places", "40");
        champsSecond.put("note", "ma note");

        Page ok = pages.poster("caf07", page + "/" + ligne, champsPremier);
        assertThat(ok.status()).isEqualTo(302);
        assertThat(ok.messageSucces()).contains("Les Lutins");
        Page conflit = pages.poster("ccba", page + "/" + ligne, champsSecond);
        assertThat(conflit.status()).isEqualTo(409);
        Document d = conflit.document();
        assertThat(d.select("#ligne-" + ligne + " .conflit-ligne").text()).contains("modifiée ou supprimée par quelqu'un d'autre", "30");
        assertThat(d.getElementById("champ-" + ligne + "-places").val()).as("typed input kept").isEqualTo("40");
        assertThat(d.getElementById("champ-" + ligne + "-note").text()).isEqualTo("ma note");
        assertThat(stockee("diagnostic_eaje", ligne, "places")).isEqualTo("30|2");

        // Bad input: 400 naming the fields, nothing written.
        Map<String, String> champs = ClientPages.champs(pages.get("caf07", page).document(), "#ligne-" + ligne + " form");
        champs.put("places", "-3");
        champs.put("annee", "1999");
        champs.put("tauxOccupationFinancier", "beaucoup");
        Page refus = pages.poster("caf07", page + "/" + ligne, champs);
        assertThat(refus.status()).isEqualTo(400);
        assertThat(refus.document().getElementById("erreur-champ-" + ligne + "-places").text()).contains("Places", "négatif");
        assertThat(refus.document().getElementById("erreur-champ-" + ligne + "-annee").text()).contains("Année", "2000", "2100");
        assertThat(refus.document().getElementById("erreur-champ-" + ligne + "-tauxOccupationFinancier").text())
                .contains("Taux d'occupation financier", "« beaucoup »");
        assertThat(refus.document().getElementById("champ-" + ligne + "-annee").val()).isEqualTo("1999");
        champs.put("places", "30");
        champs.put("annee", "2023");
        champs.put("tauxOccupationFinancier", "x".repeat(10));
        champs.put("nom", "N".repeat(301));
        Page tropLong = pages.poster("caf07", page + "/" + ligne, champs);
        assertThat(tropLong.status()).isEqualTo(400);
        assertThat(tropLong.document().text()).contains("« nom »", "301");
        assertThat(stockee("diagnostic_eaje", ligne, "places")).isEqualTo("30|2");

        // The API names the version too: a stale one is a 409, the right one saves.
        Map<String, Object> corps = Map.of("version", 1, "valeurs", Map.of("nom", "Les Lutins", "places", "50"));
        assertThat(api.put("ccba", api0 + "/tableaux/eaje/" + ligne, corps).status()).isEqualTo(409);
        assertThat(api.put("ccba", api0 + "/tableaux/eaje/" + ligne, Map.of("version", 2, "valeurs", Map.of("nom", "Les Lutins",
                "places", "-1"))).messageDuChamp("places")).contains("Places");
        ClientApi.Reponse modifiee = api.put("ccba", api0 + "/tableaux/eaje/" + ligne,
                Map.of("version", 2, "valeurs", Map.of("nom", "Les Lutins", "places", "50", "annee", "2024")));
        assertThat(modifiee.status()).as(modifiee.texte()).isEqualTo(200);
        assertThat(modifiee.json().path("version").asInt()).isEqualTo(3);
        assertThat(api.get("caf07", api0 + "/tableaux/eaje").json().get(0).path("valeurs").path("annee").asText()).isEqualTo("2024");
        assertThat(api.delete("caf07", api0 + "/eaje/" + ligne + "?version=2").status()).isEqualTo(409);

        // Removal: confirmation page, a stale version refused, then gone.
        Document confirmation = pages.get("caf07", page + "/" + ligne + "/suppression").document();
        assertThat(confirmation.select("#ligne-a-supprimer").text()).contains("Les Lutins", "50");
        Map<String, String> suppression = ClientPages.champs(confirmation, "form[action$=suppression]");
        suppression.put("version", "2");
        assertThat(pages.poster("caf07", page + "/" + ligne + "/suppression", suppression).status()).isEqualTo(409);
        suppression.put("version", "3");
        assertThat(pages.poster("caf07", page + "/" + ligne + "/suppression", suppression).status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM diagnostic_eaje WHERE convention_id = :c").param("c", c).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM journal WHERE convention_id = :c AND action LIKE 'établissement « Les Lutins » : %'")
                .param("c", c).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void rows_are_added_on_the_pages_with_their_fields_checked() {
        // A row added on the page; a missing field or a duplicate key names the field and writes nothing.
        String sources = "/conventions/" + c + "/diagnostic/tableaux/sources";
        Map<String, String> source = new HashMap<>(ClientPages.champs(pages.get("caf07", sources).document(), "#ligne-nouvelle form"));
        source.putAll(Map.of("cle", "insee", "type", "STATISTIQUE", "libelle", "Insee, recensement", "annee", "2021"));
        assertThat(pages.poster("caf07", sources, source).status()).isEqualTo(302);
        Page doublon = pages.poster("caf07", sources, source);
        assertThat(doublon.status()).isEqualTo(400);
        assertThat(doublon.document().getElementById("erreur-champ-nouvelle-cle").text()).contains("Clé", "insee");
        source.put("libelle", " ");
        source.put("cle", "caf");
        Page manquant = pages.poster("caf07", sources, source);
        assertThat(manquant.status()).isEqualTo(400);
        assertThat(manquant.document().getElementById("erreur-champ-nouvelle-libelle").text()).contains("Libellé", "obligatoire");
        assertThat(jdbc.sql("SELECT string_agg(cle || '|' || libelle || '|' || annee, ';') FROM diagnostic_source WHERE convention_id = :c")
                .param("c", c).query(String.class).single()).isEqualTo("insee|Insee, recensement|2021");

        // The key of a source is fixed once created (values cite it).
        long idSource = jdbc.sql("SELECT id FROM diagnostic_source WHERE convention_id = :c").param("c", c).query(Long.class).single();
        Map<String, String> edition = ClientPages.champs(pages.get("caf07", sources).document(), "#ligne-" + idSource + " form");
        edition.put("cle", "autre");
        edition.put("libelle", "Insee RP 2021");
        assertThat(pages.poster("caf07", sources + "/" + idSource, edition).status()).isEqualTo(302);
        assertThat(stockee("diagnostic_source", idSource, "cle || ' ' || libelle")).isEqualTo("insee Insee RP 2021|2");

        // Financing: a marker is a value, a weight is a percentage.
        String financements = "/conventions/" + c + "/diagnostic/tableaux/financements";
        Map<String, String> financement = new HashMap<>(Map.of("secteur", "Petite enfance", "categorie", "PSU", "annee", "2023",
                "montant", "NS", "poids", "120"));
        Page poids = pages.poster("caf07", financements, financement);
        assertThat(poids.status()).isEqualTo(400);
        assertThat(poids.document().getElementById("erreur-champ-nouvelle-poids").text()).contains("Poids", "100");
        financement.put("poids", "12,5");
        assertThat(pages.poster("caf07", financements, financement).status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT montant_marqueur || '|' || poids FROM diagnostic_financement WHERE convention_id = :c")
                .param("c", c).query(String.class).single()).isEqualTo("NS|12.5");

        // ALSH: a category from the list.
        Page categorie = pages.poster("caf07", "/conventions/" + c + "/diagnostic/tableaux/alsh", Map.of("nom", "Les Loupiots",
                "categorie", "CAMPING"));
        assertThat(categorie.status()).isEqualTo(400);
        assertThat(categorie.document().getElementById("erreur-champ-nouvelle-categorie").text()).contains("Catégorie", "Périscolaire");

        // The AFOM page keeps to the AFOM: an enjeu is not reachable through it.
        long enjeu = api.post("caf07", api0 + "/constats", Map.of("nature", "ENJEU", "thematique", "Petite enfance",
                "texte", "Adapter l'offre")).json().path("id").asLong();
        api.post("caf07", api0 + "/constats", Map.of("nature", "ATOUT", "texte", "Un réseau dense"));
        Document afom = pages.get("caf07", "/conventions/" + c + "/diagnostic/tableaux/afom").document();
        assertThat(afom.select(".ligne-tableau h2").eachText()).containsExactly("Un réseau dense");
        assertThat(afom.select(".ligne-tableau textarea").eachText()).containsExactly("Un réseau dense");
        assertThat(pages.get("caf07", "/conventions/" + c + "/diagnostic/tableaux/afom/" + enjeu + "/suppression").status()).isEqualTo(404);
        Document enjeux = pages.get("caf07", "/conventions/" + c + "/diagnostic/tableaux/enjeux").document();
        Map<String, String> champsEnjeu = ClientPages.champs(enjeux, "#ligne-" + enjeu + " form");
        champsEnjeu.put("texte", "Adapter l'offre d'accueil");
        assertThat(pages.poster("caf07", "/conventions/" + c + "/diagnostic/tableaux/enjeux/" + enjeu, champsEnjeu).status()).isEqualTo(302);
        assertThat(stockee("diagnostic_constat", enjeu, "texte")).isEqualTo("Adapter l'offre d'accueil|2");
    }

    @Test
    void readers_and_strangers_may_not_edit_the_tables() {
        long aubenas = api.aubenas();
        String page = "/conventions/" + aubenas + "/diagnostic/tableaux/eaje";
        long ligne = jdbc.sql("SELECT min(id) FROM diagnostic_eaje WHERE convention_id = :c").param("c", aubenas).query(Long.class).single();
        String avant = stockee("diagnostic_eaje", ligne, "places");
        Document lecture = pages.get("lecteur", "/conventions/" + aubenas + "/diagnostic").document();
        assertThat(lecture.select("#modifier-tableaux, a.modifier-tableau")).isEmpty();
        for (String tableau : new String[]{"eaje", "alsh", "financements", "afom", "enjeux", "sources"}) {
            assertThat(pages.get("lecteur", "/conventions/" + aubenas + "/diagnostic/tableaux/" + tableau).status()).isEqualTo(403);
        }
        Map<String, String> champs = Map.of("nom", "Pris", "places", "1", "version", "1");
        assertThat(pages.poster("lecteur", page + "/" + ligne, champs).status()).isEqualTo(403);
        assertThat(pages.poster("lecteur", page, champs).status()).isEqualTo(403);
        assertThat(pages.poster("lecteur", page + "/" + ligne + "/suppression", Map.of("version", "1")).status()).isEqualTo(403);
        assertThat(pages.get("lecteur", page + "/" + ligne + "/suppression").status()).isEqualTo(403);
        assertThat(pages.get("pilat", page).status()).isIn(403, 404);
        assertThat(pages.poster("pilat", page + "/" + ligne, champs).status()).isIn(403, 404);
        assertThat(api.put("lecteur", "/api/v1/conventions/" + aubenas + "/diagnostic/tableaux/eaje/" + ligne,
                Map.of("version", 1, "valeurs", champs)).status()).isEqualTo(403);
        assertThat(api.get("lecteur", "/api/v1/conventions/" + aubenas + "/diagnostic/tableaux/eaje").status()).isEqualTo(403);
        assertThat(pages.posterSansCsrf("caf07", "/conventions/" + c + "/diagnostic/tableaux/eaje", champs).status()).isEqualTo(403);
        assertThat(pages.get("caf07", "/conventions/" + c + "/diagnostic/tableaux/inconnu").status()).isEqualTo(404);
        assertThat(pages.get("caf07", "/conventions/" + c + "/diagnostic/tableaux/eaje/" + ligne + "/suppression").status())
                .as("a row of another convention").isEqualTo(404);
        assertThat(stockee("diagnostic_eaje", ligne, "places")).isEqualTo(avant);
        assertThat(jdbc.sql("SELECT count(*) FROM diagnostic_eaje WHERE convention_id = :c").param("c", c).query(Long.class).single()).isZero();
    }

    private String stockee(String table, long id, String colonne) {
        return jdbc.sql("SELECT " + colonne + " || '|' || version FROM " + table + " WHERE id = :id").param("id", id)
                .query(String.class).single();
    }
}
