package fr.pilotectg.pilotage;

import java.util.Map;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.ClientPages.Page;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 9: the evaluation of the previous CTG gets its edit page, with the version read: written by the
 * convention's writers, a stale form is a 409 keeping the input, bad input a 400 naming the field, nothing written.
 */
@IntegrationTest
class ModificationEvaluationPrecedenteTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_evaluation_is_typed_on_its_page_and_a_stale_form_is_a_conflict() {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        long c = api.creerConventionDeTest("caf07", "eval-prec").path("id").asLong();
        String lecture = "/conventions/" + c + "/evaluation-precedente";
        String page = lecture + "/modifier";
        assertThat(pages.get("caf07", lecture).document().select("#modifier-evaluation").attr("href")).isEqualTo(page);

        // First entry: nothing yet, one empty block of each list.
        Document vide = pages.get("caf07", page).document();
        assertThat(vide.select("label[for=champ-axes-0-titre]").text()).isEqualTo("Titre");
        Map<String, String> champs = ClientPages.champs(vide, "#formulaire-evaluation");
        assertThat(champs).containsEntry("version", "").containsKeys("axes[0].titre", "realisations[0].thematique", "etp[0].etp",
                "impact.reponseBesoinsSpecifiques", "pilotage.gouvernance", "perspectives");
        champs.putAll(Map.of("axes[0].numero", "1", "axes[0].titre", "Petite enfance", "axes[0].objectifs", "Plus de places\n\nUn RPE",
                "realisations[0].thematique", "Jeunesse", "realisations[0].actionsRealisees", "Un espace jeunes",
                "impact.reponseBesoinsSpecifiques", "Un accueil inclusif", "perspectives", "Continuer\nÉvaluer",
                "etp[0].employeur", "CCBA", "etp[0].etp", "0,75"));
        Page creee = pages.poster("caf07", page, champs);
        assertThat(creee.status()).isEqualTo(302);
        Document lue = pages.get("caf07", lecture).document();
        assertThat(lue.select(".axes-rappeles > li > strong").eachText()).containsExactly("Petite enfance");
        assertThat(lue.select(".axes-rappeles li li").eachText()).containsExactly("Plus de places", "Un RPE");
        assertThat(lue.getElementById("total-etp").text()).isEqualTo("0,75");
        assertThat(lue.select("#perspectives li").eachText()).containsExactly("Continuer", "Évaluer");
        assertThat(version(c)).isEqualTo(0);

        // Two browsers: the second save is a conflict, its input kept, the first edit kept.
        Document premier = pages.get("caf07", page).document();
        Document second = pages.get("ccba", page).document();
        Map<String, String> champsPremier = ClientPages.champs(premier, "#formulaire-evaluation");
        Map<String, String> champsSecond = ClientPages.champs(second, "#formulaire-evaluation");
        assertThat(champsPremier).containsEntry("axes[0].titre", "Petite enfance").containsEntry("etp[0].etp", "0,75")
                .containsKey("axes[1].titre");
        champsPremier.put("axes[1].titre", "Jeunesse");
        champsSecond.put("axes[0].titre", "Enfance");
        assertThat(pages.poster("caf07", page, champsPremier).status()).isEqualTo(302);
        Page conflit = pages.poster("ccba", page, champsSecond);
        assertThat(conflit.status()).isEqualTo(409);
        assertThat(conflit.document().getElementById("conflit-evaluation").text()).contains("modifiée par quelqu'un d'autre");
        assertThat(conflit.document().getElementById("champ-axes-0-titre").val()).isEqualTo("Enfance");
        assertThat(pages.get("caf07", lecture).document().select(".axes-rappeles > li > strong").eachText())
                .containsExactly("Petite enfance", "Jeunesse");
        assertThat(version(c)).isEqualTo(1);

        // Bad input: 400 naming the fields, nothing written.
        Map<String, String> faux = ClientPages.champs(pages.get("caf07", page).document(), "#formulaire-evaluation");
        faux.put("etp[0].etp", "12");
        faux.put("axes[0].titre", " ");
        faux.put("realisations[0].thematique", "x".repeat(301));
        Page refus = pages.poster("caf07", page, faux);
        assertThat(refus.status()).isEqualTo(400);
        Document d = refus.document();
        assertThat(d.getElementById("erreur-champ-etp-0-etp").text()).contains("ETP", "« 12 »", "0 et 10");
        assertThat(d.getElementById("erreur-champ-axes-0-titre").text()).contains("Axe rappelé n° 1, titre", "obligatoire");
        assertThat(d.getElementById("erreur-champ-realisations-0-thematique").text()).contains("Réalisations, ligne n° 1, thématique", "301");
        assertThat(d.getElementById("champ-etp-0-etp").val()).isEqualTo("12");
        assertThat(version(c)).isEqualTo(1);

        // Readers and strangers are refused.
        long aubenas = api.aubenas();
        assertThat(pages.get("lecteur", "/conventions/" + aubenas + "/evaluation-precedente").document().select("#modifier-evaluation")).isEmpty();
        assertThat(pages.get("lecteur", "/conventions/" + aubenas + "/evaluation-precedente/modifier").status()).isEqualTo(403);
        assertThat(pages.poster("lecteur", "/conventions/" + aubenas + "/evaluation-precedente/modifier", Map.of("version", "0"))
                .status()).isEqualTo(403);
        assertThat(pages.get("pilat", page).status()).isIn(403, 404);
        assertThat(pages.poster("pilat", page, champsPremier).status()).isIn(403, 404);
        assertThat(pages.posterSansCsrf("caf07", page, champsPremier).status()).isEqualTo(403);
        assertThat(version(c)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM journal WHERE convention_id = :c AND objet_type = 'EVALUATION_PRECEDENTE'")
                .param("c", c).query(Long.class).single()).isEqualTo(2);
    }

    private int version(long c) {
        return jdbc.sql("SELECT version FROM evaluation_precedente WHERE convention_id = :c").param("c", c).query(Integer.class).single();
    }
}
