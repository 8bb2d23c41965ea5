package fr.pilotectg.plan;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.ClientPages.Page;
import fr.pilotectg.testsupport.HorlogeDeTest;
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

/** Issue 10 item 6: optional start and end months of a fiche, checked, giving the planned years, used by the evaluation. */
@IntegrationTest
class DatesFicheTest extends PlanTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HorlogeDeTest horloge;

    private long planVide(String prefixe) {
        long convention = plans.convention(prefixe);
        plans.comme("admin", () -> planService.initialiser(convention, ModeleFiche.NATIONAL, List.of(
                new Niveau(0, "Axe", Numerotation.CONTINUE, ""), new Niveau(1, "Fiche action", Numerotation.CONTINUE, "FA")),
                List.of(), List.of(), List.of()));
        return convention;
    }

    @Test
    void start_and_end_months_are_stored_give_the_planned_years_and_bad_months_are_refused_with_nothing_written() {
        long c = planVide("Dates de fiche");
        Reponse creee = api.post("caf07", "/api/v1/conventions/" + c + "/plan/fiches", Map.of("titre", "Datée",
                "debut", "2025-09", "fin", "2027-06", "annees", List.of(2030), "echeances", "Phase I en 2026, phase II en 2027"));
        assertThat(creee.status()).as(creee.texte()).isEqualTo(201);
        JsonNode f = creee.json();
        assertThat(f.path("debut").asString()).isEqualTo("2025-09");
        assertThat(f.path("fin").asString()).isEqualTo("2027-06");
        assertThat(f.path("annees")).as("derived from the dates, within the period 2026-2030").extracting(JsonNode::asInt)
                .containsExactly(2026, 2027);
        assertThat(f.path("echeances").asString()).isEqualTo("Phase I en 2026, phase II en 2027");
        long id = f.path("id").asLong();
        assertThat(jdbc.sql("SELECT debut FROM fiche WHERE id = :id").param("id", id).query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(2025, 9, 1));

        List<List<Object>> refus = List.of(
                List.of("fin", Map.of("titre", "X", "debut", "2027-06", "fin", "2026-01")),
                List.of("debut", Map.of("titre", "X", "debut", "32/13/2099")),
                List.of("debut", Map.of("titre", "X", "debut", "2029-13")),
                List.of("debut", Map.of("titre", "X", "debut", "2031-01")),
                List.of("debut", Map.of("titre", "X", "debut", "1890-01", "fin", "2027-01")),
                List.of("fin", Map.of("titre", "X", "fin", "2025-12")),
                List.of("fin", Map.of("titre", "X", "fin", "9999-12")));
        long avant = nombreDeFiches(c);
        for (List<Object> cas : refus) {
            String champ = (String) cas.get(0);
            Reponse r = api.post("caf07", "/api/v1/conventions/" + c + "/plan/fiches", cas.get(1));
            assertThat(r.status()).as(cas + " → " + r.texte()).isEqualTo(400);
            assertThat(r.champsEnErreur()).as(cas.toString()).contains(champ);
            assertThat(r.messageDuChamp(champ)).as(cas.toString()).isNotBlank();
        }
        assertThat(nombreDeFiches(c)).isEqualTo(avant);
        assertThat(api.post("caf07", "/api/v1/conventions/" + c + "/plan/fiches", Map.of("titre", "X", "debut", "2027-06", "fin", "2026-01"))
                .messageDuChamp("fin")).contains("avant le début");

        // PATCH: only the end changes; a stale version or a reader writes nothing; null empties the start.
        int version = f.path("version").asInt();
        Reponse patch = patch("caf07", "/api/v1/fiches/" + id + "?version=" + version, Map.of("fin", "2028-03"));
        assertThat(patch.status()).as(patch.texte()).isEqualTo(200);
        assertThat(patch.json().path("debut").asString()).isEqualTo("2025-09");
        assertThat(patch.json().path("annees")).extracting(JsonNode::asInt).containsExactly(2026, 2027, 2028);
        assertThat(patch("caf07", "/api/v1/fiches/" + id + "?version=" + version, Map.of("fin", "2029-03")).status()).isEqualTo(409);
        assertThat(patch("lecteur", "/api/v1/fiches/" + id + "?version=" + (version + 1), Map.of("fin", "2029-03")).status())
                .isIn(403, 404);
        Reponse mauvaise = patch("caf07", "/api/v1/fiches/" + id + "?version=" + (version + 1), Map.of("fin", "2025-01"));
        assertThat(mauvaise.status()).isEqualTo(400);
        assertThat(mauvaise.champsEnErreur()).containsExactly("fin");
        assertThat(api.get("caf07", "/api/v1/fiches/" + id).json().path("fin").asString()).isEqualTo("2028-03");
        Map<String, Object> sansDebut = new HashMap<>();
        sansDebut.put("debut", null);
        JsonNode vide = patch("caf07", "/api/v1/fiches/" + id + "?version=" + (version + 1), sansDebut).json();
        assertThat(vide.path("debut").isNull()).isTrue();
        assertThat(vide.path("annees")).as("from the period's start to the end").extracting(JsonNode::asInt).containsExactly(2026, 2027, 2028);

        // Journal: the change of end month is recorded.
        assertThat(api.get("caf07", "/api/v1/fiches/" + id).status()).isEqualTo(200);
        assertThat(plans.comme("admin", () -> planService.fiche(id).historique()).stream()
                .flatMap(e -> e.changements().stream()).map(ch -> ch.champ()).toList()).contains("Fin", "Début");
        assertThat(jdbc.sql("SELECT count(*) FROM journal WHERE objet_type = 'fiche' AND objet_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void the_fiche_form_edits_the_months_and_the_fiche_page_shows_them() {
        long c = planVide("Dates au formulaire");
        long id = plans.creer(c, null, null, "Par le formulaire");
        Document formulaire = pages.get("caf07", "/fiches/" + id + "/modifier").document();
        assertThat(formulaire.selectFirst("label[for=debut]")).isNotNull();
        assertThat(formulaire.selectFirst("input#fin[type=month]")).isNotNull();

        Map<String, String> champs = ClientPages.champs(formulaire, "form[action$='/modifier']");
        champs.put("debut", "2026-13");
        Page refusee = pages.poster("caf07", "/fiches/" + id + "/modifier", champs);
        assertThat(refusee.document().text()).contains("n'est pas un mois");
        assertThat(plans.fiche(id).debut()).isNull();

        champs.put("debut", "2026-09");
        champs.put("fin", "2027-06");
        Page enregistree = pages.poster("caf07", "/fiches/" + id + "/modifier", champs);
        assertThat(enregistree.redirection()).isEqualTo("/fiches/" + id);
        Fiche fiche = plans.fiche(id);
        assertThat(fiche.debut()).isEqualTo(YearMonth.of(2026, 9));
        assertThat(fiche.fin()).isEqualTo(YearMonth.of(2027, 6));
        assertThat(fiche.annees()).containsExactly(2026, 2027);
        assertThat(pages.get("caf07", "/fiches/" + id).document().selectFirst("#dates-fiche").text())
                .contains("septembre 2026", "juin 2027");
        assertThat(pages.get("caf07", "/fiches/" + id + "/modifier").document().selectFirst("input#debut").val()).isEqualTo("2026-09");
    }

    @Test
    void a_fiche_whose_end_month_is_over_is_late_in_this_year_grid_and_one_without_end_is_not() {
        horloge.fixer(LocalDate.of(2026, 12, 3));
        YearMonth maintenant = YearMonth.of(2026, 12);
        try {
            long c = planVide("Fin passée");
            JsonNode finie = api.post("caf07", "/api/v1/conventions/" + c + "/plan/fiches", Map.of("titre", "Finie",
                    "debut", YearMonth.of(maintenant.getYear(), 1).toString(), "fin", maintenant.minusMonths(1).toString())).json();
            JsonNode ouverte = api.post("caf07", "/api/v1/conventions/" + c + "/plan/fiches", Map.of("titre", "Sans fin",
                    "annees", List.of(maintenant.getYear()))).json();

            JsonNode grille = api.get("caf07", "/api/v1/conventions/" + c + "/evaluation/" + maintenant.getYear()).json();
            JsonNode ligneFinie = ligne(grille, finie.path("id").asLong());
            JsonNode ligneOuverte = ligne(grille, ouverte.path("id").asLong());
            assertThat(ligneFinie.path("enRetard").asBoolean()).as(ligneFinie.toString()).isTrue();
            assertThat(ligneFinie.path("situation").asString()).isEqualTo("NON_REALISE");
            assertThat(ligneOuverte.path("enRetard").asBoolean()).isFalse();
            assertThat(ligneOuverte.path("situation").asString()).isEqualTo("EN_COURS_D_ANNEE");
        } finally {
            horloge.remettreALHeure();
        }
    }

    private static JsonNode ligne(JsonNode grille, long ficheId) {
        for (JsonNode l : grille.path("lignes")) {
            if (l.path("ficheId").asLong() == ficheId) {
                return l;
            }
        }
        throw new AssertionError("pas de ligne pour la fiche " + ficheId + " : " + grille);
    }

    private Reponse patch(String utilisateur, String chemin, Object corps) {
        try {
            MockHttpServletResponse reponse = mvc.perform(MockMvcRequestBuilders.patch(chemin).contentType(MediaType.APPLICATION_JSON)
                    .content(JsonMapper.builder().build().writeValueAsString(corps))
                    .with(httpBasic(utilisateur, ClientApi.MOT_DE_PASSE))).andReturn().getResponse();
            return new Reponse(reponse.getStatus(), reponse.getContentAsString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long nombreDeFiches(long conventionId) {
        return jdbc.sql("SELECT count(*) FROM fiche WHERE convention_id = :c").param("c", conventionId).query(Long.class).single();
    }
}
