package fr.pilotectg.importation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The review page field by field on the Aubenas seed: every part's elements as labelled inputs beside their source
 * lines, a name resolved by choosing a candidate, a field corrected, an element added and dropped; bad input is a
 * French 400 naming the field with the input kept, a stale form a 409 with the input kept, another user's draft a
 * 403; in each refusal the stored draft is unchanged.
 */
@IntegrationTest
class RevueChampParChampTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    /** Uploads the Aubenas seed as caf07 and makes its party Lavilledieu ambiguous (as the analysis leaves a homonym). */
    static long brouillonAvecUnNomAmbigu(ClientApi api, String nomFichier) throws Exception {
        Path fichier = AnalysePlanTest.SEMENCES.resolve(AnalysePlanTest.FICHIERS.get("aubenas"));
        Assumptions.assumeTrue(Files.isRegularFile(fichier), "Semences absentes : la revue n'est pas testée sur un vrai document.");
        Reponse cree = api.deposer("caf07", "/api/v1/imports", nomFichier, Files.readAllBytes(fichier));
        assertThat(cree.status()).as(cree.texte()).isEqualTo(201);
        long id = cree.json().path("id").asLong();
        rendreAmbigu(api, id);
        return id;
    }

    /** Makes the party Lavilledieu of an Aubenas draft ambiguous, with its alert, as the analysis leaves a homonym. */
    static void rendreAmbigu(ClientApi api, long id) throws Exception {
        JsonNode lu = api.get("caf07", "/api/v1/imports/" + id).json();
        ObjectNode convention = (ObjectNode) lu.path("convention").deepCopy();
        ObjectNode partie = (ObjectNode) ((ArrayNode) convention.path("parties")).get(4);
        assertThat(partie.path("nomImprime").asString()).contains("Lavilledieu");
        ObjectNode resolution = (ObjectNode) partie.path("resolution");
        String nom = resolution.path("nomReferentiel").asString();
        ArrayNode candidats = resolution.putArray("candidats");
        ObjectNode candidat = candidats.addObject().put("nom", nom).put("departement", "07");
        candidat.set("organisationId", resolution.path("organisationId"));
        candidat.set("codeInsee", resolution.path("codeInsee"));
        resolution.put("statut", "AMBIGU").putNull("organisationId").putNull("codeInsee").putNull("nomReferentiel");
        candidats.addObject().put("organisationId", 999_999_999L).putNull("codeInsee").put("nom", "Lavilledieu (homonyme fictif)").put("departement", "15");
        ((ArrayNode) convention.path("alertes")).addObject().put("type", "NOM_NON_RESOLU")
                .put("message", "« " + partie.path("nomImprime").asString() + " » désigne plusieurs organisations du référentiel ; candidats : "
                        + nom + " (07), Lavilledieu (homonyme fictif) (15).")
                .set("source", partie.path("source"));
        Map<String, Object> corrige = Map.of("version", lu.path("version").asInt(), "convention", convention, "plan", lu.path("plan"),
                "annexes", lu.path("annexes"));
        Reponse modifie = api.put("caf07", "/api/v1/imports/" + id, corrige);
        assertThat(modifie.status()).as(modifie.texte()).isEqualTo(200);
    }

    private Map<String, Object> etat(long id) {
        return jdbc.sql("SELECT version, brouillon::text AS b FROM import_brouillon WHERE id = :id").param("id", id).query().singleRow();
    }

    @Test
    void the_review_page_corrects_resolves_adds_and_drops_field_by_field_and_refuses_bad_stale_and_foreign_posts() throws Exception {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        long id = brouillonAvecUnNomAmbigu(api, "revue-champs.md");
        String revue = "/imports/" + id;

        Document page = pages.get("caf07", revue).document();
        // A table of contents with counts and alerts, one section per part, labelled inputs, source lines, confidence.
        assertThat(page.select("#sommaire a[href=#partie-plan]")).hasSize(1);
        assertThat(page.select("#sommaire").text()).contains("Parties : 5, 1 alerte").contains("Fiches (dans les nœuds et hors nœud) : 32")
                .contains("Fiches hors nœud : ");
        assertThat(page.select("section#partie-convention h2, section#partie-plan h2, section#partie-annexes h2")).hasSize(3);
        Element titre = page.selectFirst("#el-convention-titre");
        assertThat(titre.select("label[for=el-convention-titre-valeur]").text()).isEqualTo("Valeur");
        assertThat(titre.select("input#el-convention-titre-valeur").attr("value")).isEqualTo("CTG du Bassin d'Aubenas 2026-2030");
        assertThat(titre.select("pre.extrait").text()).isNotBlank();
        assertThat(titre.text()).contains("Confiance de l'analyse").contains("Lu aux ligne");
        assertThat(page.select("#el-convention-periode input[type=date][name=champ.dateDebut]").attr("value")).isEqualTo("2026-01-01");
        assertThat(page.select("#el-convention-parties-0 select[name=champ.role] option")).extracting(Element::val)
                .contains("SIGNATAIRE", "ASSOCIEE");
        assertThat(page.select("#el-convention-parties-4 form.resolution input[type=radio]")).hasSize(3);
        assertThat(page.select("#alertes").text()).contains("Lavilledieu");
        assertThat(page.select("#alertes a[href=#el-convention-parties-4]")).hasSize(1);
        Element fiche = page.selectFirst("details.element[id~=-fiches-0$]");
        assertThat(fiche).isNotNull();
        String cheminFiche = fiche.selectFirst("form.champs input[name=chemin]").val();
        assertThat(fiche.select("form.champs textarea, form.champs input[type=text]").size()).as("the template's fields").isGreaterThan(5);
        assertThat(page.select("textarea#json-convention")).as("the JSON fallback stays, folded").hasSize(1);
        assertThat(page.select("details#edition-avancee[open]")).isEmpty();

        // Another user's draft: every write is refused (403), nothing changes.
        Map<String, Object> avant = etat(id);
        for (String autre : List.of("caf42", "admin")) {
            assertThat(pages.poster(autre, revue + "/element", Map.of("version", "1", "chemin", "convention.titre", "champ.valeur", "Pris"))
                    .status()).as(autre).isEqualTo(403);
            assertThat(pages.poster(autre, revue + "/resolution", Map.of("version", "1", "chemin", "convention.parties[4]", "choix", "0"))
                    .status()).as(autre).isEqualTo(403);
            assertThat(pages.poster(autre, revue + "/ajout", Map.of("version", "1", "chemin", "convention.visas", "principal", "Vu x"))
                    .status()).as(autre).isEqualTo(403);
            assertThat(pages.poster(autre, revue + "/retrait", Map.of("version", "1", "chemin", "convention.visas[0]")).status())
                    .as(autre).isEqualTo(403);
        }
        assertThat(etat(id)).isEqualTo(avant);

        // A date that does not exist: French 400 naming the field, the input kept, nothing written.
        Map<String, String> periode = ClientPages.champs(page, "#el-convention-periode form.champs");
        periode.put("champ.dateDebut", "31/02/2026");
        ClientPages.Page refus = pages.poster("caf07", revue + "/element", periode);
        assertThat(refus.status()).isEqualTo(400);
        Document refusee = refus.document();
        assertThat(refusee.select("#el-convention-periode-dateDebut-erreur").text())
                .isEqualTo("Date de début : « 31/02/2026 » n'est pas une date valide (jj/mm/aaaa).");
        assertThat(refusee.select("#el-convention-periode-dateDebut").attr("value")).isEqualTo("31/02/2026");
        assertThat(refusee.select("#el-convention-periode-dateDebut").attr("aria-describedby")).isEqualTo("el-convention-periode-dateDebut-erreur");
        assertThat(refusee.select("details#el-convention-periode[open]")).hasSize(1);
        assertThat(refusee.select("#erreur-generale").text()).contains("rien n'a été enregistré");
        // A value outside an enumeration, a number that is not one: 400 naming each field.
        Map<String, String> partie = ClientPages.champs(page, "#el-convention-parties-0 form.champs");
        partie.put("champ.role", "PATRON");
        ClientPages.Page role = pages.poster("caf07", revue + "/element", partie);
        assertThat(role.status()).isEqualTo(400);
        assertThat(role.document().select("#el-convention-parties-0-role-erreur").text()).startsWith("Rôle : « PATRON »");
        Map<String, String> signature = ClientPages.champs(page, "#el-convention-signature form.champs");
        signature.put("champ.nombreOriginaux", "sept");
        ClientPages.Page nombre = pages.poster("caf07", revue + "/element", signature);
        assertThat(nombre.status()).isEqualTo(400);
        assertThat(nombre.document().select("#el-convention-signature-nombreOriginaux-erreur").text())
                .isEqualTo("Nombre d'originaux : « sept » n'est pas un nombre entier.");
        ClientPages.Page sansTitre = pages.poster("caf07", revue + "/ajout", Map.of("version", "1", "chemin", "convention.visas", "principal", " "));
        assertThat(sansTitre.status()).isEqualTo(400);
        assertThat(sansTitre.document().select("#el-convention-visas-nouveau-erreur").text()).isEqualTo("Texte : à renseigner pour ajouter l'élément.");
        assertThat(pages.poster("caf07", revue + "/retrait", Map.of("version", "1", "chemin", "convention.visas[99]")).status()).isEqualTo(400);
        assertThat(pages.poster("caf07", revue + "/element", Map.of("version", "1", "chemin", "convention.rien[0]", "champ.x", "y")).status())
                .isEqualTo(400);
        assertThat(etat(id)).isEqualTo(avant);

        // A fiche title corrected: saved with the version, journalled, the element unfolded again.
        Map<String, String> champsFiche = ClientPages.champs(page, "#" + fiche.id() + " form.champs");
        champsFiche.put("champ.titre", "Titre corrigé à la revue");
        ClientPages.Page corrige = pages.poster("caf07", revue + "/element", champsFiche);
        assertThat(corrige.status()).as(corrige.html()).isEqualTo(302);
        assertThat(corrige.redirection()).isEqualTo(revue + "#" + fiche.id().replaceFirst("-\\d+$", ""));
        assertThat(corrige.flash().get("message")).isEqualTo("Correction enregistrée.");
        JsonNode brouillon = api.get("caf07", "/api/v1/imports/" + id).json();
        assertThat(brouillon.path("version").asInt()).isEqualTo(2);
        assertThat(brouillon.toString()).contains("Titre corrigé à la revue");
        assertThat(jdbc.sql("SELECT count(*) FROM journal WHERE objet_type = 'import' AND objet_id = :id").param("id", id)
                .query(Long.class).single()).isGreaterThanOrEqualTo(2);
        assertThat(pages.get("caf07", revue).document().select("#" + fiche.id() + " input[name=champ.titre]").attr("value"))
                .isEqualTo("Titre corrigé à la revue");

        // The same form posted again with the version it was read at: 409, the user's input kept, nothing written.
        champsFiche.put("champ.titre", "Titre d'un onglet périmé");
        Map<String, Object> apres = etat(id);
        ClientPages.Page perime = pages.poster("caf07", revue + "/element", champsFiche);
        assertThat(perime.status()).isEqualTo(409);
        assertThat(perime.document().select("#erreur-generale").text()).contains("modifié depuis l'ouverture");
        assertThat(perime.document().select("#" + fiche.id() + " input[name=champ.titre]").attr("value")).isEqualTo("Titre d'un onglet périmé");
        assertThat(perime.document().select("#" + fiche.id() + " input[name=version]").val()).isEqualTo("2");
        assertThat(etat(id)).isEqualTo(apres);

        // The ambiguous name resolved by choosing its candidate: resolved, its alert gone.
        ClientPages.Page resolu = pages.poster("caf07", revue + "/resolution",
                Map.of("version", "2", "chemin", "convention.parties[4]", "choix", "0"));
        assertThat(resolu.status()).isEqualTo(302);
        brouillon = api.get("caf07", "/api/v1/imports/" + id).json();
        assertThat(brouillon.path("convention").path("parties").get(4).path("resolution").path("statut").asString()).isEqualTo("RESOLU");
        assertThat(brouillon.path("alertes").toString()).doesNotContain("Lavilledieu");
        assertThat(pages.get("caf07", revue).document().select("#el-convention-parties-4 form.resolution")).isEmpty();

        // An element added, another dropped.
        assertThat(pages.poster("caf07", revue + "/ajout", Map.of("version", "3", "chemin", "convention.visas", "principal", "Vu la revue"))
                .status()).isEqualTo(302);
        assertThat(pages.poster("caf07", revue + "/retrait", Map.of("version", "4", "chemin", "convention.visas[0]")).status()).isEqualTo(302);
        brouillon = api.get("caf07", "/api/v1/imports/" + id).json();
        JsonNode visas = brouillon.path("convention").path("visas");
        assertThat(visas).hasSize(8);
        assertThat(visas.get(7).path("texte").asString()).isEqualTo("Vu la revue");
        assertThat(visas.get(7).path("confiance").asDouble()).isEqualTo(1.0);
        assertThat(brouillon.path("version").asInt()).isEqualTo(5);
        assertThat(api.delete("caf07", "/api/v1/imports/" + id).status()).isEqualTo(204);
    }

    @Test
    void a_checkbox_and_a_list_of_lines_are_read_back_as_the_draft_holds_them() throws Exception {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        long id = brouillonAvecUnNomAmbigu(api, "revue-listes.md");
        Document page = pages.get("caf07", "/imports/" + id).document();
        Map<String, String> enjeu = new LinkedHashMap<>(ClientPages.champs(page, "#el-convention-enjeux-0 form.champs"));
        enjeu.put("champ.objectifs", "Premier objectif\n\n  Second objectif  ");
        ClientPages.Page r = pages.poster("caf07", "/imports/" + id + "/element", enjeu);
        assertThat(r.status()).as(r.html()).isEqualTo(302);
        JsonNode objectifs = api.get("caf07", "/api/v1/imports/" + id).json().path("convention").path("enjeux").get(0).path("objectifs");
        assertThat(objectifs).hasSize(2);
        assertThat(objectifs.get(1).asString()).isEqualTo("Second objectif");
        assertThat(api.delete("caf07", "/api/v1/imports/" + id).status()).isEqualTo(204);
    }

    @Test
    void hostile_review_posts_get_a_4xx_and_leave_the_draft_unchanged() throws Exception {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        long id = brouillonAvecUnNomAmbigu(api, "revue-fuzz.md");
        String revue = "/imports/" + id;
        Map<String, Object> avant = etat(id);
        String version = String.valueOf(avant.get("version"));
        List<String> chemins = List.of("", "x", "convention.", "convention..titre", "convention.parties[-1]", "convention.parties[99999]",
                "convention.parties[4].resolution.candidats[0]", "plan.noeuds[0].fiches[0].champs", "annexes.services[0]x",
                "convention.alertes", "convention.titre[0]", "plan.modele.x", "convention.parties[4]\u0000", "a".repeat(5000));
        List<String> valeurs = List.of("\u0000", "x".repeat(300_000), "31/02/2026", "2026-13-01", "-1", "1e9", "99999999999", "[", "{}",
                "PATRON", "ligne\u0007");
        for (String chemin : chemins) {
            for (String route : List.of("/element", "/ajout", "/retrait", "/resolution")) {
                int status = pages.poster("caf07", revue + route, Map.of("version", version, "chemin", chemin, "champ.titre", "t",
                        "principal", "p", "choix", "0")).status();
                assertThat(status).as("POST %s chemin=%s", route, chemin.length() > 40 ? chemin.substring(0, 40) : chemin).isBetween(400, 499);
            }
        }
        for (String champ : List.of("champ.dateDebut", "champ.dureeAnnees", "champ.libelleImprime")) {
            for (String valeur : valeurs) {
                int status = pages.poster("caf07", revue + "/element", Map.of("version", version, "chemin", "convention.periode", champ, valeur)).status();
                assertThat(status).as("%s=%s", champ, valeur.length() > 20 ? valeur.substring(0, 20) : valeur).isIn(302, 400);
                if (status == 302) {
                    // An accepted value is a real one: put the draft back as it was for the next case.
                    jdbc.sql("UPDATE import_brouillon SET brouillon = CAST(:b AS jsonb), version = :v WHERE id = :id")
                            .param("b", avant.get("b")).param("v", avant.get("version")).param("id", id).update();
                }
            }
        }
        for (String choix : List.of("", "-1", "2", "99", "abc", "retirer ")) {
            assertThat(pages.poster("caf07", revue + "/resolution", Map.of("version", version, "chemin", "convention.parties[4]", "choix", choix))
                    .status()).as("choix=%s", choix).isEqualTo(400);
        }
        assertThat(pages.poster("caf07", revue + "/element", Map.of("chemin", "convention.titre", "champ.valeur", "Sans version")).status())
                .isEqualTo(400);
        assertThat(etat(id)).isEqualTo(avant);
        assertThat(api.delete("caf07", "/api/v1/imports/" + id).status()).isEqualTo(204);
    }

    @Test
    void a_name_of_the_annexes_is_resolved_only_to_a_name_the_referential_offers() throws Exception {
        ClientApi api = new ClientApi(mvc);
        ClientPages pages = new ClientPages(mvc);
        long id = brouillonAvecUnNomAmbigu(api, "revue-annexes.md");
        JsonNode lu = api.get("caf07", "/api/v1/imports/" + id).json();
        ObjectNode annexes = (ObjectNode) lu.path("annexes").deepCopy();
        ObjectNode service = (ObjectNode) annexes.path("services").get(0);
        Assumptions.assumeTrue(service != null && service.path("collectiviteResolue").isString(), "Aucun service résolu dans l'annexe.");
        String resolu = service.path("collectiviteResolue").asString();
        String imprime = service.path("collectivite").asString();
        for (JsonNode s : annexes.path("services")) {
            if (s.path("collectivite").asString("").equals(imprime)) {
                ((ObjectNode) s).putNull("collectiviteResolue");
            }
        }
        Reponse modifie = api.put("caf07", "/api/v1/imports/" + id, Map.of("version", lu.path("version").asInt(),
                "convention", lu.path("convention"), "plan", lu.path("plan"), "annexes", annexes));
        assertThat(modifie.status()).as(modifie.texte()).isEqualTo(200);
        int version = modifie.json().path("version").asInt();

        Document page = pages.get("caf07", "/imports/" + id).document();
        Element formulaire = page.selectFirst("#el-annexes-services-0 form.resolution");
        assertThat(formulaire).isNotNull();
        assertThat(formulaire.select("legend").text()).contains(imprime);
        assertThat(formulaire.select("input[type=radio]")).extracting(Element::val).contains(resolu, "retirer");
        ClientPages.Page invente = pages.poster("caf07", "/imports/" + id + "/resolution",
                Map.of("version", String.valueOf(version), "chemin", "annexes.services[0]", "choix", "Commune inventée"));
        assertThat(invente.status()).isEqualTo(400);
        assertThat(invente.document().select("#erreur-generale").text()).contains("Choisissez un des noms proposés");
        ClientPages.Page choisi = pages.poster("caf07", "/imports/" + id + "/resolution",
                Map.of("version", String.valueOf(version), "chemin", "annexes.services[0]", "choix", resolu));
        assertThat(choisi.status()).isEqualTo(302);
        JsonNode services = api.get("caf07", "/api/v1/imports/" + id).json().path("annexes").path("services");
        for (JsonNode s : services) {
            if (s.path("collectivite").asString("").equals(imprime)) {
                assertThat(s.path("collectiviteResolue").asString()).isEqualTo(resolu);
            }
        }
        assertThat(api.delete("caf07", "/api/v1/imports/" + id).status()).isEqualTo(204);
    }

    @Test
    void the_longest_seed_is_reviewed_folded_with_every_fiche_and_its_count_in_the_table_of_contents() throws Exception {
        ClientApi api = new ClientApi(mvc);
        Path fichier = AnalysePlanTest.SEMENCES.resolve(AnalysePlanTest.FICHIERS.get("baronnies"));
        Assumptions.assumeTrue(Files.isRegularFile(fichier), "Semences absentes.");
        Reponse cree = api.deposer("caf07", "/api/v1/imports", "revue-longue.txt", Files.readAllBytes(fichier));
        assertThat(cree.status()).as(cree.texte()).isEqualTo(201);
        long id = cree.json().path("id").asLong();
        int fiches = 0;
        for (JsonNode n : cree.json().path("plan").path("noeuds").findValues("fiches")) {
            fiches += n.size();
        }
        fiches += cree.json().path("plan").path("fiches").size();
        assertThat(fiches).isGreaterThan(50);
        long debut = System.nanoTime();
        ClientPages.Page page = new ClientPages(mvc).get("caf07", "/imports/" + id);
        long millis = (System.nanoTime() - debut) / 1_000_000;
        assertThat(page.status()).isEqualTo(200);
        Document d = page.document();
        System.out.printf("Revue de %d fiches : %d Ko de HTML en %d ms%n", fiches, page.html().length() / 1024, millis);
        assertThat(d.select("details.element[id~=-fiches-\\d+$]")).hasSize(fiches);
        assertThat(d.select("details[open]")).as("everything folded at first").isEmpty();
        assertThat(d.select("#sommaire").text()).contains("Fiches (dans les nœuds et hors nœud) : " + fiches);
        assertThat(api.delete("caf07", "/api/v1/imports/" + id).status()).isEqualTo(204);
    }
}
