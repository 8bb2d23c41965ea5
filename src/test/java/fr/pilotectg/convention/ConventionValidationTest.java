package fr.pilotectg.convention;

import java.util.LinkedHashMap;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.ClientPages.Page;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input is refused before anything is written: HTTP status, the field named in
 * {@code erreurs[].champ}, a French message that says what to fix, and the convention read back
 * exactly as it was (same version, same data).
 */
@IntegrationTest
class ConventionValidationTest {

    @Autowired
    MockMvc mvc;

    ClientApi api;
    ClientPages pages;
    JsonNode convention;
    long id;
    String chemin;

    @BeforeEach
    void conventionDeTest() {
        api = new ClientApi(mvc);
        pages = new ClientPages(mvc);
        convention = api.creerConventionDeTest("caf07", "Validation");
        id = convention.path("id").asLong();
        chemin = "/api/v1/conventions/" + id;
    }

    @Test
    void unknown_commune_is_refused() {
        Reponse reponse = api.post("caf07", chemin + "/communes",
                Map.of("version", version(), "commune", "Trifouillis-les-Oies"));

        assertRefus(reponse, 400, "commune");
        assertThat(reponse.messageDuChamp("commune")).contains("Commune inconnue", "Trifouillis-les-Oies");
        assertInchangee();
    }

    @Test
    void unknown_commune_as_a_party_is_refused() {
        Reponse reponse = api.post("caf07", chemin + "/parties",
                Map.of("version", version(), "commune", "Trifouillis-les-Oies", "departement", "07", "role", "SIGNATAIRE"));

        assertRefus(reponse, 400, "communePartie");
        assertThat(reponse.messageDuChamp("communePartie")).contains("inconnue", "Trifouillis-les-Oies", "07");
        assertInchangee();
    }

    @ParameterizedTest(name = "\"{0}\" without département")
    @ValueSource(strings = {"Saint-Martin", "ST MARTIN"})
    void ambiguous_commune_is_refused_with_its_candidates(String saisie) {
        Reponse reponse = api.post("caf07", chemin + "/communes", Map.of("version", version(), "commune", saisie));

        assertRefus(reponse, 400, "commune");
        assertThat(reponse.messageDuChamp("commune"))
                .contains("Plusieurs communes", "Précisez le département")
                .contains("Saint-Martin (32)", "Saint-Martin (54)", "Saint-Martin (65)", "Saint-Martin (67)");
        assertInchangee();

        // Control: with its département, the same name is resolved and added.
        Reponse precisee = api.post("caf07", chemin + "/communes",
                Map.of("version", version(), "commune", saisie, "departement", "32"));
        assertThat(precisee.status()).as(precisee.texte()).isEqualTo(200);
        assertThat(precisee.json().path("communes").toString()).contains("32389");
    }

    @Test
    void end_date_before_start_is_refused_on_creation_and_nothing_is_created() {
        Map<String, Object> corps = api.nouvelleConventionArdeche("Test dates inversées " + id);
        corps.put("dateDebut", "2030-12-31");
        corps.put("dateFin", "2026-01-01");

        Reponse reponse = api.post("caf07", "/api/v1/conventions", corps);

        assertRefus(reponse, 400, "dateFin");
        assertThat(reponse.messageDuChamp("dateFin")).contains("postérieure", "1er janvier 2026", "31 décembre 2030");
        assertThat(api.titresTrouves("admin", "Test dates inversées " + id)).isEmpty();
    }

    @Test
    void same_start_and_end_date_is_refused_on_creation() {
        Map<String, Object> corps = api.nouvelleConventionArdeche("Test durée nulle " + id);
        corps.put("dateFin", "2026-01-01");

        assertRefus(api.post("caf07", "/api/v1/conventions", corps), 400, "dateFin");
        assertThat(api.titresTrouves("admin", "Test durée nulle " + id)).isEmpty();
    }

    @Test
    void end_date_before_start_is_refused_on_update() {
        Reponse reponse = api.put("caf07", chemin + "?version=" + version(),
                ClientApi.informations(convention, Map.of("titre", "Titre qui ne doit pas rester", "dateFin", "2025-06-30")));

        assertRefus(reponse, 400, "dateFin");
        assertThat(reponse.messageDuChamp("dateFin")).contains("postérieure", "30 juin 2025");
        assertInchangee();
    }

    @Test
    void duplicate_party_is_refused() {
        long ccba = ClientApi.idPartie(convention, ClientApi.CCBA);

        Reponse reponse = api.post("caf07", chemin + "/parties",
                Map.of("version", version(), "organisationId", ccba, "role", "ASSOCIEE"));

        assertRefus(reponse, 400, "organisationId");
        assertThat(reponse.messageDuChamp("organisationId")).contains(ClientApi.CCBA, "déjà partie");
        assertInchangee();
    }

    @Test
    void the_same_commune_cannot_become_a_party_twice() {
        Reponse premiere = api.post("caf07", chemin + "/parties",
                Map.of("version", version(), "commune", "Vals les Bains", "departement", "07", "role", "SIGNATAIRE"));
        assertThat(premiere.status()).as(premiere.texte()).isEqualTo(200);
        convention = premiere.json();

        Reponse seconde = api.post("caf07", chemin + "/parties",
                Map.of("version", version(), "commune", "VALS-LES-BAINS", "departement", "07", "role", "ASSOCIEE"));

        assertRefus(seconde, 400, "organisationId");
        assertThat(seconde.messageDuChamp("organisationId")).contains("Vals-les-Bains", "déjà partie");
        assertInchangee();
    }

    @Test
    void representative_with_a_mandate_of_another_organisation_is_refused() {
        // The Caf's president holds a mandate of the Caf de l'Ardèche, not of the CCBA.
        JsonNode aubenas = api.convention("caf07", api.aubenas());
        JsonNode presidentCaf = aubenas.path("parties").get(0).path("representants").get(0);
        assertThat(presidentCaf.path("nom").asString()).isEqualTo("SERRE-CHAMARY");
        long ccba = ClientApi.idPartie(convention, ClientApi.CCBA);

        Reponse reponse = api.post("caf07", chemin + "/representants", Map.of("version", version(),
                "organisationId", ccba, "mandatId", presidentCaf.path("mandatId").asLong()));

        assertRefus(reponse, 400, "mandatId");
        assertThat(reponse.messageDuChamp("mandatId"))
                .contains("n'est pas un mandat de", ClientApi.CCBA)
                // nothing about the mandate's holder: it may be a person of a convention the user may not read
                .doesNotContain("SERRE-CHAMARY", "Caf de l'Ardèche");
        assertInchangee();
    }

    @Test
    void forbidden_status_transition_is_refused() {
        Reponse reponse = api.post("caf07", chemin + "/statut", Map.of("version", version(), "statut", "SIGNEE"));

        assertRefus(reponse, 400, "statut");
        assertThat(reponse.messageDuChamp("statut")).contains("Passage interdit", "En préparation", "Signée", "Diagnostic");
        assertInchangee();
    }

    @Test
    void signing_without_period_is_refused_but_a_missing_signature_date_is_not_blocking() {
        java.util.Map<String, Object> sansPeriode = new java.util.HashMap<>(ClientApi.informations(convention, Map.of()));
        sansPeriode.put("dateDebut", null);
        sansPeriode.put("dateFin", null);
        Reponse modifiee = api.put("caf07", chemin + "?version=" + version(), sansPeriode);
        assertThat(modifiee.status()).as(modifiee.texte()).isEqualTo(200);
        convention = modifiee.json();
        for (String statut : new String[]{"DIAGNOSTIC", "PLAN_ACTIONS", "DELIBERATIONS"}) {
            Reponse pas = api.post("caf07", chemin + "/statut", Map.of("version", version(), "statut", statut));
            assertThat(pas.status()).as(pas.texte()).isEqualTo(200);
            convention = pas.json();
        }
        int avant = version();

        Reponse reponse = api.post("caf07", chemin + "/statut", Map.of("version", avant, "statut", "SIGNEE"));

        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(400);
        assertThat(reponse.messageDuChamp("statut")).contains("Signature impossible", "période non renseignée")
                .doesNotContain("date de signature");
        assertThat(api.convention("caf07", id).path("version").asInt()).isEqualTo(avant);
    }

    @Test
    void stale_api_edit_gets_409_and_keeps_the_first_edit() {
        int lue = version();
        String titreA = "Titre de la première personne " + id;

        Reponse premiere = api.put("caf07", chemin + "?version=" + lue, ClientApi.informations(convention, Map.of("titre", titreA)));
        Reponse seconde = api.put("ccba", chemin + "?version=" + lue,
                ClientApi.informations(convention, Map.of("titre", "Titre de la seconde personne", "lieuSignature", "Vals-les-Bains")));

        assertThat(premiere.status()).as(premiere.texte()).isEqualTo(200);
        assertThat(seconde.status()).as(seconde.texte()).isEqualTo(409);
        assertThat(seconde.json().path("status").asInt()).isEqualTo(409);
        assertThat(seconde.json().path("message").asString()).contains("modifiée par quelqu'un d'autre", "Rechargez");
        JsonNode relue = api.convention("caf07", id);
        assertThat(relue.path("version").asInt()).isEqualTo(lue + 1);
        assertThat(relue.path("titre").asString()).isEqualTo(titreA);
        assertThat(relue.path("lieuSignature").isNull()).isTrue();
    }

    @Test
    void stale_page_edit_shows_the_conflict_and_does_not_overwrite() {
        String formulaireModification = "form[action=/conventions/" + id + "/modifier]";
        // Two people open the edit form of the same version.
        Document ouvertParA = pages.get("caf07", "/conventions/" + id + "/modifier").document();
        Document ouvertParB = pages.get("ccba", "/conventions/" + id + "/modifier").document();
        Map<String, String> saisieA = new LinkedHashMap<>(ClientPages.champs(ouvertParA, formulaireModification));
        Map<String, String> saisieB = new LinkedHashMap<>(ClientPages.champs(ouvertParB, formulaireModification));
        assertThat(saisieA.get("version")).isEqualTo(String.valueOf(version()));
        saisieA.put("titre", "Titre enregistré par A " + id);
        saisieB.put("titre", "Titre écrasé par B");

        Page enregistreA = pages.poster("caf07", "/conventions/" + id + "/modifier", saisieA);
        Page refuseB = pages.poster("ccba", "/conventions/" + id + "/modifier", saisieB);

        assertThat(enregistreA.redirection()).isEqualTo("/conventions/" + id);
        assertThat(enregistreA.messageSucces()).isEqualTo("Informations enregistrées.");
        assertThat(refuseB.status()).isEqualTo(200);
        assertThat(refuseB.document().select(".conflit").text()).contains("Conflit de modification", "modifiée par quelqu'un d'autre");
        assertThat(refuseB.document().select(".conflit a").attr("href")).isEqualTo("/conventions/" + id + "/modifier");
        JsonNode relue = api.convention("caf07", id);
        assertThat(relue.path("titre").asString()).isEqualTo("Titre enregistré par A " + id);
        assertThat(relue.path("version").asInt()).isEqualTo(convention.path("version").asInt() + 1);
    }

    @Test
    void page_form_error_names_the_field_and_saves_nothing() {
        String formulaireModification = "form[action=/conventions/" + id + "/modifier]";
        Map<String, String> saisie = new LinkedHashMap<>(ClientPages.champs(
                pages.get("caf07", "/conventions/" + id + "/modifier").document(), formulaireModification));
        saisie.put("titre", "Titre qui ne doit pas rester");
        saisie.put("dateFin", "2025-06-30");

        Page page = pages.poster("caf07", "/conventions/" + id + "/modifier", saisie);

        assertThat(page.status()).isEqualTo(200);
        Document document = page.document();
        assertThat(document.select(".alert-danger").text()).contains("Rien n'a été enregistré");
        assertThat(document.getElementById("erreur-dateFin").text()).contains("postérieure");
        assertThat(document.getElementById("dateFin").hasClass("is-invalid")).isTrue();
        assertThat(document.getElementById("dateFin").attr("aria-describedby")).isEqualTo("erreur-dateFin");
        assertInchangee();
    }

    private int version() {
        return convention.path("version").asInt();
    }

    /** The convention read back is exactly the one before the refused request: same version, same data. */
    private void assertInchangee() {
        assertThat(api.convention("caf07", id)).isEqualTo(convention);
    }

    private static void assertRefus(Reponse reponse, int status, String champ) {
        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(status);
        assertThat(reponse.json().path("status").asInt()).isEqualTo(status);
        assertThat(reponse.champsEnErreur()).contains(champ);
        assertThat(reponse.json().path("message").asString()).isNotBlank();
    }
}
