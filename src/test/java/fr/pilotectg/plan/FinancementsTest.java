package fr.pilotectg.plan;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.ClientPages.Page;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** Issue 10 item 7 (DOMAIN §4.13): money per fiche, per year and funder, planned and actual, added up per node and convention. */
@IntegrationTest
class FinancementsTest extends PlanTestSupport {

    @Autowired
    JdbcClient jdbc;

    /** Totals per node (its fiches at any depth) computed by the database alone, to check the application's sums. */
    private static final String TOTAUX_PAR_NOEUD_SQL = """
            WITH RECURSIVE sous(racine, id) AS (
                SELECT id, id FROM plan_noeud WHERE convention_id = :c AND supprime_le IS NULL
                UNION ALL
                SELECT s.racine, n.id FROM sous s JOIN plan_noeud n ON n.parent_id = s.id AND n.supprime_le IS NULL
            )
            SELECT s.racine AS noeud, coalesce(sum(ff.prevu_centimes), 0) AS prevu, coalesce(sum(ff.realise_centimes), 0) AS realise
            FROM sous s
            LEFT JOIN fiche f ON f.noeud_id = s.id AND f.supprimee_le IS NULL
            LEFT JOIN fiche_financement ff ON ff.fiche_id = f.id
            GROUP BY s.racine""";

    @Test
    void amounts_on_three_aubenas_fiches_give_the_right_totals_per_axe_and_for_the_convention() {
        long aubenas = api.aubenas();
        JsonNode fiches = api.get("caf07", "/api/v1/conventions/" + aubenas + "/fiches").json();
        JsonNode fa1 = parReference(fiches, "FA1");
        JsonNode fa2 = parReference(fiches, "FA2");
        JsonNode fa20 = parReference(fiches, "FA20");
        try {
            Reponse r1 = patch("caf07", fa1, Map.of("financements", List.of(
                    ligne(2026, "CAF_PRESTATION_SERVICE", null, "12500.50", "10000"),
                    ligne(2027, "COLLECTIVITE", "Commune de Vals-les-Bains", "3000", null))));
            assertThat(r1.status()).as(r1.texte()).isEqualTo(200);
            assertThat(r1.json().path("champs")).as("PATCH keeps the fields not sent").isEqualTo(fa1.path("champs"));
            Reponse r2 = patch("caf07", fa2, Map.of("financements", List.of(
                    ligne(2026, "BONUS_TERRITOIRE_CTG", null, "8000.25", null))));
            assertThat(r2.status()).as(r2.texte()).isEqualTo(200);
            Reponse r20 = patch("caf07", fa20, Map.of("financements", List.of(
                    ligne(2028, "AUTRE", "Département de l'Ardèche", "1500.99", "1500.99"))));
            assertThat(r20.status()).as(r20.texte()).isEqualTo(200);
            assertThat(r20.json().path("financements").get(0).path("prevu").decimalValue()).isEqualByComparingTo("1500.99");
            assertThat(r20.json().path("financements").get(0).path("nom").asString()).isEqualTo("Département de l'Ardèche");

            JsonNode totaux = api.get("caf07", "/api/v1/conventions/" + aubenas + "/plan/financements").json();
            assertThat(totaux.path("total").path("prevu").decimalValue()).isEqualByComparingTo("25001.74");
            assertThat(totaux.path("total").path("realise").decimalValue()).isEqualByComparingTo("11500.99");
            Map<String, Object> sql = jdbc.sql("""
                            SELECT sum(ff.prevu_centimes) AS prevu, sum(ff.realise_centimes) AS realise FROM fiche_financement ff
                            JOIN fiche f ON f.id = ff.fiche_id AND f.supprimee_le IS NULL WHERE f.convention_id = :c""")
                    .param("c", aubenas).query().singleRow();
            assertThat(centimes(totaux.path("total").path("prevu"))).isEqualTo(((Number) sql.get("prevu")).longValue());
            assertThat(centimes(totaux.path("total").path("realise"))).isEqualTo(((Number) sql.get("realise")).longValue());

            Map<Long, long[]> parNoeud = new HashMap<>();
            jdbc.sql(TOTAUX_PAR_NOEUD_SQL).param("c", aubenas).query((java.sql.ResultSet rs) -> {
                parNoeud.put(rs.getLong("noeud"), new long[]{rs.getLong("prevu"), rs.getLong("realise")});
            });
            assertThat(totaux.path("noeuds")).hasSize(parNoeud.size());
            int axesFinances = 0;
            for (JsonNode n : totaux.path("noeuds")) {
                long[] attendu = parNoeud.get(n.path("id").asLong());
                assertThat(centimes(n.path("prevu"))).as(n.toString()).isEqualTo(attendu[0]);
                assertThat(centimes(n.path("realise"))).as(n.toString()).isEqualTo(attendu[1]);
                if (n.path("niveau").asString().startsWith("Axe") && attendu[0] > 0) {
                    axesFinances++;
                }
            }
            assertThat(axesFinances).as("FA1, FA2 and FA20 lie under at least two axes").isGreaterThanOrEqualTo(2);
            assertThat(totaux.path("parAnnee")).extracting(a -> a.path("annee").asInt()).containsExactly(2026, 2027, 2028);
            assertThat(totaux.path("fichesFinancees").asInt()).isEqualTo(3);

            Document page = pages.get("caf07", "/conventions/" + aubenas + "/plan/financements").document();
            assertThat(page.selectFirst("#total-prevu").text()).startsWith("25\u202f001,74").endsWith("€");
            assertThat(page.select("table.totaux-noeuds thead th")).hasSize(3);
            assertThat(page.selectFirst("tr.total-convention").text()).contains("25\u202f001,74");
            Document fichePage = pages.get("caf07", "/fiches/" + fa1.path("id").asLong()).document();
            assertThat(fichePage.selectFirst("table.financements-fiche").text()).contains("Commune de Vals-les-Bains", "12\u202f500,50");
            assertThat(pages.get("caf42", "/conventions/" + aubenas + "/plan/financements").status()).isIn(403, 404);
            assertThat(api.get("caf42", "/api/v1/conventions/" + aubenas + "/plan/financements").status()).isIn(403, 404);
        } finally {
            for (JsonNode f : List.of(fa1, fa2, fa20)) {
                patch("caf07", api.get("caf07", "/api/v1/fiches/" + f.path("id").asLong()).json(), Map.of("financements", List.of()));
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM fiche_financement ff JOIN fiche f ON f.id = ff.fiche_id WHERE f.convention_id = :c")
                .param("c", aubenas).query(Long.class).single()).isZero();
    }

    @Test
    void bad_amounts_stale_versions_and_readers_write_nothing() {
        long c = plans.convention("Financements refusés");
        plans.comme("admin", () -> planService.initialiser(c, ModeleFiche.NATIONAL, List.of(
                new Niveau(0, "Axe", Numerotation.CONTINUE, ""), new Niveau(1, "Fiche action", Numerotation.CONTINUE, "FA")),
                List.of(), List.of(), List.of()));
        Reponse creee = api.post("caf07", "/api/v1/conventions/" + c + "/plan/fiches", Map.of("titre", "Avec argent",
                "financements", List.of(ligne(2026, "CAF_PRESTATION_SERVICE", null, "100", null))));
        assertThat(creee.status()).as(creee.texte()).isEqualTo(201);
        JsonNode fiche = creee.json();
        assertThat(fiche.path("financements")).hasSize(1);
        long id = fiche.path("id").asLong();

        List<Object> mauvaises = List.of(
                List.of(ligne(2026, "CAF_PRESTATION_SERVICE", null, "-5", null)),
                List.of(ligne(2026, "CAF_PRESTATION_SERVICE", null, "1e400", null)),
                List.of(ligne(2026, "CAF_PRESTATION_SERVICE", null, "10.123", null)),
                List.of(ligne(2026, "COLLECTIVITE", null, "10", null)),
                List.of(ligne(2026, "CAF_PRESTATION_SERVICE", "Un nom", "10", null)),
                List.of(ligne(2035, "CAF_PRESTATION_SERVICE", null, "10", null)),
                List.of(ligne(2026, "CAF_PRESTATION_SERVICE", null, null, null)),
                List.of(ligne(2026, "AUTRE", "Département", "1", null), ligne(2026, "AUTRE", "département", "2", null)));
        int version = fiche.path("version").asInt();
        for (Object lignes : mauvaises) {
            Reponse r = patch("caf07", id, version, Map.of("financements", lignes));
            assertThat(r.status()).as(lignes + " → " + r.texte()).isEqualTo(400);
            assertThat(r.champsEnErreur()).as(lignes.toString()).anyMatch(champ -> champ.startsWith("financements"));
        }
        Map<String, Object> texte = new LinkedHashMap<>(ligne(2026, "AUTRE", "X", null, null));
        texte.put("prevu", "beaucoup");
        assertThat(patch("caf07", id, version, Map.of("financements", List.of(texte))).status()).isEqualTo(400);
        Map<String, Object> inconnu = new LinkedHashMap<>(ligne(2026, "AUTRE", "X", "1", null));
        inconnu.put("financeur", "MECENE");
        assertThat(patch("caf07", id, version, Map.of("financements", List.of(inconnu))).status()).isEqualTo(400);
        assertThat(patch("caf07", id, version + 5, Map.of("financements", List.of())).status()).isEqualTo(409);
        assertThat(patch("lecteur", id, version, Map.of("financements", List.of())).status()).isIn(403, 404);
        assertThat(api.post("lecteur", "/api/v1/conventions/" + c + "/plan/fiches", Map.of("titre", "Intruse",
                "financements", List.of(ligne(2026, "CAF_PRESTATION_SERVICE", null, "100", null)))).status()).isIn(403, 404);

        JsonNode relue = api.get("caf07", "/api/v1/fiches/" + id).json();
        assertThat(relue.path("version").asInt()).isEqualTo(version);
        assertThat(relue.path("financements")).hasSize(1);
        assertThat(relue.path("financements").get(0).path("prevu").decimalValue()).isEqualByComparingTo("100");
        assertThat(jdbc.sql("SELECT count(*) FROM fiche_financement WHERE fiche_id = :f").param("f", id).query(Long.class).single()).isEqualTo(1);

        // The OpenAPI document describes the new members and the money line.
        JsonNode openApi = api.get("admin", "/api/v1/openapi").json();
        JsonNode schemas = openApi.path("components").path("schemas");
        assertThat(schemas.path("FicheJson").path("properties").propertyNames())
                .contains("debut", "fin", "financements");
        assertThat(schemas.path("FinancementJson").path("properties").propertyNames())
                .contains("annee", "financeur", "nom", "prevu", "realise");
        assertThat(openApi.path("paths").path("/api/v1/conventions/{id}/plan/financements").path("get").isMissingNode()).isFalse();

        // PUT is a full replacement: without the member, the lines go.
        Reponse put = api.put("caf07", "/api/v1/fiches/" + id + "?version=" + version, Map.of("titre", "Avec argent"));
        assertThat(put.status()).as(put.texte()).isEqualTo(200);
        assertThat(put.json().path("financements")).isEmpty();
    }

    @Test
    void the_fiche_form_page_adds_edits_and_removes_lines_and_readers_are_refused() {
        long c = plans.convention("Financements au formulaire");
        plans.comme("admin", () -> planService.initialiser(c, ModeleFiche.NATIONAL, List.of(
                new Niveau(0, "Axe", Numerotation.CONTINUE, ""), new Niveau(1, "Fiche action", Numerotation.CONTINUE, "FA")),
                List.of(), List.of(), List.of()));
        long id = plans.creer(c, null, null, "Au formulaire");
        Document formulaire = pages.get("caf07", "/fiches/" + id + "/financements").document();
        assertThat(formulaire.select("fieldset.ligne-financement")).hasSize(FinancementsController.LIGNES_VIDES);
        assertThat(formulaire.selectFirst("label[for=prevu-0]")).isNotNull();

        Map<String, String> champs = ClientPages.champs(formulaire, "form[action$='/financements']");
        champs.put("annee_0", "2026");
        champs.put("financeur_0", "COLLECTIVITE");
        champs.put("nom_0", "Commune d'Aubenas");
        champs.put("prevu_0", "1 234,56");
        champs.put("annee_1", "2027");
        champs.put("financeur_1", "BONUS_TRAJECTOIRE");
        champs.put("prevu_1", "-3");
        Page refusee = pages.poster("caf07", "/fiches/" + id + "/financements", champs);
        assertThat(refusee.document().selectFirst("#erreur-financements").text()).contains("Ligne 2", "négatif");
        assertThat(refusee.document().selectFirst("#nom-0").val()).as("typed values shown back").isEqualTo("Commune d'Aubenas");
        assertThat(jdbc.sql("SELECT count(*) FROM fiche_financement WHERE fiche_id = :f").param("f", id).query(Long.class).single()).isZero();

        champs.put("prevu_1", "500");
        Page enregistree = pages.poster("caf07", "/fiches/" + id + "/financements", champs);
        assertThat(enregistree.redirection()).isEqualTo("/fiches/" + id + "#financements");
        assertThat(jdbc.sql("SELECT prevu_centimes FROM fiche_financement WHERE fiche_id = :f ORDER BY ordre").param("f", id)
                .query(Long.class).list()).containsExactly(123456L, 50000L);
        assertThat(pages.get("caf07", "/fiches/" + id).document().selectFirst("table.financements-fiche tfoot").text())
                .contains("1\u202f734,56");

        Document deux = pages.get("caf07", "/fiches/" + id + "/financements").document();
        Map<String, String> retrait = ClientPages.champs(deux, "form[action$='/financements']");
        retrait.put("supprimer_0", "1");
        assertThat(pages.poster("caf07", "/fiches/" + id + "/financements", retrait).redirection()).isNotNull();
        assertThat(jdbc.sql("SELECT financeur FROM fiche_financement WHERE fiche_id = :f").param("f", id).query(String.class).list())
                .containsExactly("BONUS_TRAJECTOIRE");
        // The stale form (version read before the removal) is refused.
        assertThat(pages.poster("caf07", "/fiches/" + id + "/financements", champs).document().selectFirst(".conflit")).isNotNull();

        assertThat(pages.get("lecteur", "/fiches/" + id + "/financements").status()).isIn(403, 404);
        assertThat(pages.poster("lecteur", "/fiches/" + id + "/financements", retrait).status()).isIn(403, 404);
        assertThat(pages.get("caf42", "/fiches/" + id + "/financements").status()).isIn(403, 404);
        assertThat(jdbc.sql("SELECT count(*) FROM fiche_financement WHERE fiche_id = :f").param("f", id).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM journal WHERE objet_type = 'fiche' AND objet_id = :f AND action = 'financements'")
                .param("f", id).query(Long.class).single()).isEqualTo(2);
    }

    private static Map<String, Object> ligne(int annee, String financeur, String nom, String prevu, String realise) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("annee", annee);
        l.put("financeur", financeur);
        l.put("nom", nom);
        l.put("prevu", prevu == null ? null : new BigDecimal(prevu));
        l.put("realise", realise == null ? null : new BigDecimal(realise));
        return l;
    }

    private static long centimes(JsonNode euros) {
        return euros.decimalValue().movePointRight(2).longValueExact();
    }

    private static JsonNode parReference(JsonNode fiches, String reference) {
        for (JsonNode f : fiches) {
            if (reference.equals(f.path("reference").asString())) {
                return f;
            }
        }
        throw new AssertionError(reference + " absente");
    }

    private Reponse patch(String utilisateur, JsonNode fiche, Object corps) {
        return patch(utilisateur, fiche.path("id").asLong(), fiche.path("version").asInt(), corps);
    }

    private Reponse patch(String utilisateur, long id, int version, Object corps) {
        try {
            MockHttpServletResponse reponse = mvc.perform(MockMvcRequestBuilders.patch("/api/v1/fiches/" + id + "?version=" + version)
                    .contentType(MediaType.APPLICATION_JSON).content(JsonMapper.builder().build().writeValueAsString(corps))
                    .with(httpBasic(utilisateur, ClientApi.MOT_DE_PASSE))).andReturn().getResponse();
            return new Reponse(reponse.getStatus(), reponse.getContentAsString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
