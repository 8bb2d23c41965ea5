package fr.pilotectg.suivi;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi.Reponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15 item 9: follow-up statuses, weights and campaigns through the API, with their refusals that write nothing. */
class ParametresEtCampagnesApiTest extends SuiviTestSupport {

    private List<String> libelles(long conventionId) {
        return api.get("caf07", "/api/v1/conventions/" + conventionId + "/suivi/statuts").json().valueStream()
                .map(s -> s.path("libelle").asString()).toList();
    }

    @Test
    void statuses_are_added_renamed_moved_and_deleted_by_managers_only() {
        PlanDeSuivi plan = planDeSuivi("statuts-api");
        String base = "/api/v1/conventions/" + plan.conventionId() + "/suivi/statuts";
        List<String> avant = libelles(plan.conventionId());

        Reponse refusee = api.post("palabre", base, Map.of("libelle", "Pause du porteur"));
        assertThat(refusee.status()).isEqualTo(403);
        Reponse horsBornes = api.post("caf07", base, Map.of("libelle", "En pause", "avancementDefaut", 150));
        assertThat(horsBornes.status()).isEqualTo(400);
        assertThat(horsBornes.champsEnErreur()).contains("avancementDefaut");
        Reponse inconnu = api.post("caf07", base, Map.of("libelle", "En pause", "statutEvaluation", "PEUT_ETRE"));
        assertThat(inconnu.status()).isEqualTo(400);
        assertThat(libelles(plan.conventionId())).as("nothing written by the refusals").isEqualTo(avant);

        Reponse ajoute = api.post("caf07", base, Map.of("libelle", "En pause", "avancementDefaut", 20, "statutEvaluation", "EN_COURS"));
        assertThat(ajoute.status()).as(ajoute.texte()).isEqualTo(201);
        String code = ajoute.json().path("code").asString();
        assertThat(libelles(plan.conventionId())).last().isEqualTo("En pause");

        Map<String, Object> renomme = new LinkedHashMap<>(Map.of("libelle", "Suspendue", "avancementDefaut", 20, "version", 0));
        Reponse modifie = api.put("caf07", base + "/" + code, renomme);
        assertThat(modifie.status()).as(modifie.texte()).isEqualTo(200);
        assertThat(modifie.json().path("libelle").asString()).isEqualTo("Suspendue");
        Reponse perime = api.put("caf07", base + "/" + code, Map.of("libelle", "Écrasée", "version", 0));
        assertThat(perime.status()).isEqualTo(409);
        assertThat(api.put("caf07", base + "/" + code, Map.of("libelle", "Sans version")).champsEnErreur()).contains("version");

        assertThat(api.post("caf07", base + "/" + code + "/deplacement", Map.of("sens", 5)).status()).isEqualTo(400);
        Reponse monte = api.post("caf07", base + "/" + code + "/deplacement", Map.of("sens", -1));
        assertThat(monte.status()).as(monte.texte()).isEqualTo(200);
        List<String> ordre = monte.json().valueStream().map(s -> s.path("libelle").asString()).toList();
        assertThat(ordre.get(ordre.size() - 2)).isEqualTo("Suspendue");

        int version = modifie.json().path("version").asInt();
        assertThat(api.delete("caf07", base + "/" + code).status()).isEqualTo(400);
        assertThat(api.delete("palabre", base + "/" + code + "?version=" + version).status()).isEqualTo(403);
        assertThat(api.delete("caf07", base + "/" + code + "?version=" + version).status()).isEqualTo(204);
        assertThat(libelles(plan.conventionId())).isEqualTo(avant);
    }

    @Test
    void a_fiche_weight_is_set_by_a_manager_and_refused_out_of_bounds_or_to_a_porteur() {
        PlanDeSuivi plan = planDeSuivi("poids-api");
        String chemin = "/api/v1/fiches/" + plan.alpha() + "/suivi/poids";

        assertThat(api.put("palabre", chemin, Map.of("poids", 3)).status()).isEqualTo(403);
        Reponse negatif = api.put("caf07", chemin, Map.of("poids", -1));
        assertThat(negatif.status()).isEqualTo(400);
        assertThat(negatif.champsEnErreur()).contains("poids");
        Reponse pose = api.put("caf07", chemin, Map.of("poids", 2.5));
        assertThat(pose.status()).as(pose.texte()).isEqualTo(200);
        assertThat(comme("caf07", () -> suivi.tableau(plan.conventionId())).lignes().stream().filter(l -> l.fiche().id() == plan.alpha()).findFirst()
                .orElseThrow().poids()).isEqualByComparingTo("2.5");
    }

    @Test
    void a_campaign_is_opened_read_and_closed_through_the_api_with_names_not_logins() {
        PlanDeSuivi plan = planDeSuivi("campagne-api");
        String base = "/api/v1/conventions/" + plan.conventionId() + "/campagnes";
        Map<String, Object> saisie = Map.of("libelle", "Point de printemps", "annee", 2026, "trimestre", 2,
                "dateLimite", LocalDate.now().plusDays(20).toString(), "ficheIds", List.of(plan.alpha(), plan.delta()));

        assertThat(api.post("palabre", base, saisie).status()).isEqualTo(403);
        Reponse sansFiche = api.post("caf07", base, Map.of("libelle", "Vide", "annee", 2026, "trimestre", 2,
                "dateLimite", LocalDate.now().plusDays(20).toString(), "ficheIds", List.of()));
        assertThat(sansFiche.status()).isEqualTo(400);
        assertThat(sansFiche.champsEnErreur()).contains("ficheIds");
        assertThat(api.get("caf07", base).json()).isEmpty();

        Reponse ouverte = api.post("caf07", base, saisie);
        assertThat(ouverte.status()).as(ouverte.texte()).isEqualTo(201);
        JsonNode campagne = ouverte.json();
        assertThat(campagne.path("ouverte").asBoolean()).isTrue();
        assertThat(campagne.path("ouvertePar").asString()).isNotEqualTo("caf07").isNotBlank();
        long id = campagne.path("id").asLong();

        JsonNode vue = api.get("ccba", "/api/v1/campagnes/" + id).json();
        assertThat(vue.path("fiches").valueStream().map(f -> f.path("titre").asString()).toList()).containsExactly("Alpha", "Delta");
        assertThat(api.get("caf42", "/api/v1/campagnes/" + id).status()).isEqualTo(403);

        int version = campagne.path("version").asInt();
        assertThat(api.post("caf07", "/api/v1/campagnes/" + id + "/cloture?version=" + (version + 7), Map.of()).status()).isEqualTo(409);
        Reponse close = api.post("caf07", "/api/v1/campagnes/" + id + "/cloture?version=" + version, Map.of());
        assertThat(close.status()).as(close.texte()).isEqualTo(200);
        assertThat(close.json().path("ouverte").asBoolean()).isFalse();
        assertThat(api.get("caf07", base).json().get(0).path("clotureeLe").isNull()).isFalse();
    }
}
