package fr.pilotectg.avenant;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 items 5 and 7 acceptance, on the demo data. Signing an avenant changes Aubenas for good, so this class has
 * its own embedded PostgreSQL (its own context and demo data): the shared context's Aubenas stays as loaded.
 */
@IntegrationTest
class AvenantsEtVersionsTest {

    @DynamicPropertySource
    static void proprietes(DynamicPropertyRegistry proprietes) {
        proprietes.add("pilote.base-embarquee.repertoire", () -> "target/test-postgres-avenants");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    ClientApi api;

    @BeforeEach
    void client() {
        api = new ClientApi(mvc);
    }

    @Test
    void avenant_1_on_aubenas_adds_a_fiche_retitles_fa12_extends_the_period_and_is_applied_at_signature() {
        long id = api.aubenas();
        String base = "/api/v1/conventions/" + id;
        Map<String, Object> fa12 = jdbc.sql("SELECT id, noeud_id, titre FROM fiche WHERE convention_id = :c AND reference = 'FA12' AND supprimee_le IS NULL")
                .param("c", id).query().singleRow();
        String ancienTitre = (String) fa12.get("titre");
        long fiches = nombreDeFiches(id);
        int texteAvant = versionDuTexte(id);

        // Demo conventions are signed without a version: none yet, and nothing locked.
        assertThat(api.get("caf07", base + "/versions").json().path("versionEnVigueur").asInt()).isZero();

        // Denials before anything is written.
        Map<String, Object> avenant = Map.of("objet", "Prolongation d'un an, fiche nouvelle, FA12 retitrée", "versionBase", 1,
                "changements", List.of(
                        Map.of("type", "FICHE_AJOUTEE", "noeudId", fa12.get("noeud_id"), "titre", "Accueil des jeunes le samedi"),
                        Map.of("type", "FICHE_MODIFIEE", "reference", "FA12", "titre", "Soutenir les parents d'adolescents"),
                        Map.of("type", "PERIODE", "dateFin", "2031-12-31")));
        assertThat(api.post("caf42", base + "/avenants", avenant).status()).isIn(403, 404);
        assertThat(api.post("lecteur", base + "/avenants", avenant).status()).isEqualTo(403);
        assertThat(api.post("palabre", base + "/avenants", avenant).status()).isEqualTo(403);
        assertThat(api.post("lecteur", base + "/versions", Map.of()).status()).isEqualTo(403);
        assertThat(api.get("caf42", base + "/versions").status()).isIn(403, 404);
        assertThat(api.get("caf42", base + "/avenants").status()).isIn(403, 404);
        assertThat(jdbc.sql("SELECT count(*) FROM avenant").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM convention_version").query(Long.class).single()).isZero();

        // An avenant that changes nothing: 400, nothing written.
        Reponse rien = api.post("caf07", base + "/avenants", Map.of("objet", "Rien", "changements", List.of(
                Map.of("type", "FICHE_MODIFIEE", "reference", "FA12", "titre", ancienTitre))));
        assertThat(rien.status()).isEqualTo(400);
        assertThat(rien.champsEnErreur()).contains("changements");
        assertThat(api.post("caf07", base + "/avenants", Map.of("objet", "Vide", "changements", List.of())).status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM avenant").query(Long.class).single()).isZero();

        Reponse redige = api.post("caf07", base + "/avenants", avenant);
        assertThat(redige.status()).as(redige.texte()).isEqualTo(201);
        assertThat(redige.json().path("avenant").path("numero").asInt()).isEqualTo(1);
        assertThat(redige.json().path("avenant").path("statut").asString()).isEqualTo("PROJET");

        // Version 1 taken at the first need; the diff lists exactly the three changes.
        JsonNode versions = api.get("lecteur", base + "/versions").json();
        assertThat(versions.path("versionEnVigueur").asInt()).isEqualTo(1);
        List<String> differences = libelles(api.get("lecteur", base + "/avenants/1/differences").json());
        assertThat(differences).containsExactlyInAnyOrder(
                "Fiche ajoutée : « Accueil des jeunes le samedi » (sous " + emplacement(id, (Long) fa12.get("noeud_id")) + ")",
                "Titre de FA12 modifié : « " + ancienTitre + " » → « Soutenir les parents d'adolescents »",
                "Période prolongée : fin le 31 décembre 2031 au lieu du 31 décembre 2030");

        // While in draft the convention in force is unchanged, and its contractual parts are locked outside an avenant.
        assertThat(api.convention("caf07", id).path("dateFin").asString()).isEqualTo("2030-12-31");
        assertThat(titre((Long) fa12.get("id"))).isEqualTo(ancienTitre);
        assertThat(nombreDeFiches(id)).isEqualTo(fiches);
        Reponse article = api.put("caf07", base + "/sections", Map.of("version", texteAvant, "sections", List.of(
                Map.of("nature", "ARTICLE", "titre", "Objet", "texte", "Un article réécrit sans avenant."))));
        assertThat(article.status()).isEqualTo(409);
        assertThat(article.texte()).contains("Cette convention est signée : ces modifications passent par un avenant (Avenants › Nouvel avenant)");
        assertThat(versionDuTexte(id)).isEqualTo(texteAvant);
        assertThat(api.post("caf07", "/api/v1/conventions/" + id + "/plan/fiches", Map.of("titre", "Sans avenant", "noeudId", fa12.get("noeud_id"))).status())
                .isEqualTo(409);
        assertThat(nombreDeFiches(id)).isEqualTo(fiches);

        // A second draft touching FA12 is refused unless confirmed, then created with a warning.
        Map<String, Object> autre = Map.of("objet", "Autre", "changements", List.of(
                Map.of("type", "FICHE_MODIFIEE", "reference", "FA12", "titre", "Un autre titre")));
        Reponse chevauche = api.post("caf07", base + "/avenants", autre);
        assertThat(chevauche.status()).isEqualTo(409);
        assertThat(chevauche.texte()).contains("avenant n°1").contains("FA12");
        Reponse confirme = api.post("caf07", base + "/avenants", Map.of("objet", "Autre", "confirmerChevauchement", true,
                "changements", autre.get("changements")));
        assertThat(confirme.status()).isEqualTo(201);
        assertThat(confirme.json().path("avertissements").get(0).asString()).contains("n°1");

        // Stale avenant version, bad transition, denials on the status change.
        assertThat(api.post("caf07", base + "/avenants/1/statut", Map.of("version", 7, "statut", "SIGNE")).status()).isEqualTo(409);
        assertThat(api.post("caf07", base + "/avenants/1/statut", Map.of("version", 0, "statut", "EN_VIGUEUR")).status()).isEqualTo(400);
        assertThat(api.post("lecteur", base + "/avenants/1/statut", Map.of("version", 0, "statut", "SIGNE")).status()).isEqualTo(403);
        assertThat(api.post("caf42", base + "/avenants/1/statut", Map.of("version", 0, "statut", "SIGNE")).status()).isIn(403, 404);

        Reponse signe = api.post("caf07", base + "/avenants/1/statut", Map.of("version", 0, "statut", "SIGNE", "date", "2027-01-15"));
        assertThat(signe.status()).as(signe.texte()).isEqualTo(200);
        assertThat(signe.json().path("versionCreee").asInt()).isEqualTo(2);

        // After signature the new version is in force; version 1 can still be read and compared.
        assertThat(api.convention("caf07", id).path("dateFin").asString()).isEqualTo("2031-12-31");
        assertThat(titre((Long) fa12.get("id"))).isEqualTo("Soutenir les parents d'adolescents");
        assertThat(nombreDeFiches(id)).isEqualTo(fiches + 1);
        assertThat(api.get("lecteur", base + "/versions").json().path("versionEnVigueur").asInt()).isEqualTo(2);
        JsonNode v1 = api.get("lecteur", base + "/versions/1").json();
        assertThat(v1.path("contenu").path("dateFin").asString()).isEqualTo("2030-12-31");
        assertThat(libelles(api.get("lecteur", base + "/versions/1/comparaison/2").json())).hasSize(3)
                .contains("Période prolongée : fin le 31 décembre 2031 au lieu du 31 décembre 2030");
        assertThat(libelles(api.get("lecteur", base + "/avenants/1/differences").json())).hasSize(3);
        assertThat(api.get("caf42", base + "/versions/1").status()).isIn(403, 404);
        assertThat(jdbc.sql("SELECT count(*) FROM journal WHERE convention_id = :c AND action = 'signature de l''avenant n°1'")
                .param("c", id).query(Long.class).single()).isEqualTo(1);

        // The confirmed draft n°2 was written on version 1: signing it now is stale.
        Reponse perime = api.post("caf07", base + "/avenants/2/statut", Map.of("version", 0, "statut", "SIGNE"));
        assertThat(perime.status()).isEqualTo(409);
        assertThat(titre((Long) fa12.get("id"))).isEqualTo("Soutenir les parents d'adolescents");
        assertThat(api.post("caf07", base + "/avenants/1/statut", Map.of("version", 2, "statut", "EN_VIGUEUR")).status()).isEqualTo(200);
    }

    @Test
    void renewing_baronnies_prepares_the_next_ctg_with_the_ticked_fiches_and_the_previous_evaluation() {
        long baronnies = api.idParTitre("CTG des Baronnies en Drôme Provençale 2019-2024");
        List<Long> cochees = jdbc.sql("SELECT id FROM fiche WHERE convention_id = :c AND supprimee_le IS NULL ORDER BY id LIMIT 2")
                .param("c", baronnies).query(Long.class).list();
        String chemin = "/api/v1/conventions/" + baronnies + "/renouvellement";
        assertThat(api.post("caf42", chemin, Map.of("fiches", cochees)).status()).isIn(403, 404);
        assertThat(api.post("lecteur", chemin, Map.of("fiches", cochees)).status()).isIn(403, 404);
        assertThat(api.post("palabre", chemin, Map.of("fiches", cochees)).status()).isIn(403, 404);
        assertThat(api.post("caf07", chemin, Map.of("fiches", cochees)).status()).isIn(403, 404);
        assertThat(api.post("admin", chemin, Map.of("fiches", List.of(-1))).status()).isEqualTo(400);
        long avant = jdbc.sql("SELECT count(*) FROM convention").query(Long.class).single();
        assertThat(avant).isPositive();

        Reponse reponse = api.post("admin", chemin, Map.of("fiches", cochees));
        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(201);
        JsonNode suivante = reponse.json();
        long id = suivante.path("id").asLong();
        assertThat(suivante.path("titre").asString()).isEqualTo("CTG des Baronnies en Drôme Provençale 2025-2030");
        assertThat(suivante.path("statut").asString()).isEqualTo("PREPARATION");
        assertThat(suivante.path("dateDebut").asString()).isEqualTo("2025-01-01");
        assertThat(StreamSupport.stream(suivante.path("fichesReprises").spliterator(), false)
                .map(f -> f.path("predecesseurId").asLong()).toList()).containsExactlyInAnyOrderElementsOf(cochees);
        assertThat(jdbc.sql("SELECT count(*) FROM fiche WHERE convention_id = :c AND supprimee_le IS NULL").param("c", id)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT predecesseur_id FROM convention WHERE id = :c").param("c", id).query(Long.class).single())
                .isEqualTo(baronnies);
        assertThat(jdbc.sql("SELECT count(*) FROM evaluation_precedente WHERE convention_id = :c").param("c", id)
                .query(Long.class).single()).isEqualTo(1);
        long partiesSource = jdbc.sql("SELECT count(*) FROM convention_partie WHERE convention_id = :c").param("c", baronnies).query(Long.class).single();
        assertThat(jdbc.sql("SELECT count(*) FROM convention_partie WHERE convention_id = :c").param("c", id).query(Long.class).single())
                .isEqualTo(partiesSource);

        // A convention in preparation is not renewed: 400, nothing created.
        long compte = jdbc.sql("SELECT count(*) FROM convention").query(Long.class).single();
        Reponse refus = api.post("admin", "/api/v1/conventions/" + id + "/renouvellement", Map.of("fiches", List.of()));
        assertThat(refus.status()).isEqualTo(400);
        assertThat(refus.champsEnErreur()).contains("statut");
        assertThat(jdbc.sql("SELECT count(*) FROM convention").query(Long.class).single()).isEqualTo(compte);
    }

    @Test
    void renewing_baronnies_carries_over_only_the_parties_and_representatives_confirmed() {
        long baronnies = api.idParTitre("CTG des Baronnies en Drôme Provençale 2019-2024");
        String base = "/api/v1/conventions/" + baronnies;
        // Baronnies has only its two parties of right (Caf, EPCI): two more, with a representative each, to untick one.
        List<Long> autres = jdbc.sql("SELECT id FROM organisation WHERE type = 'COMMUNE' AND id NOT IN "
                        + "(SELECT organisation_id FROM convention_partie WHERE convention_id = :c) ORDER BY id LIMIT 2")
                .param("c", baronnies).query(Long.class).list();
        assertThat(autres).hasSize(2);
        for (Long organisation : autres) {
            Reponse partie = api.post("admin", base + "/parties", Map.of("version", api.convention("admin", baronnies).path("version").asInt(),
                    "organisationId", organisation, "role", "SIGNATAIRE"));
            assertThat(partie.status()).as(partie.texte()).isEqualTo(200);
            Reponse representant = api.post("admin", base + "/representants", Map.of("version", partie.json().path("version").asInt(),
                    "organisationId", organisation, "civilite", "Mme", "prenom", "Élise", "nom", "Renouvel" + organisation,
                    "fonction", "Maire", "nouvellePersonneConfirmee", true));
            assertThat(representant.status()).as(representant.texte()).isEqualTo(200);
        }
        long gardee = autres.get(0);
        long retiree = autres.get(1);
        List<Long> mandats = jdbc.sql("SELECT mandat_id FROM convention_representant WHERE convention_id = :c ORDER BY organisation_id = :g DESC")
                .param("c", baronnies).param("g", gardee).query(Long.class).list();
        long mandatGarde = mandats.get(0);
        long mandatRetire = mandats.get(1);
        long caf = jdbc.sql("SELECT caf_id FROM convention WHERE id = :c").param("c", baronnies).query(Long.class).single();

        // Bad input: an organisation or a mandate that is not the convention's → 400 naming the field, nothing created.
        long avant = jdbc.sql("SELECT count(*) FROM convention").query(Long.class).single();
        Reponse partieInconnue = api.post("admin", base + "/renouvellement", Map.of("fiches", List.of(), "parties", List.of(caf, -5)));
        assertThat(partieInconnue.status()).isEqualTo(400);
        assertThat(partieInconnue.champsEnErreur()).contains("parties");
        Reponse mandatInconnu = api.post("admin", base + "/renouvellement", Map.of("fiches", List.of(), "representants", List.of(-7)));
        assertThat(mandatInconnu.status()).isEqualTo(400);
        assertThat(mandatInconnu.champsEnErreur()).contains("representants");
        assertThat(jdbc.sql("SELECT count(*) FROM convention").query(Long.class).single()).isEqualTo(avant);

        // One party unticked (its representative follows it), the Caf omitted but kept as a party of right.
        Reponse reponse = api.post("admin", base + "/renouvellement", Map.of("fiches", List.of(),
                "parties", List.of(gardee), "representants", List.of(mandatGarde, mandatRetire)));
        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(201);
        long id = reponse.json().path("id").asLong();
        assertThat(jdbc.sql("SELECT organisation_id FROM convention_partie WHERE convention_id = :c").param("c", id).query(Long.class).list())
                .contains(caf, gardee).doesNotContain(retiree).hasSize(3);
        assertThat(jdbc.sql("SELECT mandat_id FROM convention_representant WHERE convention_id = :c").param("c", id).query(Long.class).list())
                .containsExactly(mandatGarde);

        // Through the page: what is not ticked is not carried over (here the kept party's representative).
        ClientPages pages = new ClientPages(mvc);
        String page = pages.get("admin", "/conventions/" + baronnies + "/renouvellement").html();
        assertThat(page).contains("Parties et représentants repris").contains("partie-" + retiree).contains("representant-" + mandatGarde)
                .contains("(partie de droit)");
        ClientPages.Page cree = pages.poster("admin", "/conventions/" + baronnies + "/renouvellement",
                Map.of("parties", String.valueOf(gardee), "titre", "CTG des Baronnies suivante par la page"));
        assertThat(cree.status()).isEqualTo(302);
        long parLaPage = jdbc.sql("SELECT id FROM convention WHERE titre = 'CTG des Baronnies suivante par la page'").query(Long.class).single();
        assertThat(jdbc.sql("SELECT organisation_id FROM convention_partie WHERE convention_id = :c").param("c", parLaPage).query(Long.class).list())
                .contains(caf, gardee).doesNotContain(retiree);
        assertThat(jdbc.sql("SELECT count(*) FROM convention_representant WHERE convention_id = :c").param("c", parLaPage)
                .query(Long.class).single()).isZero();
    }

    @Test
    void pages_of_avenants_versions_and_renewal_answer_to_readers_and_refuse_others() {
        long pilat = api.pilat();
        long aubenas = api.aubenas();
        ClientPages pages = new ClientPages(mvc);
        for (String suffixe : List.of("/avenants", "/avenants/nouveau", "/versions/comparaison", "/renouvellement")) {
            assertThat(pages.get("caf07", "/conventions/" + aubenas + suffixe).status()).as(suffixe).isEqualTo(200);
            assertThat(pages.get("caf42", "/conventions/" + aubenas + suffixe).status()).as(suffixe).isIn(403, 404);
            assertThat(pages.get("pilat", "/conventions/" + pilat + suffixe).status()).as(suffixe).isEqualTo(200);
        }
        assertThat(pages.get("lecteur", "/conventions/" + aubenas + "/avenants").status()).isEqualTo(200);
        assertThat(pages.get("caf07", "/conventions/" + aubenas).html()).contains("Avenants et versions").contains("Préparer la CTG suivante");
        assertThat(pages.get("lecteur", "/conventions/" + aubenas).html()).doesNotContain("Préparer la CTG suivante");
        // A draft through the form: an empty one is refused on the page, nothing written.
        long avant = jdbc.sql("SELECT count(*) FROM avenant").query(Long.class).single();
        ClientPages.Page refus = pages.poster("caf07", "/conventions/" + aubenas + "/avenants/nouveau", Map.of("objet", "Rien"));
        assertThat(refus.status()).isEqualTo(200);
        assertThat(refus.html()).contains("ne change rien");
        assertThat(jdbc.sql("SELECT count(*) FROM avenant").query(Long.class).single()).isEqualTo(avant);
        assertThat(pages.poster("lecteur", "/conventions/" + aubenas + "/avenants/nouveau", Map.of("objet", "X", "dateFin", "2032-12-31"))
                .status()).isEqualTo(403);
        assertThat(pages.poster("caf42", "/conventions/" + aubenas + "/renouvellement", Map.of()).status()).isIn(403, 404);
        assertThat(pages.poster("caf07", "/conventions/" + pilat + "/renouvellement", Map.of()).status()).isIn(403, 404);
    }

    private static List<String> libelles(JsonNode differences) {
        return StreamSupport.stream(differences.spliterator(), false).map(d -> d.path("libelle").asString()).toList();
    }

    private String emplacement(long conventionId, long noeudId) {
        Map<String, Object> n = jdbc.sql("SELECT reference, titre FROM plan_noeud WHERE id = :id").param("id", noeudId).query().singleRow();
        return "Axe stratégique " + (n.get("reference") == null ? "" : n.get("reference") + " ") + "« " + n.get("titre") + " »";
    }

    private long nombreDeFiches(long conventionId) {
        return jdbc.sql("SELECT count(*) FROM fiche WHERE convention_id = :c AND supprimee_le IS NULL").param("c", conventionId)
                .query(Long.class).single();
    }

    private String titre(long ficheId) {
        return jdbc.sql("SELECT titre FROM fiche WHERE id = :id").param("id", ficheId).query(String.class).single();
    }

    private int versionDuTexte(long conventionId) {
        return api.get("caf07", "/api/v1/conventions/" + conventionId + "/sections").json().path("version").asInt();
    }
}
