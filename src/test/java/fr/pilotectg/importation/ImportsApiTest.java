package fr.pilotectg.importation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The import flow through the API and the pages: upload, draft, correction with its version, denials (another
 * user's draft, roles that cannot create a convention), confirmation all or nothing, bad files, purge, bulk import.
 */
@IntegrationTest
class ImportsApiTest {

    private static final String DOCUMENT = """
            # Convention territoriale globale de Test
            Entre la Caf de l'Ardèche et la communauté de communes.
            ## Article 1 – Objet
            La présente convention définit le plan d'actions.
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PurgeDesImports purge;

    @Autowired
    LotsDImport lots;

    private Reponse envoyer(String utilisateur, String chemin, String nom, byte[] contenu) throws Exception {
        MockHttpServletResponse r = mvc.perform(MockMvcRequestBuilders.multipart(chemin)
                .file(new MockMultipartFile("fichier", nom, "application/octet-stream", contenu))
                .with(httpBasic(utilisateur, ClientApi.MOT_DE_PASSE))).andReturn().getResponse();
        return new Reponse(r.getStatus(), r.getContentAsString(StandardCharsets.UTF_8));
    }

    private long compter(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void upload_review_correct_and_denials() throws Exception {
        ClientApi api = new ClientApi(mvc);
        Reponse cree = envoyer("caf07", "/api/v1/imports", "ctg-test.md", DOCUMENT.getBytes(StandardCharsets.UTF_8));
        assertThat(cree.status()).as(cree.texte()).isEqualTo(201);
        long id = cree.json().path("id").asLong();
        assertThat(cree.json().path("lignes").asInt()).isEqualTo(5);
        assertThat(cree.json().path("format").asString()).isEqualTo("MARKDOWN");
        assertThat(cree.json().has("convention")).isTrue();
        assertThat(cree.json().has("plan")).isTrue();
        assertThat(cree.json().has("annexes")).isTrue();
        assertThat(cree.json().path("alertes").isArray()).isTrue();

        Reponse lu = api.get("caf07", "/api/v1/imports/" + id);
        assertThat(lu.status()).isEqualTo(200);
        assertThat(api.get("caf07", "/api/v1/imports/" + id + "/lignes").json().get(0).path("texte").asString())
                .isEqualTo("Convention territoriale globale de Test");
        // The draft is its uploader's: another agent, an administrator, a porteur are refused.
        for (String autre : List.of("caf42", "admin", "palabre", "lecteur")) {
            assertThat(api.get(autre, "/api/v1/imports/" + id).status()).as(autre).isEqualTo(403);
            assertThat(api.put(autre, "/api/v1/imports/" + id, lu.json()).status()).as(autre).isEqualTo(403);
            assertThat(api.delete(autre, "/api/v1/imports/" + id).status()).as(autre).isEqualTo(403);
            assertThat(api.post(autre, "/api/v1/imports/" + id + "/confirmation", Map.of()).status()).as(autre).isEqualTo(403);
        }
        // Only those who may create a convention may import.
        for (String role : List.of("palabre", "lecteur", "ccba")) {
            assertThat(envoyer(role, "/api/v1/imports", "ctg.md", DOCUMENT.getBytes(StandardCharsets.UTF_8)).status()).as(role).isEqualTo(403);
        }
        assertThat(api.get("caf07", "/api/v1/imports/999999999").status()).isEqualTo(404);

        // The draft as read, its convention part given one alert more: the review's correction.
        tools.jackson.databind.node.ObjectNode convention = (tools.jackson.databind.node.ObjectNode) lu.json().path("convention").deepCopy();
        convention.putArray("alertes").addPOJO(Map.of("type", "ILLISIBLE", "message", "À vérifier", "source", Map.of("debut", 2, "fin", 2)));
        Map<String, Object> corrige = Map.of("version", 0, "convention", convention, "plan", lu.json().path("plan"),
                "annexes", lu.json().path("annexes"));
        Reponse modifie = api.put("caf07", "/api/v1/imports/" + id, corrige);
        assertThat(modifie.status()).as(modifie.texte()).isEqualTo(200);
        assertThat(modifie.json().path("version").asInt()).isEqualTo(1);
        assertThat(modifie.json().path("alertes").get(0).path("message").asString()).isEqualTo("À vérifier");
        assertThat(api.put("caf07", "/api/v1/imports/" + id, corrige).status()).as("stale version").isEqualTo(409);
        Reponse sansPartie = api.put("caf07", "/api/v1/imports/" + id, Map.of("version", 1, "convention", Map.of("alertes", List.of())));
        assertThat(sansPartie.status()).isEqualTo(400);
        assertThat(sansPartie.champsEnErreur()).contains("plan");

        // Pages: the list and the review, the source excerpt of the alert, a correction refused with its French error.
        ClientPages pages = new ClientPages(mvc);
        assertThat(pages.get("caf07", "/imports").document().select("#brouillons a").eachText()).contains("ctg-test.md");
        assertThat(pages.get("palabre", "/imports").status()).isEqualTo(403);
        assertThat(pages.get("caf42", "/imports/" + id).status()).isEqualTo(403);
        Document revue = pages.get("caf07", "/imports/" + id).document();
        assertThat(revue.select("#alertes li").text()).contains("À vérifier");
        assertThat(revue.select("textarea#json-convention").text()).contains("ILLISIBLE");
        ClientPages.Page refus = pages.poster("caf07", "/imports/" + id, Map.of("version", "1", "convention", "{\"alertes\": [",
                "plan", "{\"alertes\": []}", "annexes", "{\"alertes\": []}"));
        assertThat(refus.status()).isEqualTo(400);
        assertThat(Jsoup.parse(refus.html()).select("#erreur-convention").text()).contains("JSON valide");
        ClientPages.Page retrait = pages.poster("caf07", "/imports/" + id + "/retrait",
                Map.of("version", "1", "partie", "convention", "propriete", "alertes", "index", "0"));
        assertThat(retrait.status()).isIn(302, 400);

        assertThat(api.delete("caf07", "/api/v1/imports/" + id).status()).isEqualTo(204);
        assertThat(api.get("caf07", "/api/v1/imports/" + id).status()).isEqualTo(404);
    }

    @Test
    void a_failing_confirmation_writes_nothing() throws Exception {
        ClientApi api = new ClientApi(mvc);
        long id = envoyer("caf07", "/api/v1/imports", "echec.md", DOCUMENT.getBytes(StandardCharsets.UTF_8)).json().path("id").asLong();
        long conventions = compter("SELECT count(*) FROM convention");
        long journal = compter("SELECT count(*) FROM journal");
        // The draft is empty (no title): creating the convention fails, after the draft was marked confirmed.
        Reponse confirmation;
        try {
            confirmation = api.post("caf07", "/api/v1/imports/" + id + "/confirmation?version=0", Map.of());
        } catch (Exception e) {
            confirmation = new Reponse(500, String.valueOf(e));
        }
        assertThat(confirmation.status()).as(confirmation.texte()).isGreaterThanOrEqualTo(400);
        assertThat(compter("SELECT count(*) FROM convention")).isEqualTo(conventions);
        assertThat(compter("SELECT count(*) FROM journal")).isEqualTo(journal);
        Map<String, Object> etat = jdbc.sql("SELECT statut, version, convention_id FROM import_brouillon WHERE id = :id")
                .param("id", id).query().singleRow();
        assertThat(etat.get("statut")).isEqualTo("A_REVOIR");
        assertThat(etat.get("version")).isEqualTo(0);
        assertThat(etat.get("convention_id")).isNull();
    }

    @Test
    void bad_files_get_a_french_400_and_nothing_is_written() throws Exception {
        long brouillons = compter("SELECT count(*) FROM import_brouillon");
        long journal = compter("SELECT count(*) FROM journal");
        long lotsAvant = compter("SELECT count(*) FROM import_lot");
        byte[] docx = FichiersDeTest.docx(0);
        byte[] ligne = new byte[10 * 1024 * 1024];
        Arrays.fill(ligne, (byte) 'x');
        Random hasard = new Random(42);
        byte[] octets = new byte[20_000];
        hasard.nextBytes(octets);
        Map<String, byte[]> fichiers = new java.util.LinkedHashMap<>();
        fichiers.put("photo.docx", FichiersDeTest.PNG);
        fichiers.put("bombe.docx", FichiersDeTest.bombe(200));
        fichiers.put("hasard.pdf", octets);
        fichiers.put("tronque.docx", Arrays.copyOf(docx, docx.length / 2));
        fichiers.put("ligne.txt", ligne);
        fichiers.put("scan.pdf", FichiersDeTest.pdf(1, List.of()));
        fichiers.put("vide.txt", new byte[0]);
        fichiers.put("recette.txt", "Faire cuire les pâtes dix minutes.".getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> f : fichiers.entrySet()) {
            Reponse r = envoyer("caf07", "/api/v1/imports", f.getKey(), f.getValue());
            assertThat(r.status()).as(f.getKey() + " " + r.texte()).isEqualTo(400);
            assertThat(r.champsEnErreur()).as(f.getKey()).containsExactly("fichier");
        }
        Reponse scan = envoyer("caf07", "/api/v1/imports", "scan.pdf", FichiersDeTest.pdf(1, List.of()));
        assertThat(scan.messageDuChamp("fichier")).isEqualTo("Ce PDF ne contient pas de texte : il doit être passé à l'OCR avant import.");
        Reponse sansFichier = new Reponse(0, "");
        MockHttpServletResponse r = mvc.perform(MockMvcRequestBuilders.multipart("/api/v1/imports")
                .with(httpBasic("caf07", ClientApi.MOT_DE_PASSE))).andReturn().getResponse();
        sansFichier = new Reponse(r.getStatus(), r.getContentAsString(StandardCharsets.UTF_8));
        assertThat(sansFichier.status()).isEqualTo(400);
        assertThat(envoyer("caf07", "/api/v1/imports/lots", "bombe.zip", FichiersDeTest.bombe(200)).status()).isEqualTo(400);
        assertThat(compter("SELECT count(*) FROM import_brouillon")).isEqualTo(brouillons);
        assertThat(compter("SELECT count(*) FROM journal")).isEqualTo(journal);
        assertThat(compter("SELECT count(*) FROM import_lot")).isEqualTo(lotsAvant);
    }

    @Test
    void expired_drafts_are_purged_and_no_longer_readable() throws Exception {
        ClientApi api = new ClientApi(mvc);
        long id = envoyer("caf07", "/api/v1/imports", "ancien.md", DOCUMENT.getBytes(StandardCharsets.UTF_8)).json().path("id").asLong();
        long garde = envoyer("caf07", "/api/v1/imports", "recent.md", DOCUMENT.getBytes(StandardCharsets.UTF_8)).json().path("id").asLong();
        jdbc.sql("UPDATE import_brouillon SET expire_le = now() - interval '1 day' WHERE id = :id").param("id", id).update();
        assertThat(api.get("caf07", "/api/v1/imports/" + id).status()).isEqualTo(404);
        assertThat(purge.purger()).isGreaterThanOrEqualTo(1);
        assertThat(compter("SELECT count(*) FROM import_brouillon WHERE id = " + id)).isZero();
        assertThat(compter("SELECT count(*) FROM import_brouillon WHERE id = " + garde)).isEqualTo(1);
        assertThat(compter("SELECT count(*) FROM journal WHERE action = 'purge des imports expirés'")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void a_zip_of_documents_becomes_one_task_per_document_processed_in_the_background() throws Exception {
        ClientApi api = new ClientApi(mvc);
        byte[] zip = FichiersDeTest.zip(List.<Object[]>of(new Object[]{"lot/a.md", DOCUMENT.getBytes(StandardCharsets.UTF_8)},
                new Object[]{"lot/b.docx", FichiersDeTest.docx(0)}, new Object[]{"lot/photo.pdf", FichiersDeTest.PNG},
                new Object[]{"lot/notes.xlsx", new byte[]{1, 2}}, new Object[]{"__MACOSX/lot/._a.md", new byte[]{0}}));
        Reponse depot = envoyer("caf07", "/api/v1/imports/lots", "lot.zip", zip);
        assertThat(depot.status()).as(depot.texte()).isEqualTo(202);
        long lot = depot.json().path("id").asLong();
        assertThat(depot.json().path("documents").asInt()).isEqualTo(3);
        assertThat(api.get("caf42", "/api/v1/imports/lots/" + lot).status()).isEqualTo(403);
        assertThat(new ClientPages(mvc).get("caf42", "/imports/lots/" + lot).status()).isEqualTo(403);
        // The background worker may hold a task at the same moment (SKIP LOCKED): wait for it, bounded.
        var etat = api.get("caf07", "/api/v1/imports/lots/" + lot).json();
        for (int essai = 0; essai < 60 && !etat.path("termine").asBoolean(); essai++) {
            lots.traiterEnAttente();
            Thread.sleep(500);
            etat = api.get("caf07", "/api/v1/imports/lots/" + lot).json();
        }
        assertThat(etat.path("termine").asBoolean()).as(etat.toString()).isTrue();
        assertThat(etat.path("taches").get(0).path("statut").asString()).isEqualTo("FAITE");
        assertThat(etat.path("taches").get(1).path("statut").asString()).isEqualTo("FAITE");
        assertThat(etat.path("taches").get(2).path("statut").asString()).isEqualTo("ECHOUEE");
        assertThat(etat.path("taches").get(2).path("message").asString()).contains("pas un document");
        long brouillon = etat.path("taches").get(1).path("brouillonId").asLong();
        assertThat(api.get("caf07", "/api/v1/imports/" + brouillon).json().path("format").asString()).isEqualTo("DOCX");
        assertThat(new ClientPages(mvc).get("caf07", "/imports/lots/" + lot).document().select("#taches tbody tr")).hasSize(3);
        assertThat(compter("SELECT count(*) FROM import_tache WHERE contenu IS NOT NULL AND lot_id = " + lot)).isZero();
    }
}
