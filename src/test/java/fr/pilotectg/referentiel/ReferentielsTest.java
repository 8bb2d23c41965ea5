package fr.pilotectg.referentiel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reference frameworks of a convention: the demo conventions carry theirs; the API keeps items by id across edits,
 * nests once, refuses another convention's ids, stale versions and a missing version with nothing written; the pages
 * add, reorder, nest and delete items; only the convention's managers write.
 */
@IntegrationTest
class ReferentielsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private static List<JsonNode> liste(JsonNode n) {
        return StreamSupport.stream(n.spliterator(), false).toList();
    }

    private static Map<String, Object> element(Object id, String code, String intitule, List<?> sous) {
        Map<String, Object> e = new java.util.LinkedHashMap<>();
        if (id != null) {
            e.put("id", id);
        }
        if (code != null) {
            e.put("code", code);
        }
        e.put("intitule", intitule);
        e.put("elements", sous);
        return e;
    }

    private long lignesJournal(long conventionId) {
        return jdbc.sql("SELECT count(*) FROM journal WHERE convention_id = :id AND objet_type = 'referentiels'")
                .param("id", conventionId).query(Long.class).single();
    }

    @Test
    void the_demo_conventions_carry_their_frameworks_shown_on_the_page() {
        ClientApi api = new ClientApi(mvc);
        long aubenas = api.aubenas();
        JsonNode r = api.get("ccba", "/api/v1/conventions/" + aubenas + "/referentiels").json();
        List<JsonNode> referentiels = liste(r.path("referentiels"));
        assertThat(referentiels).extracting(x -> x.path("nom").asString())
                .containsExactly("Missions et objectifs de la branche Famille", "Service public de la petite enfance");
        JsonNode missions = referentiels.get(0);
        assertThat(missions.path("proprietaire").asString()).contains("Caf de l'Ardèche");
        assertThat(liste(missions.path("elements"))).extracting(x -> x.path("code").asString()).containsExactly("M", "O");
        assertThat(missions.path("elements").get(1).path("elements")).hasSize(8);
        assertThat(missions.path("elements").get(1).path("elements").get(3).path("intitule").asString()).isEqualTo("Soutien à la parentalité");

        long baronnies = api.idParTitre("CTG des Baronnies en Drôme Provençale 2019-2024");
        JsonNode axes = api.get("admin", "/api/v1/conventions/" + baronnies + "/referentiels").json().path("referentiels").get(0).path("elements");
        assertThat(axes).hasSize(4);
        assertThat(axes.get(0).path("elements")).hasSize(5);

        Document page = new ClientPages(mvc).get("ccba", "/conventions/" + aubenas + "/referentiels").document();
        assertThat(page.select("h2").eachText()).contains("Missions et objectifs de la branche Famille", "Service public de la petite enfance");
        assertThat(page.select(".elements-referentiel > li > ol > li").eachText()).contains("O4 Soutien à la parentalité");
        assertThat(new ClientPages(mvc).get("ccba", "/conventions/" + aubenas).html()).contains("/conventions/" + aubenas + "/referentiels");
    }

    @Test
    void the_api_keeps_items_by_id_nests_once_and_refuses_bad_input_writing_nothing() {
        ClientApi api = new ClientApi(mvc);
        long id = api.creerConventionDeTest("caf07", "Referentiels").path("id").asLong();
        String chemin = "/api/v1/conventions/" + id + "/referentiels";
        JsonNode vide = api.get("caf07", chemin).json();
        assertThat(vide.path("version").asInt()).isZero();
        assertThat(vide.path("referentiels")).isEmpty();

        Reponse cree = api.put("caf07", chemin, Map.of("version", 0, "referentiels", List.of(Map.of("nom", "Schéma départemental",
                "proprietaire", "Département de l'Ardèche", "elements", List.of(
                        element(null, "1", "Petite enfance", List.of(element(null, "1.1", "Places d'accueil", List.of()),
                                element(null, "1.2", "Qualité", List.of()))),
                        element(null, "2", "Jeunesse", List.of()))))));
        assertThat(cree.status()).as(cree.texte()).isEqualTo(200);
        JsonNode apres = cree.json();
        assertThat(apres.path("version").asInt()).isEqualTo(1);
        JsonNode r = apres.path("referentiels").get(0);
        long referentielId = r.path("id").asLong();
        long petiteEnfance = r.path("elements").get(0).path("id").asLong();
        long places = r.path("elements").get(0).path("elements").get(0).path("id").asLong();
        long qualite = r.path("elements").get(0).path("elements").get(1).path("id").asLong();
        long jeunesse = r.path("elements").get(1).path("id").asLong();
        assertThat(lignesJournal(id)).isEqualTo(1);

        // Reorder, move "Qualité" under "Jeunesse", rename, delete "Places d'accueil", add one: kept ids stay.
        Reponse modifie = api.put("caf07", chemin, Map.of("version", 1, "referentiels", List.of(Map.of("id", referentielId,
                "nom", "Schéma départemental des services aux familles", "elements", List.of(
                        element(jeunesse, "2", "Jeunesse", List.of(element(qualite, "2.1", "Qualité de l'accueil", List.of()))),
                        element(petiteEnfance, "1", "Petite enfance", List.of()),
                        element(null, "3", "Parentalité", List.of()))))));
        assertThat(modifie.status()).as(modifie.texte()).isEqualTo(200);
        JsonNode m = modifie.json().path("referentiels").get(0);
        assertThat(m.path("id").asLong()).isEqualTo(referentielId);
        assertThat(m.path("proprietaire").isNull()).isTrue();
        assertThat(liste(m.path("elements"))).extracting(x -> x.path("id").asLong()).startsWith(jeunesse, petiteEnfance).hasSize(3);
        assertThat(m.path("elements").get(0).path("elements").get(0).path("id").asLong()).isEqualTo(qualite);
        assertThat(m.path("elements").get(0).path("elements").get(0).path("intitule").asString()).isEqualTo("Qualité de l'accueil");
        assertThat(jdbc.sql("SELECT count(*) FROM referentiel_element WHERE id = :id").param("id", places).query(Long.class).single()).isZero();
        assertThat(lignesJournal(id)).isEqualTo(2);

        // Refusals: nothing written, the field named.
        long aubenasElement = api.get("ccba", "/api/v1/conventions/" + api.aubenas() + "/referentiels").json()
                .path("referentiels").get(0).path("elements").get(0).path("id").asLong();
        List<Map<String, Object>> refus = new ArrayList<>();
        refus.add(Map.of("version", 2, "referentiels", List.of(Map.of("nom", "Autre", "elements",
                List.of(element(aubenasElement, null, "Volé", List.of()))))));
        refus.add(Map.of("version", 2, "referentiels", List.of(Map.of("nom", "Trop profond", "elements",
                List.of(element(null, null, "A", List.of(element(null, null, "B", List.of(element(null, null, "C", List.of()))))))))));
        refus.add(Map.of("version", 2, "referentiels", List.of(Map.of("nom", " ", "elements", List.of(element(null, null, "", List.of()))))));
        refus.add(Map.of("version", 2, "referentiels", List.of(Map.of("nom", "Doublon", "elements",
                List.of(element(jeunesse, null, "A", List.of()), element(jeunesse, null, "B", List.of()))))));
        List<String> champs = new ArrayList<>();
        for (Map<String, Object> corps : refus) {
            Reponse reponse = api.put("caf07", chemin, corps);
            assertThat(reponse.status()).as(reponse.texte()).isEqualTo(400);
            champs.addAll(reponse.champsEnErreur());
        }
        assertThat(champs).containsExactly("referentiels[0].elements[0].id", "referentiels[0].elements[0].elements[0].elements",
                "referentiels[0].nom", "referentiels[0].elements[0].intitule", "referentiels[0].elements[1].id");
        Reponse sansVersion = api.put("caf07", chemin, Map.of("referentiels", List.of()));
        assertThat(sansVersion.status()).isEqualTo(400);
        assertThat(sansVersion.messageDuChamp("version")).contains("version manquante");
        Reponse perime = api.put("caf07", chemin, Map.of("version", 1, "referentiels", List.of()));
        assertThat(perime.status()).isEqualTo(409);
        assertThat(perime.texte()).contains("modifiés par quelqu'un d'autre");
        assertThat(api.get("caf07", chemin).json().path("version").asInt()).isEqualTo(2);
        assertThat(api.get("caf07", chemin).json().path("referentiels").get(0).path("elements")).hasSize(3);
        assertThat(lignesJournal(id)).isEqualTo(2);
    }

    @Test
    void only_managers_write_and_strangers_do_not_read() {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        long aubenas = api.aubenas();
        String chemin = "/api/v1/conventions/" + aubenas + "/referentiels";
        JsonNode lu = api.get("lecteur", chemin).json();
        int version = lu.path("version").asInt();
        long referentielId = lu.path("referentiels").get(0).path("id").asLong();
        assertThat(lu.path("modifiable").asBoolean()).isFalse();
        assertThat(api.put("lecteur", chemin, Map.of("version", version, "referentiels", List.of())).status()).isEqualTo(403);
        assertThat(api.put("palabre", chemin, Map.of("version", version, "referentiels", List.of())).status()).isIn(403, 404);
        assertThat(api.get("caf42", chemin).status()).isIn(403, 404);
        assertThat(api.put("caf42", chemin, Map.of("version", version, "referentiels", List.of())).status()).isIn(403, 404);
        String page = "/conventions/" + aubenas + "/referentiels";
        assertThat(pages.get("caf42", page).status()).isIn(403, 404);
        assertThat(pages.get("lecteur", page).html()).doesNotContain("Ajouter un référentiel");
        assertThat(pages.get("lecteur", page + "/nouveau").status()).isEqualTo(403);
        assertThat(pages.get("lecteur", page + "/" + referentielId + "/modifier").status()).isEqualTo(403);
        assertThat(pages.poster("lecteur", page + "/" + referentielId + "/supprimer", Map.of("version", String.valueOf(version))).status()).isEqualTo(403);
        assertThat(pages.poster("caf42", page + "/nouveau", Map.of("version", String.valueOf(version), "nom", "X",
                "elements[0].intitule", "Y")).status()).isIn(403, 404);
        assertThat(api.get("ccba", chemin).json().path("version").asInt()).isEqualTo(version);
        // A framework of another convention is not found through this one.
        long pilat = api.pilat();
        assertThat(pages.get("admin", "/conventions/" + pilat + "/referentiels/" + referentielId + "/modifier").status()).isEqualTo(404);
    }

    @Test
    void the_pages_add_reorder_nest_and_delete_items() {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        long id = api.creerConventionDeTest("caf07", "Referentiels pages").path("id").asLong();
        String base = "/conventions/" + id + "/referentiels";
        assertThat(pages.get("caf07", base).document().select("#referentiels-vides")).hasSize(1);

        Document nouveau = pages.get("caf07", base + "/nouveau").document();
        assertThat(nouveau.select("fieldset.element-formulaire")).hasSize(ReferentielsController.LIGNES_VIDES);
        assertThat(nouveau.select("label[for=nom]")).hasSize(1);
        Map<String, String> champs = ClientPages.champs(nouveau, "#formulaire-referentiel");
        champs.put("nom", "Projet de territoire");
        champs.put("proprietaire", "CCBA");
        champs.put("elements[0].intitule", "Habiter");
        champs.put("elements[1].intitule", "Grandir");
        champs.put("elements[2].intitule", "Se loger");
        champs.put("elements[2].niveau", "2");
        ClientPages.Page cree = pages.poster("caf07", base + "/nouveau", champs);
        assertThat(cree.redirection()).as(cree.html()).isEqualTo(base);
        JsonNode r = api.get("caf07", "/api/v1" + base).json().path("referentiels").get(0);
        assertThat(liste(r.path("elements"))).extracting(x -> x.path("intitule").asString()).containsExactly("Habiter", "Grandir");
        assertThat(r.path("elements").get(1).path("elements").get(0).path("intitule").asString()).isEqualTo("Se loger");
        long referentielId = r.path("id").asLong();
        long habiter = r.path("elements").get(0).path("id").asLong();

        // Edit page: "Grandir" (with its sub-item) moves before "Habiter", "Se loger" is deleted, one is added.
        Document edition = pages.get("caf07", base + "/" + referentielId + "/modifier").document();
        assertThat(edition.select("#intitule-0").val()).isEqualTo("Habiter");
        assertThat(edition.select("#niveau-2 option[selected]").val()).isEqualTo("2");
        Map<String, String> modif = ClientPages.champs(edition, "#formulaire-referentiel");
        modif.put("elements[0].ordre", "100");
        modif.put("elements[2].supprimer", "oui");
        modif.put("elements[3].intitule", "Vieillir");
        modif.put("elements[3].ordre", "5");
        ClientPages.Page enregistre = pages.poster("caf07", base + "/" + referentielId + "/modifier", modif);
        assertThat(enregistre.redirection()).as(enregistre.html()).isEqualTo(base);
        JsonNode m = api.get("caf07", "/api/v1" + base).json().path("referentiels").get(0);
        assertThat(liste(m.path("elements"))).extracting(x -> x.path("intitule").asString()).containsExactly("Vieillir", "Grandir", "Habiter");
        assertThat(m.path("elements").get(2).path("id").asLong()).isEqualTo(habiter);
        assertThat(m.path("elements").get(1).path("elements")).isEmpty();

        // A sub-item first, a row without title: errors on those rows, nothing written.
        Document encore = pages.get("caf07", base + "/" + referentielId + "/modifier").document();
        Map<String, String> faux = ClientPages.champs(encore, "#formulaire-referentiel");
        faux.put("elements[0].niveau", "2");
        faux.put("elements[1].intitule", "");
        ClientPages.Page erreur = pages.poster("caf07", base + "/" + referentielId + "/modifier", faux);
        assertThat(erreur.status()).isEqualTo(200);
        Document e = erreur.document();
        assertThat(e.select("#niveau-0").attr("aria-invalid")).isEqualTo("true");
        assertThat(e.select("#intitule-1").attr("aria-invalid")).isEqualTo("true");
        assertThat(e.select("#erreurs").text()).contains("sous-élément doit suivre un élément", "l'intitulé est obligatoire");
        int version = api.get("caf07", "/api/v1" + base).json().path("version").asInt();
        assertThat(version).isEqualTo(2);

        // A stale version shows the conflict; delete with the current one.
        ClientPages.Page conflit = pages.poster("caf07", base + "/" + referentielId + "/modifier", ClientPages.champs(edition, "#formulaire-referentiel"));
        assertThat(conflit.document().select(".conflit").text()).contains("modifiés par quelqu'un d'autre");
        ClientPages.Page supprime = pages.poster("caf07", base + "/" + referentielId + "/supprimer", Map.of("version", String.valueOf(version)));
        assertThat(supprime.redirection()).isEqualTo(base);
        assertThat(api.get("caf07", "/api/v1" + base).json().path("referentiels")).isEmpty();
        assertThat(pages.get("caf07", "/conventions/" + id + "/journal").html()).contains("modification des référentiels");
    }
}
