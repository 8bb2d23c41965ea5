package fr.pilotectg.diagnostic;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The diagnostic of the Bassin d'Aubenas, loaded from the demo data, as the API gives it. */
@IntegrationTest
class DiagnosticAubenasTest {

    @Autowired
    MockMvc mvc;

    ClientApi api;
    String chemin;

    @BeforeEach
    void client() {
        api = new ClientApi(mvc);
        chemin = "/api/v1/conventions/" + api.aubenas() + "/diagnostic";
    }

    @Test
    void nine_creches_add_up_to_the_printed_228_places_and_542_children() {
        JsonNode eaje = api.get("ccba", chemin).json().path("eaje");

        assertThat(eaje.path("lignes")).hasSize(9);
        assertThat(eaje.path("places").path("calcule").asInt()).isEqualTo(228);
        assertThat(eaje.path("places").path("imprime").path("nombre").asInt()).isEqualTo(228);
        assertThat(eaje.path("places").path("ecartSignale").asBoolean()).isFalse();
        assertThat(eaje.path("enfantsInscrits").path("calcule").asInt()).isEqualTo(542);
        assertThat(eaje.path("enfantsInscrits").path("imprime").path("nombre").asInt()).isEqualTo(542);
        assertThat(eaje.path("enfantsInscrits").path("ecartSignale").asBoolean()).isFalse();
        assertThat(eaje.path("enfantsParPlace").asDouble()).isEqualTo(2.38);
        JsonNode vals = ligne(eaje.path("lignes"), "nom", "MA LES PETITS");
        assertThat(vals.path("commune").asString()).as("commune resolved through the referential").isEqualTo("Vals-les-Bains");
        assertThat(vals.path("codeInsee").asString()).isEqualTo("07331");
    }

    @Test
    void printed_total_of_883_250_is_kept_and_flagged_against_the_863_250_its_lines_add_up_to() {
        JsonNode diagnostic = api.get("ccba", chemin).json();
        JsonNode autre2023 = StreamSupport.stream(diagnostic.path("financements").path("totaux").spliterator(), false)
                .filter(t -> t.path("libelle").asString().equals("Total autre financement"))
                .flatMap(t -> StreamSupport.stream(t.path("parAnnee").spliterator(), false))
                .filter(t -> t.path("annee").asInt() == 2023).findFirst().orElseThrow();

        assertThat(autre2023.path("imprime").path("nombre").asLong()).isEqualTo(883_250);
        assertThat(autre2023.path("calcule").asLong()).isEqualTo(863_250);
        assertThat(autre2023.path("ecart").asLong()).isEqualTo(20_000);
        assertThat(autre2023.path("ecartSignale").asBoolean()).isTrue();
        assertThat(espaces(autre2023.path("message").asString())).contains("imprimé 883 250 € — somme des lignes 863 250 €");
        assertThat(textes(diagnostic.path("ecarts")).stream().map(DiagnosticAubenasTest::espaces))
                .anyMatch(e -> e.contains("Total autre financement 2023") && e.contains("883 250 €") && e.contains("863 250 €"));
    }

    @Test
    void printed_periscolaire_total_of_469_is_flagged_against_the_386_of_its_two_rows() {
        JsonNode alsh = api.get("ccba", chemin).json().path("alsh");

        JsonNode peri = ligne(alsh.path("enfantsParCategorie"), "libelle", "Périscolaire");
        assertThat(peri.path("imprime").path("nombre").asInt()).isEqualTo(469);
        assertThat(peri.path("calcule").asInt()).isEqualTo(386);
        assertThat(peri.path("ecartSignale").asBoolean()).isTrue();
        JsonNode extra = ligne(alsh.path("enfantsParCategorie"), "libelle", "Extrascolaire (hors scouts)");
        assertThat(extra.path("imprime").path("nombre").asInt()).isEqualTo(1853);
        assertThat(extra.path("calcule").asInt()).isEqualTo(1513);
        assertThat(extra.path("ecartSignale").asBoolean()).isTrue();
        JsonNode ados = ligne(alsh.path("enfantsParCategorie"), "libelle", "Accueil ados");
        assertThat(ados.path("ecartSignale").asBoolean()).isFalse();
    }

    @Test
    void masked_cells_stay_markers_and_are_not_added_as_zero() {
        JsonNode diagnostic = api.get("ccba", chemin).json();

        JsonNode peri = ligne(diagnostic.path("alsh").path("lignes"), "nom", "PERI AUBENAS PALABRE");
        assertThat(peri.path("enfantsAeeh").path("marqueur").asString()).isEqualTo("<5");
        assertThat(peri.path("enfantsAeeh").path("nombre").isNull()).isTrue();
        assertThat(peri.path("prixRevientHeureFacturee").path("marqueur").asString()).isEqualTo("-");
        assertThat(textes(diagnostic.path("alsh").path("enfantsAeeh").path("nonSommes"))).hasSize(2);
        JsonNode psj = StreamSupport.stream(diagnostic.path("financements").path("secteurs").spliterator(), false)
                .filter(s -> s.path("secteur").asString().equals("Prestation de Service Jeunesse")).findFirst().orElseThrow();
        assertThat(psj.path("montants").get(0).path("marqueur").asString()).isEqualTo("NS");
        assertThat(psj.path("montants").get(0).path("nombre").isNull()).isTrue();
    }

    @Test
    void the_75_indicators_come_with_their_130_values_and_comparators_in_order() {
        JsonNode diagnostic = api.get("ccba", chemin).json();

        assertThat(diagnostic.path("indicateurs")).hasSize(75);
        int valeurs = StreamSupport.stream(diagnostic.path("indicateurs").spliterator(), false).mapToInt(i -> i.path("valeurs").size()).sum();
        assertThat(valeurs).isEqualTo(130);
        JsonNode pauvrete = ligne(diagnostic.path("indicateurs"), i -> i.path("indicateur").path("code").asString().equals("TAUX_PAUVRETE"));
        assertThat(StreamSupport.stream(pauvrete.path("valeurs").spliterator(), false).map(v -> v.path("territoire").path("type").asString()))
                .containsExactly("EPCI", "DEPARTEMENT", "FRANCE");
        JsonNode couples = ligne(diagnostic.path("indicateurs"), i -> i.path("indicateur").path("code").asString().equals("PART_COUPLES_ENF_DEUX_ACTIFS"));
        JsonNode sansVilleCentre = couples.path("valeurs").get(1);
        assertThat(sansVilleCentre.path("territoire").path("nom").asString()).isEqualTo("CCBA sans Aubenas");
        assertThat(sansVilleCentre.path("territoire").path("communes").size()).as("the CCBA's communes but Aubenas").isGreaterThan(20)
                .isEqualTo(ligne(diagnostic.path("territoires"), "cle", "ccba_sans_aubenas").path("communes").size());
        assertThat(textes(sansVilleCentre.path("territoire").path("communes"))).doesNotContain("07019");
        assertThat(sansVilleCentre.path("periode").asString()).isEqualTo("2021");
        assertThat(sansVilleCentre.path("sourceLibelle").asString()).startsWith("Insee, RP2021");
    }

    @Test
    void the_alsh_ratios_are_recomputed_from_their_numerator_and_denominator() {
        JsonNode indicateurs = api.get("ccba", chemin).json().path("indicateurs");

        JsonNode peri = ligne(indicateurs, i -> i.path("indicateur").path("code").asString().equals("PART_ENFANTS_3_11_ALSH_PERISCOLAIRE"));
        assertThat(peri.path("indicateur").path("numerateur").asString()).isEqualTo("NB_ENFANTS_ALSH_PERISCOLAIRE");
        assertThat(peri.path("valeurs").get(0).path("calcule").asDouble()).isEqualTo(12.74);
        assertThat(peri.path("valeurs").get(0).path("ecart").asBoolean()).isFalse();
    }

    @Test
    void the_ao_feature_reads_the_petite_enfance_indicators_by_thematique_code() {
        JsonNode indicateurs = api.get("ccba", chemin + "?thematique=PETITE_ENFANCE").json().path("indicateurs");

        assertThat(indicateurs).hasSize(10);
        assertThat(StreamSupport.stream(indicateurs.spliterator(), false).map(i -> i.path("indicateur").path("thematique").asString()))
                .containsOnly("Petite enfance");
        assertThat(ligne(indicateurs, i -> i.path("indicateur").path("code").asString().equals("NB_PLACES_EAJE_PSU"))
                .path("valeurs").get(0).path("valeur").path("nombre").asInt()).isEqualTo(228);
    }

    @Test
    void enjeux_are_grouped_by_thematique_and_linked_to_the_axis_of_the_plan() {
        JsonNode thematiques = api.get("ccba", chemin).json().path("thematiques");

        JsonNode petiteEnfance = ligne(thematiques, "code", "PETITE_ENFANCE");
        assertThat(petiteEnfance.path("enjeux")).hasSize(9);
        JsonNode lien = petiteEnfance.path("enjeux").get(0).path("liens").get(0);
        assertThat(lien.path("type").asString()).isEqualTo("axe");
        assertThat(lien.path("titre").asString()).isEqualTo("Petite enfance");
        assertThat(ligne(thematiques, "code", "LOGEMENT").path("enjeux").get(0).path("liens")).isEmpty();
        JsonNode afom = api.get("ccba", chemin).json().path("afom");
        assertThat(StreamSupport.stream(afom.spliterator(), false).filter(c -> c.path("nature").asString().equals("MENACE")).count()).isEqualTo(8);
    }

    @Test
    void readers_of_the_convention_read_it_others_get_403() {
        assertThat(api.get("lecteur", chemin).status()).isEqualTo(200);
        assertThat(api.get("caf07", chemin).status()).isEqualTo(200);
        assertThat(api.get("caf42", chemin).status()).isEqualTo(403);
        assertThat(api.get("pilat", chemin).status()).isEqualTo(403);
        assertThat(api.get("ccba", "/api/v1/conventions/" + api.pilat() + "/diagnostic").status()).isEqualTo(403);
        assertThat(api.get("caf42", "/api/v1/conventions/" + api.pilat() + "/diagnostic").status()).isEqualTo(200);
        assertThat(api.get("admin", "/api/v1/conventions/999999/diagnostic").status()).isEqualTo(404);
    }

    @Test
    void only_those_who_may_change_the_convention_write_its_diagnostic() {
        Map<String, Object> indicateur = Map.of("code", "INTRUS", "libelle", "Intrus", "unite", "%", "thematique", "Petite enfance");

        assertThat(api.post("lecteur", chemin + "/indicateurs", indicateur).status()).isEqualTo(403);
        assertThat(api.post("palabre", chemin + "/indicateurs", indicateur).status()).isEqualTo(403);
        assertThat(api.post("caf42", chemin + "/indicateurs", indicateur).status()).isEqualTo(403);
        assertThat(api.post("pilat", chemin + "/eaje", Map.of("nom", "Crèche", "places", 10)).status()).isEqualTo(403);
        assertThat(api.get("ccba", chemin).json().path("indicateurs")).hasSize(75);
    }

    static JsonNode ligne(JsonNode tableau, String champ, String valeur) {
        return ligne(tableau, n -> valeur.equals(n.path(champ).asString()));
    }

    static JsonNode ligne(JsonNode tableau, java.util.function.Predicate<JsonNode> filtre) {
        return StreamSupport.stream(tableau.spliterator(), false).filter(filtre).findFirst()
                .orElseThrow(() -> new AssertionError("Aucune ligne attendue dans " + tableau));
    }

    static List<String> textes(JsonNode tableau) {
        return StreamSupport.stream(tableau.spliterator(), false).map(JsonNode::asString).toList();
    }

    /** French formatting groups thousands with a narrow no-break space. */
    static String espaces(String texte) {
        return texte.replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}
