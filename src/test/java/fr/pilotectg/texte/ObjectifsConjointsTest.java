package fr.pilotectg.texte;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Aubenas demo convention carries its text's structure and its objectifs conjoints keyed by group of
 * signatories; an objectif bound to a non-party is refused and nothing is written; only managers change them.
 */
@IntegrationTest
class ObjectifsConjointsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void the_aubenas_demo_has_its_fourteen_articles_preamble_enjeux_and_three_groups_of_signatories() {
        ClientApi api = new ClientApi(mvc);
        long aubenas = api.aubenas();
        JsonNode texte = api.get("ccba", "/api/v1/conventions/" + aubenas + "/sections").json();
        List<JsonNode> sections = StreamSupport.stream(texte.path("sections").spliterator(), false).toList();
        List<JsonNode> articles = sections.stream().filter(s -> s.path("nature").asString().equals("ARTICLE")).toList();
        assertThat(articles).hasSize(14);
        assertThat(articles.get(2).path("titre").asString()).isEqualTo("Les champs d'intervention de la CCBA et des communes signataires");
        assertThat(articles.get(13).path("titre").asString()).isEqualTo("Confidentialité");
        assertThat(sections.stream().filter(s -> s.path("nature").asString().equals("PREAMBULE")).count()).isGreaterThanOrEqualTo(4);
        // Article 4's enjeux per thématique are the diagnostic's (one list), not a copy in the article's text.
        assertThat(articles.get(3).path("texte").asString()).contains("ceux du diagnostic").doesNotContain("<strong>Petite enfance</strong>");
        assertThat(StreamSupport.stream(api.get("ccba", "/api/v1/conventions/" + aubenas + "/enjeux").json().spliterator(), false)
                .map(t -> t.path("thematique").asString()).toList())
                .contains("Petite enfance", "Enfance", "Jeunesse", "Parentalité", "Logement");
        assertThat(api.convention("ccba", aubenas).path("reconduction").asString()).isEqualTo("EXPRESSE");

        JsonNode objectifs = api.get("ccba", "/api/v1/conventions/" + aubenas + "/objectifs-conjoints").json();
        assertThat(objectifs.path("nombreGroupes").asInt()).isEqualTo(3);
        Map<String, Set<String>> groupes = StreamSupport.stream(objectifs.path("objectifs").spliterator(), false)
                .collect(Collectors.toMap(o -> o.path("groupe").asString(),
                        o -> StreamSupport.stream(o.path("parties").spliterator(), false).map(p -> p.path("nom").asString())
                                .collect(Collectors.toSet()), (a, b) -> a));
        assertThat(groupes).containsOnlyKeys("Pour la CCBA", "Pour les quatre signataires", "Pour la CCBA et la ville d'Aubenas");
        assertThat(groupes.get("Pour la CCBA")).containsExactly(ClientApi.CCBA);
        assertThat(groupes.get("Pour les quatre signataires")).hasSize(4).contains(ClientApi.CCBA, "Aubenas", "Lavilledieu");
        assertThat(groupes.get("Pour la CCBA et la ville d'Aubenas")).containsExactlyInAnyOrder(ClientApi.CCBA, "Aubenas");

        String page = new ClientPages(mvc).get("ccba", "/conventions/" + aubenas + "/texte").html();
        assertThat(page).contains("Article 4 – Les objectifs partagés au regard des besoins", "Pour les quatre signataires");
    }

    @Test
    void an_objectif_bound_to_a_non_party_is_refused_and_only_managers_write() {
        ClientApi api = new ClientApi(mvc);
        JsonNode convention = api.creerConventionDeTest("caf07", "Objectifs");
        long id = convention.path("id").asLong();
        String chemin = "/api/v1/conventions/" + id + "/objectifs-conjoints";
        long ccba = ClientApi.idPartie(convention, ClientApi.CCBA);
        long pilat = ClientApi.idPartie(api.convention("admin", api.pilat()), "Caf de la Loire");

        Reponse refus = api.put("caf07", chemin, Map.of("version", 0, "objectifs", List.of(
                Map.of("intitule", "Jeunesse", "parties", List.of(ccba, pilat)),
                Map.of("intitule", "Sans groupe", "parties", List.of()))));
        assertThat(refus.status()).isEqualTo(400);
        assertThat(refus.champsEnErreur()).containsExactly("objectifs[0].parties", "objectifs[1].parties");
        assertThat(refus.messageDuChamp("objectifs[0].parties")).contains("n'est pas partie à cette convention", ClientApi.CCBA);
        assertThat(api.get("caf07", chemin).json().path("version").asInt()).isZero();

        assertThat(api.put("caf42", chemin, Map.of("version", 0, "objectifs", List.of())).status()).isIn(403, 404);
        Reponse ok = api.put("caf07", chemin, Map.of("version", 0, "objectifs", List.of(
                Map.of("intitule", "Jeunesse", "libelleGroupe", "Pour la CCBA", "texte", "<script>x()</script>Texte", "parties", List.of(ccba)))));
        assertThat(ok.status()).as(ok.texte()).isEqualTo(200);
        assertThat(ok.json().path("objectifs").get(0).path("texte").asString()).isEqualTo("Texte");
        assertThat(api.put("caf07", chemin, Map.of("version", 0, "objectifs", List.of())).status()).isEqualTo(409);
        assertThat(api.put("caf07", chemin, Map.of("objectifs", List.of())).messageDuChamp("version")).contains("Version manquante");

        long aubenas = api.aubenas();
        String cheminAubenas = "/api/v1/conventions/" + aubenas + "/objectifs-conjoints";
        JsonNode avant = api.get("lecteur", cheminAubenas).json();
        int version = avant.path("version").asInt();
        assertThat(api.put("lecteur", cheminAubenas, Map.of("version", version, "objectifs", List.of())).status()).isEqualTo(403);
        assertThat(api.get("admin", cheminAubenas).json().path("objectifs").size()).isEqualTo(avant.path("objectifs").size());
    }
}
