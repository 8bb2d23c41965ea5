package fr.pilotectg.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10 item 2: sub-actions of a fiche through the API (create, read, PUT, PATCH, complete plan), refusals write nothing. */
@IntegrationTest
class SousActionsApiTest extends PlanTestSupport {

    @Autowired
    JdbcClient jdbc;

    private long planVide(String prefixe) {
        long c = plans.convention(prefixe);
        plans.comme("admin", () -> planService.initialiser(c, ModeleFiche.NATIONAL, List.of(
                new Niveau(0, "Axe", Numerotation.CONTINUE, ""), new Niveau(1, "Fiche action", Numerotation.CONTINUE, "FA")),
                List.of(), List.of(), List.of()));
        return c;
    }

    static Map<String, Object> sousAction(Long id, String libelle) {
        Map<String, Object> s = new LinkedHashMap<>();
        if (id != null) {
            s.put("id", id);
        }
        s.put("libelle", libelle);
        return s;
    }

    @Test
    void sub_actions_are_created_read_reordered_with_their_ids_and_emptied_by_put() {
        long c = planVide("Sous-actions par l'API");
        Map<String, Object> datee = sousAction(null, "Ouvrir le lieu");
        datee.put("porteur", "Centre social");
        datee.put("debut", "2027-03");
        datee.put("fin", "2028-06");
        datee.put("poids", 2);
        Reponse creee = api.post("caf07", "/api/v1/conventions/" + c + "/plan/fiches", Map.of("titre", "Avec sous-actions",
                "sousActions", List.of(sousAction(null, "Recenser les besoins"), datee, sousAction(null, "Évaluer"))));
        assertThat(creee.status()).as(creee.texte()).isEqualTo(201);
        JsonNode fiche = creee.json();
        long id = fiche.path("id").asLong();
        JsonNode sous = fiche.path("sousActions");
        assertThat(sous).extracting(s -> s.path("libelle").asString()).containsExactly("Recenser les besoins", "Ouvrir le lieu", "Évaluer");
        assertThat(sous.get(1).path("annees")).extracting(JsonNode::asInt).as("years derived from the months").containsExactly(2027, 2028);
        assertThat(sous.get(1).path("poids").decimalValue()).isEqualByComparingTo("2");
        assertThat(sous.get(0).path("poids").decimalValue()).isEqualByComparingTo("1");
        assertThat(api.get("caf07", "/api/v1/fiches/" + id).json().path("sousActions")).isEqualTo(sous);
        long premiere = sous.get(0).path("id").asLong();
        long troisieme = sous.get(2).path("id").asLong();

        // PATCH: reordered, one removed, one added; the ids kept keep their identity.
        Reponse patch = api.patch("caf07", "/api/v1/fiches/" + id + "?version=" + fiche.path("version").asInt(), Map.of("sousActions",
                List.of(sousAction(troisieme, "Évaluer l'action"), sousAction(null, "Nouvelle"), sousAction(premiere, "Recenser les besoins"))));
        assertThat(patch.status()).as(patch.texte()).isEqualTo(200);
        JsonNode apres = patch.json().path("sousActions");
        assertThat(apres).extracting(s -> s.path("libelle").asString()).containsExactly("Évaluer l'action", "Nouvelle", "Recenser les besoins");
        assertThat(apres.get(0).path("id").asLong()).isEqualTo(troisieme);
        assertThat(apres.get(2).path("id").asLong()).isEqualTo(premiere);
        assertThat(patch.json().path("titre").asString()).isEqualTo("Avec sous-actions");
        // A PATCH without the member keeps them.
        Reponse titre = api.patch("caf07", "/api/v1/fiches/" + id + "?version=" + patch.json().path("version").asInt(), Map.of("titre", "Renommée"));
        assertThat(titre.json().path("sousActions")).isEqualTo(apres);
        assertThat(jdbc.sql("SELECT count(*) FROM journal WHERE objet_type = 'fiche' AND objet_id = :f AND action = 'sous-actions'")
                .param("f", id).query(Long.class).single()).isEqualTo(2);

        // The complete plan carries them (without ids), and an import into another convention gives the same plan.
        JsonNode complet = api.get("caf07", "/api/v1/conventions/" + c + "/plan?complet=true").json();
        JsonNode exportees = complet.path("fiches").get(0).path("sousActions");
        assertThat(exportees).extracting(s -> s.path("libelle").asString()).containsExactly("Évaluer l'action", "Nouvelle", "Recenser les besoins");
        assertThat(exportees.get(0).path("id").isNull() || exportees.get(0).path("id").isMissingNode()).isTrue();
        long copie = plans.convention("Sous-actions copiées");
        Reponse import_ = api.post("caf07", "/api/v1/conventions/" + copie + "/plan/import", complet);
        assertThat(import_.status()).as(import_.texte()).isEqualTo(201);
        assertThat(api.get("caf07", "/api/v1/conventions/" + copie + "/plan?complet=true").json().path("fiches"))
                .isEqualTo(complet.path("fiches"));

        // PUT is a full replacement: without the member, they go (kept in the database, marked removed, for their history).
        Reponse put = api.put("caf07", "/api/v1/fiches/" + id + "?version=" + titre.json().path("version").asInt(), Map.of("titre", "Vidée"));
        assertThat(put.status()).as(put.texte()).isEqualTo(200);
        assertThat(put.json().path("sousActions")).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM sous_action WHERE fiche_id = :f AND supprimee_le IS NOT NULL").param("f", id)
                .query(Long.class).single()).isEqualTo(4);
        // A removed one comes back with its id.
        Reponse retour = api.patch("caf07", "/api/v1/fiches/" + id + "?version=" + put.json().path("version").asInt(),
                Map.of("sousActions", List.of(sousAction(premiere, "Recenser les besoins"))));
        assertThat(retour.status()).as(retour.texte()).isEqualTo(200);
        assertThat(retour.json().path("sousActions").get(0).path("id").asLong()).isEqualTo(premiere);

        JsonNode schemas = api.get("admin", "/api/v1/openapi").json().path("components").path("schemas");
        assertThat(schemas.path("FicheJson").path("properties").propertyNames()).contains("sousActions");
        assertThat(schemas.path("SousActionJson").path("properties").propertyNames())
                .contains("id", "libelle", "porteurOrganisationId", "porteur", "debut", "fin", "annees", "poids");
    }

    @Test
    void bad_sub_actions_are_refused_naming_the_member_and_nothing_is_written() {
        long c = planVide("Sous-actions refusées");
        JsonNode fiche = api.post("caf07", "/api/v1/conventions/" + c + "/plan/fiches", Map.of("titre", "Une",
                "sousActions", List.of(sousAction(null, "Gardée")))).json();
        long id = fiche.path("id").asLong();
        int version = fiche.path("version").asInt();
        JsonNode autre = api.post("caf07", "/api/v1/conventions/" + c + "/plan/fiches", Map.of("titre", "Autre",
                "sousActions", List.of(sousAction(null, "D'une autre fiche")))).json();
        long idAutre = autre.path("sousActions").get(0).path("id").asLong();

        List<Map<String, Object>> tropNombreuses = new ArrayList<>();
        for (int i = 0; i <= SousActionsService.MAX; i++) {
            tropNombreuses.add(sousAction(null, "Sous-action " + i));
        }
        Map<String, Object> finAvantDebut = sousAction(null, "Dates");
        finAvantDebut.put("debut", "2028-05");
        finAvantDebut.put("fin", "2027-01");
        Map<String, Object> moisFaux = sousAction(null, "Mois");
        moisFaux.put("debut", "2027-13");
        Map<String, Object> poidsNegatif = sousAction(null, "Poids");
        poidsNegatif.put("poids", -1);
        Map<String, Object> anneeHors = sousAction(null, "Année");
        anneeHors.put("annees", List.of(2040));
        Map<String, Object> organisationInconnue = sousAction(null, "Porteur");
        organisationInconnue.put("porteurOrganisationId", 987_654_321L);
        Map<String, List<?>> mauvaises = new LinkedHashMap<>();
        mauvaises.put("sousActions[1].libelle", List.of(sousAction(null, "Bonne"), sousAction(null, "  ")));
        mauvaises.put("sousActions", tropNombreuses);
        mauvaises.put("sousActions[0].id", List.of(sousAction(987_654_321L, "Inconnue")));
        mauvaises.put("sousActions[0].id ", List.of(sousAction(idAutre, "Volée")));
        mauvaises.put("sousActions[0].fin", List.of(finAvantDebut));
        mauvaises.put("sousActions[0].debut", List.of(moisFaux));
        mauvaises.put("sousActions[0].poids", List.of(poidsNegatif));
        mauvaises.put("sousActions[0].annees", List.of(anneeHors));
        mauvaises.put("sousActions[0].porteurOrganisationId", List.of(organisationInconnue));
        for (Map.Entry<String, List<?>> cas : mauvaises.entrySet()) {
            Reponse patch = api.patch("caf07", "/api/v1/fiches/" + id + "?version=" + version, Map.of("titre", "Changée", "sousActions", cas.getValue()));
            assertThat(patch.status()).as(cas.getKey() + " → " + patch.texte()).isEqualTo(400);
            assertThat(patch.champsEnErreur()).as(patch.texte()).contains(cas.getKey().strip());
            Reponse put = api.put("caf07", "/api/v1/fiches/" + id + "?version=" + version, Map.of("titre", "Changée", "sousActions", cas.getValue()));
            assertThat(put.status()).as(cas.getKey() + " (PUT) → " + put.texte()).isEqualTo(400);
        }
        Reponse creation = api.post("caf07", "/api/v1/conventions/" + c + "/plan/fiches", Map.of("titre", "Refusée",
                "sousActions", List.of(sousAction(null, ""))));
        assertThat(creation.status()).isEqualTo(400);
        assertThat(creation.champsEnErreur()).contains("sousActions[0].libelle");
        assertThat(creation.json().path("message").asString()).contains("libellé");
        assertThat(api.patch("lecteur", "/api/v1/fiches/" + id + "?version=" + version,
                Map.of("sousActions", List.of(sousAction(null, "Du lecteur")))).status()).isIn(403, 404);
        assertThat(api.patch("caf07", "/api/v1/fiches/" + id + "?version=" + (version + 3),
                Map.of("sousActions", List.of())).status()).isEqualTo(409);

        JsonNode relue = api.get("caf07", "/api/v1/fiches/" + id).json();
        assertThat(relue.path("version").asInt()).isEqualTo(version);
        assertThat(relue.path("titre").asString()).isEqualTo("Une");
        assertThat(relue.path("sousActions")).extracting(s -> s.path("libelle").asString()).containsExactly("Gardée");
        assertThat(jdbc.sql("SELECT count(*) FROM fiche WHERE convention_id = :c").param("c", c).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM sous_action s JOIN fiche f ON f.id = s.fiche_id WHERE f.convention_id = :c")
                .param("c", c).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void the_edit_page_adds_reorders_and_removes_rows_with_errors_on_their_row_and_readers_are_refused() {
        long c = planVide("Sous-actions au formulaire");
        JsonNode fiche = api.post("caf07", "/api/v1/conventions/" + c + "/plan/fiches", Map.of("titre", "Au formulaire",
                "sousActions", List.of(sousAction(null, "Un"), sousAction(null, "Deux")))).json();
        long id = fiche.path("id").asLong();
        long un = fiche.path("sousActions").get(0).path("id").asLong();
        long deux = fiche.path("sousActions").get(1).path("id").asLong();
        org.jsoup.nodes.Document formulaire = pages.get("caf07", "/fiches/" + id + "/sous-actions").document();
        assertThat(formulaire.select("fieldset.ligne-sous-action")).hasSize(2 + SousActionsController.LIGNES_VIDES);
        assertThat(formulaire.selectFirst("label[for=libelle-0]")).isNotNull();
        assertThat(pages.get("caf07", "/fiches/" + id).document().selectFirst("a[href=/fiches/" + id + "/sous-actions]")).isNotNull();

        Map<String, String> champs = fr.pilotectg.testsupport.ClientPages.champs(formulaire, "form[action$='/sous-actions']");
        champs.put("position_0", "3");          // « Un » goes last
        champs.put("libelle_2", "Trois");       // added at position 2, after « Deux » (same number: the earlier row first)
        champs.put("position_2", "2");
        champs.put("fin_2", "2024-01");          // before the period: refused on its row
        fr.pilotectg.testsupport.ClientPages.Page refusee = pages.poster("caf07", "/fiches/" + id + "/sous-actions", champs);
        org.jsoup.nodes.Document erreur = refusee.document();
        assertThat(erreur.selectFirst("#erreur-sous-actions")).isNotNull();
        // Rows are shown back in their new order: Deux (1), Trois (2), Un (3); the error sits on « Trois ».
        assertThat(erreur.select("input[id^=libelle-]")).extracting(e -> e.val()).startsWith("Deux", "Trois", "Un");
        assertThat(erreur.selectFirst("#erreur-fin_1").text()).contains("avant le début de la convention");
        assertThat(api.get("caf07", "/api/v1/fiches/" + id).json().path("version").asInt()).isEqualTo(fiche.path("version").asInt());

        Map<String, String> corrige = fr.pilotectg.testsupport.ClientPages.champs(erreur, "form[action$='/sous-actions']");
        corrige.put("fin_1", "2027-06");
        corrige.put("retirer_0", "1");           // « Deux » removed
        fr.pilotectg.testsupport.ClientPages.Page enregistree = pages.poster("caf07", "/fiches/" + id + "/sous-actions", corrige);
        assertThat(enregistree.redirection()).isEqualTo("/fiches/" + id + "#sous-actions");
        JsonNode apres = api.get("caf07", "/api/v1/fiches/" + id).json().path("sousActions");
        assertThat(apres).extracting(x -> x.path("libelle").asString()).containsExactly("Trois", "Un");
        assertThat(apres.get(1).path("id").asLong()).isEqualTo(un);
        assertThat(apres).extracting(x -> x.path("id").asLong()).doesNotContain(deux);
        assertThat(apres.get(0).path("fin").asString()).isEqualTo("2027-06");
        // The stale form is refused as a conflict.
        assertThat(pages.poster("caf07", "/fiches/" + id + "/sous-actions", corrige).document().selectFirst(".conflit")).isNotNull();
        assertThat(pages.get("lecteur", "/fiches/" + id + "/sous-actions").status()).isIn(403, 404);
        assertThat(pages.poster("lecteur", "/fiches/" + id + "/sous-actions", corrige).status()).isIn(403, 404);
        assertThat(pages.get("caf42", "/fiches/" + id + "/sous-actions").status()).isIn(403, 404);
        assertThat(api.get("caf07", "/api/v1/fiches/" + id).json().path("sousActions")).hasSize(2);
    }

    @Test
    void a_porteur_names_the_porteur_of_a_sub_action_but_does_not_link_an_organisation() {
        long aubenas = api.aubenas();
        long cafLoire = api.convention("admin", api.pilat()).path("caf").path("id").asLong();
        JsonNode fa15 = plans.ficheApi(aubenas, "FA15");
        Map<String, Object> liee = sousAction(null, "Liée");
        liee.put("porteurOrganisationId", cafLoire);
        Reponse refusee = api.patch("palabre", "/api/v1/fiches/" + fa15.path("id").asLong() + "?version=" + fa15.path("version").asInt(),
                Map.of("sousActions", List.of(liee)));
        assertThat(refusee.status()).as(refusee.texte()).isEqualTo(403);
        assertThat(refusee.json().path("message").asString()).contains("gestionnaires de la convention");
        assertThat(PlansDeTest.sansVersion(plans.ficheApi(aubenas, "FA15"))).isEqualTo(PlansDeTest.sansVersion(fa15));

        Map<String, Object> nommee = sousAction(null, "Nommée");
        nommee.put("porteur", "Caf de la Loire");
        Reponse acceptee = api.patch("palabre", "/api/v1/fiches/" + fa15.path("id").asLong() + "?version=" + fa15.path("version").asInt(),
                Map.of("sousActions", List.of(nommee)));
        assertThat(acceptee.status()).as(acceptee.texte()).isEqualTo(200);
        assertThat(acceptee.json().path("sousActions").get(0).path("porteur").asString()).isEqualTo("Caf de la Loire");
        assertThat(acceptee.json().path("sousActions").get(0).path("porteurOrganisationId").isNull()).as("never guessed from the name").isTrue();
        assertThat(api.get("caf42", "/api/v1/conventions/" + aubenas).status()).isIn(403, 404);
        // Managers link it; then the demo fiche gets its content back.
        Reponse parGestionnaire = api.patch("caf07", "/api/v1/fiches/" + fa15.path("id").asLong() + "?version=" + acceptee.json().path("version").asInt(),
                Map.of("sousActions", List.of(liee)));
        assertThat(parGestionnaire.status()).as(parGestionnaire.texte()).isEqualTo(200);
        assertThat(parGestionnaire.json().path("sousActions").get(0).path("porteur").asString()).isEqualTo("Caf de la Loire");
        assertThat(api.patch("caf07", "/api/v1/fiches/" + fa15.path("id").asLong() + "?version=" + parGestionnaire.json().path("version").asInt(),
                Map.of("sousActions", List.of())).status()).isEqualTo(200);
        assertThat(PlansDeTest.sansVersion(plans.ficheApi(aubenas, "FA15"))).isEqualTo(PlansDeTest.sansVersion(fa15));
    }
}
