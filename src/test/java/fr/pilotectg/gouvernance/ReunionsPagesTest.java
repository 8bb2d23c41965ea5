package fr.pilotectg.gouvernance;

import java.util.List;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.ClientPages.Page;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Meeting pages: create a meeting of a body with its members invited and present, agenda and decisions; errors under
 * the row they came from with nothing written; edit with the version (409 when stale); delete; change a decision's
 * status from the governance page and the dashboard; denials for readers, another Caf and a porteur.
 */
@IntegrationTest
class ReunionsPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_meeting_is_created_edited_and_deleted_from_the_pages() {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        JsonNode convention = api.creerConventionDeTest("caf07", "Pages réunions");
        long id = convention.path("id").asLong();
        long ccba = ClientApi.idPartie(convention, ClientApi.CCBA);
        long caf = api.cafArdeche();
        assertThat(api.put("caf07", "/api/v1/conventions/" + id + "/gouvernance", Map.of("version", 0, "instances", List.of(
                Map.of("type", "COPIL", "nom", "Comité de pilotage", "membres", List.of(Map.of("organisationId", caf),
                        Map.of("organisationId", ccba)))))).status()).isEqualTo(200);
        String base = "/conventions/" + id + "/gouvernance/reunions";

        assertThat(pages.get("caf07", "/conventions/" + id + "/gouvernance").document().select("#nouvelle-reunion-1")).hasSize(1);
        Document nouvelle = pages.get("caf07", base + "/nouvelle?instance=1").document();
        assertThat(nouvelle.select("fieldset.participant")).hasSize(2);
        assertThat(nouvelle.select("fieldset.participant input[name$=.invite][checked]")).hasSize(2);

        // An error in the second decision row (the first left blank) is shown under that row; nothing is written.
        Document erreur = nouvelle.clone();
        valeur(erreur, "date", "2031-01-10");
        valeur(erreur, "decisions[1].texte", "Réunir la commission");
        valeur(erreur, "decisions[1].echeance", "2200-01-01");
        Page refus = pages.soumettre("caf07", erreur, "#formulaire-reunion");
        assertThat(refus.status()).isEqualTo(400);
        assertThat(refus.document().selectFirst("#erreur-date").text()).contains("après la fin");
        assertThat(refus.document().select("[id='erreur-decisions[1].echeance']")).hasSize(1);
        assertThat(refus.document().selectFirst("[name='decisions[1].texte']").val()).isEqualTo("Réunir la commission");
        assertThat(reunions(id)).isZero();

        valeur(nouvelle, "date", "2026-03-10");
        valeur(nouvelle, "heure", "14:30");
        valeur(nouvelle, "lieu", "Salle du conseil");
        nouvelle.selectFirst("[name='participants[1].present']").attr("checked", "checked");
        valeur(nouvelle, "ordreDuJour[0].texte", "Bilan de l'année");
        valeur(nouvelle, "ordreDuJour[0].fiche", "FA1");
        valeur(nouvelle, "decisions[0].texte", "Réunir la commission enfance");
        choisir(nouvelle, "decisions[0].responsableOrganisationId", String.valueOf(ccba));
        valeur(nouvelle, "decisions[0].echeance", "2026-06-30");
        nouvelle.selectFirst("[name=compteRendu]").text("<p>Relevé <strong>validé</strong></p><script>x()</script>");
        Page creee = pages.soumettre("caf07", nouvelle, "#formulaire-reunion");
        assertThat(creee.status()).as(creee.html()).isEqualTo(302);
        JsonNode r = api.get("caf07", "/api/v1/conventions/" + id + "/gouvernance").json().path("reunions").get(0);
        assertThat(r.path("invites").asInt()).isEqualTo(2);
        assertThat(r.path("presents").asInt()).isEqualTo(1);
        assertThat(r.path("heure").asString()).startsWith("14:30");
        assertThat(r.path("ordreDuJour").get(0).path("fiche").asString()).isEqualTo("FA1");
        assertThat(r.path("decisions").get(0).path("responsable").asString()).isEqualTo(ClientApi.CCBA);
        assertThat(r.path("compteRendu").asString()).isEqualTo("<p>Relevé <strong>validé</strong></p>");
        long reunion = r.path("id").asLong();

        // Edit: the page is filled in; a second save with the same (now stale) version is a conflict.
        Document edition = pages.get("caf07", base + "/" + reunion + "/modifier").document();
        assertThat(edition.selectFirst("[name='decisions[0].texte']").val()).isEqualTo("Réunir la commission enfance");
        assertThat(edition.selectFirst("[name='participants[1].present']").hasAttr("checked")).isTrue();
        choisir(edition, "decisions[0].statut", "EN_COURS");
        Document perime = edition.clone();
        assertThat(pages.soumettre("caf07", edition, "#formulaire-reunion").status()).isEqualTo(302);
        Page conflit = pages.soumettre("caf07", perime, "#formulaire-reunion");
        assertThat(conflit.status()).isEqualTo(409);
        assertThat(conflit.document().select(".conflit")).hasSize(1);
        assertThat(api.get("caf07", "/api/v1/conventions/" + id + "/reunions/" + reunion).json().path("decisions").get(0)
                .path("statut").asString()).isEqualTo("EN_COURS");

        // Status from the governance page and from the dashboard.
        Document gouvernance = pages.get("caf07", "/conventions/" + id + "/gouvernance").document();
        assertThat(gouvernance.select("#reunion-" + reunion + " form.statut-decision")).hasSize(1);
        int version = api.get("caf07", "/api/v1/conventions/" + id + "/reunions/" + reunion).json().path("version").asInt();
        String statut = base + "/" + reunion + "/decisions/0/statut";
        assertThat(pages.poster("lecteur", statut, Map.of("version", "" + version, "statut", "FAIT")).status()).isIn(403, 404);
        assertThat(pages.poster("caf42", statut, Map.of("version", "" + version, "statut", "FAIT")).status()).isIn(403, 404);
        assertThat(pages.poster("palabre", statut, Map.of("version", "" + version, "statut", "FAIT")).status()).isIn(403, 404);
        Page inconnu = pages.poster("caf07", statut, Map.of("version", "" + version, "statut", "PEUT-ETRE"));
        assertThat(inconnu.flash().get("messageErreur").toString()).contains("inconnu");
        Page perimee = pages.poster("caf07", statut, Map.of("version", "" + (version - 1), "statut", "FAIT"));
        assertThat(perimee.flash().get("messageErreur").toString()).contains("modifiée par quelqu'un d'autre");
        assertThat(pages.poster("caf07", base + "/" + reunion + "/decisions/5/statut", Map.of("version", "" + version, "statut", "FAIT"))
                .status()).isEqualTo(404);
        Page tableau = pages.get("caf07", "/conventions/" + id + "/tableau-de-bord");
        assertThat(tableau.document().select("#table-decisions form.statut-decision")).hasSize(1);
        Page fait = pages.soumettre("caf07", tableau.document(), "#table-decisions form.statut-decision");
        assertThat(fait.redirection()).contains("/tableau-de-bord");
        Element formulaire = tableau.document().selectFirst("#table-decisions form.statut-decision");
        assertThat(formulaire).isNotNull();
        Page fini = pages.poster("caf07", statut, Map.of("version", "" + (version + 1), "statut", "FAIT", "retour", "tableau-de-bord"));
        assertThat(fini.redirection()).contains("/tableau-de-bord");
        assertThat(api.get("caf07", "/api/v1/conventions/" + id + "/reunions/" + reunion).json().path("decisions").get(0)
                .path("statut").asString()).isEqualTo("FAIT");
        assertThat(pages.get("caf07", "/conventions/" + id + "/tableau-de-bord").document().select("#table-decisions")).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM journal WHERE objet_type = 'reunion' AND objet_id = :r").param("r", reunion)
                .query(Long.class).single()).isEqualTo(4);

        // Denials on the pages, then the deletion.
        for (String autre : List.of("lecteur", "caf42", "palabre")) {
            assertThat(pages.get(autre, base + "/nouvelle").status()).as(autre).isIn(403, 404);
            assertThat(pages.get(autre, base + "/" + reunion + "/modifier").status()).as(autre).isIn(403, 404);
            assertThat(pages.poster(autre, base + "/" + reunion + "/suppression", Map.of("version", "" + (version + 2))).status())
                    .as(autre).isIn(403, 404);
            assertThat(pages.poster(autre, base + "/nouvelle", Map.of("instanceId", "1", "date", "2026-03-11")).status())
                    .as(autre).isIn(403, 404);
        }
        assertThat(reunions(id)).isEqualTo(1);
        assertThat(pages.get("caf07", base + "/999999/modifier").status()).isEqualTo(404);
        Page suppression = pages.soumettre("caf07", pages.get("caf07", base + "/" + reunion + "/modifier").document(), "#suppression-reunion");
        assertThat(suppression.status()).isEqualTo(302);
        assertThat(reunions(id)).isZero();
    }

    @Test
    void the_aubenas_dashboard_offers_the_status_change_to_managers_only() {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        long aubenas = api.aubenas();
        assertThat(pages.get("caf07", "/conventions/" + aubenas + "/tableau-de-bord").document()
                .select("#table-decisions form.statut-decision")).hasSize(2);
        assertThat(pages.get("lecteur", "/conventions/" + aubenas + "/tableau-de-bord").document()
                .select("#table-decisions form.statut-decision")).isEmpty();
        assertThat(pages.get("lecteur", "/conventions/" + aubenas + "/gouvernance").document().select("form.statut-decision, [id^=modifier-reunion-]"))
                .isEmpty();
    }

    @Test
    void the_porteur_of_a_fiche_sees_the_decisions_of_meetings_about_it_on_the_fiche_page() {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        long aubenas = api.aubenas();
        long fa15 = fiche(aubenas, "FA15");
        long fa20 = fiche(aubenas, "FA20");
        ClientApi.Reponse creee = api.post("caf07", "/api/v1/conventions/" + aubenas + "/reunions", Map.of("instanceId", 1,
                "date", "2026-02-10", "ordreDuJour", List.of(Map.of("texte", "Point sur l'accueil des familles", "fiche", "fa 15")),
                "decisions", List.of(Map.of("texte", "Ouvrir une permanence le samedi", "statut", "FAIT"))));
        assertThat(creee.status()).as(creee.texte()).isEqualTo(201);
        try {
            Document page = pages.get("palabre", "/fiches/" + fa15).document();
            assertThat(page.selectFirst("#decisions-fiche").text()).contains("Ouvrir une permanence le samedi", "fait");
            assertThat(pages.get("palabre", "/fiches/" + fa20).document().select("#decisions-fiche")).isEmpty();
            assertThat(pages.get("caf42", "/fiches/" + fa15).status()).isIn(403, 404);
        } finally {
            int version = creee.json().path("version").asInt();
            assertThat(api.delete("caf07", "/api/v1/conventions/" + aubenas + "/reunions/" + creee.json().path("id").asLong()
                    + "?version=" + version).status()).isEqualTo(204);
        }
    }

    private long fiche(long convention, String reference) {
        return jdbc.sql("SELECT id FROM fiche WHERE convention_id = :c AND reference = :r AND supprimee_le IS NULL").param("c", convention).param("r", reference)
                .query(Long.class).single();
    }

    private long reunions(long convention) {
        return jdbc.sql("SELECT count(*) FROM gouvernance_reunion WHERE convention_id = :c").param("c", convention).query(Long.class).single();
    }

    private static void valeur(Document page, String nom, String valeur) {
        Element champ = page.selectFirst("[name='" + nom + "']");
        assertThat(champ).as(nom).isNotNull();
        champ.val(valeur);
    }

    private static void choisir(Document page, String nom, String valeur) {
        Element select = page.selectFirst("select[name='" + nom + "']");
        assertThat(select).as(nom).isNotNull();
        select.select("option").forEach(o -> o.removeAttr("selected"));
        Element option = select.selectFirst("option[value='" + valeur + "']");
        assertThat(option).as(nom + " = " + valeur).isNotNull();
        option.attr("selected", "selected");
    }
}
