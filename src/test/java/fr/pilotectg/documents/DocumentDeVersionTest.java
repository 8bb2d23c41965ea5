package fr.pilotectg.documents;

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
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A version of a convention as DOCX and PDF: on a convention of its own, signed, then changed by an avenant (period,
 * article 1, a party removed), version 1's documents print version 1 — not the convention as it is now — and version
 * 2's print the avenant's changes. Parsed back with POI and PDFBox.
 */
@IntegrationTest
class DocumentDeVersionTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void version_1_prints_its_own_period_text_and_parties_after_an_avenant_changed_them() throws Exception {
        ClientApi api = new ClientApi(mvc);
        long id = api.creerConventionDeTest("caf07", "Version en document").path("id").asLong();
        String base = "/api/v1/conventions/" + id;
        Map<String, Object> commune = jdbc.sql("SELECT id, nom FROM organisation WHERE type = 'COMMUNE' AND code_departement = '07' "
                + "AND nom NOT ILIKE '%Aubenas%' AND id NOT IN (SELECT organisation_id FROM convention_partie WHERE convention_id = :c) ORDER BY id LIMIT 1")
                .param("c", id).query().singleRow();
        String nomCommune = (String) commune.get("nom");
        assertThat(api.post("caf07", base + "/parties", Map.of("version", version(api, id), "organisationId", commune.get("id"),
                "role", "SIGNATAIRE")).status()).isEqualTo(200);
        int texte = api.get("caf07", base + "/sections").json().path("version").asInt();
        Reponse sections = api.put("caf07", base + "/sections", Map.of("version", texte, "sections", List.of(
                Map.of("nature", "ARTICLE", "titre", "Objet", "texte", "<p>Texte de la première version.</p>"))));
        assertThat(sections.status()).as(sections.texte()).isEqualTo(200);
        assertThat(api.post("caf07", base + "/plan", Map.of("modele", "NATIONAL", "niveaux", List.of(Map.of("nom", "Axe"),
                Map.of("nom", "Fiche action", "prefixe", "FA")))).status()).isEqualTo(201);
        Reponse fiche = api.post("caf07", base + "/plan/fiches", Map.of("titre", "Fiche figée",
                "champs", Map.of("modalites", "Des modalités écrites", "enjeu", "Un enjeu écrit")));
        assertThat(fiche.status()).as(fiche.texte()).isEqualTo(201);
        for (String statut : List.of("DIAGNOSTIC", "PLAN_ACTIONS", "DELIBERATIONS", "SIGNEE")) {
            assertThat(api.post("caf07", base + "/statut", Map.of("version", version(api, id), "statut", statut)).status()).isEqualTo(200);
        }
        Reponse avenant = api.post("caf07", base + "/avenants", Map.of("objet", "Prolongation, article 1 réécrit, commune sortante",
                "changements", List.of(Map.of("type", "PERIODE", "dateFin", "2031-12-31"),
                        Map.of("type", "SECTION_MODIFIEE", "section", 1, "texte", "<p>Texte réécrit par l'avenant.</p>"),
                        Map.of("type", "PARTIE_RETIREE", "organisationId", commune.get("id")))));
        assertThat(avenant.status()).as(avenant.texte()).isEqualTo(201);
        assertThat(api.post("caf07", base + "/avenants/1/statut", Map.of("version", 0, "statut", "SIGNE", "date", "2026-05-04")).status())
                .isEqualTo(200);

        MockHttpServletResponse docx = telecharger("caf07", base + "/versions/1/document.docx");
        assertThat(docx.getStatus()).isEqualTo(200);
        assertThat(docx.getContentType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(docx.getHeader("Content-Disposition")).contains("version%201.docx");
        String v1 = LectureDocuments.texteDocx(docx.getContentAsByteArray());
        assertThat(v1).contains("Version 1", "Entre les parties", nomCommune, "31 décembre 2030", "Texte de la première version.", "Signatures")
                .doesNotContain("Texte réécrit par l'avenant.").doesNotContain("31 décembre 2031");
        assertThat(v1).as("the fiche's fields under their labels, in the template's order").contains("Fiche figée",
                "Enjeu CTG :", "Modalités de mise en œuvre (Comment ?) :").doesNotContain("enjeu :").doesNotContain("modalites :");
        assertThat(v1.indexOf("Enjeu CTG :")).isLessThan(v1.indexOf("Modalités de mise en œuvre"));

        MockHttpServletResponse pdf = telecharger("caf07", base + "/versions/1/document.pdf");
        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        String v1Pdf = LectureDocuments.textePdf(pdf.getContentAsByteArray()).replaceAll("\\s+", " ");
        assertThat(v1Pdf).contains("Entre les parties", nomCommune, "31 décembre 2030", "Texte de la première version.")
                .doesNotContain("Texte réécrit par l'avenant.").doesNotContain("31 décembre 2031");

        String v2 = LectureDocuments.texteDocx(telecharger("caf07", base + "/versions/2/document.docx").getContentAsByteArray());
        assertThat(v2).contains("Version 2 — Avenant n°1", "31 décembre 2031", "Texte réécrit par l'avenant.")
                .doesNotContain("Texte de la première version.").doesNotContain(nomCommune);
        String v2Pdf = LectureDocuments.textePdf(telecharger("caf07", base + "/versions/2/document.pdf").getContentAsByteArray())
                .replaceAll("\\s+", " ");
        assertThat(v2Pdf).contains("Texte réécrit par l'avenant.", "31 décembre 2031").doesNotContain(nomCommune);

        // Denials and bad requests: another Caf, a version that does not exist, a format that is not offered.
        assertThat(telecharger("caf42", base + "/versions/1/document.docx").getStatus()).isIn(403, 404);
        assertThat(telecharger("caf07", base + "/versions/9/document.pdf").getStatus()).isEqualTo(404);
        assertThat(telecharger("caf07", base + "/versions/1/document.odt").getStatus()).isEqualTo(400);

        // The versions page offers both, and the page route answers.
        ClientPages pages = new ClientPages(mvc);
        assertThat(pages.get("caf07", "/conventions/" + id + "/versions/1").document().select("#documents-version a").eachAttr("href"))
                .containsExactly("/conventions/" + id + "/versions/1/document.docx", "/conventions/" + id + "/versions/1/document.pdf");
        assertThat(telecharger("caf07", "/conventions/" + id + "/versions/1/document.pdf").getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse telecharger(String utilisateur, String chemin) throws Exception {
        return mvc.perform(get(chemin).with(httpBasic(utilisateur, ClientApi.MOT_DE_PASSE))).andReturn().getResponse();
    }

    private static int version(ClientApi api, long id) {
        return api.convention("caf07", id).path("version").asInt();
    }
}
