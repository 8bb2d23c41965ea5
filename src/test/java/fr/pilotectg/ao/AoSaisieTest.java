package fr.pilotectg.ao;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import fr.pilotectg.shared.audit.Journal;
import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import fr.pilotectg.territoire.TerritoireService;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static fr.pilotectg.ao.AoDemoTest.obligation;
import static fr.pilotectg.ao.AoDemoTest.textes;
import static org.assertj.core.api.Assertions.assertThat;

/** Editing the competence matrix on throw-away conventions: modes, "certaines communes", refusals, conflicts, journal. */
@IntegrationTest
class AoSaisieTest {

    private static final List<String> COMPETENCES = List.of("RECENSER_BESOINS", "INFORMER_ACCOMPAGNER", "PLANIFIER", "SOUTENIR_QUALITE");

    @Autowired
    MockMvc mvc;

    @Autowired
    TerritoireService territoires;

    @Autowired
    Journal journal;

    ClientApi api;
    ClientPages pages;

    @BeforeEach
    void clients() {
        api = new ClientApi(mvc);
        pages = new ClientPages(mvc);
    }

    @Test
    void some_communes_transfer_to_the_epci_and_a_large_commune_keeps_its_competences_each_ao_gets_its_own_obligations() {
        long id = api.creerConventionDeTest("caf07", "ao-certaines").path("id").asLong();
        String chemin = "/api/v1/conventions/" + id + "/ao";

        Reponse epci = api.put("caf07", chemin + "/matrice", saisie(0, "CCBA", ModeExercice.TRANSFEREE_PAR_CERTAINES_COMMUNES,
                List.of("VALS LES BAINS", "Commune de Lavilledieu")));
        assertThat(epci.status()).as(epci.texte()).isEqualTo(200);
        Reponse aubenas = api.put("ccba", chemin + "/matrice", saisie(1, "Aubenas", ModeExercice.EXERCEE_PAR_LA_COMMUNE, List.of()));
        assertThat(aubenas.status()).as(aubenas.texte()).isEqualTo(200);

        JsonNode ao = api.get("caf07", chemin).json();
        int vals = territoires.commune("07331").orElseThrow().population();
        int lavilledieu = territoires.commune("07138").orElseThrow().population();
        JsonNode cellule = ao.path("matrice").path("collectivites").get(0).path("competences").get(2);
        assertThat(cellule.path("mode").asString()).isEqualTo("TRANSFEREE_PAR_CERTAINES_COMMUNES");
        assertThat(StreamSupport.stream(cellule.path("communes").spliterator(), false).map(c -> c.path("nom").asString()))
                .containsExactlyInAnyOrder("Vals-les-Bains", "Lavilledieu");
        assertThat(cellule.path("populationCommunesTransferantes").asInt()).isEqualTo(vals + lavilledieu);

        JsonNode regles = ao.path("regles");
        assertThat(regles).hasSize(2);
        JsonNode ccba = trouver(regles, ClientApi.CCBA);
        assertThat(ccba.path("population").asInt()).isEqualTo(vals + lavilledieu);
        assertThat(obligation(ccba, "PLAN").path("applique").asBoolean()).isEqualTo(vals + lavilledieu > 3_500);
        assertThat(obligation(ccba, "SCHEMA").path("applique").asBoolean()).isFalse();
        assertThat(obligation(ccba, "RPE").path("applique").asBoolean()).isFalse();
        JsonNode commune = trouver(regles, "Aubenas");
        assertThat(commune.path("population").asInt()).isEqualTo(territoires.commune("07019").orElseThrow().population()).isGreaterThan(10_000);
        JsonNode schema = obligation(commune, "SCHEMA");
        assertThat(schema.path("applique").asBoolean()).isTrue();
        assertThat(schema.path("satisfaite").asBoolean()).isFalse();
        JsonNode rpe = obligation(commune, "RPE");
        assertThat(rpe.path("satisfaite").asBoolean()).isFalse();
        assertThat(rpe.path("manque").asString()).contains("Aucun relais petite enfance");

        assertThat(journal.pourConvention(id, 20, 0)).anyMatch(e -> e.objetType().equals("ao_matrice")
                && e.action().contains("Aubenas") && e.changements().stream().anyMatch(c -> "Exercée par la commune".equals(c.apres())));
    }

    @Test
    void inconsistent_rows_are_refused_naming_the_competence_and_nothing_is_saved() {
        long id = api.creerConventionDeTest("caf07", "ao-refus").path("id").asLong();
        String chemin = "/api/v1/conventions/" + id + "/ao/matrice";

        Reponse communeTransfere = api.put("caf07", chemin, saisie(0, "Aubenas", ModeExercice.TRANSFEREE_PAR_TOUTES_LES_COMMUNES, List.of()));
        Reponse epciExerce = api.put("caf07", chemin, saisie(0, "CCBA", ModeExercice.EXERCEE_PAR_LA_COMMUNE, List.of()));
        Reponse sansCommunes = api.put("caf07", chemin, saisie(0, "CCBA", ModeExercice.TRANSFEREE_PAR_CERTAINES_COMMUNES, List.of()));
        Reponse horsTerritoire = api.put("caf07", chemin, saisie(0, "CCBA", ModeExercice.TRANSFEREE_PAR_CERTAINES_COMMUNES, List.of("Privas")));
        Reponse inconnue = api.put("caf07", chemin, saisie(0, "Saint-Étienne", ModeExercice.SANS_OBJET, List.of()));
        Map<String, Object> incomplete = saisie(0, "CCBA", ModeExercice.TRANSFEREE_PAR_TOUTES_LES_COMMUNES, List.of());
        ((Map<?, ?>) incomplete.get("competences")).remove("PLANIFIER");
        Reponse manquante = api.put("caf07", chemin, incomplete);

        assertThat(communeTransfere.status()).isEqualTo(400);
        assertThat(communeTransfere.messageDuChamp("competences.PLANIFIER")).contains("ligne de l'intercommunalité");
        assertThat(epciExerce.status()).isEqualTo(400);
        assertThat(epciExerce.champsEnErreur()).containsAll(COMPETENCES.stream().map(c -> "competences." + c).toList());
        assertThat(sansCommunes.messageDuChamp("competences.RECENSER_BESOINS.communes")).contains("indiquez lesquelles");
        assertThat(horsTerritoire.messageDuChamp("competences.SOUTENIR_QUALITE.communes")).contains("« Privas » n'est pas une commune du territoire");
        assertThat(inconnue.messageDuChamp("collectivite")).contains("Saint-Étienne");
        assertThat(manquante.status()).isEqualTo(400);
        assertThat(manquante.messageDuChamp("competences.PLANIFIER")).contains("Planifier");
        JsonNode ao = api.get("caf07", "/api/v1/conventions/" + id + "/ao").json();
        assertThat(ao.path("matrice").path("collectivites")).isEmpty();
        assertThat(ao.path("matrice").path("version").asInt()).isZero();
    }

    @Test
    void a_stale_version_gets_409_and_keeps_the_first_write() {
        long id = api.creerConventionDeTest("caf07", "ao-conflit").path("id").asLong();
        String chemin = "/api/v1/conventions/" + id + "/ao/matrice";

        assertThat(api.put("caf07", chemin, saisie(0, "CCBA", ModeExercice.TRANSFEREE_PAR_TOUTES_LES_COMMUNES, List.of())).status()).isEqualTo(200);
        Reponse perimee = api.put("ccba", chemin, saisie(0, "CCBA", ModeExercice.SANS_OBJET, List.of()));

        assertThat(perimee.status()).isEqualTo(409);
        JsonNode cellules = api.get("caf07", "/api/v1/conventions/" + id + "/ao").json().path("matrice").path("collectivites").get(0).path("competences");
        assertThat(cellules).allMatch(c -> c.path("mode").asString().equals("TRANSFEREE_PAR_TOUTES_LES_COMMUNES"));
    }

    @Test
    void the_page_form_saves_a_row_and_shows_refusals_under_the_competence() {
        long id = api.creerConventionDeTest("caf07", "ao-page").path("id").asLong();
        Document page = pages.get("caf07", "/conventions/" + id + "/ao").document();
        Map<String, String> champs = ClientPages.champs(page, "#saisie-matrice");
        COMPETENCES.forEach(c -> champs.put("mode_" + c, "TRANSFEREE_PAR_TOUTES_LES_COMMUNES"));
        champs.put("mode_SOUTENIR_QUALITE", "TRANSFEREE_PAR_CERTAINES_COMMUNES");

        ClientPages.Page refus = pages.poster("caf07", "/conventions/" + id + "/ao/matrice", champs);
        assertThat(refus.status()).isEqualTo(200);
        assertThat(refus.document().selectFirst("#erreur-mode_SOUTENIR_QUALITE").text()).contains("indiquez lesquelles");
        assertThat(api.get("caf07", "/api/v1/conventions/" + id + "/ao").json().path("matrice").path("collectivites")).isEmpty();

        Map<String, String> forge = new LinkedHashMap<>(champs);
        forge.put("mode_PLANIFIER", "MODE_INVENTE");
        forge.put("version", "abc");
        ClientPages.Page forgee = pages.poster("caf07", "/conventions/" + id + "/ao/matrice", forge);
        assertThat(forgee.status()).isEqualTo(200);
        assertThat(forgee.document().select(".alert-danger li").eachText())
                .anyMatch(m -> m.contains("version")).anyMatch(m -> m.contains("Planifier"));

        champs.put("communes_SOUTENIR_QUALITE", "Aubenas\nVals-les-Bains");
        ClientPages.Page ok = pages.poster("caf07", "/conventions/" + id + "/ao/matrice", champs);
        assertThat(ok.redirection()).isEqualTo("/conventions/" + id + "/ao");
        Document apres = pages.get("caf07", "/conventions/" + id + "/ao").document();
        assertThat(apres.select("table.matrice-ao td[data-competence=SOUTENIR_QUALITE]").text())
                .contains("certaines communes").contains("Aubenas").contains("Vals-les-Bains");
    }

    static Map<String, Object> saisie(int version, String collectivite, ModeExercice mode, List<String> communes) {
        Map<String, Object> competences = new LinkedHashMap<>();
        COMPETENCES.forEach(c -> competences.put(c, Map.of("mode", mode.name(), "communes", communes)));
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("version", version);
        corps.put("collectivite", collectivite);
        corps.put("competences", competences);
        return corps;
    }

    private static JsonNode trouver(JsonNode regles, String nom) {
        return StreamSupport.stream(regles.spliterator(), false).filter(r -> r.path("nom").asString().equals(nom)).findFirst()
                .orElseThrow(() -> new AssertionError("Pas d'autorité " + nom + " dans " + textes(regles)));
    }
}
