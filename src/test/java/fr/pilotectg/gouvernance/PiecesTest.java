package fr.pilotectg.gouvernance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Attachments: type detected from the bytes (a PNG named .pdf is refused), allow-list, size limit, empty file,
 * missing fields, SHA-256, download rights (caf07 uploads, ccba downloads, caf42 and a porteur cannot),
 * managers only write, journal, the page, and hostile uploads.
 */
@IntegrationTest
class PiecesTest {

    static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] PNG = new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
            0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, (byte) 0x90, 'w', 'S', (byte) 0xde, 0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xae, 'B', '`', (byte) 0x82};
    static final byte[] JPEG = new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
            (byte) 0xff, (byte) 0xd9};

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_pdf_uploaded_by_caf07_is_downloaded_by_ccba_and_not_by_caf42_or_another_fiches_porteur() throws Exception {
        ClientApi api = new ClientApi(mvc);
        long aubenas = api.aubenas();
        long journalAvant = journal(aubenas);

        Reponse reponse = envoyer("caf07", aubenas, fichier("Convention signée.pdf", PDF), "CONVENTION_SIGNEE", "Convention signée le 12 mars");
        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(201);
        JsonNode piece = reponse.json();
        assertThat(piece.path("typeMedia").asString()).isEqualTo("application/pdf");
        assertThat(piece.path("sha256").asString()).isEqualTo(PiecesService.sha256(PDF)).hasSize(64);
        assertThat(piece.path("taille").asLong()).isEqualTo(PDF.length);
        assertThat(piece.path("auteur").asString()).isEqualTo("caf07");
        long id = piece.path("id").asLong();
        assertThat(journal(aubenas)).isEqualTo(journalAvant + 1);

        MockHttpServletResponse telechargement = mvc.perform(MockMvcRequestBuilders.get("/api/v1/pieces/" + id)
                .with(httpBasic("ccba", ClientApi.MOT_DE_PASSE))).andReturn().getResponse();
        assertThat(telechargement.getStatus()).isEqualTo(200);
        assertThat(telechargement.getContentAsByteArray()).isEqualTo(PDF);
        assertThat(telechargement.getContentType()).startsWith("application/pdf");
        assertThat(telechargement.getHeader("Content-Disposition")).startsWith("attachment;")
                .contains("filename*=UTF-8''Convention%20sign%C3%A9e.pdf");
        assertThat(telechargement.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(api.get("lecteur", "/api/v1/pieces/" + id).status()).isEqualTo(200);
        assertThat(api.get("caf42", "/api/v1/pieces/" + id).status()).isEqualTo(403);
        // Le Palabre carries fiches of Aubenas, so it reads the convention, but a porteur sees only the pieces of the
        // meetings about its fiches (PiecesDuPorteurTest): not the signed convention.
        assertThat(api.get("palabre", "/api/v1/pieces/" + id).status()).isEqualTo(403);
        assertThat(api.get("caf42", "/api/v1/conventions/" + aubenas + "/pieces").status()).isEqualTo(403);
        assertThat(api.get("ccba", "/api/v1/conventions/" + aubenas + "/pieces").json().findValuesAsString("sha256"))
                .contains(PiecesService.sha256(PDF));
        assertThat(api.get("caf07", "/api/v1/pieces/999999999").status()).isEqualTo(404);

        // Managers only write; nothing is written by a refused request.
        long pieces = nombre(aubenas);
        assertThat(envoyer("lecteur", aubenas, fichier("a.pdf", PDF), "AUTRE", null).status()).isEqualTo(403);
        assertThat(envoyer("caf42", aubenas, fichier("a.pdf", PDF), "AUTRE", null).status()).isIn(403, 404);
        assertThat(envoyer("palabre", aubenas, fichier("a.pdf", PDF), "AUTRE", null).status()).isIn(403, 404);
        assertThat(api.delete("lecteur", "/api/v1/pieces/" + id).status()).isEqualTo(403);
        assertThat(api.delete("caf42", "/api/v1/pieces/" + id).status()).isIn(403, 404);
        assertThat(api.delete("palabre", "/api/v1/pieces/" + id).status()).isIn(403, 404);
        assertThat(nombre(aubenas)).isEqualTo(pieces);

        assertThat(api.delete("caf07", "/api/v1/pieces/" + id).status()).isEqualTo(204);
        assertThat(api.get("ccba", "/api/v1/pieces/" + id).status()).isEqualTo(404);
        assertThat(journal(aubenas)).isEqualTo(journalAvant + 2);
    }

    @Test
    void the_type_comes_from_the_bytes_and_bad_uploads_are_refused_naming_the_field_with_nothing_written() throws Exception {
        ClientApi api = new ClientApi(mvc);
        long id = api.creerConventionDeTest("caf07", "Pièces").path("id").asLong();
        long journalAvant = journal(id);

        assertRefus(envoyer("caf07", id, fichier("photo.pdf", PNG), "AUTRE", null), "fichier", "image PNG");
        assertRefus(envoyer("caf07", id, fichier("notes.pdf", "Bonjour, ceci est du texte.".getBytes(StandardCharsets.UTF_8)), "AUTRE", null),
                "fichier", "type accepté");
        assertRefus(envoyer("caf07", id, fichier("vide.pdf", new byte[0]), "AUTRE", null), "fichier", "vide");
        assertRefus(envoyer("caf07", id, fichier("gros.pdf", grosPdf(20 * 1024 * 1024 + 1)), "AUTRE", null), "fichier", "20,0 Mo");
        assertRefus(envoyer("caf07", id, null, "AUTRE", null), "fichier", "obligatoire");
        assertRefus(envoyer("caf07", id, fichier("a.pdf", PDF), null, null), "categorie", "obligatoire");
        assertRefus(envoyer("caf07", id, fichier("a.pdf", PDF), "PHOTO", null), "categorie", "inconnue");
        assertRefus(envoyer("caf07", id, fichier("a.pdf", PDF), "AUTRE", "x".repeat(301)), "libelle", "300");
        assertRefus(envoyer("caf07", id, fichier("archive.zip", zip("a.txt", "rien")), "AUTRE", null), "fichier", "type accepté");
        assertRefus(envoyer("caf07", id, fichier("macro.docx", zip("[Content_Types].xml",
                "<Types><Override ContentType=\"application/vnd.ms-word.document.macroEnabled.main+xml\"/></Types>")), "AUTRE", null),
                "fichier", "type accepté");
        assertThat(nombre(id)).isZero();
        assertThat(journal(id)).isEqualTo(journalAvant);

        // Allowed types, recognised from their contents (the Office and OpenDocument ones by their ZIP's declaration).
        assertThat(envoyer("caf07", id, fichier("photo.png", PNG), "AUTRE", null).json().path("format").asString()).isEqualTo("PNG");
        assertThat(envoyer("caf07", id, fichier("photo.JPG", JPEG), "AUTRE", null).json().path("format").asString()).isEqualTo("JPEG");
        assertThat(envoyer("caf07", id, fichier("compte rendu.docx", docx()), "COMPTE_RENDU", null).json().path("format").asString()).isEqualTo("DOCX");
        assertThat(envoyer("caf07", id, fichier("budget.xlsx", xlsx()), "AUTRE", null).json().path("format").asString()).isEqualTo("XLSX");
        assertThat(envoyer("caf07", id, fichier("note.odt", odf("application/vnd.oasis.opendocument.text")), "AUTRE", null)
                .json().path("format").asString()).isEqualTo("ODT");
        assertThat(envoyer("caf07", id, fichier("tableau.ods", odf("application/vnd.oasis.opendocument.spreadsheet")), "AUTRE", null)
                .json().path("format").asString()).isEqualTo("ODS");
        assertRefus(envoyer("caf07", id, fichier("budget.docx", xlsx()), "AUTRE", null), "fichier", "classeur Excel");
        assertThat(nombre(id)).isEqualTo(6);

        // A porteur that carries no fiche of this convention, a Caf of another département, a reader not habilitated.
        long piece = jdbc.sql("SELECT min(id) FROM piece WHERE convention_id = :c").param("c", id).query(Long.class).single();
        for (String autre : new String[]{"palabre", "caf42", "lecteur"}) {
            assertThat(api.get(autre, "/api/v1/pieces/" + piece).status()).as(autre).isEqualTo(403);
            assertThat(api.get(autre, "/api/v1/conventions/" + id + "/pieces").status()).as(autre).isEqualTo(403);
            assertThat(api.delete(autre, "/api/v1/pieces/" + piece).status()).as(autre).isEqualTo(403);
        }
        assertThat(nombre(id)).isEqualTo(6);
    }

    @Test
    void hostile_uploads_get_a_400_and_a_path_in_the_name_is_dropped() throws Exception {
        ClientApi api = new ClientApi(mvc);
        long id = api.creerConventionDeTest("caf07", "Pièces hostiles").path("id").asLong();

        Reponse chemin = envoyer("caf07", id, fichier("../../etc/passwd.pdf", PDF), "AUTRE", null);
        assertThat(chemin.status()).isEqualTo(201);
        assertThat(chemin.json().path("nomFichier").asString()).isEqualTo("passwd.pdf");
        assertRefus(envoyer("caf07", id, fichier("a\u0000b.pdf", PDF), "AUTRE", null), "fichier", "contrôle");
        assertRefus(envoyer("caf07", id, fichier("x".repeat(300) + ".pdf", PDF), "AUTRE", null), "fichier", "255");
        assertRefus(envoyer("caf07", id, fichier("a.pdf", PDF), "AUTRE\u0000", null), "categorie", "contrôle");
        for (String valeur : new String[]{"abc", "-1", "0", "99999999999999999999", "1e3"}) {
            assertRefus(envoyer("caf07", id, fichier("a.pdf", PDF), "AUTRE", null, "reunionId", valeur), "reunionId", null);
            assertRefus(envoyer("caf07", id, fichier("a.pdf", PDF), "DELIBERATION", null, "deliberationOrganisationId", valeur),
                    "deliberationOrganisationId", null);
        }
        assertRefus(envoyer("caf07", id, fichier("a.pdf", PDF), "AUTRE", null, "dateDocument", "31/02/2026"), "dateDocument", null);
        assertRefus(envoyer("caf07", id, fichier("a.pdf", PDF), "AUTRE", null, "dateDocument", "1800-01-01"), "dateDocument", null);
        // A meeting of another convention.
        long reunionAubenas = api.get("caf07", "/api/v1/conventions/" + api.aubenas() + "/gouvernance").json().path("reunions").get(0).path("id").asLong();
        assertRefus(envoyer("caf07", id, fichier("a.pdf", PDF), "COMPTE_RENDU", null, "reunionId", String.valueOf(reunionAubenas)),
                "reunionId", "n'appartient pas");
        // A truncated ZIP claiming to be a document, and a body that is not multipart at all.
        byte[] tronque = java.util.Arrays.copyOf(docx(), 200);
        assertRefus(envoyer("caf07", id, fichier("coupe.docx", tronque), "AUTRE", null), "fichier", null);
        assertThat(api.post("caf07", "/api/v1/conventions/" + id + "/pieces", java.util.Map.of("categorie", "AUTRE")).status())
                .isBetween(400, 499);
        assertThat(nombre(id)).isEqualTo(1);
    }

    @Test
    void a_piece_attached_to_the_example_meeting_and_the_page() throws Exception {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        long aubenas = api.aubenas();
        long reunion = api.get("caf07", "/api/v1/conventions/" + aubenas + "/gouvernance").json().path("reunions").get(0).path("id").asLong();
        Reponse cr = envoyer("caf07", aubenas, fichier("CR COPIL.pdf", PDF), "COMPTE_RENDU", "Compte rendu du COPIL",
                "reunionId", String.valueOf(reunion));
        assertThat(cr.status()).as(cr.texte()).isEqualTo(201);
        assertThat(cr.json().path("reunionId").asLong()).isEqualTo(reunion);

        Document page = pages.get("lecteur", "/conventions/" + aubenas + "/pieces").document();
        assertThat(page.select("#formulaire-piece")).isEmpty();
        assertThat(page.selectFirst("#piece-" + cr.json().path("id").asLong()).text())
                .contains("Compte rendu du COPIL", "Réunion « ", cr.json().path("sha256").asString());
        assertThat(page.select("#piece-" + cr.json().path("id").asLong() + " .btn-outline-danger")).isEmpty();
        assertThat(pages.get("caf42", "/conventions/" + aubenas + "/pieces").status()).isIn(403, 404);
        assertThat(pages.get("palabre", "/conventions/" + aubenas + "/pieces").document().select("#formulaire-piece")).isEmpty();
        assertThat(pages.get("lecteur", "/conventions/" + aubenas).document().select("#lien-pieces")).hasSize(1);

        long test = api.creerConventionDeTest("caf07", "Page pièces").path("id").asLong();
        Document vide = pages.get("caf07", "/conventions/" + test + "/pieces").document();
        assertThat(vide.select("#pieces-vides")).hasSize(1);
        assertThat(vide.select("#formulaire-piece input[type=file][name=fichier]")).hasSize(1);
        assertThat(vide.select("label[for=fichier]")).hasSize(1);

        MockHttpServletResponse refus = page("caf07", test, fichier("photo.pdf", PNG), "AUTRE");
        assertThat(refus.getStatus()).isEqualTo(400);
        assertThat(Jsoup.parse(refus.getContentAsString(StandardCharsets.UTF_8)).selectFirst("#erreur-fichier").text()).contains("image PNG");
        MockHttpServletResponse ok = page("caf07", test, fichier("photo.png", PNG), "AUTRE");
        assertThat(ok.getStatus()).isEqualTo(302);
        Document liste = pages.get("caf07", "/conventions/" + test + "/pieces").document();
        assertThat(liste.select("#table-pieces tbody tr")).hasSize(1);
        long piece = jdbc.sql("SELECT id FROM piece WHERE convention_id = :c").param("c", test).query(Long.class).single();
        assertThat(pages.poster("lecteur", "/conventions/" + aubenas + "/pieces/" + cr.json().path("id").asLong() + "/suppression",
                java.util.Map.of()).status()).isEqualTo(403);
        assertThat(pages.poster("caf07", "/conventions/" + aubenas + "/pieces/" + piece + "/suppression", java.util.Map.of()).status())
                .isEqualTo(404);
        assertThat(pages.poster("caf07", "/conventions/" + test + "/pieces/" + piece + "/suppression", java.util.Map.of()).status())
                .isEqualTo(302);
        assertThat(nombre(test)).isZero();
        assertThat(api.delete("caf07", "/api/v1/pieces/" + cr.json().path("id").asLong()).status()).isEqualTo(204);
    }

    private MockHttpServletResponse page(String utilisateur, long convention, MockMultipartFile fichier, String categorie) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.multipart("/conventions/" + convention + "/pieces").file(fichier)
                .param("categorie", categorie).with(csrf()).with(httpBasic(utilisateur, ClientApi.MOT_DE_PASSE))).andReturn().getResponse();
    }

    private static void assertRefus(Reponse reponse, String champ, String extrait) {
        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(400);
        assertThat(reponse.champsEnErreur()).contains(champ);
        if (extrait != null) {
            assertThat(reponse.messageDuChamp(champ)).contains(extrait);
        }
    }

    private Reponse envoyer(String utilisateur, long convention, MockMultipartFile fichier, String categorie, String libelle,
                            String... autres) throws Exception {
        MockMultipartHttpServletRequestBuilder requete = MockMvcRequestBuilders.multipart("/api/v1/conventions/" + convention + "/pieces");
        if (fichier != null) {
            requete.file(fichier);
        }
        if (categorie != null) {
            requete.param("categorie", categorie);
        }
        if (libelle != null) {
            requete.param("libelle", libelle);
        }
        for (int i = 0; i < autres.length; i += 2) {
            requete.param(autres[i], autres[i + 1]);
        }
        MockHttpServletResponse reponse = mvc.perform(requete.with(httpBasic(utilisateur, ClientApi.MOT_DE_PASSE))).andReturn().getResponse();
        return new Reponse(reponse.getStatus(), reponse.getContentAsString(StandardCharsets.UTF_8));
    }

    private static MockMultipartFile fichier(String nom, byte[] contenu) {
        // The browser's type is deliberately wrong: only the bytes count.
        return new MockMultipartFile("fichier", nom, "application/pdf", contenu);
    }

    private long nombre(long convention) {
        return jdbc.sql("SELECT count(*) FROM piece WHERE convention_id = :c").param("c", convention).query(Long.class).single();
    }

    private long journal(long convention) {
        return jdbc.sql("SELECT count(*) FROM journal WHERE convention_id = :c AND objet_type = 'piece'").param("c", convention)
                .query(Long.class).single();
    }

    private static byte[] grosPdf(int taille) {
        byte[] octets = new byte[taille];
        System.arraycopy(PDF, 0, octets, 0, PDF.length);
        return octets;
    }

    private static byte[] docx() throws Exception {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream sortie = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("Compte rendu");
            document.write(sortie);
            return sortie.toByteArray();
        }
    }

    private static byte[] xlsx() throws Exception {
        try (XSSFWorkbook classeur = new XSSFWorkbook(); ByteArrayOutputStream sortie = new ByteArrayOutputStream()) {
            classeur.createSheet("Budget").createRow(0).createCell(0).setCellValue(42);
            classeur.write(sortie);
            return sortie.toByteArray();
        }
    }

    private static byte[] zip(String entree, String texte) throws Exception {
        ByteArrayOutputStream sortie = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(sortie)) {
            zip.putNextEntry(new ZipEntry(entree));
            zip.write(texte.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return sortie.toByteArray();
    }

    /** An OpenDocument file: its "mimetype" entry first and stored uncompressed, as the format requires. */
    private static byte[] odf(String type) throws Exception {
        ByteArrayOutputStream sortie = new ByteArrayOutputStream();
        byte[] octets = type.getBytes(StandardCharsets.US_ASCII);
        try (ZipOutputStream zip = new ZipOutputStream(sortie)) {
            ZipEntry mimetype = new ZipEntry("mimetype");
            mimetype.setMethod(ZipEntry.STORED);
            mimetype.setSize(octets.length);
            CRC32 crc = new CRC32();
            crc.update(octets);
            mimetype.setCrc(crc.getValue());
            zip.putNextEntry(mimetype);
            zip.write(octets);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write("<office:document-content/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return sortie.toByteArray();
    }
}
