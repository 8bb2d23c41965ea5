package fr.pilotectg.plan;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import fr.pilotectg.shared.Limites;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages.Page;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 item 8 in the fiche form: one input per field the convention added, of its kind, filled and read back
 * through the API for every type; a bad value of each type refused naming the field, with nothing written and the
 * input given back; a stale version refused; readers and outsiders kept out.
 */
@IntegrationTest
class ChampsAjoutesFormulaireTest extends PlanTestSupport {

    private static final String FORMULAIRE = "form[action$=/modifier]";

    private Document formulaire(String utilisateur, long fiche) {
        Page page = pages.get(utilisateur, "/fiches/" + fiche + "/modifier");
        assertThat(page.status()).as(page.html()).isEqualTo(200);
        return page.document();
    }

    /** Fills every added field with a valid value, as a user would in the page. */
    static void remplirTout(Document d, PlansDeTest.PlanDeChamps p) {
        choisir(d, p.nom(TypeChampAjoute.OUI_NON), "oui");
        d.getElementById(p.nom(TypeChampAjoute.TEXTE)).val("Mme Martin, coordinatrice");
        d.getElementById(p.nom(TypeChampAjoute.TEXTE_LONG)).text("Première ligne\nSeconde ligne");
        d.getElementById(p.nom(TypeChampAjoute.URL)).val("https://www.caf.fr/partenaires");
        d.getElementById(p.nom(TypeChampAjoute.NOMBRE)).val("12 345 678,5");
        d.getElementById(p.nom(TypeChampAjoute.DATE)).val("2027-03-15");
        choisir(d, p.nom(TypeChampAjoute.CHOIX_UNIQUE), "Moyenne");
        d.getElementById(p.nom(TypeChampAjoute.CHOIX_MULTIPLE) + "-0").attr("checked", true);
        d.getElementById(p.nom(TypeChampAjoute.CHOIX_MULTIPLE) + "-2").attr("checked", true);
        d.getElementById(p.nom(TypeChampAjoute.LISTE)).text("Aubenas\n\n  Vals-les-Bains  \nLavilledieu");
    }

    static void choisir(Document d, String select, String valeur) {
        d.select("#" + select + " option").removeAttr("selected");
        Element option = d.selectFirst("#" + select + " option[value=\"" + valeur + "\"]");
        if (option == null) {
            // A value the page does not offer, as a forged request would send it.
            option = d.getElementById(select).appendElement("option").val(valeur);
        }
        option.attr("selected", true);
    }

    private JsonNode champs(long fiche) {
        return api.get("caf07", "/api/v1/fiches/" + fiche).json().path("champs");
    }

    @Test
    void every_type_of_added_field_is_filled_through_the_form_and_read_back_through_the_api() {
        PlansDeTest.PlanDeChamps p = plans.planAvecChampsDeChaqueType("Champs ajoutés au formulaire");
        Document d = formulaire("caf07", p.fiche());

        // One input of the right kind per field, with its label.
        assertThat(d.selectFirst("label[for=" + p.nom(TypeChampAjoute.OUI_NON) + "]").text()).isEqualTo("Relève de la compétence de l'EPCI");
        assertThat(d.select("select#" + p.nom(TypeChampAjoute.OUI_NON) + " option").eachAttr("value")).containsExactly("", "oui", "non");
        assertThat(d.selectFirst("input#" + p.nom(TypeChampAjoute.TEXTE) + "[type=text]")).isNotNull();
        assertThat(d.selectFirst("textarea#" + p.nom(TypeChampAjoute.TEXTE_LONG))).isNotNull();
        assertThat(d.selectFirst("input#" + p.nom(TypeChampAjoute.URL) + "[type=url]")).isNotNull();
        assertThat(d.selectFirst("input#" + p.nom(TypeChampAjoute.NOMBRE) + "[inputmode=decimal]")).isNotNull();
        assertThat(d.selectFirst("input#" + p.nom(TypeChampAjoute.DATE) + "[type=date]")).isNotNull();
        assertThat(d.select("select#" + p.nom(TypeChampAjoute.CHOIX_UNIQUE) + " option").eachText())
                .containsExactly("Non renseigné", "Haute", "Moyenne", "Basse");
        assertThat(d.select("input[type=checkbox][name=" + p.nom(TypeChampAjoute.CHOIX_MULTIPLE) + "]").eachAttr("value"))
                .containsExactly("Familles", "Jeunes", "Seniors");
        assertThat(d.select("#champs-ajoutes legend").eachText()).contains("Champs propres à la convention", "Publics");
        String aide = d.getElementById(p.nom(TypeChampAjoute.LISTE)).attr("aria-describedby");
        assertThat(d.getElementById(aide).text()).isEqualTo("Un élément par ligne.");

        // Filled and saved with a new title: one save writes both.
        remplirTout(d, p);
        d.getElementById("titre").val("Fiche aux champs remplis");
        Page enregistre = pages.soumettre("caf07", d, FORMULAIRE);
        assertThat(enregistre.redirection()).as(enregistre.html()).isEqualTo("/fiches/" + p.fiche());
        JsonNode fiche = api.get("caf07", "/api/v1/fiches/" + p.fiche()).json();
        assertThat(fiche.path("titre").asString()).isEqualTo("Fiche aux champs remplis");
        JsonNode champs = fiche.path("champs");
        assertThat(champs.path(p.cles().get(TypeChampAjoute.OUI_NON)).isBoolean()).isTrue();
        assertThat(champs.path(p.cles().get(TypeChampAjoute.OUI_NON)).asBoolean()).isTrue();
        assertThat(champs.path(p.cles().get(TypeChampAjoute.TEXTE)).asString()).isEqualTo("Mme Martin, coordinatrice");
        assertThat(champs.path(p.cles().get(TypeChampAjoute.TEXTE_LONG)).asString()).isEqualTo("Première ligne\nSeconde ligne");
        assertThat(champs.path(p.cles().get(TypeChampAjoute.URL)).asString()).isEqualTo("https://www.caf.fr/partenaires");
        assertThat(champs.path(p.cles().get(TypeChampAjoute.NOMBRE)).isNumber()).isTrue();
        assertThat(champs.path(p.cles().get(TypeChampAjoute.NOMBRE)).decimalValue()).isEqualByComparingTo("12345678.5");
        assertThat(champs.path(p.cles().get(TypeChampAjoute.DATE)).asString()).isEqualTo("2027-03-15");
        assertThat(champs.path(p.cles().get(TypeChampAjoute.CHOIX_UNIQUE)).asString()).isEqualTo("Moyenne");
        assertThat(champs.path(p.cles().get(TypeChampAjoute.CHOIX_MULTIPLE))).extracting(JsonNode::asString).containsExactly("Familles", "Seniors");
        assertThat(champs.path(p.cles().get(TypeChampAjoute.LISTE))).extracting(JsonNode::asString)
                .containsExactly("Aubenas", "Vals-les-Bains", "Lavilledieu");

        // The form shows them back as typed; saving it unchanged changes nothing.
        Document relu = formulaire("caf07", p.fiche());
        assertThat(relu.selectFirst("#" + p.nom(TypeChampAjoute.OUI_NON) + " option[selected]").val()).isEqualTo("oui");
        assertThat(relu.getElementById(p.nom(TypeChampAjoute.NOMBRE)).val()).isEqualTo("12345678,5");
        assertThat(relu.getElementById(p.nom(TypeChampAjoute.LISTE)).val()).isEqualTo("Aubenas\nVals-les-Bains\nLavilledieu");
        assertThat(relu.select("input[name=" + p.nom(TypeChampAjoute.CHOIX_MULTIPLE) + "][checked]").eachAttr("value"))
                .containsExactly("Familles", "Seniors");
        Page inchange = pages.soumettre("caf07", relu, FORMULAIRE);
        assertThat(inchange.redirection()).as(inchange.html()).isEqualTo("/fiches/" + p.fiche());
        assertThat(champs(p.fiche())).isEqualTo(champs);

        // The fiche page shows them, the link as a link.
        Document page = pages.get("caf07", "/fiches/" + p.fiche()).document();
        assertThat(page.selectFirst("dd[data-cle=" + p.cles().get(TypeChampAjoute.URL) + "] a").attr("href")).isEqualTo("https://www.caf.fr/partenaires");
        assertThat(page.selectFirst("dd[data-cle=" + p.cles().get(TypeChampAjoute.NOMBRE) + "]").text()).isEqualTo("12345678,5");
        assertThat(page.selectFirst("dd[data-cle=" + p.cles().get(TypeChampAjoute.CHOIX_MULTIPLE) + "]").text()).isEqualTo("Familles, Seniors");

        // Emptied inputs and unticked boxes empty the fields; the others stay.
        Document vide = formulaire("caf07", p.fiche());
        vide.getElementById(p.nom(TypeChampAjoute.URL)).val("");
        vide.select("input[name=" + p.nom(TypeChampAjoute.CHOIX_MULTIPLE) + "]").removeAttr("checked");
        choisir(vide, p.nom(TypeChampAjoute.OUI_NON), "non");
        assertThat(pages.soumettre("caf07", vide, FORMULAIRE).redirection()).isEqualTo("/fiches/" + p.fiche());
        JsonNode apres = champs(p.fiche());
        assertThat(apres.has(p.cles().get(TypeChampAjoute.URL))).isFalse();
        assertThat(apres.has(p.cles().get(TypeChampAjoute.CHOIX_MULTIPLE))).isFalse();
        assertThat(apres.path(p.cles().get(TypeChampAjoute.OUI_NON)).asBoolean(true)).as("« non » is a value, not an empty field").isFalse();
        assertThat(apres.path(p.cles().get(TypeChampAjoute.TEXTE)).asString()).isEqualTo("Mme Martin, coordinatrice");
    }

    @Test
    void a_bad_value_of_each_type_is_refused_naming_the_field_and_nothing_is_written() {
        PlansDeTest.PlanDeChamps p = plans.planAvecChampsDeChaqueType("Champs ajoutés refusés");
        Document d = formulaire("caf07", p.fiche());
        remplirTout(d, p);
        assertThat(pages.soumettre("caf07", d, FORMULAIRE).redirection()).isEqualTo("/fiches/" + p.fiche());
        JsonNode avant = api.get("caf07", "/api/v1/fiches/" + p.fiche()).json();

        record Cas(TypeChampAjoute type, String libelle, String motif, Consumer<Document> saisie, String redonne) {
        }
        String longue = "Phrase. ".repeat(TypeChampAjoute.TEXTE_COURT_MAX / 8) + "Trop.";
        List<Cas> cas = List.of(
                new Cas(TypeChampAjoute.OUI_NON, "Relève de la compétence de l'EPCI", "oui ou non",
                        f -> choisir(f, p.nom(TypeChampAjoute.OUI_NON), "peut-être"), null),
                new Cas(TypeChampAjoute.TEXTE, "Référent", "une seule ligne",
                        f -> f.getElementById(p.nom(TypeChampAjoute.TEXTE)).val("Mme Martin\nM. Durand"), null),
                new Cas(TypeChampAjoute.TEXTE, "Référent", "trop long",
                        f -> f.getElementById(p.nom(TypeChampAjoute.TEXTE)).val(longue), longue),
                new Cas(TypeChampAjoute.URL, "Ressource en ligne", "http",
                        f -> f.getElementById(p.nom(TypeChampAjoute.URL)).val("javascript:alert(1)"), "javascript:alert(1)"),
                new Cas(TypeChampAjoute.NOMBRE, "Budget estimé", "nombre est attendu",
                        f -> f.getElementById(p.nom(TypeChampAjoute.NOMBRE)).val("douze"), "douze"),
                new Cas(TypeChampAjoute.NOMBRE, "Budget estimé", "trop grand",
                        f -> f.getElementById(p.nom(TypeChampAjoute.NOMBRE)).val("1000000000000000"), "1000000000000000"),
                new Cas(TypeChampAjoute.DATE, "Date du comité", "AAAA-MM-JJ",
                        f -> f.getElementById(p.nom(TypeChampAjoute.DATE)).val("2027-02-30"), "2027-02-30"),
                new Cas(TypeChampAjoute.DATE, "Date du comité", "AAAA-MM-JJ",
                        f -> f.getElementById(p.nom(TypeChampAjoute.DATE)).val("15/03/2027"), "15/03/2027"),
                new Cas(TypeChampAjoute.CHOIX_UNIQUE, "Priorité", "n'est pas un des choix",
                        f -> choisir(f, p.nom(TypeChampAjoute.CHOIX_UNIQUE), "Urgente"), null),
                new Cas(TypeChampAjoute.CHOIX_MULTIPLE, "Publics", "n'est pas un des choix",
                        f -> f.getElementById(p.nom(TypeChampAjoute.CHOIX_MULTIPLE) + "-0").parent()
                                .appendElement("input").attr("type", "checkbox").attr("name", p.nom(TypeChampAjoute.CHOIX_MULTIPLE))
                                .val("Retraités").attr("checked", true), null),
                new Cas(TypeChampAjoute.LISTE, "Sites", "200 éléments au plus",
                        f -> f.getElementById(p.nom(TypeChampAjoute.LISTE)).text(String.join("\n",
                                java.util.stream.IntStream.rangeClosed(1, 201).mapToObj(i -> "Site " + i).toList())), null));
        for (Cas c : cas) {
            Document f = formulaire("caf07", p.fiche());
            f.getElementById("titre").val("Titre qui ne doit pas être enregistré");
            c.saisie().accept(f);
            Page refus = pages.soumettre("caf07", f, FORMULAIRE);
            String quoi = c.type() + " " + c.motif();
            assertThat(refus.status()).as(quoi).isEqualTo(400);
            Document page = refus.document();
            assertThat(page.select(".alert-danger").text()).as(quoi).contains("Rien n'a été enregistré");
            Element erreur = page.getElementById("erreur-" + p.nom(c.type()));
            assertThat(erreur).as(quoi).isNotNull();
            assertThat(erreur.text()).as(quoi).contains("« " + c.libelle() + " »", c.motif());
            assertThat(page.select(".is-invalid").eachAttr("name")).as(quoi).contains(p.nom(c.type()));
            assertThat(page.getElementById("titre").val()).as(quoi + ": the input is given back").isEqualTo("Titre qui ne doit pas être enregistré");
            if (c.redonne() != null) {
                assertThat(page.getElementById(p.nom(c.type())).val()).as(quoi + ": the input is given back").isEqualTo(c.redonne());
            }
            // The other added fields keep what was typed too.
            assertThat(page.getElementById(p.nom(TypeChampAjoute.URL)).val()).as(quoi).isEqualTo(
                    c.type() == TypeChampAjoute.URL ? "javascript:alert(1)" : "https://www.caf.fr/partenaires");
            assertThat(api.get("caf07", "/api/v1/fiches/" + p.fiche()).json()).as(quoi + ": nothing written").isEqualTo(avant);
        }

        // A long text beyond the longest text accepted anywhere (the textarea's maxlength) is refused before any page
        // reads it, naming its input.
        Document tropLongue = formulaire("caf07", p.fiche());
        assertThat(tropLongue.getElementById(p.nom(TypeChampAjoute.TEXTE_LONG)).attr("maxlength")).isEqualTo(String.valueOf(Limites.TEXTE));
        tropLongue.getElementById(p.nom(TypeChampAjoute.TEXTE_LONG)).text("x".repeat(Limites.TEXTE + 1));
        Page tropLong = pages.soumettre("caf07", tropLongue, FORMULAIRE);
        assertThat(tropLong.status()).isEqualTo(400);
        assertThat(tropLong.document().text()).contains(p.nom(TypeChampAjoute.TEXTE_LONG), "Rien n'a été enregistré");
        assertThat(api.get("caf07", "/api/v1/fiches/" + p.fiche()).json()).isEqualTo(avant);

        // A refused title and a refused link are named at once.
        Document deux = formulaire("caf07", p.fiche());
        deux.getElementById("titre").val(" ");
        deux.getElementById(p.nom(TypeChampAjoute.URL)).val("ftp://serveur/fichier");
        deux.getElementById(p.nom(TypeChampAjoute.DATE)).val("2027-13-01");
        Page refus = pages.soumettre("caf07", deux, FORMULAIRE);
        assertThat(refus.status()).isEqualTo(400);
        assertThat(refus.document().getElementById("erreur-" + p.nom(TypeChampAjoute.URL)).text()).contains("Ressource en ligne");
        assertThat(refus.document().getElementById("erreur-" + p.nom(TypeChampAjoute.DATE)).text()).contains("Date du comité");
        assertThat(api.get("caf07", "/api/v1/fiches/" + p.fiche()).json()).isEqualTo(avant);
    }

    @Test
    void a_stale_form_is_refused_with_a_conflict_and_keeps_the_change_made_meanwhile() {
        PlansDeTest.PlanDeChamps p = plans.planAvecChampsDeChaqueType("Champs ajoutés en conflit");
        Document d = formulaire("caf07", p.fiche());
        String url = p.cles().get(TypeChampAjoute.URL);
        JsonNode fiche = api.get("caf07", "/api/v1/fiches/" + p.fiche()).json();
        Reponse ailleurs = api.patch("admin", "/api/v1/fiches/" + p.fiche() + "?version=" + fiche.path("version").asInt(),
                Map.of("champs", Map.of(url, "https://www.ardeche.fr/")));
        assertThat(ailleurs.status()).as(ailleurs.texte()).isEqualTo(200);

        d.getElementById(p.nom(TypeChampAjoute.URL)).val("https://www.caf.fr/");
        Page conflit = pages.soumettre("caf07", d, FORMULAIRE);
        assertThat(conflit.status()).isEqualTo(409);
        assertThat(conflit.document().selectFirst(".conflit").text()).contains("Conflit");
        assertThat(conflit.document().getElementById(p.nom(TypeChampAjoute.URL)).val()).isEqualTo("https://www.caf.fr/");
        assertThat(champs(p.fiche()).path(url).asString()).isEqualTo("https://www.ardeche.fr/");
    }

    @Test
    void readers_outsiders_and_porteurs_of_other_fiches_cannot_open_nor_post_the_form() {
        PlansDeTest.PlanDeChamps p = plans.planAvecChampsDeChaqueType("Champs ajoutés interdits");
        Document d = formulaire("caf07", p.fiche());
        remplirTout(d, p);
        JsonNode avant = api.get("caf07", "/api/v1/fiches/" + p.fiche()).json();
        // lecteur reads every convention; palabre carries Aubenas fiches only; caf42 manages another Caf's conventions.
        for (String intrus : List.of("lecteur", "palabre", "caf42")) {
            assertThat(pages.get(intrus, "/fiches/" + p.fiche() + "/modifier").status()).as(intrus).isIn(403, 404);
            Page envoi = pages.soumettre(intrus, d, FORMULAIRE);
            assertThat(envoi.status()).as(intrus).isIn(403, 404);
            assertThat(envoi.html()).as(intrus).doesNotContain("erreur-ajoute_");
        }
        assertThat(pages.get("lecteur", "/fiches/" + p.fiche()).document().select("a[href$=/modifier]")).isEmpty();
        assertThat(api.get("caf07", "/api/v1/fiches/" + p.fiche()).json()).isEqualTo(avant);
    }
}
