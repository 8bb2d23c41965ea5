package fr.pilotectg.avenant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import fr.pilotectg.documents.LectureDocuments;
import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static fr.pilotectg.avenant.AvenantsEnTest.assertRefus;
import static fr.pilotectg.avenant.AvenantsEnTest.avenants;
import static fr.pilotectg.avenant.AvenantsEnTest.libelles;
import static fr.pilotectg.avenant.AvenantsEnTest.telecharger;
import static fr.pilotectg.avenant.AvenantsEnTest.version;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An avenant that changes the AO's projection table (a line added, figures changed, a line removed) on a convention of
 * its own signed here: bad lines refused naming the field, nothing written; the diff names the AO, the line and the
 * figures; applied at signature through the AO's service; version 1 and its document keep the old lines.
 */
@IntegrationTest
class AvenantDeLAoTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void an_avenant_adds_changes_and_removes_lines_of_the_ao_projection_table() throws Exception {
        ClientApi api = new ClientApi(mvc);
        JsonNode convention = api.creerConventionDeTest("caf07", "Avenant AO");
        long id = convention.path("id").asLong();
        String siren = convention.path("territoireSiren").asString();
        String base = "/api/v1/conventions/" + id;
        Reponse tableau = api.put("caf07", base + "/ao/projection/" + siren, Map.of("version", 0, "lignes", List.of(
                Map.of("mode", "EAJE_PSU", "actuel", 30, "annees", List.of(Map.of("annee", 2027, "valeur", 32))),
                Map.of("mode", "MAM", "actuel", 8, "actuelPrecision", "8 MAM pour 25 AMA", "projetsType", "Nouvelle MAM"),
                Map.of("mode", "RPE", "actuel", 1.5))));
        assertThat(tableau.status()).as(tableau.texte()).isEqualTo(200);
        for (String statut : List.of("DIAGNOSTIC", "PLAN_ACTIONS", "DELIBERATIONS", "SIGNEE")) {
            assertThat(api.post("caf07", base + "/statut", Map.of("version", version(api, id), "statut", statut)).status()).isEqualTo(200);
        }
        String nomAo = ClientApi.CCBA;

        assertRefus(api, base, changement("AO_LIGNE_MODIFIEE", Map.of("ao", "Nulle part", "ligne", "MAM", "actuel", "9")),
                "changements[0].champs.ao", "intercommunalité ou une commune");
        assertRefus(api, base, changement("AO_LIGNE_MODIFIEE", Map.of("ao", siren, "ligne", "Crèche fantôme", "actuel", "9")),
                "changements[0].champs.ligne", "n'a pas de ligne « Crèche fantôme »");
        assertRefus(api, base, changement("AO_LIGNE_AJOUTEE", Map.of("ao", siren, "ligne", "Nouvelle")),
                "changements[0].champs.mode", "MICRO_CRECHE_PAJE");
        assertRefus(api, base, changement("AO_LIGNE_AJOUTEE", Map.of("ao", siren, "mode", "MAM")),
                "changements[0].champs.ligne", "déjà une ligne « MAM »");
        assertRefus(api, base, changement("AO_LIGNE_AJOUTEE", Map.of("ao", siren, "mode", "AUTRE")),
                "changements[0].champs.ligne", "nommez la ligne");
        assertRefus(api, base, changement("AO_LIGNE_MODIFIEE", Map.of("ao", siren, "ligne", "MAM", "actuel", "-2")),
                "changements[0].champs.actuel", "nombre positif");
        assertRefus(api, base, changement("AO_LIGNE_MODIFIEE", Map.of("ao", siren, "ligne", "MAM", "annee2027", "beaucoup")),
                "changements[0].champs.annee2027", "« 2027 » est un nombre positif");
        assertRefus(api, base, changement("AO_LIGNE_MODIFIEE", Map.of("ao", siren, "ligne", "MAM", "annee2035", "3")),
                "changements[0].champs", "n'est pas un champ");
        assertRefus(api, base, changement("AO_LIGNE_MODIFIEE", Map.of("ao", siren, "ligne", "eaje psu", "actuel", "30,0")),
                "changements", "ne change rien");
        assertThat(api.post("lecteur", base + "/avenants", Map.of("objet", "Refusé", "changements",
                List.of(changement("AO_LIGNE_RETIREE", Map.of("ao", siren, "ligne", "RPE"))))).status()).isIn(403, 404);
        assertThat(api.post("caf42", base + "/avenants", Map.of("objet", "Refusé", "changements",
                List.of(changement("AO_LIGNE_RETIREE", Map.of("ao", siren, "ligne", "RPE"))))).status()).isIn(403, 404);
        assertThat(avenants(jdbc, id)).isZero();

        Reponse redige = api.post("caf07", base + "/avenants", Map.of("objet", "AO revue", "changements", List.of(
                changement("AO_LIGNE_MODIFIEE", Map.of("ao", nomAo, "ligne", "eaje psu", "annee2027", "35,5", "actuel", "31")),
                changement("AO_LIGNE_RETIREE", Map.of("ao", siren, "ligne", "RPE")),
                changement("AO_LIGNE_AJOUTEE", Map.of("ao", siren, "mode", "MICRO_CRECHE_PAJE", "annee2028", "10")))));
        assertThat(redige.status()).as(redige.texte()).isEqualTo(201);
        List<String> attendues = List.of(
                "AO " + nomAo + " : ligne « EAJE PSU » : nombre actuel « 30 » → « 31 »",
                "AO " + nomAo + " : ligne « EAJE PSU » : 2027 « 32 » → « 35,5 »",
                "AO " + nomAo + " : ligne « RPE » retirée",
                "AO " + nomAo + " : ligne « Micro-crèche PAJE » ajoutée (nombre actuel —, 2026 —, 2027 —, 2028 10, 2029 —, 2030 —)");
        assertThat(libelles(api.get("caf07", base + "/avenants/1/differences").json())).containsExactlyInAnyOrderElementsOf(attendues);
        // The same line in a second draft conflicts; another line of the same AO does not.
        Reponse chevauche = api.post("caf07", base + "/avenants", Map.of("objet", "Autre", "changements", List.of(
                changement("AO_LIGNE_MODIFIEE", Map.of("ao", siren, "ligne", "EAJE PSU", "actuel", "40")))));
        assertThat(chevauche.status()).isEqualTo(409);
        assertThat(chevauche.texte()).contains("la ligne « EAJE PSU » de l'AO " + nomAo);
        Reponse autreLigne = api.post("caf07", base + "/avenants", Map.of("objet", "MAM", "changements", List.of(
                changement("AO_LIGNE_MODIFIEE", Map.of("ao", siren, "ligne", "MAM", "annee2030", "10")))));
        assertThat(autreLigne.status()).as(autreLigne.texte()).isEqualTo(201);
        assertThat(autreLigne.json().path("avertissements").isEmpty()).isTrue();
        assertThat(lignes(api, base)).as("the convention is unchanged while in draft")
                .containsExactly("EAJE_PSU 30 [2027=32]", "MAM 8 []", "RPE 1.5 []");

        Reponse signe = api.post("caf07", base + "/avenants/1/statut", Map.of("version", 0, "statut", "SIGNE", "date", "2026-09-01"));
        assertThat(signe.status()).as(signe.texte()).isEqualTo(200);
        assertThat(lignes(api, base)).containsExactly("EAJE_PSU 31 [2027=35.5]", "MAM 8 []", "MICRO_CRECHE_PAJE null [2028=10]");
        JsonNode v1 = api.get("caf07", base + "/versions/1").json().path("contenu").path("ao");
        assertThat(StreamSupport.stream(v1.spliterator(), false).map(l -> l.path("intitule").asString() + " "
                + l.path("valeurs").path("actuel").asString()).toList())
                .containsExactly("EAJE PSU 30", "MAM 8 MAM pour 25 AMA", "RPE 1,5");
        assertThat(libelles(api.get("caf07", base + "/versions/1/comparaison/2").json())).containsExactlyInAnyOrderElementsOf(attendues);
        assertThat(LectureDocuments.texteDocx(telecharger(mvc, base + "/versions/1/document.docx")))
                .contains("Annexe – AO", "RPE").doesNotContain("Micro-crèche PAJE");
        assertThat(LectureDocuments.textePdf(telecharger(mvc, base + "/versions/2/document.pdf")).replaceAll("\\s+", " "))
                .contains("Annexe – AO", "Micro-crèche PAJE", "2027 35,5").doesNotContain("RPE :");

        // The form: a figure that is not one is refused on the page; a change of the line added by the avenant is drafted
        // (the MAM line is already in draft 2).
        ClientPages pages = new ClientPages(mvc);
        assertThat(pages.get("caf07", "/conventions/" + id + "/avenants/nouveau").html()).contains("Tableau de projection de l'AO");
        Map<String, String> saisie = new LinkedHashMap<>(Map.of("objet", "Micro-crèche revue", "aoCollectivite", siren,
                "aoAction", "AO_LIGNE_MODIFIEE", "aoLigne", "Micro-crèche PAJE", "aoAnnee", "2029", "aoValeur", "trois"));
        ClientPages.Page refus = pages.poster("caf07", "/conventions/" + id + "/avenants/nouveau", saisie);
        assertThat(refus.status()).isEqualTo(200);
        assertThat(refus.html()).contains("« 2029 » est un nombre positif");
        saisie.put("aoValeur", "3");
        ClientPages.Page redigee = pages.poster("caf07", "/conventions/" + id + "/avenants/nouveau", saisie);
        assertThat(redigee.status()).as(redigee.html()).isEqualTo(302);
        assertThat(libelles(api.get("caf07", base + "/avenants/3/differences").json()))
                .containsExactly("AO " + nomAo + " : ligne « Micro-crèche PAJE » : 2029 « — » → « 3 »");

        // The micro-crèche line removed directly after draft 3 was written: signing it is a conflict, nothing applied.
        int versionTableau = api.get("caf07", base + "/ao").json().path("projection").path("version").asInt();
        assertThat(api.put("caf07", base + "/ao/projection/" + siren, Map.of("version", versionTableau, "lignes", List.of(
                Map.of("mode", "EAJE_PSU", "actuel", 31, "annees", List.of(Map.of("annee", 2027, "valeur", 35.5))),
                Map.of("mode", "MAM", "actuel", 8)))).status()).isEqualTo(200);
        Reponse conflit = api.post("caf07", base + "/avenants/3/statut", Map.of("version", 0, "statut", "SIGNE", "date", "2026-10-01"));
        assertThat(conflit.status()).as(conflit.texte()).isEqualTo(409);
        assertThat(conflit.texte()).contains("ligne « Micro-crèche PAJE »");
        assertThat(lignes(api, base)).containsExactly("EAJE_PSU 31 [2027=35.5]", "MAM 8 []");
        assertThat(api.get("caf07", base + "/avenants/3").json().path("statut").asString()).isEqualTo("PROJET");
    }

    private static Map<String, Object> changement(String type, Map<String, String> champs) {
        return Map.of("type", type, "champs", champs);
    }

    /** "MAM 8 [2027=3]" per line of the CCBA table. */
    private static List<String> lignes(ClientApi api, String base) {
        JsonNode tableau = api.get("caf07", base + "/ao").json().path("projection").path("tableaux").get(0);
        return StreamSupport.stream(tableau.path("lignes").spliterator(), false)
                .map(l -> l.path("mode").asString() + " " + (l.path("actuel").isNull() || l.path("actuel").isMissingNode() ? "null"
                        : l.path("actuel").decimalValue().toPlainString()) + " " + StreamSupport.stream(l.path("annees").spliterator(), false)
                        .map(a -> a.path("annee").asInt() + "=" + a.path("valeur").decimalValue().toPlainString()).toList()
                        .toString().replace(", ", ",")).toList();
    }

}
