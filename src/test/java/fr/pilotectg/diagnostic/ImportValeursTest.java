package fr.pilotectg.diagnostic;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import fr.pilotectg.shared.FormatFr;
import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

import static fr.pilotectg.diagnostic.DiagnosticAubenasTest.espaces;
import static fr.pilotectg.diagnostic.DiagnosticAubenasTest.ligne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** CSV import of indicator values on a throw-away convention: all or nothing, every error naming its line. */
@IntegrationTest
class ImportValeursTest {

    @Autowired
    MockMvc mvc;

    ClientApi api;
    long convention;
    String chemin;

    @BeforeEach
    void conventionDeTest() {
        api = new ClientApi(mvc);
        convention = api.creerConventionDeTest("caf07", "diagnostic").path("id").asLong();
        chemin = "/api/v1/conventions/" + convention + "/diagnostic";
        indicateur("NB_ENFANTS", "Enfants de moins de 3 ans", "enfants", null, null);
        indicateur("NB_PLACES", "Places d'accueil", "places", null, null);
        indicateur("COUVERTURE", "Places pour 100 enfants", "%", "NB_PLACES", "NB_ENFANTS");
    }

    @Test
    void one_bad_line_among_many_imports_nothing_and_names_the_line() {
        StringBuilder csv = new StringBuilder("indicateur;territoire;periode;valeur;source\n");
        for (int annee = 2000; annee < 2060; annee++) {
            csv.append("NB_ENFANTS;07019;").append(annee).append(";").append(annee - 1900).append(";Insee\n");
        }
        List<String> lignes = new ArrayList<>(List.of(csv.toString().split("\n")));
        lignes.set(37, "NB_ENFANTS;07019;2036;douze;Insee");
        String texte = String.join("\n", lignes) + "\n";

        Reponse reponse = postCsv("caf07", texte);

        assertThat(reponse.status()).isEqualTo(400);
        assertThat(reponse.champsEnErreur()).contains("ligne 38, colonne valeur");
        assertThat(reponse.messageDuChamp("ligne 38, colonne valeur")).contains("« douze » n'est ni un nombre ni un marqueur connu");
        assertThat(reponse.json().path("message").asString()).contains("Aucune valeur n'a été importée");
        assertThat(valeurs("NB_ENFANTS")).isEmpty();
        assertThat(api.get("caf07", chemin).json().path("territoires")).as("no territory created either").isEmpty();
    }

    @Test
    void a_file_from_a_spreadsheet_imports_numbers_with_decimal_comma_markers_as_markers_and_referential_territories() {
        String csv = "\uFEFFIndicateur;Territoire;Période;Valeur;Source;Unité\r\n"
                + "NB_ENFANTS;07019;2023;1 234;Caf;enfants\r\n"
                + "NB_ENFANTS;Ardèche;2023;\"12 345\";Caf;enfants\r\n"
                + "NB_ENFANTS;France;2023;2 100 000;Caf;enfants\r\n"
                + "NB_PLACES;Vals-les-Bains;2023;<5;Caf;places\r\n"
                + "NB_PLACES;200073245;2023;NS;Caf;places\r\n"
                + "COUVERTURE;07019;2023;41,6;Caf;%\r\n";

        Reponse reponse = postCsv("caf07", csv);

        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(200);
        assertThat(reponse.json().path("valeurs").asInt()).isEqualTo(6);
        assertThat(reponse.json().path("marqueurs").asInt()).isEqualTo(2);
        assertThat(reponse.json().path("territoiresCrees").asInt()).isEqualTo(5);
        JsonNode vals = ligne(valeurs("NB_PLACES"), v -> v.path("territoire").path("nom").asString().equals("Vals-les-Bains"));
        assertThat(vals.path("valeur").path("marqueur").asString()).isEqualTo("<5");
        assertThat(vals.path("valeur").path("nombre").isNull()).as("a marker is never stored as a number").isTrue();
        assertThat(ligne(valeurs("NB_PLACES"), v -> v.path("territoire").path("type").asString().equals("EPCI"))
                .path("valeur").path("marqueur").asString()).isEqualTo("NS");
        assertThat(ligne(valeurs("NB_ENFANTS"), v -> v.path("territoire").path("type").asString().equals("COMMUNE"))
                .path("valeur").path("nombre").asInt()).isEqualTo(1234);
        assertThat(ligne(valeurs("COUVERTURE"), v -> true).path("valeur").path("nombre").asDouble()).isEqualTo(41.6);
        assertThat(StreamSupport.stream(valeurs("NB_ENFANTS").spliterator(), false).map(v -> v.path("territoire").path("type").asString()))
                .containsExactly("COMMUNE", "DEPARTEMENT", "FRANCE");
    }

    @Test
    void a_ratio_that_does_not_match_its_numerator_and_denominator_is_flagged() {
        String csv = "indicateur;territoire;periode;valeur\n"
                + "NB_ENFANTS;07019;2023;200\n"
                + "NB_PLACES;07019;2023;50\n"
                + "COUVERTURE;07019;2023;30\n"
                + "NB_ENFANTS;07331;2023;100\n"
                + "NB_PLACES;07331;2023;41\n"
                + "COUVERTURE;07331;2023;41\n";

        assertThat(postCsv("caf07", csv).status()).isEqualTo(200);

        JsonNode aubenas = ligne(valeurs("COUVERTURE"), v -> v.path("territoire").path("code").asString().equals("07019"));
        assertThat(aubenas.path("calcule").asDouble()).isEqualTo(25.0);
        assertThat(aubenas.path("ecart").asBoolean()).isTrue();
        JsonNode vals = ligne(valeurs("COUVERTURE"), v -> v.path("territoire").path("code").asString().equals("07331"));
        assertThat(vals.path("ecart").asBoolean()).isFalse();
        assertThat(DiagnosticAubenasTest.textes(api.get("caf07", chemin).json().path("ecarts")))
                .anyMatch(e -> e.contains("Places pour 100 enfants") && e.contains("Aubenas") && e.contains("recalculée 25"));
    }

    @Test
    void each_kind_of_error_names_its_line_and_column() {
        String csv = "indicateur;territoire;periode;valeur;unite\n"
                + "INCONNU;07019;2023;1;enfants\n"
                + "NB_ENFANTS;Sainte-Colombe;2023;1;enfants\n"
                + "NB_ENFANTS;Nulle-Part-sur-Mer;2023;1;enfants\n"
                + "NB_ENFANTS;07019;2023;1;€\n"
                + "NB_ENFANTS;07019;2023;;enfants\n"
                + "NB_ENFANTS;07019;2023\n"
                + "NB_PLACES;07019;2023;3;places\n"
                + "NB_PLACES;Aubenas;2023;4;places\n";

        Reponse reponse = postCsv("caf07", csv);

        assertThat(reponse.status()).isEqualTo(400);
        assertThat(reponse.messageDuChamp("ligne 2, colonne indicateur")).contains("indicateur inconnu « INCONNU »");
        assertThat(reponse.messageDuChamp("ligne 3, colonne territoire")).contains("plusieurs communes").contains("code INSEE 05135")
                .contains("Écrivez le code INSEE");
        assertThat(reponse.messageDuChamp("ligne 4, colonne territoire")).contains("territoire inconnu");
        assertThat(reponse.messageDuChamp("ligne 5, colonne unite")).contains("« € »").contains("« enfants »");
        assertThat(reponse.messageDuChamp("ligne 6, colonne valeur")).contains("valeur manquante");
        assertThat(reponse.messageDuChamp("ligne 7")).contains("3 champs au lieu de 5");
        assertThat(reponse.messageDuChamp("ligne 9, colonne territoire")).contains("ligne 8");
        assertThat(valeurs("NB_PLACES")).isEmpty();
    }

    @Test
    void line_numbers_beyond_a_thousand_are_written_the_french_way() {
        StringBuilder csv = new StringBuilder("indicateur;territoire;periode;valeur\n");
        for (int i = 0; i < 1500; i++) {
            csv.append("NB_ENFANTS;07019;P").append(i).append(";").append(i == 1232 ? "<3" : String.valueOf(i)).append('\n');
        }

        Reponse reponse = postCsv("caf07", csv.toString());

        assertThat(reponse.status()).isEqualTo(400);
        assertThat(reponse.champsEnErreur()).contains("ligne " + FormatFr.nombre(1234) + ", colonne valeur");
        assertThat(espaces(reponse.messageDuChamp("ligne " + FormatFr.nombre(1234) + ", colonne valeur")))
                .startsWith("ligne 1 234, colonne valeur : « <3 »");
    }

    @Test
    void importing_the_same_key_again_replaces_the_value() {
        assertThat(postCsv("caf07", "indicateur;territoire;periode;valeur\nNB_ENFANTS;07019;2023;10\n").status()).isEqualTo(200);
        assertThat(postCsv("ccba", "indicateur;territoire;periode;valeur\nNB_ENFANTS;Aubenas;2023;ND\n").status()).isEqualTo(200);

        assertThat(valeurs("NB_ENFANTS")).hasSize(1);
        assertThat(valeurs("NB_ENFANTS").get(0).path("valeur").path("marqueur").asString()).isEqualTo("ND");
    }

    @Test
    void a_file_not_in_utf8_or_without_the_required_columns_is_refused_as_a_whole() {
        byte[] latin1 = "indicateur;territoire;valeur\nNB_ENFANTS;Ardèche;3\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(post("caf07", latin1).messageDuChamp("fichier")).contains("UTF-8");
        assertThat(postCsv("caf07", "indicateur;lieu;valeur\nNB_ENFANTS;07019;3\n").json().path("message").asString())
                .contains("la colonne « territoire » manque").contains("colonne « lieu » inconnue");
    }

    @Test
    void only_writers_of_the_convention_import_and_readers_of_others_are_denied() {
        String csv = "indicateur;territoire;valeur\nNB_ENFANTS;07019;3\n";

        assertThat(postCsv("lecteur", csv).status()).isEqualTo(403);
        assertThat(postCsv("palabre", csv).status()).isEqualTo(403);
        assertThat(postCsv("caf42", csv).status()).isEqualTo(403);
        assertThat(postCsv("pilat", csv).status()).isEqualTo(403);
        assertThat(valeurs("NB_ENFANTS")).isEmpty();
    }

    @Test
    void the_import_page_previews_the_file_then_imports_it_once_confirmed() throws Exception {
        ClientPages pages = new ClientPages(mvc);
        String csv = "indicateur;territoire;periode;valeur;source\nNB_ENFANTS;07019;2023;1234;Caf\nNB_PLACES;07019;2023;<5;Caf\n";

        Document apercu = deposer("ccba", csv);
        assertThat(apercu.select("#comptes").text()).contains("2 lignes").contains("2 valeurs valides, dont 1 marqueurs");
        assertThat(apercu.select("table caption").text()).contains("Premières lignes");
        assertThat(valeurs("NB_ENFANTS")).as("nothing written before confirmation").isEmpty();

        ClientPages.Page confirmee = pages.soumettre("ccba", apercu, "#confirmer-import");
        assertThat(confirmee.redirection()).isEqualTo("/conventions/" + convention + "/diagnostic");
        assertThat(confirmee.messageSucces()).contains("2 valeur(s)");
        assertThat(valeurs("NB_ENFANTS")).hasSize(1);
        assertThat(pages.soumettre("ccba", apercu, "#confirmer-import").messageErreur())
                .as("a preview is imported once").contains("n'existe plus");
    }

    @Test
    void the_preview_of_a_bad_file_lists_its_errors_and_offers_no_confirmation() throws Exception {
        Document apercu = deposer("caf07", "indicateur;territoire;valeur\nNB_ENFANTS;07019;3\nNB_ENFANTS;07331;trois\n");

        assertThat(apercu.select("#erreurs-import").text()).contains("1 erreur : rien ne sera importé")
                .contains("ligne 3, colonne valeur");
        assertThat(apercu.select("#confirmer-import")).isEmpty();
        assertThat(new ClientPages(mvc).get("lecteur", "/conventions/" + api.aubenas() + "/diagnostic/import").status()).isEqualTo(403);
    }

    @Test
    void negative_places_in_the_eaje_table_are_refused_naming_the_field() {
        Reponse negative = api.post("caf07", chemin + "/eaje", Map.of("nom", "Crèche des Lutins", "places", -3, "enfantsInscrits", 10));
        Reponse aeeh = api.post("caf07", chemin + "/alsh", Map.of("nom", "Centre", "categorie", "PERISCOLAIRE", "heuresRealisees", -1));

        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.messageDuChamp("places")).contains("ne peut pas être négatif").contains("-3");
        assertThat(aeeh.messageDuChamp("heuresRealisees")).contains("négatif");
        assertThat(api.get("caf07", chemin).json().path("eaje").path("lignes")).isEmpty();
        Reponse bonne = api.post("caf07", chemin + "/alsh", Map.of("nom", "Centre", "categorie", "PERISCOLAIRE", "enfantsAccueillis", 12, "enfantsAeeh", "<5"));
        assertThat(bonne.status()).as(bonne.texte()).isEqualTo(201);
        assertThat(bonne.json().path("enfantsAeeh").path("marqueur").asString()).isEqualTo("<5");
    }

    @Test
    void an_enjeu_links_to_a_fiche_of_its_own_plan_only() {
        long aubenas = api.aubenas();
        JsonNode enjeu = api.post("ccba", "/api/v1/conventions/" + convention + "/diagnostic/constats",
                Map.of("nature", "ENJEU", "thematique", "Petite enfance", "texte", "Un enjeu de test")).json();
        long ficheAubenas = api.get("ccba", "/api/v1/conventions/" + aubenas + "/fiches").json().get(0).path("id").asLong();

        Reponse ailleurs = api.post("ccba", chemin + "/constats/" + enjeu.path("id").asLong() + "/liens", Map.of("type", "fiche", "id", ficheAubenas));

        assertThat(ailleurs.status()).isEqualTo(400);
        assertThat(ailleurs.messageDuChamp("fiche")).contains("n'appartient pas au plan");
    }

    private void indicateur(String code, String libelle, String unite, String numerateur, String denominateur) {
        Map<String, Object> corps = new java.util.HashMap<>(Map.of("code", code, "libelle", libelle, "unite", unite, "thematique", "Petite enfance"));
        if (numerateur != null) {
            corps.put("numerateur", numerateur);
            corps.put("denominateur", denominateur);
        }
        Reponse reponse = api.post("caf07", chemin + "/indicateurs", corps);
        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(201);
    }

    @Test
    void a_percentage_of_250_is_accepted_with_a_plausibility_warning_among_the_discrepancies() {
        String csv = "indicateur;territoire;periode;valeur\n"
                + "COUVERTURE;07019;2023;250 %\n";

        Reponse reponse = postCsv("caf07", csv);

        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(200);
        JsonNode aubenas = ligne(valeurs("COUVERTURE"), v -> v.path("territoire").path("code").asString().equals("07019"));
        assertThat(aubenas.path("valeur").path("nombre").asInt()).isEqualTo(250);
        assertThat(aubenas.path("plausibilite").asString()).contains("peu plausible").contains("pourcentage");
        assertThat(DiagnosticAubenasTest.textes(api.get("caf07", chemin).json().path("ecarts")))
                .anyMatch(e -> e.startsWith("Plausibilité") && e.contains("Places pour 100 enfants") && e.contains("250"));
        assertThat(new ClientPages(mvc).get("caf07", "/conventions/" + convention + "/diagnostic").document()
                .select("#ecarts li").eachText()).anyMatch(e -> e.contains("peu plausible"));
    }

    @Test
    void a_rate_ten_times_its_comparators_is_flagged_and_a_count_is_not() {
        String csv = "indicateur;territoire;periode;valeur\n"
                + "COUVERTURE;07019;2023;9\n"
                + "COUVERTURE;07331;2023;99\n"
                + "COUVERTURE;07;2023;5\n"
                + "NB_ENFANTS;07019;2023;500\n"
                + "NB_ENFANTS;07;2023;9000\n";

        assertThat(postCsv("caf07", csv).status()).isEqualTo(200);

        JsonNode vals = ligne(valeurs("COUVERTURE"), v -> v.path("territoire").path("code").asString().equals("07331"));
        assertThat(vals.path("plausibilite").asString()).contains("fois plus élevée");
        assertThat(ligne(valeurs("COUVERTURE"), v -> v.path("territoire").path("code").asString().equals("07019"))
                .path("plausibilite").isNull()).isTrue();
        assertThat(valeurs("NB_ENFANTS")).allSatisfy(v -> assertThat(v.path("plausibilite").isNull()).isTrue());
    }

    @Test
    void a_former_commune_in_an_imported_file_resolves_to_its_current_commune() {
        assertThat(postCsv("caf07", "indicateur;territoire;periode;valeur\nNB_ENFANTS;Nonières;2023;12\nNB_ENFANTS;07016;2023;30\n")
                .status()).isEqualTo(200);

        assertThat(StreamSupport.stream(valeurs("NB_ENFANTS").spliterator(), false).map(v -> v.path("territoire").path("nom").asString()))
                .containsExactlyInAnyOrder("Belsentes", "Vallées-d'Antraigues-Asperjoc");
    }

    @Test
    void a_range_is_stored_as_a_range_and_a_negative_or_inverted_one_is_refused() {
        assertThat(postCsv("caf07", "indicateur;territoire;periode;valeur\nNB_PLACES;07019;2023;12 à 14\n"
                + "NB_PLACES;07331;2023;entre 5 et 10\n").status()).isEqualTo(200);

        JsonNode aubenas = ligne(valeurs("NB_PLACES"), v -> v.path("territoire").path("code").asString().equals("07019"));
        assertThat(aubenas.path("valeur").path("nombre").asInt()).isEqualTo(12);
        assertThat(aubenas.path("valeur").path("max").asInt()).isEqualTo(14);
        JsonNode vals = ligne(valeurs("NB_PLACES"), v -> v.path("territoire").path("code").asString().equals("07331"));
        assertThat(vals.path("valeur").path("nombre").asInt()).isEqualTo(5);
        assertThat(vals.path("valeur").path("max").asInt()).isEqualTo(10);

        Reponse negative = postCsv("caf07", "indicateur;territoire;periode;valeur\nNB_PLACES;07019;2024;-3 à 5\n");
        Reponse inverse = postCsv("caf07", "indicateur;territoire;periode;valeur\nNB_PLACES;07019;2024;14 à 12\n");

        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.messageDuChamp("ligne 2, colonne valeur")).contains("négative");
        assertThat(inverse.status()).isEqualTo(400);
        assertThat(inverse.messageDuChamp("ligne 2, colonne valeur")).contains("borne basse dépasse la borne haute");
        assertThat(valeurs("NB_PLACES")).hasSize(2);
    }

    @Test
    void eaje_places_services_capacities_and_ao_current_places_that_differ_are_listed_among_the_discrepancies() {
        Reponse eaje = api.post("caf07", chemin + "/eaje", java.util.Map.of("nom", "Multi-accueil Les Lutins", "commune", "Aubenas",
                "places", 20, "enfantsInscrits", 40));
        assertThat(eaje.status()).as(eaje.texte()).isIn(200, 201);
        Reponse service = api.post("caf07", "/api/v1/conventions/" + convention + "/services", java.util.Map.of("type", "EAJE_PSU",
                "nom", "Multi-accueil Les Lutins", "commune", "Aubenas", "capacite", 24));
        assertThat(service.status()).as(service.texte()).isEqualTo(201);

        assertThat(DiagnosticAubenasTest.textes(api.get("caf07", chemin).json().path("ecarts")))
                .anyMatch(e -> e.startsWith("Places d'accueil collectif") && e.contains("tableau EAJE du diagnostic 20")
                        && e.contains("annexe des services (capacités) 24"));
    }

    private JsonNode valeurs(String code) {
        return ligne(api.get("caf07", chemin).json().path("indicateurs"), i -> i.path("indicateur").path("code").asString().equals(code))
                .path("valeurs");
    }

    private Reponse postCsv(String utilisateur, String csv) {
        return post(utilisateur, csv.getBytes(StandardCharsets.UTF_8));
    }

    private Reponse post(String utilisateur, byte[] contenu) {
        try {
            MockHttpServletResponse reponse = mvc.perform(MockMvcRequestBuilders.post(chemin + "/valeurs").contentType("text/csv")
                    .content(contenu).with(httpBasic(utilisateur, ClientApi.MOT_DE_PASSE))).andReturn().getResponse();
            return new Reponse(reponse.getStatus(), reponse.getContentAsString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Document deposer(String utilisateur, String csv) throws Exception {
        MockHttpServletResponse reponse = mvc.perform(MockMvcRequestBuilders.multipart("/conventions/" + convention + "/diagnostic/import")
                        .file(new MockMultipartFile("fichier", "valeurs.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(httpBasic(utilisateur, ClientApi.MOT_DE_PASSE)).with(csrf()))
                .andReturn().getResponse();
        assertThat(reponse.getStatus()).isEqualTo(200);
        return Jsoup.parse(reponse.getContentAsString(StandardCharsets.UTF_8));
    }
}
