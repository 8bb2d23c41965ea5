package fr.pilotectg.plan;

import java.util.List;
import java.util.Map;

import fr.pilotectg.testsupport.ClientPages.Page;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 item 8, acceptance: "Relève de la compétence de l'EPCI" (yes/no) and a URL field added to Aubenas through
 * the pages, filled on a fiche, shown (the URL as a link), filtered on, and in the API; a javascript: link refused.
 */
@IntegrationTest
class ChampsAjoutesPagesTest extends PlanTestSupport {

    @Test
    void added_fields_are_filled_on_an_aubenas_fiche_shown_filtered_on_and_in_the_api() {
        long aubenas = api.aubenas();
        String page = "/conventions/" + aubenas + "/plan/champs";
        assertThat(pages.get("caf07", page).document().selectFirst("#aucun-champ")).isNotNull();
        Page ajout = pages.poster("caf07", page, Map.of("libelle", "Relève de la compétence de l'EPCI", "type", "OUI_NON"));
        assertThat(ajout.messageSucces()).as(String.valueOf(ajout.messageErreur())).isNotNull();
        pages.poster("caf07", page, Map.of("libelle", "Ressource en ligne", "type", "URL"));
        Page sansChoix = pages.poster("caf07", page, Map.of("libelle", "Priorité", "type", "CHOIX_UNIQUE", "choix", ""));
        assertThat(sansChoix.messageErreur()).contains("choix");
        Document liste = pages.get("caf07", page).document();
        List<String> cles = liste.select("li.champ-ajoute").eachAttr("data-cle");
        assertThat(cles).hasSize(2);
        // Keys come from the labels (a key removed by another test stays reserved: then a number follows).
        assertThat(cles.get(0)).startsWith("releveDeLaCompetenceDeLEpci");
        assertThat(cles.get(1)).startsWith("ressourceEnLigne");
        String epci = cles.get(0);
        String lien = cles.get(1);

        // Denials: a reader, a porteur, another Caf's manager see neither the page nor write.
        for (String intrus : List.of("lecteur", "palabre", "caf42")) {
            assertThat(pages.get(intrus, page).status()).as(intrus).isIn(403, 404);
            assertThat(pages.poster(intrus, page, Map.of("libelle", "Intrus", "type", "TEXTE")).status()).as(intrus).isIn(403, 404);
        }

        List<JsonNode> fiches = plans.fichesApi(aubenas);
        long id = fiches.get(3).path("id").asLong();
        String formulaire = "/fiches/" + id + "/champs";
        assertThat(pages.get("lecteur", formulaire).status()).isIn(403, 404);
        Document form = pages.get("caf07", formulaire).document();
        assertThat(form.selectFirst("label[for=champ-" + epci + "]").text()).isEqualTo("Relève de la compétence de l'EPCI");
        String version = form.selectFirst("input[name=version]").val();

        Page dangereux = pages.poster("caf07", formulaire, Map.of("version", version, "champ-" + epci, "oui",
                "champ-" + lien, "javascript:alert(1)"));
        assertThat(dangereux.status()).isEqualTo(400);
        assertThat(dangereux.document().selectFirst("#erreur-champ-" + lien).text()).contains("Ressource en ligne", "http");
        assertThat(api.get("caf07", "/api/v1/fiches/" + id).json().path("champs").has(epci)).as("nothing written").isFalse();

        Page enregistre = pages.poster("caf07", formulaire, Map.of("version", version, "champ-" + epci, "oui",
                "champ-" + lien, "https://www.caf.fr/partenaires"));
        assertThat(enregistre.redirection()).isEqualTo("/fiches/" + id);

        Document vue = pages.get("lecteur", "/fiches/" + id).document();
        Element valeurs = vue.selectFirst("section.champs-ajoutes");
        assertThat(valeurs.selectFirst("dd[data-cle=" + epci + "]").text()).isEqualTo("Oui");
        assertThat(valeurs.selectFirst("dd[data-cle=" + lien + "] a").attr("href")).isEqualTo("https://www.caf.fr/partenaires");

        Document filtre = pages.get("caf07", "/conventions/" + aubenas + "/plan?ajoute=" + epci + ":oui").document();
        assertThat(filtre.selectFirst("#nombre-fiches-filtrees").text()).isEqualTo("1");
        assertThat(filtre.select("a[href=/fiches/" + id + "]")).isNotEmpty();
        assertThat(filtre.selectFirst("select#ajoute option[selected]").val()).isEqualTo(epci + ":oui");
        assertThat(pages.get("caf07", "/conventions/" + aubenas + "/plan?ajoute=" + epci + ":non").document()
                .selectFirst("#nombre-fiches-filtrees").text()).isEqualTo("0");

        JsonNode json = api.get("lecteur", "/api/v1/fiches/" + id).json().path("champs");
        assertThat(json.path(epci).asBoolean()).isTrue();
        assertThat(json.path(lien).asString()).isEqualTo("https://www.caf.fr/partenaires");

        // Clean up: the demo convention keeps no added field.
        for (JsonNode c : api.get("caf07", "/api/v1/conventions/" + aubenas + "/plan/champs").json()) {
            Page retrait = pages.poster("caf07", page + "/" + c.path("id").asLong() + "/supprimer", Map.of("version", c.path("version").asString()));
            assertThat(retrait.messageSucces()).isNotNull();
        }
        assertThat(pages.get("caf07", "/fiches/" + id).document().selectFirst("section.champs-ajoutes")).isNull();
    }
}
