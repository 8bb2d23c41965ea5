package fr.pilotectg.gouvernance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.ClientPages.Page;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Meetings of a body and their decisions: the Aubenas example meeting and its decisions to follow on the dashboard,
 * the period rule (preparation meetings before the start with a note), decision owners who must be members,
 * partial historical dates, sanitised minutes, calendar files, versions and denials.
 */
@IntegrationTest
class ReunionsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_aubenas_example_meeting_has_its_decisions_on_the_dashboard_and_a_calendar_file() {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        long aubenas = api.aubenas();
        // the example meeting (the demo's planned COPILs are meetings too since V104, ADR 0039)
        JsonNode reunion = java.util.stream.StreamSupport.stream(api.get("lecteur", "/api/v1/conventions/" + aubenas + "/gouvernance")
                .json().path("reunions").spliterator(), false).filter(r -> r.path("date").asString().equals("2026-06-16"))
                .findFirst().orElseThrow();
        assertThat(reunion.path("exemple").asBoolean()).isTrue();
        assertThat(reunion.path("instanceId").asInt()).isEqualTo(1);
        assertThat(reunion.path("date").asString()).isEqualTo("2026-06-16");
        assertThat(reunion.path("invites").asInt()).isEqualTo(6);
        assertThat(reunion.path("presents").asInt()).isEqualTo(5);
        assertThat(reunion.path("decisions").size()).isEqualTo(3);

        Page gouvernance = pages.get("lecteur", "/conventions/" + aubenas + "/gouvernance");
        assertThat(gouvernance.document().selectFirst("#reunion-" + reunion.path("id").asLong() + " .badge-exemple").text())
                .isEqualTo("données d'exemple");
        Page tableau = pages.get("ccba", "/conventions/" + aubenas + "/tableau-de-bord");
        assertThat(tableau.status()).isEqualTo(200);
        assertThat(tableau.document().select("#table-decisions tbody tr")).hasSize(2);
        assertThat(tableau.document().selectFirst("#table-decisions tbody tr").text()).contains("Proposer un calendrier", "15 décembre 2026");

        Page ics = pages.get("lecteur", "/conventions/" + aubenas + "/gouvernance/reunions/" + reunion.path("id").asLong() + "/calendrier.ics");
        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.html()).startsWith("BEGIN:VCALENDAR\r\n").contains("BEGIN:VEVENT", "DTSTART;TZID=Europe/Paris:20260616T143000",
                "LOCATION:Siège de la CCBA\\, Aubenas").endsWith("END:VCALENDAR\r\n");
        assertThat(pages.get("caf42", "/conventions/" + aubenas + "/gouvernance/reunions/" + reunion.path("id").asLong() + "/calendrier.ics").status())
                .isIn(403, 404);
    }

    @Test
    void a_meeting_outside_the_period_or_a_decision_owner_who_is_not_a_member_is_refused_with_nothing_written() {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        JsonNode convention = api.creerConventionDeTest("caf07", "Réunions");
        long id = convention.path("id").asLong();
        long ccba = ClientApi.idPartie(convention, ClientApi.CCBA);
        long caf = api.cafArdeche();
        long caf42 = api.convention("admin", api.pilat()).path("caf").path("id").asLong();
        assertThat(api.put("caf07", "/api/v1/conventions/" + id + "/gouvernance", Map.of("version", 0, "instances", List.of(
                Map.of("type", "COPIL", "nom", "Comité de pilotage", "membres", List.of(Map.of("organisationId", caf),
                        Map.of("organisationId", ccba)))))).status()).isEqualTo(200);
        String chemin = "/api/v1/conventions/" + id + "/reunions";

        assertThat(api.post("caf07", chemin, reunion("2031-01-10", false, null)).champsEnErreur()).containsExactly("date");
        Reponse avant = api.post("caf07", chemin, reunion("2025-11-10", false, null));
        assertThat(avant.status()).isEqualTo(400);
        assertThat(avant.messageDuChamp("date")).contains("réunion de préparation");
        Map<String, Object> horsMembre = reunion("2026-03-10", false, null);
        horsMembre.put("decisions", List.of(Map.of("texte", "Faire", "responsableOrganisationId", caf42)));
        horsMembre.put("participants", List.of(Map.of("organisationId", ccba, "present", true), Map.of("organisationId", caf42)));
        assertThat(api.post("caf07", chemin, horsMembre).champsEnErreur())
                .containsExactly("participants[1].organisationId", "decisions[0].responsableOrganisationId");
        assertThat(api.post("caf07", chemin, Map.of("instanceId", 2, "date", "2026-03-10")).champsEnErreur()).containsExactly("instanceId");
        assertThat(reunions(id)).isZero();

        Reponse preparation = api.post("caf07", chemin, reunion("2025-11-10", true, "Lancement de la démarche"));
        assertThat(preparation.status()).as(preparation.texte()).isEqualTo(201);
        assertThat(preparation.json().path("preparation").asBoolean()).isTrue();

        Map<String, Object> complete = reunion("2026-03-10", false, null);
        complete.put("heure", "09:30");
        complete.put("participants", List.of(Map.of("organisationId", ccba, "present", true), Map.of("organisationId", caf)));
        complete.put("decisions", List.of(Map.of("texte", "Réunir la commission", "responsableOrganisationId", ccba,
                "echeance", "2026-06-30", "statut", "EN_COURS")));
        complete.put("compteRendu", "<script>alert(1)</script><p>Relevé <strong>validé</strong></p>");
        Reponse creee = api.post("caf07", chemin, complete);
        assertThat(creee.status()).as(creee.texte()).isEqualTo(201);
        JsonNode r = creee.json();
        assertThat(r.path("compteRendu").asString()).isEqualTo("<p>Relevé <strong>validé</strong></p>");
        assertThat(r.path("presents").asInt()).isEqualTo(1);
        assertThat(r.path("decisions").get(0).path("responsable").asString()).isEqualTo(ClientApi.CCBA);
        long reunionId = r.path("id").asLong();

        Reponse partielle = api.post("caf07", chemin, Map.of("instanceId", 1, "dateTexte", "12 octobre"));
        assertThat(partielle.status()).isEqualTo(201);
        assertThat(partielle.json().path("datePartielle").asBoolean()).isTrue();
        assertThat(pages.get("caf07", "/conventions/" + id + "/gouvernance/reunions/" + partielle.json().path("id").asLong()
                + "/calendrier.ics").html()).doesNotContain("VEVENT");
        assertThat(api.post("caf07", chemin, reunion("2029-05-04", false, null)).status()).isEqualTo(201);
        String agenda = pages.get("caf07", "/conventions/" + id + "/gouvernance/instances/1/calendrier.ics").html();
        assertThat(agenda).contains("DTSTART;VALUE=DATE:20290504").doesNotContain("20260310");

        complete.put("version", 1);
        complete.put("decisions", List.of(Map.of("texte", "Réunir la commission", "responsableOrganisationId", ccba, "statut", "FAIT")));
        Reponse modifiee = api.put("caf07", chemin + "/" + reunionId, complete);
        assertThat(modifiee.status()).as(modifiee.texte()).isEqualTo(200);
        assertThat(modifiee.json().path("decisions").get(0).path("statut").asString()).isEqualTo("FAIT");
        assertThat(api.put("caf07", chemin + "/" + reunionId, complete).status()).isEqualTo(409);
        complete.remove("version");
        assertThat(api.put("caf07", chemin + "/" + reunionId, complete).messageDuChamp("version")).contains("Version manquante");

        // The governance rewritten as a whole: the body of the same type and name keeps its meetings.
        JsonNode g = api.get("caf07", "/api/v1/conventions/" + id + "/gouvernance").json();
        assertThat(api.put("caf07", "/api/v1/conventions/" + id + "/gouvernance", Map.of("version", g.path("version").asInt(),
                "instances", List.of(Map.of("type", "COTECH", "nom", "Comité technique"), Map.of("type", "COPIL", "nom", "Comité de pilotage",
                        "membres", List.of(Map.of("organisationId", ccba)))))).status()).isEqualTo(200);
        JsonNode apres = api.get("caf07", chemin + "/" + reunionId).json();
        assertThat(apres.path("instanceId").asInt()).isEqualTo(2);

        long journalAvant = journal(id);
        assertThat(api.post("caf42", chemin, reunion("2026-03-10", false, null)).status()).isIn(403, 404);
        assertThat(api.get("caf42", chemin + "/" + reunionId).status()).isIn(403, 404);
        long aubenas = api.aubenas();
        assertThat(api.post("lecteur", "/api/v1/conventions/" + aubenas + "/reunions", reunion("2026-03-10", false, null)).status()).isEqualTo(403);
        assertThat(api.get("admin", "/api/v1/conventions/" + aubenas + "/reunions/" + reunionId).status()).isEqualTo(404);
        assertThat(api.delete("caf07", chemin + "/" + reunionId).messageDuChamp("version")).contains("Version manquante");
        assertThat(journal(id)).isEqualTo(journalAvant);
        assertThat(api.delete("caf07", chemin + "/" + reunionId + "?version=2").status()).isEqualTo(204);
        assertThat(journal(id)).isEqualTo(journalAvant + 1);
    }

    private static Map<String, Object> reunion(String date, boolean preparation, String note) {
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("instanceId", 1);
        corps.put("date", date);
        corps.put("preparation", preparation);
        if (note != null) {
            corps.put("note", note);
        }
        corps.put("lieu", "Aubenas");
        return corps;
    }

    private long reunions(long conventionId) {
        return jdbc.sql("SELECT count(*) FROM gouvernance_reunion WHERE convention_id = :id").param("id", conventionId)
                .query(Long.class).single();
    }

    private long journal(long conventionId) {
        return jdbc.sql("SELECT count(*) FROM journal WHERE convention_id = :id AND objet_type = 'reunion'")
                .param("id", conventionId).query(Long.class).single();
    }

    @SuppressWarnings("unused")
    private static List<JsonNode> liste(JsonNode tableau) {
        return StreamSupport.stream(tableau.spliterator(), false).toList();
    }
}
