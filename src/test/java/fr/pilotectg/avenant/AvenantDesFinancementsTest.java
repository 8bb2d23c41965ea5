package fr.pilotectg.avenant;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import fr.pilotectg.documents.LectureDocuments;
import fr.pilotectg.plan.Montants;
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
 * An avenant that changes the planned financing of a fiche (a line added, an amount changed, a line removed) on a
 * convention of its own signed here: bad lines refused naming the field, nothing written; the diff names the line and
 * the amounts; the actual amounts (follow-up) are kept and never frozen; version 1 and its document keep the old lines.
 */
@IntegrationTest
class AvenantDesFinancementsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void an_avenant_adds_changes_and_removes_planned_financing_lines_of_a_fiche() throws Exception {
        ClientApi api = new ClientApi(mvc);
        long id = api.creerConventionDeTest("caf07", "Avenant financements").path("id").asLong();
        String base = "/api/v1/conventions/" + id;
        assertThat(api.post("caf07", base + "/plan", Map.of("modele", "NATIONAL", "niveaux", List.of(Map.of("nom", "Axe"),
                Map.of("nom", "Fiche action", "prefixe", "FA")))).status()).isEqualTo(201);
        Reponse creee = api.post("caf07", base + "/plan/fiches", Map.of("titre", "Fiche financée", "financements", List.of(
                ligne(2026, "COLLECTIVITE", "Commune de Test", "1200", null),
                ligne(2027, "CAF_PRESTATION_SERVICE", null, "5000", "4000"),
                ligne(2028, "BONUS_TERRITOIRE_CTG", null, null, "300"))));
        assertThat(creee.status()).as(creee.texte()).isEqualTo(201);
        long fiche = creee.json().path("id").asLong();
        String ref = api.get("caf07", "/api/v1/fiches/" + fiche).json().path("reference").asString();
        for (String statut : List.of("DIAGNOSTIC", "PLAN_ACTIONS", "DELIBERATIONS", "SIGNEE")) {
            assertThat(api.post("caf07", base + "/statut", Map.of("version", version(api, id), "statut", statut)).status()).isEqualTo(200);
        }

        assertRefus(api, base, Map.of("type", "FINANCEMENT_AJOUTE", "champs", Map.of("annee", "2029", "financeur", "AUTRE",
                "nom", "X", "prevu", "10")), "changements[0].ficheId", "fiche introuvable");
        assertRefus(api, base, changement("FINANCEMENT_AJOUTE", fiche, "2035", "CAF_PRESTATION_SERVICE", null, "10"),
                "changements[0].champs.annee", "2026 – 2030");
        assertRefus(api, base, changement("FINANCEMENT_AJOUTE", fiche, "2029", "MECENE", null, "10"),
                "changements[0].champs.financeur", "COLLECTIVITE");
        assertRefus(api, base, changement("FINANCEMENT_AJOUTE", fiche, "2029", "COLLECTIVITE", null, "10"),
                "changements[0].champs.nom", "nommez la collectivité");
        assertRefus(api, base, changement("FINANCEMENT_AJOUTE", fiche, "2029", "CAF_PRESTATION_SERVICE", null, "-5"),
                "changements[0].champs.prevu", "négatif");
        assertRefus(api, base, changement("FINANCEMENT_AJOUTE", fiche, "2029", "CAF_PRESTATION_SERVICE", null, "beaucoup"),
                "changements[0].champs.prevu", "n'est pas un montant");
        assertRefus(api, base, changement("FINANCEMENT_AJOUTE", fiche, "2026", "COLLECTIVITE", "commune de test", "10"),
                "changements[0].champs", "déjà une ligne");
        assertRefus(api, base, changement("FINANCEMENT_AJOUTE", fiche, "2028", "BONUS_TERRITOIRE_CTG", null, "10"),
                "changements[0].champs", "déjà une ligne");
        assertRefus(api, base, changement("FINANCEMENT_MODIFIE", fiche, "2029", "CAF_PRESTATION_SERVICE", null, "10"),
                "changements[0].champs", "pas de financement prévu");
        assertRefus(api, base, Map.of("type", "FINANCEMENT_RETIRE", "ficheId", fiche, "champs", Map.of("annee", "2026",
                "financeur", "COLLECTIVITE", "nom", "Commune de Test", "ligne", "1")), "changements[0].champs", "n'est pas un champ");
        assertRefus(api, base, changement("FINANCEMENT_MODIFIE", fiche, "2027", "CAF_PRESTATION_SERVICE", null, "5000"),
                "changements", "ne change rien");
        assertThat(api.post("lecteur", base + "/avenants", Map.of("objet", "Refusé", "changements",
                List.of(changement("FINANCEMENT_MODIFIE", fiche, "2027", "CAF_PRESTATION_SERVICE", null, "6000")))).status()).isIn(403, 404);
        assertThat(avenants(jdbc, id)).isZero();

        Reponse redige = api.post("caf07", base + "/avenants", Map.of("objet", "Financements revus", "changements", List.of(
                changement("FINANCEMENT_MODIFIE", fiche, "2027", "CAF_PRESTATION_SERVICE", null, "6 500,50"),
                changement("FINANCEMENT_RETIRE", fiche, "2026", "COLLECTIVITE", "commune de test", null),
                changement("FINANCEMENT_AJOUTE", fiche, "2029", "AUTRE", "Département", "800"))));
        assertThat(redige.status()).as(redige.texte()).isEqualTo(201);
        List<String> attendues = List.of(
                ref + " : financement 2027 · Caf — prestation de service : prévu " + Montants.texte(650_050L) + " au lieu de "
                        + Montants.texte(500_000L),
                ref + " : financement 2026 · Collectivité « Commune de Test » retiré (prévu " + Montants.texte(120_000L) + ")",
                ref + " : financement 2029 · Autre financeur « Département » ajouté, prévu " + Montants.texte(80_000L));
        assertThat(libelles(api.get("caf07", base + "/avenants/1/differences").json())).containsExactlyInAnyOrderElementsOf(attendues);
        // The same line in a second draft is warned; another line of the same fiche is not.
        Reponse chevauche = api.post("caf07", base + "/avenants", Map.of("objet", "Autre", "changements", List.of(
                changement("FINANCEMENT_MODIFIE", fiche, "2027", "CAF_PRESTATION_SERVICE", null, "7000"))));
        assertThat(chevauche.status()).isEqualTo(409);
        assertThat(chevauche.texte()).contains("le financement 2027 CAF_PRESTATION_SERVICE de la fiche " + ref);
        Reponse autreLigne = api.post("caf07", base + "/avenants", Map.of("objet", "Bonus", "changements", List.of(
                changement("FINANCEMENT_AJOUTE", fiche, "2030", "BONUS_TRAJECTOIRE", null, "100"))));
        assertThat(autreLigne.status()).as(autreLigne.texte()).isEqualTo(201);
        assertThat(autreLigne.json().path("avertissements").isEmpty()).isTrue();
        assertThat(lignes(api, fiche)).containsExactly("2026 COLLECTIVITE 1200.00 null", "2027 CAF_PRESTATION_SERVICE 5000.00 4000.00",
                "2028 BONUS_TERRITOIRE_CTG null 300.00");

        Reponse signe = api.post("caf07", base + "/avenants/1/statut", Map.of("version", 0, "statut", "SIGNE", "date", "2026-09-01"));
        assertThat(signe.status()).as(signe.texte()).isEqualTo(200);
        assertThat(lignes(api, fiche)).as("the actual amounts are kept").containsExactly("2027 CAF_PRESTATION_SERVICE 6500.50 4000.00",
                "2028 BONUS_TERRITOIRE_CTG null 300.00", "2029 AUTRE 800.00 null");
        JsonNode v1 = api.get("caf07", base + "/versions/1").json().path("contenu").path("financements");
        assertThat(StreamSupport.stream(v1.spliterator(), false).map(l -> l.path("annee").asInt() + " " + l.path("prevuCentimes").asLong()).toList())
                .as("only planned lines are frozen").containsExactly("2026 120000", "2027 500000");
        assertThat(libelles(api.get("caf07", base + "/versions/1/comparaison/2").json())).containsExactlyInAnyOrderElementsOf(attendues);
        assertThat(LectureDocuments.texteDocx(telecharger(mvc, base + "/versions/1/document.docx")))
                .contains("Annexe – Financements prévus", "Commune de Test").doesNotContain("Département");
        assertThat(LectureDocuments.textePdf(telecharger(mvc, base + "/versions/2/document.pdf")).replaceAll("\\s+", " "))
                .contains("Annexe – Financements prévus", "Département").doesNotContain("Commune de Test");

        // The form: an amount that is not one is refused on the page; a new amount is drafted.
        ClientPages pages = new ClientPages(mvc);
        assertThat(pages.get("caf07", "/conventions/" + id + "/avenants/nouveau").html()).contains("Financement prévu d'une fiche");
        Map<String, String> saisie = new LinkedHashMap<>(Map.of("objet", "Département revu", "financementFiche", String.valueOf(fiche),
                "financementAction", "FINANCEMENT_MODIFIE", "financementAnnee", "2029", "financementFinanceur", "AUTRE",
                "financementNom", "Département", "financementPrevu", "trop"));
        ClientPages.Page refus = pages.poster("caf07", "/conventions/" + id + "/avenants/nouveau", saisie);
        assertThat(refus.status()).isEqualTo(200);
        assertThat(refus.html()).contains("pas un montant en euros");
        saisie.put("financementPrevu", "900");
        assertThat(pages.poster("caf07", "/conventions/" + id + "/avenants/nouveau", saisie).status()).isEqualTo(302);
        assertThat(libelles(api.get("caf07", base + "/avenants/3/differences").json())).containsExactly(ref
                + " : financement 2029 · Autre financeur « Département » : prévu " + Montants.texte(90_000L) + " au lieu de " + Montants.texte(80_000L));
    }

    private static Map<String, Object> changement(String type, long fiche, String annee, String financeur, String nom, String prevu) {
        Map<String, String> champs = new LinkedHashMap<>();
        champs.put("annee", annee);
        champs.put("financeur", financeur);
        if (nom != null) {
            champs.put("nom", nom);
        }
        if (prevu != null) {
            champs.put("prevu", prevu);
        }
        return Map.of("type", type, "ficheId", fiche, "champs", champs);
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

    private static List<String> lignes(ClientApi api, long fiche) {
        return StreamSupport.stream(api.get("caf07", "/api/v1/fiches/" + fiche).json().path("financements").spliterator(), false)
                .map(l -> l.path("annee").asInt() + " " + l.path("financeur").asString() + " " + montant(l.path("prevu")) + " "
                        + montant(l.path("realise"))).toList();
    }

    private static String montant(JsonNode n) {
        return n.isNull() || n.isMissingNode() ? "null" : n.decimalValue().setScale(2).toPlainString();
    }

}
