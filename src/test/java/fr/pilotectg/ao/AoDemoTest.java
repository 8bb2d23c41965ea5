package fr.pilotectg.ao;

import java.util.List;
import java.util.stream.StreamSupport;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import fr.pilotectg.territoire.TerritoireService;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The AO data of the demo conventions, as the documents print it, and what the rules conclude from it. */
@IntegrationTest
class AoDemoTest {

    private static final List<String> COMPETENCES = List.of("RECENSER_BESOINS", "INFORMER_ACCOMPAGNER", "PLANIFIER", "SOUTENIR_QUALITE");

    @Autowired
    MockMvc mvc;

    @Autowired
    TerritoireService territoires;

    ClientApi api;
    ClientPages pages;

    @BeforeEach
    void clients() {
        api = new ClientApi(mvc);
        pages = new ClientPages(mvc);
    }

    @Test
    void aubenas_the_ccba_is_the_only_ao_with_the_referential_population_and_meets_plan_schema_and_rpe() {
        JsonNode convention = api.convention("ccba", api.aubenas());
        int populationReferentiel = territoires.epci(convention.path("territoireSiren").asString()).orElseThrow().population();
        JsonNode ao = api.get("ccba", "/api/v1/conventions/" + api.aubenas() + "/ao").json();

        JsonNode regles = ao.path("regles");
        assertThat(regles).hasSize(1);
        JsonNode ccba = regles.get(0);
        assertThat(ccba.path("nom").asString()).isEqualTo(ClientApi.CCBA);
        assertThat(ccba.path("type").asString()).isEqualTo("EPCI");
        assertThat(ccba.path("population").asInt()).isEqualTo(populationReferentiel).isGreaterThan(40_000);
        assertThat(ccba.path("populationDiagnostic").asInt()).as("the population printed by the Aubenas diagnostic").isEqualTo(40_438);
        assertThat(textes(ccba.path("competences"))).containsExactlyElementsOf(COMPETENCES);

        for (String code : List.of("RECENSER", "INFORMER", "PLAN", "SCHEMA", "RPE")) {
            JsonNode o = obligation(ccba, code);
            assertThat(o.path("applique").asBoolean()).as(code).isTrue();
            assertThat(o.path("satisfaite").asBoolean()).as(code + " : " + o).isTrue();
            assertThat(o.path("manque").isNull()).as(code).isTrue();
        }
        assertThat(textes(obligation(ccba, "SCHEMA").path("preuves"))).containsExactly("Schéma : la CTG tient lieu de schéma de l'autorité organisatrice");
        assertThat(textes(obligation(ccba, "RPE").path("preuves"))).anyMatch(p -> p.startsWith("RPE : RPE Sud"))
                .anyMatch(p -> p.startsWith("RPE : RPE Nord"));
        assertThat(textes(obligation(ccba, "PLAN").path("preuves")))
                .anyMatch(p -> p.startsWith("Tableau de projection : 6 modes d'accueil"));
        assertThat(obligation(ccba, "RPE").path("raison").asString()).contains("plus de 10");
    }

    @Test
    void aubenas_matrix_and_projection_2026_2030_are_loaded_from_annex_3() {
        JsonNode ao = api.get("caf07", "/api/v1/conventions/" + api.aubenas() + "/ao").json();

        JsonNode collectivites = ao.path("matrice").path("collectivites");
        assertThat(collectivites).hasSize(1);
        for (JsonNode c : collectivites.get(0).path("competences")) {
            assertThat(c.path("mode").asString()).isEqualTo("TRANSFEREE_PAR_TOUTES_LES_COMMUNES");
        }
        JsonNode projection = ao.path("projection");
        assertThat(textes(projection.path("annees"))).containsExactly("2026", "2027", "2028", "2029", "2030");
        JsonNode lignes = projection.path("tableaux").get(0).path("lignes");
        assertThat(StreamSupport.stream(lignes.spliterator(), false).map(l -> l.path("mode").asString()))
                .containsExactly("EAJE_PSU", "MICRO_CRECHE_PAJE", "MAM", "ASSISTANTS_MATERNELS", "RPE", "DISPOSITIFS_PASSERELLES");
        JsonNode eaje = lignes.get(0);
        assertThat(eaje.path("actuel").asInt()).isEqualTo(254);
        assertThat(eaje.path("annees")).hasSize(5).allMatch(a -> a.path("valeur").asInt() == 254);
        assertThat(eaje.path("ingenierie").asString()).contains("coordinatrice petite enfance");
        JsonNode mam = lignes.get(2);
        assertThat(mam.path("actuelPrecision").asString()).isEqualTo("8 MAM pour 25 AMA");
        assertThat(mam.path("annees").get(0).path("valeur").asInt()).isEqualTo(10);
        assertThat(mam.path("annees").get(4).path("valeur").asInt()).isEqualTo(14);
        JsonNode rpe = lignes.get(4);
        assertThat(rpe.path("actuel").isMissingNode() || rpe.path("actuel").isNull()).isTrue();
        assertThat(rpe.path("annees").get(0).path("valeur").asInt()).isEqualTo(3);
    }

    @Test
    void pilat_matrix_has_the_cc_with_all_four_competences_transferred_and_no_schema_declared() {
        JsonNode ao = api.get("pilat", "/api/v1/conventions/" + api.pilat() + "/ao").json();

        JsonNode collectivites = ao.path("matrice").path("collectivites");
        assertThat(collectivites).hasSize(1);
        assertThat(collectivites.get(0).path("nom").asString()).isEqualTo("CC des Monts du Pilat");
        assertThat(StreamSupport.stream(collectivites.get(0).path("competences").spliterator(), false)
                .map(c -> c.path("code").asString() + "=" + c.path("mode").asString()))
                .containsExactlyElementsOf(COMPETENCES.stream().map(c -> c + "=TRANSFEREE_PAR_TOUTES_LES_COMMUNES").toList());
        assertThat(collectivites.get(0).path("competences").get(0).path("communes")).isEmpty();

        JsonNode cc = ao.path("regles").get(0);
        assertThat(cc.path("population").asInt()).isEqualTo(territoires.epciParNom("CC des Monts du Pilat").orElseThrow().population());
        JsonNode schema = obligation(cc, "SCHEMA");
        assertThat(schema.path("applique").asBoolean()).isTrue();
        assertThat(schema.path("satisfaite").asBoolean()).isFalse();
        assertThat(schema.path("manque").asString()).contains("tient lieu de schéma");
        assertThat(textes(obligation(cc, "RPE").path("preuves"))).containsExactly("RPE : RPE des Monts du pilat (Bourg-Argental)");
        assertThat(ao.path("projection").path("tableaux")).isEmpty();
    }

    @Test
    void ao_page_shows_matrix_rules_and_projection_with_table_headers_and_written_states() {
        Document page = pages.get("ccba", "/conventions/" + api.aubenas() + "/ao").document();

        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.selectFirst(".autorite[data-code] .population-diagnostic").text()).contains("40\u202F438 habitants");
        Element matrice = page.selectFirst("table.matrice-ao");
        assertThat(matrice.selectFirst("caption")).isNotNull();
        assertThat(matrice.select("thead th[scope=col]").eachText()).contains("Collectivité", "Population", "Planifier le développement des modes d'accueil");
        assertThat(matrice.select("tbody th[scope=row]").text()).contains(ClientApi.CCBA);
        assertThat(page.select(".autorite tr[data-obligation=SCHEMA] .etat").text()).isEqualTo("Satisfaite");
        assertThat(page.select(".autorite tr[data-obligation=RPE]").text()).contains("RPE Nord");
        assertThat(page.select("table.projection tr[data-mode=MAM] td[data-annee=2026]").text()).isEqualTo("10 (projets Aubenas et Labégude)");
        assertThat(page.select("form#saisie-matrice")).hasSize(1);
        assertThat(pages.get("lecteur", "/conventions/" + api.aubenas() + "/ao").document().select("form#saisie-matrice")).isEmpty();
    }

    @Test
    void aubenas_cdsf_extract_gathers_early_childhood_indicators_services_and_fiches() {
        Document page = pages.get("caf07", "/conventions/" + api.aubenas() + "/extrait-cdsf").document();

        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.select(".indicateurs-vides")).isEmpty();
        Element indicateurs = page.selectFirst("table.indicateurs-petite-enfance");
        assertThat(indicateurs.select("tbody")).as("the 10 early-childhood indicators of the Aubenas diagnostic").hasSize(10);
        assertThat(indicateurs.select("tbody th[scope=rowgroup]").eachText()).contains("Places d'accueil collectif PSU", "Relais Petite Enfance (RPE)");
        assertThat(indicateurs.select("tbody th[scope=rowgroup]").eachText()).noneMatch(t -> t.contains("Jeunes") || t.contains("Population"));
        List<String> services = page.select("table.services-petite-enfance tbody th").eachText();
        assertThat(services).contains("RPE Nord", "RPE Sud").anyMatch(s -> s.startsWith("LAEP"));
        assertThat(page.select("table.services-petite-enfance tbody td:first-child").eachText())
                .allMatch(t -> List.of("EAJE (PSU)", "Micro-crèche PAJE", "Maison d'assistants maternels", "Relais petite enfance",
                        "Lieu d'accueil enfants-parents").contains(t));
        assertThat(page.select("table.fiches-petite-enfance tbody tr")).hasSizeGreaterThanOrEqualTo(10);
        assertThat(page.select("table.fiches-petite-enfance tbody th").eachText()).contains("Pérenniser les Relais Petite Enfance/PIAPE");
        assertThat(page.select("table.matrice-ao")).hasSize(1);
        assertThat(page.select("table.projection")).hasSize(1);
        assertThat(page.selectFirst("#date-extrait").text()).isNotBlank();
        assertThat(page.select("table.consentements tbody th").eachText()).contains("Caf de l'Ardèche", ClientApi.CCBA);
    }

    static JsonNode obligation(JsonNode ao, String code) {
        return StreamSupport.stream(ao.path("obligations").spliterator(), false)
                .filter(o -> o.path("code").asString().equals(code)).findFirst().orElseThrow(() -> new AssertionError("Pas d'obligation " + code));
    }

    static List<String> textes(JsonNode liste) {
        return StreamSupport.stream(liste.spliterator(), false).map(JsonNode::asString).toList();
    }
}
