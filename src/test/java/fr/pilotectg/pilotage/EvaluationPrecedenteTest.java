package fr.pilotectg.pilotage;

import java.math.BigDecimal;
import java.util.List;

import fr.pilotectg.shared.ErreurValidation;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The evaluation of the previous CTG: loaded for Aubenas from the demo data, shown in its five parts, validated. */
@IntegrationTest
class EvaluationPrecedenteTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    ClientApi api;
    ClientPages pages;

    @BeforeEach
    void clients() {
        api = new ClientApi(mvc);
        pages = new ClientPages(mvc);
    }

    @Test
    void aubenas_shows_the_axes_the_actions_the_impact_the_perspectives_and_the_steering() {
        Document page = evaluation("lecteur", api.aubenas());
        assertThat(page.select(".axes-rappeles > li > strong").eachText()).hasSize(7)
                .startsWith("Précarité, accès aux droits et inclusion numérique", "Petite enfance");
        assertThat(page.select("#table-realisations tbody th").eachText()).containsExactly("Précarité, accès aux droits, inclusion numérique",
                "Petite enfance", "Enfance", "Jeunesse", "Parentalité", "Animation de la vie sociale", "Logement", "Autre thématique");
        assertThat(page.select("#table-realisations tbody tr").get(1).select("td").get(0).select("li")).hasSize(10);
        assertThat(page.select("h3").eachText()).containsExactly("Information des familles et accessibilité",
                "Développement de l'offre et maillage territorial", "Réponse aux besoins spécifiques",
                "Qualité de l'offre et investissement social");
        assertThat(page.select("#perspectives li")).hasSize(3);
        assertThat(page.select("#table-etp tbody tr").eachText()).containsExactly("CCBA 0,75 petite enfance", "CCBA 0,25 Jeunesse",
                "CCBA 0,75 enfance et animation vie sociale", "Mairie d'Aubenas 0,40 —");
        assertThat(page.getElementById("total-etp").text()).isEqualTo("2,15");
        assertThat(page.select("dl.pilotage dt").eachText()).containsExactly("Gouvernance", "Diagnostics", "Aide à la décision",
                "Coordination", "Valorisation", "Concertation", "Écueils et pistes");
        assertThat(page.select("h1")).hasSize(1);
    }

    @Test
    void a_convention_without_previous_evaluation_says_so_and_outsiders_are_refused() {
        long convention = api.creerConventionDeTest("caf07", "evaluation").path("id").asLong();
        assertThat(evaluation("caf07", convention).getElementById("aucune-evaluation")).isNotNull();
        assertThat(pages.get("caf42", "/conventions/" + api.aubenas() + "/evaluation-precedente").status()).isEqualTo(403);
        assertThat(pages.get("pilat", "/conventions/" + convention + "/evaluation-precedente").status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM journal WHERE objet_type = 'EVALUATION_PRECEDENTE' AND convention_id = :c")
                .param("c", api.aubenas()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void the_document_is_validated_when_built() {
        var pilotage = new EvaluationPrecedente.Pilotage(List.of(new EvaluationPrecedente.Etp("CCBA", new BigDecimal("-1"), null)),
                null, null, null, null, null, null, null);
        assertThatThrownBy(() -> new EvaluationPrecedente(List.of(new EvaluationPrecedente.AxeRappele(1, " ", null)),
                List.of(), null, null, pilotage))
                .isInstanceOfSatisfying(ErreurValidation.class, e -> assertThat(e.erreurs())
                        .extracting(ErreurValidation.Erreur::champ)
                        .containsExactly("axes[0].titre", "pilotage.etpChargesCooperation[0].etp"));
    }

    private Document evaluation(String utilisateur, long convention) {
        Page page = pages.get(utilisateur, "/conventions/" + convention + "/evaluation-precedente");
        assertThat(page.status()).as(page.html()).isEqualTo(200);
        return page.document();
    }
}
