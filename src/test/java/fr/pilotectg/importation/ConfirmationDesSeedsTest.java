package fr.pilotectg.importation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real seeds uploaded then confirmed through the API by the demo agent of its Caf: 201, and the plan of
 * the convention created holds the fiches of the document (the Baronnies roadmap after the review resolved its
 * misspelled intercommunalité to the first candidate, as a user would), with its indicators one by one (the Aubenas seed prints
 * some as HTML list items inside a table cell). A draft holding a text the API would refuse is refused with a French
 * 400 naming the fiche and the field, and nothing is written. Skipped when the seeds are not beside the project.
 */
@IntegrationTest
class ConfirmationDesSeedsTest {

    private static final Map<String, Integer> FICHES = Map.of("aubenas", 32, "pilat", 48, "baronnies", 84);
    /** Who imports each seed: the demo agent of its Caf (the Drôme has none: the administrator). */
    private static final Map<String, String> IMPORTATEURS = Map.of("aubenas", "caf07", "pilat", "caf42", "baronnies", "admin");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private Reponse deposer(String utilisateur, String nom, byte[] contenu) throws Exception {
        MockHttpServletResponse r = mvc.perform(MockMvcRequestBuilders.multipart("/api/v1/imports")
                .file(new MockMultipartFile("fichier", nom, "application/octet-stream", contenu))
                .with(httpBasic(utilisateur, ClientApi.MOT_DE_PASSE))).andReturn().getResponse();
        return new Reponse(r.getStatus(), r.getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void each_seed_uploaded_then_confirmed_gives_its_fiches_and_separate_indicators() throws Exception {
        ClientApi api = new ClientApi(mvc);
        for (String document : List.of("aubenas", "pilat", "baronnies")) {
            Path fichier = AnalysePlanTest.SEMENCES.resolve(AnalysePlanTest.FICHIERS.get(document));
            Assumptions.assumeTrue(Files.isRegularFile(fichier), "Documents de référence absents (" + fichier.toAbsolutePath().normalize()
                    + ") : la confirmation des trois conventions réelles n'est pas vérifiée.");
            String qui = IMPORTATEURS.get(document);
            Reponse depot = deposer(qui, fichier.getFileName().toString(), Files.readAllBytes(fichier));
            assertThat(depot.status()).as(document + " : " + depot.texte()).isEqualTo(201);
            long id = depot.json().path("id").asLong();
            // The review drops the governance bodies (a member such as Pilat's "16 communes" names no organisation of
            // the referential: the user would create it first; the governance analysis is scored by ScoreDesSeedsTest).
            JsonNode lu = api.get(qui, "/api/v1/imports/" + id).json();
            ObjectNode annexes = (ObjectNode) lu.path("annexes").deepCopy();
            annexes.putArray("instances");
            // The review resolves each name left unresolved to its first candidate, or drops it when it has none.
            ObjectNode revue = (ObjectNode) lu.path("convention").deepCopy();
            List<String> choisis = resoudreAuPremierCandidat(revue);
            if (document.equals("baronnies")) {
                // the bare "Caf" is deduced from the département the roadmap names; the misspelled EPCI is proposed, not chosen
                assertThat(revue.path("caf").path("resolution").path("nomReferentiel").asString()).isEqualTo("Caf de la Drôme");
                assertThat(lu.path("convention").path("caf").path("resolution").path("note").asString()).contains("déduite");
                assertThat(choisis).containsExactly("Communauté de Communes des Baronnie en Drôme Provençale → CC des Baronnies en Drôme Provençale");
            } else {
                assertThat(choisis).as(document).isEmpty();
            }
            Reponse revu = api.put(qui, "/api/v1/imports/" + id, Map.of("version", lu.path("version").asInt(), "convention", revue,
                    "plan", lu.path("plan"), "annexes", annexes));
            assertThat(revu.status()).as(document + " : " + revu.texte()).isEqualTo(200);

            Reponse confirmation = api.post(qui, "/api/v1/imports/" + id + "/confirmation", Map.of());
            assertThat(confirmation.status()).as(document + " : " + confirmation.texte()).isEqualTo(201);
            long convention = confirmation.json().path("conventionId").asLong();

            Reponse plan = api.get(qui, "/api/v1/conventions/" + convention + "/plan?complet=true");
            assertThat(plan.status()).as(document + " : " + plan.texte()).isEqualTo(200);
            List<JsonNode> fiches = ConfirmationPlanPilatTest.fiches(plan.json());
            assertThat(fiches).as(document).hasSize(FICHES.get(document));
            if (document.equals("aubenas")) {
                JsonNode fa31 = fiches.stream().filter(f -> f.path("reference").asString().equals("FA31")).findFirst().orElseThrow();
                List<String> indicateurs = new ArrayList<>();
                fa31.path("champs").path("indicateurs").forEach(i -> indicateurs.add(i.path("libelle").asString()));
                assertThat(indicateurs).hasSize(7).allSatisfy(l -> assertThat(l).doesNotStartWith("-").hasSizeLessThan(300));
                assertThat(indicateurs.get(0)).startsWith("Nombre et nature des décisions facilitées");
            }
        }
    }

    /**
     * What a user does on the review of a draft with unresolved names: each party not resolved takes its first
     * candidate, or is dropped when it has none; the Caf and the EPCI of the convention follow their party.
     * Returns "printed → chosen" for each choice.
     */
    private static List<String> resoudreAuPremierCandidat(ObjectNode convention) {
        List<String> choisis = new ArrayList<>();
        ArrayNode parties = (ArrayNode) convention.path("parties");
        for (int i = parties.size() - 1; i >= 0; i--) {
            ObjectNode partie = (ObjectNode) parties.get(i);
            JsonNode r = partie.path("resolution");
            if (r.path("statut").asString().equals("RESOLU")) {
                continue;
            }
            if (r.path("candidats").isEmpty()) {
                parties.remove(i);
                continue;
            }
            JsonNode premier = r.path("candidats").get(0);
            ObjectNode choisie = partie.putObject("resolution");
            choisie.put("statut", "RESOLU");
            choisie.set("organisationId", premier.path("organisationId"));
            choisie.set("codeInsee", premier.path("codeInsee"));
            choisie.set("nomReferentiel", premier.path("nom"));
            choisie.set("departement", premier.path("departement"));
            choisie.putArray("candidats");
            choisis.add(0, partie.path("nomImprime").asString() + " → " + premier.path("nom").asString());
        }
        for (String role : List.of("caf", "epci")) {
            String imprime = convention.path(role).path("nomImprime").asString();
            for (JsonNode partie : parties) {
                if (partie.path("nomImprime").asString().equals(imprime)) {
                    convention.set(role, partie.deepCopy());
                }
            }
        }
        return choisis;
    }

    @Test
    void a_draft_with_a_text_beyond_its_limit_is_refused_naming_the_fiche_and_the_field_and_nothing_is_written() throws Exception {
        ClientApi api = new ClientApi(mvc);
        String document = """
                # Convention territoriale globale de Test
                ## Plan d'actions
                ### Fiche action 1 : Accueillir les familles
                Diagnostic initial\tPublic cible
                Peu d'accueil\tFamilles
                Partenaires sollicités\tIndicateurs d'évaluation
                Mairie\t%s
                ### Fiche action 2 : Informer les jeunes
                Diagnostic initial\tPublic cible
                Peu d'information\tJeunes
                Partenaires sollicités\tIndicateurs d'évaluation
                Collège\tNombre de jeunes informés
                ### Fiche action 3 : Soutenir les parents
                Diagnostic initial\tPublic cible
                Parents isolés\tParents
                Partenaires sollicités\tIndicateurs d'évaluation
                Centre social\tNombre de parents
                """.formatted("Nombre de familles accueillies " + "et suivies ".repeat(40));
        Reponse depot = deposer("caf07", "ctg-test.md", document.getBytes(StandardCharsets.UTF_8));
        assertThat(depot.status()).as(depot.texte()).isEqualTo(201);
        long id = depot.json().path("id").asLong();
        long conventions = jdbc.sql("SELECT count(*) FROM convention").query(Long.class).single();

        Reponse refus = api.post("caf07", "/api/v1/imports/" + id + "/confirmation", Map.of());

        assertThat(refus.status()).as(refus.texte()).isEqualTo(400);
        assertThat(refus.texte()).contains("FA1").contains("indicateurs").contains("au plus 300");
        assertThat(jdbc.sql("SELECT count(*) FROM convention").query(Long.class).single()).isEqualTo(conventions);
        assertThat(jdbc.sql("SELECT statut FROM import_brouillon WHERE id = :id").param("id", id).query(String.class).single())
                .isNotEqualTo("CONFIRME");
    }
}
