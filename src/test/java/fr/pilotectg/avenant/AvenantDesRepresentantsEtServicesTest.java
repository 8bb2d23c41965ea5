package fr.pilotectg.avenant;

import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * Avenants that change a party's representatives (the party staying) and a row of the services annex, each on a
 * convention of its own signed here: bad changes refused naming the field with nothing written, a change that changes
 * nothing refused, another Caf refused, a second draft on the same line warned; the diff says what went from what to
 * what; at signature the change applies, version 1 and its document still read the old values.
 */
@IntegrationTest
class AvenantDesRepresentantsEtServicesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void an_avenant_changes_adds_and_removes_representatives_of_parties_that_stay() throws Exception {
        ClientApi api = new ClientApi(mvc);
        long id = api.creerConventionDeTest("caf07", "Avenant représentants").path("id").asLong();
        String base = "/api/v1/conventions/" + id;
        Map<String, Object> commune = jdbc.sql("SELECT id, nom FROM organisation WHERE type = 'COMMUNE' AND code_departement = '07' "
                + "AND id NOT IN (SELECT organisation_id FROM convention_partie WHERE convention_id = :c) ORDER BY id LIMIT 1")
                .param("c", id).query().singleRow();
        long communeId = (Long) commune.get("id");
        String nomCommune = (String) commune.get("nom");
        long caf = jdbc.sql("SELECT caf_id FROM convention WHERE id = :c").param("c", id).query(Long.class).single();
        String suffixe = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String maire = "Mme Claire MAIRE" + suffixe + ", Maire";
        String adjoint = "M. Paul ADJOINT" + suffixe + ", Adjoint";
        assertThat(api.post("caf07", base + "/parties", Map.of("version", version(api, id), "organisationId", communeId, "role", "SIGNATAIRE"))
                .status()).isEqualTo(200);
        long mandatMaire = representant(api, id, communeId, "Mme", "Claire", "MAIRE" + suffixe, "Maire");
        long mandatAdjoint = representant(api, id, communeId, "M.", "Paul", "ADJOINT" + suffixe, "Adjoint");
        for (String statut : List.of("DIAGNOSTIC", "PLAN_ACTIONS", "DELIBERATIONS", "SIGNEE")) {
            assertThat(api.post("caf07", base + "/statut", Map.of("version", version(api, id), "statut", statut)).status()).isEqualTo(200);
        }

        // Bad changes: 400 naming the change's field, nothing written.
        assertRefus(api, base, Map.of("type", "REPRESENTANT_AJOUTE", "champs", Map.of("nom", "X", "fonction", "Maire")),
                "changements[0].organisationId", "partie représentée");
        assertRefus(api, base, Map.of("type", "REPRESENTANT_AJOUTE", "organisationId", 999_999_999L, "champs", Map.of("nom", "X", "fonction", "Maire")),
                "changements[0].organisationId", "n'est pas partie");
        assertRefus(api, base, Map.of("type", "REPRESENTANT_AJOUTE", "organisationId", communeId, "champs", Map.of("nom", "X")),
                "changements[0].champs.fonction", "fonction du représentant est obligatoire");
        assertRefus(api, base, Map.of("type", "REPRESENTANT_AJOUTE", "organisationId", communeId, "champs", Map.of("nom", "X",
                "fonction", "Maire", "telephone", "06")), "changements[0].champs", "n'est pas un champ d'un représentant");
        assertRefus(api, base, Map.of("type", "REPRESENTANT_MODIFIE", "organisationId", communeId, "mandatId", 999_999_999L,
                "champs", Map.of("fonction", "Maire")), "changements[0].mandatId", "n'est pas celui d'un représentant");
        assertRefus(api, base, Map.of("type", "REPRESENTANT_RETIRE", "organisationId", caf, "mandatId", mandatMaire),
                "changements[0].mandatId", "n'est pas celui d'un représentant");
        assertRefus(api, base, Map.of("type", "REPRESENTANT_MODIFIE", "organisationId", communeId, "mandatId", mandatMaire,
                "champs", Map.of("nom", "")), "changements[0].champs.nom", "nom du représentant est obligatoire");
        assertRefus(api, base, Map.of("type", "REPRESENTANT_MODIFIE", "organisationId", communeId, "mandatId", mandatMaire,
                "champs", Map.of("fonction", "Maire")), "changements[0].champs", "rien ne change");
        // Another Caf may not draft here.
        assertThat(api.post("caf42", base + "/avenants", Map.of("objet", "Refusé", "changements", List.of(Map.of("type",
                "REPRESENTANT_RETIRE", "organisationId", communeId, "mandatId", mandatAdjoint)))).status()).isIn(403, 404);
        assertThat(avenants(jdbc, id)).isZero();

        String nouveauMaire = "M. Jean MAIRE" + suffixe + ", Maire";
        String directrice = "Mme Anne DIRECTRICE" + suffixe + ", Directrice";
        Reponse redige = api.post("caf07", base + "/avenants", Map.of("objet", "Nouveau maire, adjoint sortant, directrice",
                "changements", List.of(
                        Map.of("type", "REPRESENTANT_MODIFIE", "organisationId", communeId, "mandatId", mandatMaire,
                                "champs", Map.of("civilite", "M.", "prenom", "Jean")),
                        Map.of("type", "REPRESENTANT_RETIRE", "organisationId", communeId, "mandatId", mandatAdjoint),
                        Map.of("type", "REPRESENTANT_AJOUTE", "organisationId", caf, "champs", Map.of("civilite", "Mme",
                                "prenom", "Anne", "nom", "DIRECTRICE" + suffixe, "fonction", "Directrice")))));
        assertThat(redige.status()).as(redige.texte()).isEqualTo(201);
        JsonNode differences = api.get("caf07", base + "/avenants/1/differences").json();
        assertThat(libelles(differences)).hasSize(2).contains("Représentation de " + nomCommune + " modifiée");
        assertThat(lignes(differences, nomCommune)).contains("-" + maire, "-" + adjoint, "+" + nouveauMaire);
        assertThat(lignes(differences, "Représentation de") .stream().filter(l -> l.equals("+" + directrice))).hasSize(1);

        // In draft the representatives in force are unchanged and cannot be changed outside an avenant.
        assertThat(representants(api, id, communeId)).containsExactly(maire, adjoint);
        assertThat(api.post("caf07", base + "/representants", Map.of("version", version(api, id), "organisationId", communeId,
                "civilite", "M.", "prenom", "Hors", "nom", "AVENANT" + suffixe, "fonction", "Conseiller", "nouvellePersonneConfirmee", true))
                .status()).isEqualTo(409);
        // A second draft on the same representative is warned (409 until confirmed).
        Reponse chevauche = api.post("caf07", base + "/avenants", Map.of("objet", "Autre", "changements", List.of(
                Map.of("type", "REPRESENTANT_MODIFIE", "organisationId", communeId, "mandatId", mandatMaire, "champs", Map.of("fonction", "Maire honoraire")))));
        assertThat(chevauche.status()).isEqualTo(409);
        assertThat(chevauche.texte()).contains("le représentant " + maire);

        Reponse signe = api.post("caf07", base + "/avenants/1/statut", Map.of("version", 0, "statut", "SIGNE", "date", "2026-06-01"));
        assertThat(signe.status()).as(signe.texte()).isEqualTo(200);
        assertThat(representants(api, id, communeId)).containsExactly(nouveauMaire);
        assertThat(representants(api, id, caf)).contains(directrice);
        assertThat(jdbc.sql("SELECT count(*) FROM convention_partie WHERE convention_id = :c AND organisation_id = :o")
                .param("c", id).param("o", communeId).query(Long.class).single()).as("the party stays").isEqualTo(1);
        JsonNode v1 = api.get("caf07", base + "/versions/1").json().path("contenu").path("parties");
        assertThat(StreamSupport.stream(v1.spliterator(), false).filter(p -> p.path("organisationId").asLong() == communeId)
                .flatMap(p -> StreamSupport.stream(p.path("representants").spliterator(), false)).map(JsonNode::asString).toList())
                .containsExactly(maire, adjoint);
        assertThat(libelles(api.get("caf07", base + "/versions/1/comparaison/2").json())).contains("Représentation de " + nomCommune + " modifiée");
        String docV1 = LectureDocuments.texteDocx(telecharger(mvc, base + "/versions/1/document.docx"));
        assertThat(docV1).contains(maire, adjoint).doesNotContain(nouveauMaire);
        String docV2 = LectureDocuments.texteDocx(telecharger(mvc, base + "/versions/2/document.docx"));
        assertThat(docV2).contains(nouveauMaire, directrice).doesNotContain(maire);
        assertThat(LectureDocuments.textePdf(telecharger(mvc, base + "/versions/2/document.pdf")).replaceAll("\\s+", " "))
                .contains("Jean MAIRE" + suffixe);

        // The form: the function of the new mayor changes (the same person keeps representing the commune).
        long mandatNouveau = mandats(api, id, communeId).get(0);
        ClientPages pages = new ClientPages(mvc);
        assertThat(pages.get("caf07", "/conventions/" + id + "/avenants/nouveau").html()).contains("Changer : " + nouveauMaire);
        ClientPages.Page illisible = pages.poster("caf07", "/conventions/" + id + "/avenants/nouveau",
                Map.of("objet", "Illisible", "representant", "a:b:c"));
        assertThat(illisible.status()).isEqualTo(200);
        assertThat(illisible.html()).contains("Choix de représentant illisible");
        ClientPages.Page fonction = pages.poster("caf07", "/conventions/" + id + "/avenants/nouveau", Map.of("objet", "Fonction du maire",
                "representant", communeId + ":" + mandatNouveau, "representantFonction", "Maire et conseiller départemental"));
        assertThat(fonction.status()).isEqualTo(302);
        assertThat(lignes(api.get("caf07", base + "/avenants/2/differences").json(), nomCommune))
                .containsExactly("-" + nouveauMaire, "+M. Jean MAIRE" + suffixe + ", Maire et conseiller départemental");
        long personne = jdbc.sql("SELECT personne_id FROM mandat WHERE id = :m").param("m", mandatNouveau).query(Long.class).single();
        assertThat(api.post("caf07", base + "/avenants/2/statut", Map.of("version", 0, "statut", "SIGNE", "date", "2026-07-01")).status())
                .isEqualTo(200);
        long apres = mandats(api, id, communeId).get(0);
        assertThat(apres).isNotEqualTo(mandatNouveau);
        assertThat(jdbc.sql("SELECT personne_id FROM mandat WHERE id = :m").param("m", apres).query(Long.class).single())
                .as("same person, new mandate").isEqualTo(personne);
        assertThat(avenants(jdbc, id)).isEqualTo(2);
    }

    @Test
    void an_avenant_changes_fields_of_a_row_of_the_services_annex() throws Exception {
        ClientApi api = new ClientApi(mvc);
        long id = api.creerConventionDeTest("caf07", "Avenant service modifié").path("id").asLong();
        String base = "/api/v1/conventions/" + id;
        Reponse ligne = api.post("caf07", base + "/services", Map.of("type", "LAEP", "nom", "LAEP Les Petits Pas", "capacite", 10));
        assertThat(ligne.status()).as(ligne.texte()).isEqualTo(201);
        long laep = ligne.json().path("id").asLong();
        for (String statut : List.of("DIAGNOSTIC", "PLAN_ACTIONS", "DELIBERATIONS", "SIGNEE")) {
            assertThat(api.post("caf07", base + "/statut", Map.of("version", version(api, id), "statut", statut)).status()).isEqualTo(200);
        }

        assertRefus(api, base, Map.of("type", "SERVICE_MODIFIE", "champs", Map.of("nom", "X")), "changements[0].serviceId", "indiquez la ligne");
        assertRefus(api, base, Map.of("type", "SERVICE_MODIFIE", "serviceId", 999_999_999L, "champs", Map.of("nom", "X")),
                "changements[0].serviceId", "n'est pas dans l'annexe");
        assertRefus(api, base, Map.of("type", "SERVICE_MODIFIE", "serviceId", laep), "changements[0].champs", "indiquez les champs");
        assertRefus(api, base, Map.of("type", "SERVICE_MODIFIE", "serviceId", laep, "champs", Map.of("couleur", "bleu")),
                "changements[0].champs", "n'est pas un champ");
        assertRefus(api, base, Map.of("type", "SERVICE_MODIFIE", "serviceId", laep, "champs", Map.of("capacite", "douze")),
                "changements[0].champs.capacite", "nombre entier");
        assertRefus(api, base, Map.of("type", "SERVICE_MODIFIE", "serviceId", laep, "champs", Map.of("nom", " ")),
                "changements[0].champs.nom", "ne peut pas être vidé");
        assertRefus(api, base, Map.of("type", "SERVICE_MODIFIE", "serviceId", laep, "champs", Map.of("type", "PISCINE")),
                "changements[0].champs.type", "catalogue");
        assertRefus(api, base, Map.of("type", "SERVICE_MODIFIE", "serviceId", laep, "champs", Map.of("nom", "LAEP Les Petits Pas")),
                "changements", "ne change rien");
        assertThat(api.post("lecteur", base + "/avenants", Map.of("objet", "Refusé", "changements", List.of(Map.of("type",
                "SERVICE_MODIFIE", "serviceId", laep, "champs", Map.of("capacite", "15"))))).status()).isIn(403, 404);
        assertThat(avenants(jdbc, id)).isZero();

        Reponse redige = api.post("caf07", base + "/avenants", Map.of("objet", "Le LAEP s'agrandit",
                "changements", List.of(Map.of("type", "SERVICE_MODIFIE", "serviceId", laep,
                        "champs", Map.of("nom", "LAEP Les Grands Pas", "capacite", "15")))));
        assertThat(redige.status()).as(redige.texte()).isEqualTo(201);
        String service = "Service Lieu d'accueil enfants-parents « LAEP Les Petits Pas » : ";
        assertThat(libelles(api.get("caf07", base + "/avenants/1/differences").json())).containsExactlyInAnyOrder(
                service + "nom « LAEP Les Petits Pas » → « LAEP Les Grands Pas »", service + "capacité « 10 places » → « 15 places »");
        Reponse chevauche = api.post("caf07", base + "/avenants", Map.of("objet", "Autre", "changements", List.of(
                Map.of("type", "SERVICE_MODIFIE", "serviceId", laep, "champs", Map.of("gestionnaire", "Commune")))));
        assertThat(chevauche.status()).isEqualTo(409);
        assertThat(chevauche.texte()).contains("le service LAEP Les Petits Pas");
        assertThat(api.get("caf07", "/api/v1/services/" + laep).json().path("nom").asString()).isEqualTo("LAEP Les Petits Pas");

        assertThat(api.post("caf07", base + "/avenants/1/statut", Map.of("version", 0, "statut", "SIGNE", "date", "2026-07-01")).status())
                .isEqualTo(200);
        JsonNode apres = api.get("caf07", "/api/v1/services/" + laep).json();
        assertThat(apres.path("nom").asString()).isEqualTo("LAEP Les Grands Pas");
        assertThat(apres.path("capacite").asInt()).isEqualTo(15);
        assertThat(apres.path("type").asString()).isEqualTo("LAEP");
        assertThat(api.get("caf07", base + "/versions/1").json().path("contenu").path("services").get(0).path("nom").asString())
                .isEqualTo("LAEP Les Petits Pas");
        assertThat(libelles(api.get("caf07", base + "/versions/1/comparaison/2").json())).containsExactlyInAnyOrder(
                service + "nom « LAEP Les Petits Pas » → « LAEP Les Grands Pas »", service + "capacité « 10 places » → « 15 places »");
        assertThat(LectureDocuments.texteDocx(telecharger(mvc, base + "/versions/1/document.docx")))
                .contains("Annexe – Services soutenus", "LAEP Les Petits Pas", "10 places").doesNotContain("LAEP Les Grands Pas");
        assertThat(LectureDocuments.textePdf(telecharger(mvc, base + "/versions/2/document.pdf")).replaceAll("\\s+", " "))
                .contains("LAEP Les Grands Pas", "15 places").doesNotContain("Les Petits Pas");

        // The form: a capacity that is not a number is refused on the page; a new manager is drafted.
        ClientPages pages = new ClientPages(mvc);
        assertThat(pages.get("caf07", "/conventions/" + id + "/avenants/nouveau").html()).contains("Service modifié");
        ClientPages.Page refus = pages.poster("caf07", "/conventions/" + id + "/avenants/nouveau",
                Map.of("objet", "Capacité illisible", "serviceModifie", String.valueOf(laep), "serviceModifCapacite", "beaucoup"));
        assertThat(refus.status()).isEqualTo(200);
        assertThat(refus.html()).contains("nombre entier de places");
        ClientPages.Page gestionnaire = pages.poster("caf07", "/conventions/" + id + "/avenants/nouveau",
                Map.of("objet", "Nouveau gestionnaire", "serviceModifie", String.valueOf(laep), "serviceModifGestionnaire", "Centre social"));
        assertThat(gestionnaire.status()).isEqualTo(302);
        assertThat(libelles(api.get("caf07", base + "/avenants/2/differences").json())).containsExactly(
                "Service Lieu d'accueil enfants-parents « LAEP Les Grands Pas » : gestionnaire (vide) → « Centre social »");
        assertThat(avenants(jdbc, id)).isEqualTo(2);
    }

    private long representant(ClientApi api, long id, long organisationId, String civilite, String prenom, String nom, String fonction) {
        Reponse r = api.post("caf07", "/api/v1/conventions/" + id + "/representants", Map.of("version", version(api, id),
                "organisationId", organisationId, "civilite", civilite, "prenom", prenom, "nom", nom, "fonction", fonction,
                "nouvellePersonneConfirmee", true));
        assertThat(r.status()).as(r.texte()).isEqualTo(200);
        List<Long> mandats = mandats(api, id, organisationId);
        return mandats.get(mandats.size() - 1);
    }

    private static JsonNode partie(ClientApi api, long id, long organisationId) {
        return StreamSupport.stream(api.convention("caf07", id).path("parties").spliterator(), false)
                .filter(p -> p.path("organisation").path("id").asLong() == organisationId).findFirst().orElseThrow();
    }

    private static List<Long> mandats(ClientApi api, long id, long organisationId) {
        return StreamSupport.stream(partie(api, id, organisationId).path("representants").spliterator(), false)
                .map(r -> r.path("mandatId").asLong()).toList();
    }

    private static List<String> representants(ClientApi api, long id, long organisationId) {
        return StreamSupport.stream(partie(api, id, organisationId).path("representants").spliterator(), false)
                .map(r -> r.path("nomComplet").asString() + ", " + r.path("fonction").asString()).toList();
    }


    /** The +/- lines of the differences whose label contains {@code extrait}. */
    private static List<String> lignes(JsonNode differences, String extrait) {
        return StreamSupport.stream(differences.spliterator(), false).filter(d -> d.path("libelle").asString().contains(extrait))
                .flatMap(d -> StreamSupport.stream(d.path("lignes").spliterator(), false))
                .filter(l -> !l.path("sens").asString().isBlank())
                .map(l -> l.path("sens").asString() + l.path("texte").asString()).toList();
    }
}
