package fr.pilotectg.plan;

import java.util.List;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.Comme;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10 item 8: the text values of the fields a convention adds are found by the full-text search of fiches. */
@IntegrationTest
class RechercheChampsAjoutesTest extends PlanTestSupport {

    @Test
    void the_search_of_fiches_finds_a_word_written_in_an_added_field_accents_ignored() {
        long c = api.creerConventionDeTest("caf07", "recherche-champs").path("id").asLong();
        Comme.utilisateur(utilisateurs, "admin", () -> planService.initialiser(c, ModeleFiche.NATIONAL, List.of(
                new Niveau(0, "Axe", Numerotation.CONTINUE, ""), new Niveau(1, "Fiche action", Numerotation.CONTINUE, "FA")),
                List.of(), List.of(), List.of()));
        Reponse fiche = api.post("caf07", "/api/v1/conventions/" + c + "/plan/fiches", Map.of("titre", "Accueil des familles"));
        assertThat(fiche.status()).as(fiche.texte()).isEqualTo(201);
        long id = fiche.json().path("id").asLong();
        Reponse autre = api.post("caf07", "/api/v1/conventions/" + c + "/plan/fiches", Map.of("titre", "Mobilité"));
        assertThat(autre.status()).isEqualTo(201);
        Reponse champ = api.post("caf07", "/api/v1/conventions/" + c + "/plan/champs", Map.of("libelle", "Partenaire financeur", "type", "TEXTE"));
        assertThat(champ.status()).as(champ.texte()).isEqualTo(201);
        String cle = champ.json().path("cle").asString();

        String recherche = "/conventions/" + c + "/plan?q=";
        assertThat(pages.get("caf07", recherche + "ecureuils").document().select(".resultats-recherche a[href=/fiches/" + id + "]"))
                .as("nothing written yet").isEmpty();
        Reponse rempli = api.patch("caf07", "/api/v1/fiches/" + id + "?version=" + fiche.json().path("version").asInt(),
                Map.of("champs", Map.of(cle, "Fondation des Écureuils")));
        assertThat(rempli.status()).as(rempli.texte()).isEqualTo(200);

        Document trouve = pages.get("caf07", recherche + "ecureuils").document();
        assertThat(trouve.select(".resultats-recherche a[href=/fiches/" + id + "]")).isNotEmpty();
        assertThat(trouve.select(".resultats-recherche a[href=/fiches/" + autre.json().path("id").asLong() + "]")).isEmpty();
        assertThat(trouve.select(".resultats-recherche").text()).contains("Écureuils");
        assertThat(pages.get("caf07", recherche + "fondation").document().select(".resultats-recherche a[href=/fiches/" + id + "]")).isNotEmpty();
        assertThat(pages.get("caf07", recherche + "hirondelle").document().select(".resultats-recherche a[href=/fiches/" + id + "]")).isEmpty();
        // Another Caf does not search this plan.
        assertThat(pages.get("caf42", recherche + "ecureuils").status()).isIn(403, 404);
    }
}
