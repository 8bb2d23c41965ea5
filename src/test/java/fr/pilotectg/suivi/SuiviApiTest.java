package fr.pilotectg.suivi;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;

import fr.pilotectg.testsupport.ClientApi.Reponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The follow-up API: shapes, validation that saves nothing, and who may write. */
class SuiviApiTest extends SuiviTestSupport {

    private static final String HIER = LocalDate.now().minusDays(1).toString();

    @Test
    void a_porteur_records_an_update_of_its_fiche_and_reads_it_back_in_the_history() {
        PlanDeSuivi plan = planDeSuivi("suivi-api");

        Reponse creee = api.post("palabre", "/api/v1/fiches/" + plan.alpha() + "/suivi", miseAJour("EN_COURS", 35, HIER));

        assertThat(creee.status()).as(creee.texte()).isEqualTo(201);
        JsonNode json = creee.json();
        assertThat(json.path("ficheId").asLong()).isEqualTo(plan.alpha());
        assertThat(json.path("statut").path("code").asString()).isEqualTo("EN_COURS");
        assertThat(json.path("statut").path("libelle").asString()).isEqualTo("En cours");
        assertThat(json.path("avancement").asInt()).isEqualTo(35);
        assertThat(json.path("datePoint").asString()).isEqualTo(HIER);
        assertThat(json.path("auteur").asString()).isEqualTo("palabre");
        assertThat(json.path("miseEnOeuvre").asString()).isEqualTo("Réunion de lancement");
        assertThat(json.path("exemple").asBoolean()).isFalse();
        JsonNode historique = api.get("caf07", "/api/v1/fiches/" + plan.alpha() + "/suivi").json();
        assertThat(historique).hasSize(1);
        assertThat(historique.get(0).path("id").asLong()).isEqualTo(json.path("id").asLong());
    }

    @Test
    void the_convention_table_gives_the_latest_update_of_every_fiche_and_nulls_for_fiches_without_one() {
        PlanDeSuivi plan = planDeSuivi("suivi-api-tableau");
        api.post("ccba", "/api/v1/fiches/" + plan.bravo() + "/suivi", miseAJour("EN_COURS", 10, LocalDate.now().minusDays(5).toString()));
        api.post("ccba", "/api/v1/fiches/" + plan.bravo() + "/suivi", miseAJour("REALISEE", null, HIER));

        Reponse reponse = api.get("caf07", "/api/v1/conventions/" + plan.conventionId() + "/suivi");

        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(200);
        List<JsonNode> lignes = StreamSupport.stream(reponse.json().spliterator(), false).toList();
        assertThat(lignes).extracting(l -> l.path("titre").asString()).containsExactly("Alpha", "Bravo", "Charlie", "Delta");
        JsonNode bravo = lignes.get(1);
        assertThat(bravo.path("ficheId").asLong()).isEqualTo(plan.bravo());
        assertThat(bravo.path("reference").asString()).isEqualTo("FA2");
        assertThat(bravo.path("statut").path("code").asString()).isEqualTo("REALISEE");
        assertThat(bravo.path("statut").path("libelle").asString()).isEqualTo("Réalisée");
        assertThat(bravo.path("avancement").isNull()).isTrue();
        assertThat(bravo.path("avancementCalcule").asInt()).isEqualTo(100);
        assertThat(bravo.path("datePoint").asString()).isEqualTo(HIER);
        assertThat(bravo.path("auteur").asString()).isEqualTo("ccba");
        assertThat(bravo.path("realisations").asString()).isEqualTo("Premier atelier");
        JsonNode alpha = lignes.get(0);
        assertThat(alpha.path("statut").isNull()).isTrue();
        assertThat(alpha.path("avancementCalcule").asInt()).isZero();
        assertThat(api.get("caf07", "/api/v1/fiches/" + plan.bravo() + "/suivi").json())
                .extracting(m -> m.path("statut").path("code").asString()).containsExactly("REALISEE", "EN_COURS");
    }

    @Test
    void bad_input_answers_400_naming_each_field_and_saves_nothing() {
        PlanDeSuivi plan = planDeSuivi("suivi-validation");
        String chemin = "/api/v1/fiches/" + plan.alpha() + "/suivi";

        Reponse inconnu = api.post("caf07", chemin, miseAJour("TERMINEE", null, HIER));
        Reponse pourcentage = api.post("caf07", chemin, miseAJour("EN_COURS", 150, HIER));
        Reponse negatif = api.post("caf07", chemin, miseAJour("EN_COURS", -1, HIER));
        Reponse futur = api.post("caf07", chemin, miseAJour("EN_COURS", 10, LocalDate.now().plusDays(1).toString()));
        Reponse avantPeriode = api.post("caf07", chemin, miseAJour("EN_COURS", 10, "2025-12-31"));
        Reponse sansStatut = api.post("caf07", chemin, miseAJour(null, 10, null));

        assertThat(List.of(inconnu, pourcentage, negatif, futur, avantPeriode, sansStatut)).allSatisfy(r -> assertThat(r.status()).isEqualTo(400));
        assertThat(inconnu.messageDuChamp("statut")).contains("Statut inconnu").contains("TERMINEE").contains("En cours");
        assertThat(pourcentage.messageDuChamp("avancement")).contains("entre 0 et 100");
        assertThat(negatif.champsEnErreur()).containsExactly("avancement");
        assertThat(futur.messageDuChamp("datePoint")).contains("futur");
        assertThat(avantPeriode.messageDuChamp("datePoint")).contains("période de la convention");
        assertThat(sansStatut.champsEnErreur()).containsExactlyInAnyOrder("statut", "datePoint");
        assertThat(api.get("caf07", chemin).json()).isEmpty();
    }

    @Test
    void lecteur_and_porteur_of_another_fiche_get_403_and_another_caf_cannot_even_read() {
        PlanDeSuivi plan = planDeSuivi("suivi-droits");
        long aubenas = api.aubenas();
        long fa1 = ficheDemo(aubenas, "FA1");

        assertThat(api.post("lecteur", "/api/v1/fiches/" + fa1 + "/suivi", miseAJour("EN_COURS", 10, HIER)).status()).isEqualTo(403);
        assertThat(api.get("lecteur", "/api/v1/fiches/" + fa1 + "/suivi").status()).isEqualTo(200);
        Reponse autreFiche = api.post("palabre", "/api/v1/fiches/" + plan.bravo() + "/suivi", miseAJour("EN_COURS", 10, HIER));
        assertThat(autreFiche.status()).isEqualTo(403);
        assertThat(autreFiche.json().path("message").asString()).contains("porteurs de la fiche");
        assertThat(api.post("caf42", "/api/v1/fiches/" + plan.alpha() + "/suivi", miseAJour("EN_COURS", 10, HIER)).status()).isEqualTo(403);
        assertThat(api.get("caf42", "/api/v1/fiches/" + plan.alpha() + "/suivi").status()).isEqualTo(403);
        assertThat(api.get("caf42", "/api/v1/conventions/" + plan.conventionId() + "/suivi").status()).isEqualTo(403);
        assertThat(api.post("caf07", "/api/v1/fiches/987654321/suivi", miseAJour("EN_COURS", 10, HIER)).status()).isEqualTo(404);
        assertThat(api.get("caf07", "/api/v1/fiches/" + plan.bravo() + "/suivi").json()).isEmpty();
    }
}
