package fr.pilotectg.suivi;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.pilotectg.plan.ModeleFiche;
import fr.pilotectg.plan.Niveau;
import fr.pilotectg.plan.Numerotation;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 item 2, acceptance: a fiche on the short template with 4 numbered "actions clés" has them as sub-actions,
 * each with its own follow-up, and the fiche's progress rolls up from them (weighted, as fiches roll up to axes).
 */
class SuiviSousActionsTest extends SuiviTestSupport {

    @Autowired
    JdbcClient jdbc;

    private static Map<String, Object> point(String statut, Integer avancement, LocalDate date) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("statut", statut);
        m.put("avancement", avancement);
        m.put("datePoint", date.toString());
        m.put("commentaire", "Point d'étape");
        return m;
    }

    @Test
    void the_actions_cles_of_a_short_template_fiche_are_sub_actions_each_followed_up_and_the_fiche_rolls_up_from_them() {
        long c = api.creerConventionDeTest("caf07", "Modèle court").path("id").asLong();
        comme("admin", () -> plans.initialiser(c, ModeleFiche.COURT, List.of(
                new Niveau(0, "Axe", Numerotation.CONTINUE, ""), new Niveau(1, "Fiche action", Numerotation.CONTINUE, "FA")),
                List.of(), List.of(), List.of()));
        Reponse creee = api.post("caf07", "/api/v1/conventions/" + c + "/plan/fiches", Map.of("titre", "Accueil des familles",
                "champs", Map.of("objectifGlobal", "Mieux accueillir", "actionsCles", List.of(
                        "1. Recenser les lieux d'accueil", "2. Former les agents", "3. Ouvrir un guichet unique", "4. Évaluer l'accueil"))));
        assertThat(creee.status()).as(creee.texte()).isEqualTo(201);
        JsonNode fiche = creee.json();
        long id = fiche.path("id").asLong();
        JsonNode sous = fiche.path("sousActions");
        assertThat(sous).extracting(s -> s.path("libelle").asString()).containsExactly("Recenser les lieux d'accueil", "Former les agents",
                "Ouvrir un guichet unique", "Évaluer l'accueil");
        assertThat(fiche.path("champs").path("actionsCles")).as("the printed list is kept as written").hasSize(4);
        // The first one weighs 2.
        List<Map<String, Object>> avecPoids = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", sous.get(i).path("id").asLong());
            s.put("libelle", sous.get(i).path("libelle").asString());
            s.put("poids", i == 0 ? 2 : 1);
            avecPoids.add(s);
        }
        Reponse poids = api.patch("caf07", "/api/v1/fiches/" + id + "?version=" + fiche.path("version").asInt(), Map.of("sousActions", avecPoids));
        assertThat(poids.status()).as(poids.texte()).isEqualTo(200);

        LocalDate date = LocalDate.now();
        long[] ids = new long[4];
        for (int i = 0; i < 4; i++) {
            ids[i] = sous.get(i).path("id").asLong();
        }
        String base = "/api/v1/fiches/" + id + "/sous-actions/";
        assertThat(api.post("caf07", base + ids[0] + "/suivi", point("REALISEE", null, date)).status()).isEqualTo(201);
        assertThat(api.post("caf07", base + ids[1] + "/suivi", point("EN_COURS", 50, date)).status()).isEqualTo(201);
        Reponse troisieme = api.post("caf07", base + ids[2] + "/suivi", point("EN_COURS", 20, date));
        assertThat(troisieme.status()).as(troisieme.texte()).isEqualTo(201);
        assertThat(troisieme.json().path("statut").path("libelle").asString()).isEqualTo("En cours");
        // (2 × 100 + 50 + 20 + 0) / 5 = 54 %; the fiche's own update does not override its sub-actions.
        assertThat(api.post("caf07", "/api/v1/fiches/" + id + "/suivi", Map.of("statut", "EN_COURS", "avancement", 10,
                "datePoint", date.toString())).status()).isEqualTo(201);
        JsonNode tableau = api.get("caf07", "/api/v1/conventions/" + c + "/suivi").json();
        assertThat(tableau.get(0).path("ficheId").asLong()).isEqualTo(id);
        assertThat(tableau.get(0).path("avancementCalcule").asInt()).isEqualTo(54);
        JsonNode suiviSous = api.get("caf07", base + "suivi").json();
        assertThat(suiviSous).extracting(s -> s.path("avancementCalcule").asInt()).containsExactly(100, 50, 20, 0);
        assertThat(suiviSous.get(1).path("historique")).hasSize(1);
        assertThat(suiviSous.get(3).path("statut").isNull()).isTrue();

        // Bad input and denials write nothing.
        long avant = jdbc.sql("SELECT count(*) FROM suivi_sous_action WHERE fiche_id = :f").param("f", id).query(Long.class).single();
        Reponse hors = api.post("caf07", base + ids[3] + "/suivi", point("EN_COURS", 150, date));
        assertThat(hors.status()).isEqualTo(400);
        assertThat(hors.champsEnErreur()).contains("avancement");
        assertThat(api.post("caf07", base + ids[3] + "/suivi", point("INVENTE", 10, date)).champsEnErreur()).contains("statut");
        assertThat(api.post("caf07", base + ids[3] + "/suivi", point("EN_COURS", 10, date.plusDays(3))).champsEnErreur()).contains("datePoint");
        assertThat(api.post("caf07", base + 987_654_321L + "/suivi", point("EN_COURS", 10, date)).status()).isEqualTo(404);
        assertThat(api.post("lecteur", base + ids[3] + "/suivi", point("EN_COURS", 10, date)).status()).isIn(403, 404);
        assertThat(api.post("caf42", base + ids[3] + "/suivi", point("EN_COURS", 10, date)).status()).isIn(403, 404);
        assertThat(api.post("palabre", base + ids[3] + "/suivi", point("EN_COURS", 10, date)).status()).isIn(403, 404);
        assertThat(jdbc.sql("SELECT count(*) FROM suivi_sous_action WHERE fiche_id = :f").param("f", id).query(Long.class).single())
                .isEqualTo(avant);

        // Pages: the fiche lists its sub-actions; its follow-up page shows each one and updates one.
        Document page = pages.get("caf07", "/fiches/" + id).document();
        assertThat(page.select("table.sous-actions-fiche tbody tr")).hasSize(4);
        Document suiviPage = pages.get("caf07", "/fiches/" + id + "/suivi").document();
        assertThat(suiviPage.select("#tableau-sous-actions tbody tr.sous-action")).hasSize(4);
        assertThat(suiviPage.selectFirst("#avancement-sous-actions").text()).contains("54 %");
        Map<String, String> champs = ClientPages.champs(suiviPage, "#formulaire-suivi-sous-action");
        champs.put("sousActionId", String.valueOf(ids[3]));
        champs.put("statut", "EN_COURS");
        champs.put("avancement", "abc");
        ClientPages.Page refusee = pages.poster("caf07", "/fiches/" + id + "/sous-actions/suivi", champs);
        assertThat(refusee.status()).isEqualTo(400);
        assertThat(refusee.document().selectFirst("#erreur-sa-avancement")).isNotNull();
        champs.put("avancement", "40");
        ClientPages.Page acceptee = pages.poster("caf07", "/fiches/" + id + "/sous-actions/suivi", champs);
        assertThat(acceptee.redirection()).startsWith("/fiches/" + id + "/suivi");
        // (200 + 50 + 20 + 40) / 5 = 62 %.
        assertThat(api.get("caf07", "/api/v1/conventions/" + c + "/suivi").json().get(0).path("avancementCalcule").asInt()).isEqualTo(62);
        assertThat(pages.poster("lecteur", "/fiches/" + id + "/sous-actions/suivi", champs).status()).isIn(403, 404);
        assertThat(jdbc.sql("SELECT count(*) FROM journal WHERE objet_type = 'fiche' AND objet_id = :f AND action = 'mise à jour du suivi d''une sous-action'")
                .param("f", id).query(Long.class).single()).isEqualTo(4);
    }
}
