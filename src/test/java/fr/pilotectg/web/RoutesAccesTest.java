package fr.pilotectg.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.FichiersZip;
import fr.pilotectg.testsupport.IntegrationTest;
import fr.pilotectg.testsupport.RoutesDeConvention;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sweep over every GET route of a convention, pages and API, as users who may not read it: none answers with the
 * convention's data (403 or 404; 400 when a required parameter is missing, before anything is read). It guards
 * the routes added later, whose own tests may forget a denial.
 */
@IntegrationTest
class RoutesAccesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;

    @Test
    void no_get_route_of_a_convention_answers_a_user_who_may_not_read_it() {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        long aubenas = api.aubenas();
        long fiche = api.get("ccba", "/api/v1/conventions/" + aubenas + "/fiches").json().get(0).path("id").asLong();
        Map<String, String> valeurs = Map.of("annee", "2026", "ficheId", String.valueOf(fiche), "position", "0",
                "axe", "GOUVERNANCE", "type", "intermediaire", "format", "docx", "tableau", "eaje");

        Set<String> chemins = RoutesDeConvention.chemins(routes, aubenas, valeurs);
        assertThat(chemins).as("routes found").hasSizeGreaterThan(30)
                .contains("/conventions/" + aubenas + "/tableau-de-bord", "/api/v1/conventions/" + aubenas + "/evaluation/2026");

        for (String utilisateur : List.of("caf42", "pilat")) {
            for (String chemin : chemins) {
                int status = chemin.startsWith("/api/") ? api.get(utilisateur, chemin).status() : pages.get(utilisateur, chemin).status();
                assertThat(status).as("GET %s as %s", chemin, utilisateur).isIn(400, 403, 404);
            }
        }
    }

    /**
     * The importer's GET routes (pages and API, read from the mappings) × roles: its uploader reads a draft and a bulk
     * import; the other users who may import (a Caf agent, an administrator) see their own lists only and get 403 on
     * them; users who may not import get 403 everywhere. The spreadsheet import page of a convention answers as the
     * convention's page does.
     */
    @Test
    void the_importer_routes_answer_each_role_and_a_draft_only_its_uploader() {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        byte[] document = "# Convention territoriale globale de Test\nEntre la Caf de l'Ardèche et la commune.\n"
                .getBytes(StandardCharsets.UTF_8);
        ClientApi.Reponse brouillon = api.deposer("caf07", "/api/v1/imports", "routes.md", document);
        assertThat(brouillon.status()).as(brouillon.texte()).isEqualTo(201);
        ClientApi.Reponse lot = api.deposer("caf07", "/api/v1/imports/lots", "routes.zip", FichiersZip.un("routes/a.md", document));
        assertThat(lot.status()).as(lot.texte()).isEqualTo(202);

        Set<String> chemins = new TreeSet<>();
        for (RequestMappingInfo info : routes.getHandlerMethods().keySet()) {
            Set<RequestMethod> methodes = info.getMethodsCondition().getMethods();
            for (String motif : info.getPatternValues()) {
                if ((methodes.isEmpty() || methodes.contains(RequestMethod.GET)) && (motif.startsWith("/imports") || motif.startsWith("/api/v1/imports"))) {
                    chemins.add(motif.replace("/lots/{id}", "/lots/" + lot.json().path("id").asLong())
                            .replace("{id}", String.valueOf(brouillon.json().path("id").asLong())));
                }
            }
        }
        long id = brouillon.json().path("id").asLong();
        assertThat(chemins).contains("/imports", "/imports/" + id, "/api/v1/imports", "/api/v1/imports/" + id,
                "/api/v1/imports/" + id + "/lignes", "/api/v1/imports/lots/" + lot.json().path("id").asLong());

        for (String utilisateur : List.of("caf07", "caf42", "admin", "ccba", "palabre", "lecteur")) {
            boolean importe = List.of("caf07", "caf42", "admin").contains(utilisateur);
            for (String chemin : chemins) {
                boolean liste = chemin.equals("/imports") || chemin.equals("/api/v1/imports");
                int attendu = utilisateur.equals("caf07") || liste && importe ? 200 : 403;
                int status = chemin.startsWith("/api/") ? api.get(utilisateur, chemin).status() : pages.get(utilisateur, chemin).status();
                assertThat(status).as("GET %s as %s", chemin, utilisateur).isEqualTo(attendu);
            }
        }

        // The review's writes, field by field: its uploader only; anyone else gets 403 and the draft is unchanged.
        Map<String, Map<String, String>> ecritures = new LinkedHashMap<>();
        ecritures.put("/imports/" + id + "/element", Map.of("version", "0", "chemin", "convention.titre", "champ.valeur", "Pris"));
        ecritures.put("/imports/" + id + "/ajout", Map.of("version", "0", "chemin", "convention.visas", "principal", "Vu les routes"));
        ecritures.put("/imports/" + id + "/retrait", Map.of("version", "0", "chemin", "convention.alertes[0]"));
        ecritures.put("/imports/" + id + "/resolution", Map.of("version", "0", "chemin", "convention.parties[0]", "choix", "retirer"));
        String avant = api.get("caf07", "/api/v1/imports/" + id).texte();
        for (String utilisateur : List.of("caf42", "admin", "ccba", "palabre", "lecteur")) {
            ecritures.forEach((chemin, champs) ->
                    assertThat(pages.poster(utilisateur, chemin, champs).status()).as("POST %s as %s", chemin, utilisateur).isEqualTo(403));
        }
        assertThat(api.get("caf07", "/api/v1/imports/" + id).texte()).isEqualTo(avant);
        assertThat(pages.poster("caf07", "/imports/" + id + "/ajout", ecritures.get("/imports/" + id + "/ajout")).status()).isEqualTo(302);

        long aubenas = api.aubenas();
        String tableur = "/conventions/" + aubenas + "/imports/tableur";
        for (String utilisateur : List.of("caf07", "ccba", "admin", "palabre", "lecteur", "caf42", "pilat")) {
            int convention = pages.get(utilisateur, "/conventions/" + aubenas).status();
            assertThat(pages.get(utilisateur, tableur).status()).as("GET %s as %s", tableur, utilisateur).isEqualTo(convention);
        }
        assertThat(pages.get("ccba", tableur).status()).isEqualTo(200);
        assertThat(pages.get("caf42", tableur).status()).isIn(403, 404);
    }
}
