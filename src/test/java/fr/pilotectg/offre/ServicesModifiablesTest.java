package fr.pilotectg.offre;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows of the services annex are edited and deleted (journalled, optimistic locking); an unknown commune is shown as such. */
@IntegrationTest
class ServicesModifiablesTest {

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

    private long convention(String prefixe) {
        return api.creerConventionDeTest("caf07", prefixe).path("id").asLong();
    }

    private JsonNode ajouter(long convention, Map<String, Object> ligne) {
        Reponse reponse = api.post("caf07", "/api/v1/conventions/" + convention + "/services", ligne);
        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(201);
        return reponse.json();
    }

    private long journal(long serviceId) {
        return jdbc.sql("SELECT count(*) FROM journal WHERE objet_type = 'service' AND objet_id = :id").param("id", serviceId)
                .query(Long.class).single();
    }

    @Test
    void a_row_is_edited_then_deleted_through_the_api_with_its_version_and_each_write_is_journalled() {
        long convention = convention("services-api");
        JsonNode ligne = ajouter(convention, Map.of("type", "EAJE_PSU", "nom", "Multi-accueil Les Lutins", "commune", "Aubenas"));
        long id = ligne.path("id").asLong();
        int version = ligne.path("version").asInt();

        Map<String, Object> modif = new HashMap<>(Map.of("version", version, "type", "EAJE_PSU", "sousType", "multi-accueil",
                "nom", "Multi-accueil Les Lutins", "codePostal", "07200", "commune", "AUBENAS", "capacite", 24,
                "collectivitesSoutien", List.of("CCBA")));
        Reponse modifiee = api.put("caf07", "/api/v1/services/" + id, modif);

        assertThat(modifiee.status()).as(modifiee.texte()).isEqualTo(200);
        assertThat(modifiee.json().path("sousType").asString()).isEqualTo("multi-accueil");
        assertThat(modifiee.json().path("codePostal").asString()).isEqualTo("07200");
        assertThat(modifiee.json().path("codeInsee").asString()).isEqualTo("07019");
        assertThat(modifiee.json().path("capacite").asInt()).isEqualTo(24);
        assertThat(modifiee.json().path("version").asInt()).isEqualTo(version + 1);
        assertThat(journal(id)).isEqualTo(2);

        Reponse perimee = api.put("caf07", "/api/v1/services/" + id, modif);
        assertThat(perimee.status()).isEqualTo(409);
        assertThat(perimee.json().path("message").asString()).contains("quelqu'un d'autre");

        assertThat(api.delete("caf07", "/api/v1/services/" + id + "?version=" + version).status()).isEqualTo(409);
        Reponse sansVersion = api.delete("caf07", "/api/v1/services/" + id);
        assertThat(sansVersion.status()).isEqualTo(400);
        assertThat(sansVersion.messageDuChamp("version")).contains("version manquante");
        assertThat(api.get("caf07", "/api/v1/services/" + id).status()).isEqualTo(200);

        assertThat(api.delete("caf07", "/api/v1/services/" + id + "?version=" + (version + 1)).status()).isEqualTo(204);
        assertThat(api.get("caf07", "/api/v1/services/" + id).status()).isEqualTo(404);
        assertThat(api.get("caf07", "/api/v1/conventions/" + convention + "/services").json()).isEmpty();
        assertThat(journal(id)).isEqualTo(3);
    }

    @Test
    void bad_edits_are_refused_naming_the_field_and_nothing_is_written() {
        long convention = convention("services-refus-modif");
        JsonNode ligne = ajouter(convention, Map.of("type", "LAEP", "nom", "Lieu Parents-Enfants", "commune", "Vals-les-Bains"));
        String chemin = "/api/v1/services/" + ligne.path("id").asLong();
        int version = ligne.path("version").asInt();

        Reponse sansType = api.put("caf07", chemin, Map.of("version", version, "nom", "Autre nom"));
        Reponse sansVersion = api.put("caf07", chemin, Map.of("type", "LAEP", "nom", "Autre nom"));
        Reponse codePostal = api.put("caf07", chemin, Map.of("version", version, "type", "LAEP", "nom", "Autre nom", "codePostal", "7200"));
        Reponse typeInconnu = api.put("caf07", chemin, Map.of("version", version, "type", "CRECHE_MAGIQUE", "nom", "Autre nom"));

        assertThat(sansType.status()).isEqualTo(400);
        assertThat(sansType.messageDuChamp("type")).contains("obligatoire");
        assertThat(sansVersion.status()).isEqualTo(400);
        assertThat(sansVersion.messageDuChamp("version")).contains("version manquante").doesNotContain("quelqu'un d'autre");
        assertThat(codePostal.status()).isEqualTo(400);
        assertThat(codePostal.messageDuChamp("codePostal")).contains("cinq chiffres");
        assertThat(typeInconnu.status()).isEqualTo(400);
        assertThat(typeInconnu.messageDuChamp("type")).contains("CRECHE_MAGIQUE").contains("EAJE_PSU");
        JsonNode relue = api.get("caf07", chemin).json();
        assertThat(relue.path("nom").asString()).isEqualTo("Lieu Parents-Enfants");
        assertThat(relue.path("version").asInt()).isEqualTo(version);
    }

    @Test
    void only_those_who_edit_the_convention_edit_or_delete_its_rows() {
        long convention = convention("services-droits");
        JsonNode ligne = ajouter(convention, Map.of("type", "RPE", "nom", "Relais du Bassin", "commune", "Aubenas"));
        String chemin = "/api/v1/services/" + ligne.path("id").asLong();
        Map<String, Object> modif = Map.of("version", ligne.path("version").asInt(), "type", "RPE", "nom", "Intrus");

        for (String utilisateur : List.of("lecteur", "palabre", "pilat", "caf42")) {
            assertThat(api.put(utilisateur, chemin, modif).status()).as("PUT as %s", utilisateur).isIn(403, 404);
            assertThat(api.delete(utilisateur, chemin + "?version=0").status()).as("DELETE as %s", utilisateur).isIn(403, 404);
        }
        for (String utilisateur : List.of("pilat", "caf42")) {
            assertThat(api.get(utilisateur, chemin).status()).as("GET as %s", utilisateur).isIn(403, 404);
            assertThat(pages.get(utilisateur, "/conventions/" + convention + "/services/" + ligne.path("id").asLong() + "/modifier").status())
                    .isIn(403, 404);
        }
        assertThat(pages.get("lecteur", "/conventions/" + convention + "/services/" + ligne.path("id").asLong() + "/modifier").status())
                .isIn(403, 404);
        assertThat(pages.poster("lecteur", "/conventions/" + convention + "/services/" + ligne.path("id").asLong() + "/supprimer",
                Map.of("version", "0")).status()).isIn(403, 404);
        assertThat(api.get("caf07", chemin).json().path("nom").asString()).isEqualTo("Relais du Bassin");
        assertThat(journal(ligne.path("id").asLong())).isEqualTo(1);
    }

    @Test
    void an_unknown_commune_is_kept_as_printed_and_shown_as_not_recognised_then_fixed_and_the_row_deleted_on_the_page() {
        long convention = convention("services-page");
        JsonNode ligne = ajouter(convention, Map.of("type", "ALSH_EXTRASCOLAIRE", "nom", "Centre de loisirs Les Castors",
                "commune", "Vals-les-Baigns"));
        assertThat(ligne.path("communeNonReconnue").asBoolean()).isTrue();
        assertThat(ligne.path("commune").asString()).isEqualTo("Vals-les-Baigns");
        assertThat(ligne.path("codeInsee").isNull()).isTrue();
        assertThat(ligne.path("avertissement").asString()).contains("Commune non reconnue").contains("Vals-les-Baigns");

        Document liste = pages.get("caf07", "/conventions/" + convention + "/services").document();
        assertThat(liste.select("#service-" + ligne.path("id").asLong() + " .commune-non-reconnue").text()).isEqualTo("commune non reconnue");
        assertThat(liste.select("#communes-non-reconnues").text()).contains("1 ligne a une commune non reconnue");

        String edition = "/conventions/" + convention + "/services/" + ligne.path("id").asLong() + "/modifier";
        Document page = pages.get("caf07", edition).document();
        assertThat(page.select("#avertissement-commune").text()).contains("Vals-les-Baigns");
        assertThat(page.select("#communes-proches li").eachText()).anyMatch(c -> c.startsWith("Vals-les-Bains"));

        page.selectFirst("#modifier-service #commune").val("Vals-les-Bains");
        page.selectFirst("#modifier-service #sousType").val("extrascolaire été");
        ClientPages.Page enregistree = pages.soumettre("caf07", page, "#modifier-service");
        assertThat(enregistree.redirection()).isEqualTo("/conventions/" + convention + "/services");
        assertThat(enregistree.messageSucces()).contains("Ligne modifiée");
        JsonNode corrigee = api.get("caf07", "/api/v1/services/" + ligne.path("id").asLong()).json();
        assertThat(corrigee.path("codeInsee").asString()).isEqualTo("07331");
        assertThat(corrigee.path("communeNonReconnue").asBoolean()).isFalse();
        assertThat(corrigee.path("sousType").asString()).isEqualTo("extrascolaire été");

        Document perimee = page;
        ClientPages.Page conflit = pages.soumettre("caf07", perimee, "#supprimer-service");
        assertThat(conflit.messageErreur()).contains("quelqu'un d'autre");
        ClientPages.Page supprimee = pages.soumettre("caf07", pages.get("caf07", edition).document(), "#supprimer-service");
        assertThat(supprimee.messageSucces()).contains("Ligne supprimée");
        assertThat(api.get("caf07", "/api/v1/conventions/" + convention + "/services").json()).isEmpty();
        assertThat(pages.get("caf07", edition).status()).isEqualTo(404);
    }
}
