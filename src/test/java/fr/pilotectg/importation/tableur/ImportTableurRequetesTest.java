package fr.pilotectg.importation.tableur;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.CompteurDeRequetes;
import fr.pilotectg.testsupport.IntegrationTest;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Issue 17 performance (a 2,000-row follow-up round trip under 5 s): the export, the preview and the confirmation of
 * the follow-up table prepare as many SQL statements for 200 rows as for 20 (no query nor insert per row); the
 * time itself is measured by {@code bench/tableur.sh}.
 */
@IntegrationTest
class ImportTableurRequetesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void export_preview_and_confirmation_of_the_follow_up_table_do_not_prepare_more_statements_for_more_rows() throws Exception {
        Mesure petit = mesurer(20);
        Mesure grand = mesurer(200);
        assertThat(grand.export().size()).as("export: %s", detail(petit.export(), grand.export())).isEqualTo(petit.export().size());
        assertThat(grand.apercu().size()).as("preview: %s", detail(petit.apercu(), grand.apercu())).isEqualTo(petit.apercu().size());
        assertThat(grand.confirmation().size()).as("confirmation: %s", detail(petit.confirmation(), grand.confirmation()))
                .isEqualTo(petit.confirmation().size());
    }

    private record Mesure(List<String> export, List<String> apercu, List<String> confirmation) {
    }

    /** A convention of {@code fiches} fiches with one update each; every row's « Réalisations » changed in the export. */
    private Mesure mesurer(int fiches) throws Exception {
        long convention = conventionDe(fiches);
        String chemin = "/api/v1/conventions/" + convention;
        byte[][] export = new byte[1][];
        List<String> requetesExport = CompteurDeRequetes.requetes(() -> export[0] = reponse(MockMvcRequestBuilders.get(chemin
                + "/exports/suivi.xlsx").with(httpBasic("caf07", ClientApi.MOT_DE_PASSE))).getContentAsByteArray());
        XSSFWorkbook classeur = new XSSFWorkbook(new ByteArrayInputStream(export[0]));
        XSSFSheet feuille = classeur.getSheet("Suivi");
        List<String> entetes = ImportTableurTest.ligne(feuille, 0);
        int realisations = entetes.indexOf("Réalisations");
        assertThat(feuille.getLastRowNum()).isEqualTo(fiches);
        for (int r = 1; r <= fiches; r++) {
            Row row = feuille.getRow(r);
            row.removeCell(row.getCell(realisations));
            Cell cellule = row.createCell(realisations);
            cellule.setCellValue("Réalisations écrites dans le tableur, ligne " + r);
        }
        ByteArrayOutputStream sortie = new ByteArrayOutputStream();
        classeur.write(sortie);
        byte[] fichier = sortie.toByteArray();

        JsonNode[] apercu = new JsonNode[1];
        List<String> requetesApercu = CompteurDeRequetes.requetes(() -> apercu[0] = importer(chemin, fichier, false));
        assertThat(apercu[0].path("erreurs")).as(apercu[0].toString()).isEmpty();
        assertThat(apercu[0].path("changements")).hasSize(fiches);
        JsonNode[] applique = new JsonNode[1];
        List<String> requetesConfirmation = CompteurDeRequetes.requetes(() -> applique[0] = importer(chemin, fichier, true));
        assertThat(applique[0].path("applique").asBoolean()).as(applique[0].toString()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM suivi_fiche WHERE convention_id = :c AND realisations LIKE 'Réalisations écrites%'")
                .param("c", convention).query(Long.class).single()).isEqualTo(fiches);
        assertThat(importer(chemin, fichier, false).path("changements")).as("the same file again changes nothing").isEmpty();
        return new Mesure(requetesExport, requetesApercu, requetesConfirmation);
    }

    private JsonNode importer(String chemin, byte[] fichier, boolean confirmer) throws Exception {
        MockHttpServletResponse reponse = reponse(MockMvcRequestBuilders.multipart(chemin + "/imports/suivi")
                .file(new MockMultipartFile("fichier", "suivi.xlsx", "application/octet-stream", fichier))
                .param("confirmer", String.valueOf(confirmer)).with(httpBasic("caf07", ClientApi.MOT_DE_PASSE)));
        return JSON.readTree(reponse.getContentAsString(StandardCharsets.UTF_8));
    }

    private MockHttpServletResponse reponse(org.springframework.test.web.servlet.RequestBuilder requete) throws Exception {
        MockHttpServletResponse reponse = mvc.perform(requete).andReturn().getResponse();
        assertThat(reponse.getStatus()).as(reponse.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        return reponse;
    }

    /** As bench/exports-donnees.sql: a convention of the Aubenas Caf (the demo one: imports in the same JVM may add others of that title), fiches under 4 axes, one update per fiche. */
    private long conventionDe(int fiches) {
        long id = jdbc.sql("""
                        INSERT INTO convention (titre, caf_id, date_debut, date_fin, statut)
                        SELECT :titre, caf_id, make_date(extract(YEAR FROM current_date)::int - 2, 1, 1),
                               make_date(extract(YEAR FROM current_date)::int + 2, 12, 31), 'EN_VIGUEUR'
                        FROM convention WHERE titre = :aubenas ORDER BY id LIMIT 1 RETURNING id""")
                .param("titre", "Tableur compté " + fiches).param("aubenas", ClientApi.AUBENAS).query(Long.class).single();
        jdbc.sql("INSERT INTO plan (convention_id, modele) VALUES (:c, 'NATIONAL')").param("c", id).update();
        jdbc.sql("""
                        INSERT INTO plan_niveau (convention_id, rang, nom, numerotation)
                        SELECT :c, r, CASE r WHEN 0 THEN 'Axe' ELSE 'Fiche action' END, 'CONTINUE' FROM generate_series(0, 1) AS r""")
                .param("c", id).update();
        jdbc.sql("INSERT INTO plan_noeud (convention_id, rang, ordre, reference, titre) SELECT :c, 0, a, a::text, 'Axe ' || a "
                + "FROM generate_series(1, 4) AS a").param("c", id).update();
        jdbc.sql("""
                        INSERT INTO fiche (convention_id, noeud_id, ordre, reference, titre, annees)
                        SELECT :c, n.id, f, 'FA' || f, 'Fiche comptée ' || f, ARRAY[extract(YEAR FROM current_date)::int]
                        FROM generate_series(1, :fiches) AS f
                        JOIN plan_noeud n ON n.convention_id = :c AND n.ordre = 1 + (f % 4)""")
                .param("c", id).param("fiches", fiches).update();
        jdbc.sql("""
                        INSERT INTO suivi_statut (convention_id, code, libelle, avancement_defaut, ordre, statut_evaluation)
                        VALUES (:c, 'REALISEE', 'Réalisée', 100, 0, 'REALISE'), (:c, 'EN_COURS', 'En cours', 50, 1, 'EN_COURS'),
                               (:c, 'A_LANCER', 'À lancer', 0, 2, 'NON_REALISE')""").param("c", id).update();
        jdbc.sql("""
                        INSERT INTO suivi_fiche (convention_id, fiche_id, date_point, statut, avancement, realisations, auteur, cree_le)
                        SELECT :c, f.id, make_date(extract(YEAR FROM current_date)::int - 1, 3, 15), 'EN_COURS', 40,
                               'Réalisations d''origine', 'test', now()
                        FROM fiche f WHERE f.convention_id = :c""").param("c", id).update();
        return id;
    }

    /** The statements whose count differs between the two runs, by their first 90 characters. */
    private static Map<String, String> detail(List<String> petit, List<String> grand) {
        Map<String, Integer> a = parTexte(petit);
        Map<String, Integer> b = parTexte(grand);
        Map<String, String> ecarts = new TreeMap<>();
        b.forEach((texte, n) -> {
            if (!n.equals(a.getOrDefault(texte, 0))) {
                ecarts.put(texte, a.getOrDefault(texte, 0) + " → " + n);
            }
        });
        a.keySet().stream().filter(t -> !b.containsKey(t)).forEach(t -> ecarts.put(t, a.get(t) + " → 0"));
        return ecarts;
    }

    private static Map<String, Integer> parTexte(List<String> requetes) {
        Map<String, Integer> parTexte = new TreeMap<>();
        requetes.forEach(s -> {
            String t = s.replaceAll("\\s+", " ").strip();
            parTexte.merge(t.substring(0, Math.min(90, t.length())), 1, Integer::sum);
        });
        return parTexte;
    }
}
