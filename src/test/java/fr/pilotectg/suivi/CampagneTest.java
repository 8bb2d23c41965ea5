package fr.pilotectg.suivi;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import fr.pilotectg.shared.audit.Journal;
import fr.pilotectg.testsupport.ClientPages.Page;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Update campaigns: opening, answers and counts, the porteurs' home page, reminders, closing. */
class CampagneTest extends SuiviTestSupport {

    @Autowired
    Journal journal;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;


    private static final String HIER = LocalDate.now().minusDays(1).toString();
    private static final String DANS_UN_MOIS = LocalDate.now().plusMonths(1).toString();

    /** Opens a campaign through the form as caf07, with the fiches the form proposes for 2026. */
    private long ouvrir(PlanDeSuivi plan, String libelle) {
        Document formulaire = pages.get("caf07", "/conventions/" + plan.conventionId() + "/campagnes/nouvelle?annee=2026").document();
        formulaire.selectFirst("#libelle").val(libelle);
        formulaire.selectFirst("#dateLimite").val(DANS_UN_MOIS);
        Page ouverte = pages.soumettre("caf07", formulaire, "#formulaire-campagne");
        assertThat(ouverte.redirection()).as(ouverte.html()).startsWith("/campagnes/");
        return Long.parseLong(ouverte.redirection().substring("/campagnes/".length()));
    }

    @Test
    void the_form_proposes_the_fiches_planned_that_year_and_fiches_without_planned_year() {
        PlanDeSuivi plan = planDeSuivi("campagne-proposition");

        Document formulaire = pages.get("caf07", "/conventions/" + plan.conventionId() + "/campagnes/nouvelle?annee=2026").document();

        assertThat(formulaire.select("input[name=ficheIds][checked]").eachAttr("value")).containsExactlyInAnyOrder(
                String.valueOf(plan.alpha()), String.valueOf(plan.charlie()), String.valueOf(plan.delta()));
        assertThat(formulaire.select("input[name=ficheIds]")).hasSize(4);
        assertThat(pages.get("palabre", "/conventions/" + plan.conventionId() + "/campagnes/nouvelle").status()).isEqualTo(403);
    }

    @Test
    void an_answer_while_the_campaign_is_open_is_linked_and_counted_and_leaves_the_porteurs_home_list() {
        PlanDeSuivi plan = planDeSuivi("campagne-reponses");
        long campagne = ouvrir(plan, "T4 test");
        Document avant = pages.get("caf07", "/campagnes/" + campagne).document();
        assertThat(avant.select("#nombre-repondues").text()).isEqualTo("0");
        assertThat(avant.select("#nombre-fiches").text()).isEqualTo("3");
        Document accueil = pages.get("palabre", "/").document();
        assertThat(accueil.select("#mes-actions tr.action-a-mettre-a-jour a").eachAttr("href")).contains("/fiches/" + plan.alpha() + "/suivi#formulaire-suivi");

        var reponse = api.post("palabre", "/api/v1/fiches/" + plan.alpha() + "/suivi", miseAJour("EN_COURS", 30, HIER));
        api.post("ccba", "/api/v1/fiches/" + plan.bravo() + "/suivi", miseAJour("EN_COURS", 30, HIER));

        assertThat(reponse.json().path("campagneId").asLong()).isEqualTo(campagne);
        Document apres = pages.get("caf07", "/campagnes/" + campagne).document();
        assertThat(apres.select("#nombre-repondues").text()).isEqualTo("1");
        assertThat(apres.select("#nombre-non-repondues").text()).isEqualTo("2");
        assertThat(apres.select("#pourcentage-repondues").text()).isEqualTo("33 %");
        assertThat(apres.select("tr[data-fiche=" + plan.alpha() + "] .reponse").text()).contains("Répondu").contains("par " + PALABRE);
        assertThat(apres.select("tr[data-fiche=" + plan.charlie() + "] .reponse").text()).isEqualTo("Non répondu");
        assertThat(pages.get("palabre", "/").html()).doesNotContain("/fiches/" + plan.alpha() + "/suivi");
        assertThat(api.get("caf07", "/api/v1/fiches/" + plan.bravo() + "/suivi").json().get(0).path("campagneId").isNull())
                .as("Bravo is not in the campaign").isTrue();
    }

    @Test
    void after_closing_updates_are_no_longer_linked_and_the_campaign_leaves_the_home_page() {
        PlanDeSuivi plan = planDeSuivi("campagne-cloture");
        long campagne = ouvrir(plan, "Clôture test");
        int version = comme("caf07", () -> campagnes.vue(campagne).campagne().version());

        assertThat(pages.poster("palabre", "/campagnes/" + campagne + "/cloturer", Map.of("version", "" + version)).status()).isEqualTo(403);
        Page cloture = pages.poster("caf07", "/campagnes/" + campagne + "/cloturer", Map.of("version", "" + version));
        Page deuxieme = pages.poster("caf07", "/campagnes/" + campagne + "/cloturer", Map.of("version", "" + version));

        assertThat(cloture.messageSucces()).contains("clôturée");
        assertThat(deuxieme.messageErreur()).contains("rechargez");
        assertThat(api.post("palabre", "/api/v1/fiches/" + plan.alpha() + "/suivi", miseAJour("EN_COURS", 30, HIER)).json()
                .path("campagneId").isNull()).isTrue();
        assertThat(pages.get("caf07", "/campagnes/" + campagne).document().select("#etat-campagne").text()).startsWith("clôturée");
    }

    @Test
    void opening_checks_its_fields_and_is_for_managers_only() {
        PlanDeSuivi plan = planDeSuivi("campagne-validation");
        String chemin = "/conventions/" + plan.conventionId() + "/campagnes";

        Page refusee = pages.poster("caf07", chemin, Map.of("libelle", " ", "annee", "2035", "trimestre", "5",
                "dateLimite", LocalDate.now().minusDays(3).toString()));

        assertThat(refusee.status()).isEqualTo(400);
        Document page = refusee.document();
        assertThat(page.select("#erreur-libelle").text()).contains("obligatoire");
        assertThat(page.select("#erreur-annee").text()).contains("période de la convention");
        assertThat(page.select("#erreur-trimestre").text()).contains("1 à 4");
        assertThat(page.select("#erreur-dateLimite").text()).contains("passée");
        assertThat(page.select("#erreur-ficheIds").text()).contains("au moins une fiche");
        assertThat(pages.poster("lecteur", chemin, Map.of("libelle", "x")).status()).isEqualTo(403);
        assertThat(pages.poster("palabre", chemin, Map.of("libelle", "x", "annee", "2026", "trimestre", "1",
                "dateLimite", DANS_UN_MOIS, "ficheIds", "" + plan.alpha())).status()).isEqualTo(403);
        assertThat(comme("caf07", () -> campagnes.campagnes(plan.conventionId()))).isEmpty();
    }

    @Test
    void palabre_sees_the_demo_campaign_fiches_it_has_not_answered_on_its_home_page() {
        long aubenas = api.aubenas();

        Document accueil = pages.get("palabre", "/").document();

        List<String> hrefs = accueil.select("#mes-actions a").eachAttr("href");
        assertThat(hrefs).contains("/fiches/" + ficheDemo(aubenas, "FA15") + "/suivi#formulaire-suivi",
                        "/fiches/" + ficheDemo(aubenas, "FA20") + "/suivi#formulaire-suivi")
                .doesNotContain("/fiches/" + ficheDemo(aubenas, "FA25") + "/suivi#formulaire-suivi");
        assertThat(accueil.select("#mes-actions tr").text()).contains("T4 2026").contains("15 décembre 2026").contains("données d'exemple");
        assertThat(pages.get("lecteur", "/").redirection()).isEqualTo("/conventions");
        assertThat(pages.get("ccba", "/").redirection()).as("CCBA answered its demo fiches").isEqualTo("/conventions");
    }

    @Test
    void the_demo_campaign_counts_answered_fiches_and_labels_the_examples() {
        long aubenas = api.aubenas();
        Campagne demo = comme("caf07", () -> campagnes.campagnes(aubenas)).stream()
                .filter(c -> c.libelle().equals("T4 2026")).findFirst().orElseThrow();

        Document page = pages.get("lecteur", "/campagnes/" + demo.id()).document();

        assertThat(page.select("#nombre-fiches").text()).isEqualTo("12");
        assertThat(page.select("#nombre-repondues").text()).isEqualTo("7");
        assertThat(page.select("h1").text()).contains("données d'exemple");
        assertThat(page.select("form[action$=/relancer]")).as("a lecteur cannot remind").isEmpty();
        Document tableau = pages.get("lecteur", "/conventions/" + aubenas + "/suivi").document();
        assertThat(tableau.select("#tableau-suivi .badge").eachText()).hasSizeGreaterThanOrEqualTo(12).containsOnly("données d'exemple");
    }

    @Test
    void reordering_the_statuses_is_journalled() {
        PlanDeSuivi plan = planDeSuivi("ordre-des-statuts");

        pages.poster("caf07", "/conventions/" + plan.conventionId() + "/suivi/statuts/EN_COURS/deplacer", Map.of("sens", "-1"));

        assertThat(journal.pourConvention(plan.conventionId(), 5, 0)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("ordre des statuts");
            assertThat(e.changements().get(0).avant()).startsWith("Non démarrée, En cours");
            assertThat(e.changements().get(0).apres()).startsWith("En cours, Non démarrée");
        });
    }

    @Test
    void a_reminder_stays_in_the_app_when_the_email_cannot_be_sent_until_it_is_marked_read() {
        PlanDeSuivi plan = planDeSuivi("campagne-relance-sans-smtp");
        long campagne = ouvrir(plan, "Relance sans serveur");

        Page relance = pages.poster("caf07", "/campagnes/" + campagne + "/relancer", Map.of());

        assertThat(relance.messageErreur()).contains(PALABRE).contains("Courriel non envoyé").contains("reste visible");
        assertThat(pages.get("caf07", "/campagnes/" + campagne).document().select("#relances-envoyees tbody").text())
                .contains(PALABRE).contains("courriel non envoyé").contains("palabre@exemple.org");
        Document accueil = pages.get("palabre", "/").document();
        assertThat(accueil.select("#relances li").text()).contains("Relance sans serveur");
        String action = accueil.select("#relances li").stream().filter(li -> li.text().contains("Relance sans serveur")).findFirst()
                .orElseThrow().selectFirst("form").attr("action");
        assertThat(pages.poster("ccba", action, Map.of()).status()).as("another organisation's reminder").isEqualTo(404);
        pages.poster("palabre", action, Map.of());
        assertThat(pages.get("palabre", "/").document().select("#relances").text()).doesNotContain("Relance sans serveur");
        assertThat(journal.pourConvention(plan.conventionId(), 5, 0)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("rappel marqué comme lu");
            assertThat(e.utilisateur()).isEqualTo("palabre");
        });
        assertThat(pages.poster("palabre", "/campagnes/" + campagne + "/relancer", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void people_are_shown_by_name_and_organisation_never_by_login_on_journal_follow_up_and_campaign_pages() {
        PlanDeSuivi plan = planDeSuivi("noms");
        long campagne = ouvrir(plan, "Campagne des noms");
        assertThat(api.post("palabre", "/api/v1/fiches/" + plan.alpha() + "/suivi", miseAJour("EN_COURS", 30, HIER)).status()).isEqualTo(201);
        assertThat(api.post("ccba", "/api/v1/fiches/" + plan.bravo() + "/suivi", miseAJour("EN_COURS", 40, HIER)).status()).isEqualTo(201);
        pages.poster("caf07", "/campagnes/" + campagne + "/relancer", Map.of());

        List<String> identifiants = jdbc.sql("SELECT identifiant FROM utilisateur").query(String.class).list();
        // Name, then organisation unless the name already says it (the porteur account is named after its centre).
        String palabre = jdbc.sql("SELECT CASE WHEN u.nom_affiche LIKE '%' || o.nom || '%' THEN u.nom_affiche"
                + " ELSE u.nom_affiche || ' (' || o.nom || ')' END FROM utilisateur u JOIN organisation o ON o.id = u.organisation_id"
                + " WHERE identifiant = 'palabre'").query(String.class).single();
        assertThat(palabre).isEqualTo(PALABRE);
        for (String adresse : List.of("/conventions/" + plan.conventionId() + "/journal", "/conventions/" + plan.conventionId() + "/suivi",
                "/fiches/" + plan.alpha() + "/suivi", "/campagnes/" + campagne)) {
            Page page = pages.get("caf07", adresse);
            assertThat(page.status()).as(adresse).isEqualTo(200);
            // The page's content, without the header (which names the signed-in user by name anyway).
            String texte = page.document().select("main").text();
            for (String identifiant : identifiants) {
                assertThat(texte).as(adresse + " : identifiant " + identifiant)
                        .doesNotContainPattern("(?<![\\p{L}\\d_-])" + java.util.regex.Pattern.quote(identifiant) + "(?![\\p{L}\\d_-])");
            }
        }
        assertThat(pages.get("caf07", "/fiches/" + plan.alpha() + "/suivi").document().select("main").text()).contains(palabre);
        assertThat(pages.get("caf07", "/campagnes/" + campagne).document().select("main").text()).contains(palabre);
        assertThat(pages.get("caf07", "/conventions/" + plan.conventionId() + "/journal").document().select("main").text())
                .contains(palabre);

        // Every campaign and follow-up page names the convention in its breadcrumb, not « Convention ».
        String titre = jdbc.sql("SELECT titre FROM convention WHERE id = :id").param("id", plan.conventionId()).query(String.class).single();
        for (String adresse : List.of("/conventions/" + plan.conventionId() + "/campagnes", "/conventions/" + plan.conventionId() + "/campagnes/nouvelle",
                "/conventions/" + plan.conventionId() + "/suivi/statuts", "/campagnes/" + campagne, "/fiches/" + plan.alpha() + "/suivi")) {
            assertThat(pages.get("caf07", adresse).document().select("ol.breadcrumb li").eachText()).as(adresse)
                    .contains(titre).doesNotContain("Convention");
        }
    }
}
