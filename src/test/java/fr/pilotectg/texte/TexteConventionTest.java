package fr.pilotectg.texte;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text of a convention: a new one starts from the national model's structure, its managers change it
 * (API and page), what they send is sanitised, every write is versioned and journalled, and refusals write nothing.
 */
@IntegrationTest
class TexteConventionTest {

    private static final List<String> ARTICLES_DU_MODELE = List.of("Objet de la convention territoriale globale",
            "Les champs d'intervention de la Caf", "Les champs d'intervention des collectivités signataires",
            "Les objectifs partagés au regard des besoins", "Engagements des signataires", "Modalités de collaboration",
            "Échanges de données", "Communication", "Suivi, bilan et évaluation", "Durée de la convention",
            "Exécution formelle de la convention", "La fin de la convention", "Les recours", "Confidentialité");

    @Autowired
    MockMvc mvc;

    ClientApi api;
    ClientPages pages;
    long id;
    String chemin;

    @BeforeEach
    void conventionDeTest() {
        api = new ClientApi(mvc);
        pages = new ClientPages(mvc);
        id = api.creerConventionDeTest("caf07", "Texte").path("id").asLong();
        chemin = "/api/v1/conventions/" + id + "/sections";
    }

    @Test
    void a_new_convention_shows_the_national_model_with_texts_to_adapt() {
        JsonNode texte = api.get("caf07", chemin).json();
        assertThat(texte.path("version").asInt()).isZero();
        assertThat(texte.path("modele").asBoolean()).isTrue();
        List<JsonNode> sections = StreamSupport.stream(texte.path("sections").spliterator(), false).toList();
        assertThat(sections.stream().filter(s -> s.path("nature").asString().equals("ARTICLE"))
                .map(s -> s.path("titre").asString()).toList()).isEqualTo(ARTICLES_DU_MODELE);
        assertThat(sections.get(0).path("nature").asString()).isEqualTo("PREAMBULE");
        assertThat(sections).allMatch(s -> s.path("texte").asString().contains("à adapter"));
        JsonNode quatorze = sections.get(sections.size() - 1);
        assertThat(quatorze.path("numero").asInt()).isEqualTo(14);

        String page = pages.get("caf07", "/conventions/" + id).html();
        assertThat(page).contains("Texte de la convention", "Article 14 – Confidentialité", "modèle national");
    }

    @Test
    void a_script_is_removed_plain_text_becomes_paragraphs_and_lists_and_the_write_is_journalled() {
        Reponse reponse = api.put("caf07", chemin, Map.of("version", 0, "sections", List.of(
                Map.of("nature", "PREAMBULE", "titre", "Contexte",
                        "texte", "<p onclick=\"voler()\">Un <strong>territoire</strong> rural.</p><script>alert('x')</script>"
                                + "<a href=\"javascript:alert(1)\">lien</a><img src=x onerror=alert(1)>"),
                Map.of("nature", "ARTICLE", "titre", "Objet", "texte", "Premier paragraphe, **important**.\n\n- un\n- deux < trois"),
                Map.of("nature", "CLAUSE", "titre", "Actions hors compétence", "texte", ""),
                Map.of("nature", "ARTICLE", "titre", "Durée", "texte", "Quatre ans."))));

        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(200);
        JsonNode texte = reponse.json();
        assertThat(texte.path("version").asInt()).isEqualTo(1);
        String preambule = texte.path("sections").get(0).path("texte").asString();
        assertThat(preambule).isEqualTo("<p>Un <strong>territoire</strong> rural.</p>lien")
                .doesNotContain("script", "onclick", "onerror", "javascript", "<img", "<a");
        assertThat(texte.path("sections").get(1).path("texte").asString())
                .isEqualTo("<p>Premier paragraphe, <strong>important</strong>.</p><ul><li>un</li><li>deux &lt; trois</li></ul>");
        assertThat(texte.path("sections").get(3).path("numero").asInt()).isEqualTo(2);
        assertThat(texte.path("sections").get(2).path("numero").isNull()).isTrue();

        Document page = pages.get("caf07", "/conventions/" + id + "/texte").document();
        assertThat(page.select("script")).allMatch(s -> s.hasAttr("src"));
        assertThat(page.select("article.section-texte h2").eachText())
                .containsExactly("Contexte", "Article 1 – Objet", "Clause : Actions hors compétence", "Article 2 – Durée");
        assertThat(pages.get("caf07", "/conventions/" + id + "/journal").html()).contains("modification du texte", "Article 2 – Durée");
        Document vue = pages.get("caf07", "/conventions/" + id).document();
        assertThat(vue.select("#sommaire-texte a").eachText()).as("the overview lists the sections, the text page holds them")
                .containsExactly("Contexte", "Article 1 – Objet", "Clause : Actions hors compétence", "Article 2 – Durée");
        assertThat(vue.select("#sommaire-texte a").get(1).attr("href")).isEqualTo("/conventions/" + id + "/texte#section-1");
        assertThat(vue.select("article.section-texte")).isEmpty();
    }

    @Test
    void stale_or_missing_version_and_bad_sections_are_refused_and_nothing_is_written() {
        List<Map<String, String>> une = List.of(Map.of("nature", "ARTICLE", "titre", "Objet", "texte", "x"));
        assertThat(api.put("caf07", chemin, Map.of("version", 0, "sections", une)).status()).isEqualTo(200);

        Reponse perimee = api.put("caf07", chemin, Map.of("version", 0, "sections", une));
        assertThat(perimee.status()).isEqualTo(409);
        assertThat(perimee.json().path("message").asString()).contains("modifié par quelqu'un d'autre");

        Reponse sansVersion = api.put("caf07", chemin, Map.of("sections", une));
        assertThat(sansVersion.status()).isEqualTo(400);
        assertThat(sansVersion.messageDuChamp("version")).contains("Version manquante");

        Reponse mauvaise = api.put("caf07", chemin, Map.of("version", 1, "sections", List.of(
                Map.of("nature", "CHAPITRE", "titre", "A", "texte", ""),
                Map.of("nature", "ARTICLE", "titre", " ", "texte", ""))));
        assertThat(mauvaise.status()).isEqualTo(400);
        assertThat(mauvaise.champsEnErreur()).containsExactly("sections[0].nature", "sections[1].titre");
        assertThat(mauvaise.messageDuChamp("sections[0].nature")).contains("CHAPITRE", "PREAMBULE, ARTICLE, CLAUSE");

        JsonNode relu = api.get("caf07", chemin).json();
        assertThat(relu.path("version").asInt()).isEqualTo(1);
        assertThat(relu.path("sections").size()).isEqualTo(1);
    }

    @Test
    void only_managers_change_the_text() {
        long aubenas = api.aubenas();
        String cheminAubenas = "/api/v1/conventions/" + aubenas + "/sections";
        int version = api.get("lecteur", cheminAubenas).json().path("version").asInt();
        List<Map<String, String>> une = List.of(Map.of("nature", "ARTICLE", "titre", "Pirate", "texte", "x"));

        assertThat(api.put("lecteur", cheminAubenas, Map.of("version", version, "sections", une)).status()).isEqualTo(403);
        assertThat(api.put("palabre", cheminAubenas, Map.of("version", version, "sections", une)).status()).isIn(403, 404);
        assertThat(api.put("caf42", chemin, Map.of("version", 0, "sections", une)).status()).isIn(403, 404);
        assertThat(api.get("caf42", chemin).status()).isIn(403, 404);
        assertThat(pages.get("lecteur", "/conventions/" + aubenas + "/texte/modifier").status()).isEqualTo(403);
        assertThat(pages.poster("lecteur", "/conventions/" + aubenas + "/texte/modifier", Map.of("version", String.valueOf(version),
                "sections[0].nature", "ARTICLE", "sections[0].titre", "Pirate", "sections[0].texte", "x")).status()).isEqualTo(403);
        assertThat(api.get("admin", cheminAubenas).json().path("version").asInt()).isEqualTo(version);
    }

    @Test
    void the_edit_page_saves_sections_in_the_chosen_order_and_drops_those_marked_for_removal() {
        Document formulaire = pages.get("caf07", "/conventions/" + id + "/texte/modifier").document();
        Map<String, String> champs = ClientPages.champs(formulaire, "form[action$=/texte/modifier]");
        champs.put("sections[0].supprimer", "oui");
        champs.put("sections[5].ordre", "1");
        champs.put("sections[5].titre", "Objet de la CTG du territoire");
        int derniere = formulaire.select("fieldset.section-formulaire").size() - 1;
        champs.put("sections[" + derniere + "].titre", "Protocole événementiel");
        champs.put("sections[" + derniere + "].nature", "CLAUSE");
        champs.put("sections[" + derniere + "].texte", "Chaque événement associe les **signataires**.");

        ClientPages.Page reponse = pages.poster("caf07", "/conventions/" + id + "/texte/modifier", champs);
        assertThat(reponse.status()).as(reponse.html()).isEqualTo(302);
        JsonNode texte = api.get("caf07", chemin).json();
        assertThat(texte.path("sections").size()).isEqualTo(18);
        assertThat(texte.path("sections").get(0).path("titre").asString()).isEqualTo("Objet de la CTG du territoire");
        JsonNode clause = texte.path("sections").get(17);
        assertThat(clause.path("nature").asString()).isEqualTo("CLAUSE");
        assertThat(clause.path("texte").asString()).isEqualTo("<p>Chaque événement associe les <strong>signataires</strong>.</p>");
    }
}
