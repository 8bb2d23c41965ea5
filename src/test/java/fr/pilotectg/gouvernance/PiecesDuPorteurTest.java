package fr.pilotectg.gouvernance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * A porteur (Le Palabre, porteur of Aubenas FA15) sees and downloads the pieces of the meetings about its fiches — a
 * decision linked to FA15, or an agenda item about it — and no other piece of the convention (403), while a party
 * (ccba) still sees them all. Meetings and pieces are removed at the end (Aubenas is shared by the other tests).
 */
@IntegrationTest
class PiecesDuPorteurTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void le_palabre_sees_the_pieces_of_the_meetings_about_fa15_and_no_other() throws Exception {
        ClientApi api = new ClientApi(mvc);
        long aubenas = api.aubenas();
        long fa15 = jdbc.sql("SELECT id FROM fiche WHERE convention_id = :c AND reference = 'FA15' AND supprimee_le IS NULL")
                .param("c", aubenas).query(Long.class).single();
        long palabre = jdbc.sql("SELECT id FROM organisation WHERE nom = 'Centre social Le Palabre'").query(Long.class).single();
        String reunions = "/api/v1/conventions/" + aubenas + "/reunions";
        List<Long> creees = new ArrayList<>();
        List<Long> pieces = new ArrayList<>();
        try {
            long parDecision = reunion(api, reunions, creees, Map.of("instanceId", 1, "date", "2026-10-05",
                    "decisions", List.of(Map.of("texte", "Bilan de l'atelier parents", "responsableOrganisationId", palabre,
                            "ficheId", fa15))));
            long parOrdreDuJour = reunion(api, reunions, creees, Map.of("instanceId", 1, "date", "2026-10-06",
                    "ordreDuJour", List.of(Map.of("texte", "Point sur l'action", "fiche", "fa 15"))));
            long autre = reunion(api, reunions, creees, Map.of("instanceId", 1, "date", "2026-10-07",
                    "ordreDuJour", List.of(Map.of("texte", "Budget de la CTG"))));

            long decision = piece(aubenas, "cr-fa15.pdf", "reunionId", parDecision, pieces);
            long ordreDuJour = piece(aubenas, "cr-point-fa15.pdf", "reunionId", parOrdreDuJour, pieces);
            long budget = piece(aubenas, "cr-budget.pdf", "reunionId", autre, pieces);
            long signee = piece(aubenas, "convention-signee-porteur.pdf", null, 0, pieces);

            // Le Palabre downloads the pieces of the meetings about FA15…
            for (long visible : List.of(decision, ordreDuJour)) {
                MockHttpServletResponse r = mvc.perform(MockMvcRequestBuilders.get("/api/v1/pieces/" + visible)
                        .with(httpBasic("palabre", ClientApi.MOT_DE_PASSE))).andReturn().getResponse();
                assertThat(r.getStatus()).isEqualTo(200);
                assertThat(r.getContentAsByteArray()).isEqualTo(PiecesTest.PDF);
            }
            // …and no other piece of the convention, by id or in the list; a party still sees them all.
            for (long cachee : List.of(budget, signee)) {
                Reponse refus = api.get("palabre", "/api/v1/pieces/" + cachee);
                assertThat(refus.status()).isEqualTo(403);
                assertThat(refus.texte()).contains("ne concerne pas vos fiches");
                assertThat(api.get("ccba", "/api/v1/pieces/" + cachee).status()).isEqualTo(200);
            }
            assertThat(api.get("palabre", "/api/v1/conventions/" + aubenas + "/pieces").json().findValuesAsString("nomFichier"))
                    .contains("cr-fa15.pdf", "cr-point-fa15.pdf").doesNotContain("cr-budget.pdf", "convention-signee-porteur.pdf");
            assertThat(api.get("ccba", "/api/v1/conventions/" + aubenas + "/pieces").json().findValuesAsString("nomFichier"))
                    .contains("cr-fa15.pdf", "cr-point-fa15.pdf", "cr-budget.pdf", "convention-signee-porteur.pdf");
            String page = new ClientPages(mvc).get("palabre", "/conventions/" + aubenas + "/pieces").html();
            assertThat(page).contains("cr-fa15.pdf").doesNotContain("cr-budget.pdf").doesNotContain("convention-signee-porteur.pdf");
            // A Caf of another département sees none of them: the right never widens who reads the convention.
            assertThat(api.get("caf42", "/api/v1/pieces/" + decision).status()).isEqualTo(403);
        } finally {
            for (long p : pieces) {
                assertThat(api.delete("caf07", "/api/v1/pieces/" + p).status()).isEqualTo(204);
            }
            for (long r : creees) {
                int version = api.get("caf07", reunions + "/" + r).json().path("version").asInt();
                assertThat(api.delete("caf07", reunions + "/" + r + "?version=" + version).status()).isEqualTo(204);
            }
        }
    }

    /**
     * Le Palabre, made a party of a convention of its own with a délibération, downloads the piece attached to that
     * délibération; the délibération of another party and the signed convention stay refused (403).
     */
    @Test
    void a_porteur_downloads_the_pieces_of_its_own_deliberation_and_not_those_of_another_party() throws Exception {
        ClientApi api = new ClientApi(mvc);
        long id = api.creerConventionDeTest("caf07", "Délibération du porteur").path("id").asLong();
        String base = "/api/v1/conventions/" + id;
        long palabre = jdbc.sql("SELECT id FROM organisation WHERE nom = 'Centre social Le Palabre'").query(Long.class).single();
        long caf = jdbc.sql("SELECT caf_id FROM convention WHERE id = :c").param("c", id).query(Long.class).single();
        Reponse partie = api.post("caf07", base + "/parties", Map.of("version", api.convention("caf07", id).path("version").asInt(),
                "organisationId", palabre, "role", "ASSOCIEE"));
        assertThat(partie.status()).as(partie.texte()).isEqualTo(200);
        ClientPages pages = new ClientPages(mvc);
        for (long organisation : List.of(palabre, caf)) {
            ClientPages.Page ajout = pages.poster("caf07", "/conventions/" + id + "/deliberations", Map.of("version",
                    String.valueOf(api.convention("caf07", id).path("version").asInt()), "organisationId", String.valueOf(organisation),
                    "instance", "conseil d'administration", "date", "2026-03-02"));
            assertThat(ajout.status()).isEqualTo(302);
        }
        List<Long> pieces = new ArrayList<>();
        long sienne = piece(id, "deliberation-palabre.pdf", "deliberationOrganisationId", palabre, pieces);
        long autre = piece(id, "deliberation-caf.pdf", "deliberationOrganisationId", caf, pieces);
        long signee = piece(id, "convention-signee.pdf", null, 0, pieces);

        MockHttpServletResponse r = mvc.perform(MockMvcRequestBuilders.get("/api/v1/pieces/" + sienne)
                .with(httpBasic("palabre", ClientApi.MOT_DE_PASSE))).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentAsByteArray()).isEqualTo(PiecesTest.PDF);
        for (long cachee : List.of(autre, signee)) {
            Reponse refus = api.get("palabre", "/api/v1/pieces/" + cachee);
            assertThat(refus.status()).isEqualTo(403);
            assertThat(refus.texte()).contains("délibérations de son organisation");
            assertThat(api.get("caf07", "/api/v1/pieces/" + cachee).status()).isEqualTo(200);
        }
        assertThat(api.get("palabre", base + "/pieces").json().findValuesAsString("nomFichier"))
                .containsExactly("deliberation-palabre.pdf");
        assertThat(pages.get("palabre", "/conventions/" + id + "/pieces").html())
                .contains("deliberation-palabre.pdf").doesNotContain("deliberation-caf.pdf").doesNotContain("convention-signee.pdf");
        // The right never widens who reads the convention.
        assertThat(api.get("caf42", "/api/v1/pieces/" + sienne).status()).isEqualTo(403);
    }

    private static long reunion(ClientApi api, String chemin, List<Long> creees, Map<String, Object> saisie) {
        Reponse r = api.post("caf07", chemin, saisie);
        assertThat(r.status()).as(r.texte()).isEqualTo(201);
        creees.add(r.json().path("id").asLong());
        return r.json().path("id").asLong();
    }

    private long piece(long convention, String nom, String champ, long valeur, List<Long> pieces) throws Exception {
        var requete = MockMvcRequestBuilders.multipart("/api/v1/conventions/" + convention + "/pieces")
                .file(new MockMultipartFile("fichier", nom, "application/pdf", PiecesTest.PDF));
        requete.param("categorie", champ == null ? "CONVENTION_SIGNEE"
                : "deliberationOrganisationId".equals(champ) ? "DELIBERATION" : "COMPTE_RENDU");
        if (champ != null) {
            requete.param(champ, String.valueOf(valeur));
        }
        MockHttpServletResponse r = mvc.perform(requete.with(httpBasic("caf07", ClientApi.MOT_DE_PASSE))).andReturn().getResponse();
        Reponse reponse = new Reponse(r.getStatus(), r.getContentAsString(StandardCharsets.UTF_8));
        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(201);
        pieces.add(reponse.json().path("id").asLong());
        return reponse.json().path("id").asLong();
    }
}
