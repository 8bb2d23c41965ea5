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
 * Issue 15 item 9: the indicator definitions of a diagnostic edited on their page like the other tables: the code is
 * fixed once created (values cite it), a code already taken is a 400 naming the field, a stale form a 409 giving the
 * input back, a removal says how many values go with the indicator; readers and strangers are refused.
 */
@IntegrationTest
class IndicateursDiagnosticTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    ClientApi api;
    ClientPages pages;
    long c;
    String page;

    @BeforeEach
    void convention() {
        api = new ClientApi(mvc);
        pages = new ClientPages(mvc);
        c = api.creerConventionDeTest("caf07", "diag-indicateurs").path("id").asLong();
        page = "/conventions/" + c + "/diagnostic/tableaux/indicateurs";
    }

    @Test
    void an_indicator_is_added_and_edited_on_its_page_its_code_fixed_a_stale_form_refused_with_the_input_kept() {
        Map<String, String> nouvel = new HashMap<>(ClientPages.champs(pages.get("caf07", page).document(), "#ligne-nouvelle form"));
        nouvel.putAll(Map.of("code", "pop0_2", "libelle", "Enfants de 0 à 2 ans", "unite", "enfants", "thematique", "Petite enfance"));
        Page ajout = pages.poster("caf07", page, nouvel);
        assertThat(ajout.status()).isEqualTo(302);
        long id = jdbc.sql("SELECT id FROM diagnostic_indicateur WHERE convention_id = :c AND code = 'pop0_2'").param("c", c)
                .query(Long.class).single();

        // A code already taken: 400 naming the field, nothing written.
        nouvel.put("libelle", "Autre libellé");
        Page doublon = pages.poster("caf07", page, nouvel);
        assertThat(doublon.status()).isEqualTo(400);
        assertThat(doublon.document().getElementById("erreur-champ-nouvelle-code").text()).contains("Code", "pop0_2");
        assertThat(doublon.document().getElementById("champ-nouvelle-libelle").val()).isEqualTo("Autre libellé");
        // Required fields named.
        Page manquant = pages.poster("caf07", page, Map.of("code", "autre", "libelle", " ", "unite", "", "thematique", ""));
        assertThat(manquant.status()).isEqualTo(400);
        assertThat(manquant.document().getElementById("erreur-champ-nouvelle-libelle").text()).contains("Libellé", "obligatoire");
        assertThat(manquant.document().getElementById("erreur-champ-nouvelle-unite").text()).contains("Unité", "obligatoire");
        assertThat(manquant.document().getElementById("erreur-champ-nouvelle-thematique").text()).contains("Thématique", "obligatoire");
        assertThat(jdbc.sql("SELECT count(*) FROM diagnostic_indicateur WHERE convention_id = :c").param("c", c)
                .query(Long.class).single()).isEqualTo(1);

        // Edited through the form and read back; the code cannot be changed.
        Document premier = pages.get("caf07", page).document();
        Document second = pages.get("ccba", page).document();
        assertThat(premier.getElementById("champ-" + id + "-code").hasAttr("readonly")).isTrue();
        Map<String, String> champsPremier = ClientPages.champs(premier, "#ligne-" + id + " form");
        Map<String, String> champsSecond = ClientPages.champs(second, "#ligne-" + id + " form");
        assertThat(champsPremier).containsEntry("code", "pop0_2").containsEntry("unite", "enfants").containsEntry("version", "1");
        champsPremier.put("code", "autre_code");
        champsPremier.put("libelle", "Enfants de moins de 3 ans");
        champsPremier.put("definition", "Recensement de la population");
        Page ok = pages.poster("caf07", page + "/" + id, champsPremier);
        assertThat(ok.status()).isEqualTo(302);
        assertThat(ok.messageSucces()).contains("Enfants de moins de 3 ans");
        assertThat(stockee(id, "code || ' ' || libelle || ' ' || definition"))
                .isEqualTo("pop0_2 Enfants de moins de 3 ans Recensement de la population|2");
        Map<String, String> relue = ClientPages.champs(pages.get("caf07", page).document(), "#ligne-" + id + " form");
        assertThat(relue).containsEntry("libelle", "Enfants de moins de 3 ans").containsEntry("code", "pop0_2").containsEntry("version", "2");

        // The second browser still holds version 1: 409, its input given back, the first edit kept.
        champsSecond.put("unite", "%");
        Page conflit = pages.poster("ccba", page + "/" + id, champsSecond);
        assertThat(conflit.status()).isEqualTo(409);
        Document d = conflit.document();
        assertThat(d.select("#ligne-" + id + " .conflit-ligne").text()).contains("modifiée ou supprimée par quelqu'un d'autre",
                "Enfants de moins de 3 ans");
        assertThat(d.getElementById("champ-" + id + "-unite").val()).as("typed input kept").isEqualTo("%");
        assertThat(stockee(id, "unite")).isEqualTo("enfants|2");

        // The API names the version too.
        String api0 = "/api/v1/conventions/" + c + "/diagnostic/tableaux/indicateurs/" + id;
        Map<String, String> valeurs = Map.of("libelle", "Enfants de moins de 3 ans", "unite", "enfants", "thematique", "Petite enfance");
        assertThat(api.put("ccba", api0, Map.of("version", 1, "valeurs", valeurs)).status()).isEqualTo(409);
        assertThat(api.put("ccba", api0, Map.of("version", 2, "valeurs", valeurs)).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM journal WHERE convention_id = :c AND action LIKE 'indicateur « %'")
                .param("c", c).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void removing_an_indicator_says_how_many_values_go_with_it() {
        long id = api.post("caf07", "/api/v1/conventions/" + c + "/diagnostic/indicateurs", Map.of("code", "taux", "libelle",
                "Taux de couverture", "unite", "%", "thematique", "Petite enfance")).json().path("id").asLong();
        long sans = api.post("caf07", "/api/v1/conventions/" + c + "/diagnostic/indicateurs", Map.of("code", "vide", "libelle",
                "Sans valeur", "unite", "%", "thematique", "Petite enfance")).json().path("id").asLong();
        jdbc.sql("INSERT INTO diagnostic_territoire (convention_id, cle, type, nom) VALUES (:c, 't1', 'EPCI', 'CC 1'), (:c, 't2', 'EPCI', 'CC 2')")
                .param("c", c).update();
        assertThat(jdbc.sql("""
                        INSERT INTO diagnostic_valeur (indicateur_id, territoire_id, periode, source, valeur)
                        SELECT :i, t.id, '2021', '', 10 FROM diagnostic_territoire t WHERE t.convention_id = :c""")
                .param("i", id).param("c", c).update()).isEqualTo(2);

        Document confirmation = pages.get("caf07", page + "/" + id + "/suppression").document();
        assertThat(confirmation.getElementById("valeurs-emportees").text()).contains("2 valeurs", "supprimées avec lui");
        assertThat(pages.get("caf07", page + "/" + sans + "/suppression").document().getElementById("valeurs-emportees").text())
                .contains("Aucune valeur");
        Map<String, String> suppression = ClientPages.champs(confirmation, "form[action$=suppression]");
        suppression.put("version", "2");
        Page perimee = pages.poster("caf07", page + "/" + id + "/suppression", suppression);
        assertThat(perimee.status()).isEqualTo(409);
        assertThat(perimee.document().getElementById("valeurs-emportees").text()).contains("2 valeurs");
        suppression.put("version", "1");
        assertThat(pages.poster("caf07", page + "/" + id + "/suppression", suppression).status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM diagnostic_valeur WHERE indicateur_id = :i").param("i", id).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM journal j, jsonb_array_elements(j.changements) e WHERE j.convention_id = :c"
                        + " AND j.action = 'indicateur « Taux de couverture » : suppression' AND e::text LIKE '%Valeurs supprimées%'")
                .param("c", c).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void readers_and_strangers_may_not_edit_the_indicators() {
        long aubenas = api.aubenas();
        String pageAubenas = "/conventions/" + aubenas + "/diagnostic/tableaux/indicateurs";
        long id = jdbc.sql("SELECT min(id) FROM diagnostic_indicateur WHERE convention_id = :c").param("c", aubenas)
                .query(Long.class).single();
        String avant = stockee(id, "code || ' ' || libelle");
        Document diagnostic = pages.get("ccba", "/conventions/" + aubenas + "/diagnostic").document();
        assertThat(diagnostic.select("#modifier-tableaux a").eachAttr("href")).contains(pageAubenas);
        assertThat(diagnostic.select("a.modifier-indicateurs").eachAttr("href")).isNotEmpty().containsOnly(pageAubenas);
        assertThat(pages.get("lecteur", "/conventions/" + aubenas + "/diagnostic").document().select("a.modifier-indicateurs")).isEmpty();

        Map<String, String> champs = Map.of("libelle", "Pris", "unite", "x", "thematique", "y", "version", "1");
        assertThat(pages.get("lecteur", pageAubenas).status()).isEqualTo(403);
        assertThat(pages.poster("lecteur", pageAubenas + "/" + id, champs).status()).isEqualTo(403);
        assertThat(pages.poster("lecteur", pageAubenas, Map.of("code", "pris", "libelle", "Pris", "unite", "x", "thematique", "y")).status())
                .isEqualTo(403);
        assertThat(pages.get("lecteur", pageAubenas + "/" + id + "/suppression").status()).isEqualTo(403);
        assertThat(pages.poster("lecteur", pageAubenas + "/" + id + "/suppression", Map.of("version", "1")).status()).isEqualTo(403);
        assertThat(pages.get("pilat", pageAubenas).status()).isIn(403, 404);
        assertThat(pages.poster("pilat", pageAubenas + "/" + id, champs).status()).isIn(403, 404);
        assertThat(api.put("pilat", "/api/v1/conventions/" + aubenas + "/diagnostic/tableaux/indicateurs/" + id,
                Map.of("version", 1, "valeurs", champs)).status()).isIn(403, 404);
        assertThat(pages.get("caf07", page + "/" + id + "/suppression").status()).as("an indicator of another convention").isEqualTo(404);
        assertThat(stockee(id, "code || ' ' || libelle")).isEqualTo(avant);
    }

    private String stockee(long id, String colonne) {
        return jdbc.sql("SELECT " + colonne + " || '|' || version FROM diagnostic_indicateur WHERE id = :id").param("id", id)
                .query(String.class).single();
    }
}
