package fr.pilotectg.plan;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.IntegrationTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance on the demo plans: what the three real action plans say, through the API and the pages
 * (Bassin d'Aubenas, national template; Monts du Pilat, scored template; Baronnies, roadmap). Read only.
 */
@IntegrationTest
class PlanDemoTest extends PlanTestSupport {

    static final String BARONNIES = "CTG des Baronnies en Drôme Provençale 2019-2024";

    long aubenas;

    @BeforeEach
    void lireAubenas() {
        aubenas = api.aubenas();
    }

    // --- API: the three plans -------------------------------------------------------------------------------

    @Test
    void the_api_lists_every_fiche_of_the_three_plans_in_plan_order() {
        List<JsonNode> fichesAubenas = fiches("caf07", aubenas);
        assertThat(fichesAubenas).hasSize(32);
        assertThat(fichesAubenas).extracting(f -> f.path("reference").asString())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 32).mapToObj(i -> "FA" + i).toList());
        assertThat(fiches("caf42", api.pilat())).hasSize(48)
                .extracting(f -> f.path("reference").asString()).contains("PE7", "G1", "JA11", "G47").doesNotHaveDuplicates();
        List<JsonNode> fichesBaronnies = fiches("admin", api.idParTitre(BARONNIES));
        assertThat(fichesBaronnies).hasSize(84);
        assertThat(fichesBaronnies).allSatisfy(f -> assertThat(f.path("reference").isNull()).as("actions are not numbered").isTrue());

        for (JsonNode fiche : fichesAubenas) {
            assertThat(fiche.path("id").asLong()).isPositive();
            assertThat(fiche.path("titre").asString()).isNotBlank();
            assertThat(fiche.path("chemin").isArray()).isTrue();
            assertThat(fiche.path("annees").isArray()).isTrue();
            assertThat(fiche.path("champs").isObject()).isTrue();
        }
    }

    @Test
    void each_plan_gives_its_own_level_names() {
        assertThat(niveaux("caf07", aubenas)).containsExactly("Thématique", "Axe stratégique", "Fiche action");
        assertThat(niveaux("caf42", api.pilat())).containsExactly("Axe", "Fiche action");
        assertThat(niveaux("admin", api.idParTitre(BARONNIES))).containsExactly("Axe", "ENJEU", "Objectif stratégique", "Action");

        JsonNode plan = api.get("caf07", "/api/v1/conventions/" + aubenas + "/plan").json();
        assertThat(plan.path("modele").asString()).isEqualTo("NATIONAL");
        assertThat(plan.path("nombreFiches").asInt()).isEqualTo(32);
        assertThat(plan.path("noeuds")).hasSize(5);
        assertThat(plan.path("fichesHorsAxe")).extracting(f -> f.path("reference").asString()).containsExactly("FA31", "FA32");
        assertThat(plan.path("comptesDeclares")).extracting(c -> c.path("valeur").asInt()).containsExactly(5, 11, 32);
    }

    @Test
    void a_fiche_carries_its_path_years_and_template_fields() {
        JsonNode fa1 = plans.ficheApi(aubenas, "FA1");
        assertThat(textes(fa1.path("chemin"))).containsExactly("Thématique 1 : Petite enfance",
                "Axe stratégique 1 : Pérennisation de l'offre d'accueil existante sur le territoire");
        assertThat(textes(plans.ficheApi(aubenas, "FA31").path("chemin"))).as("outside any axis").isEmpty();

        JsonNode fa6 = plans.ficheApi(aubenas, "FA6");
        assertThat(fa6.path("annees")).extracting(JsonNode::asInt).containsExactly(2026, 2028, 2030);

        JsonNode fa15 = api.get("palabre", "/api/v1/fiches/" + plans.ficheApi(aubenas, "FA15").path("id").asLong()).json();
        assertThat(fa15.path("champs").path("porteurs").get(0).path("nom").asString()).isEqualTo("Centre social Le Palabre");
        assertThat(fa15.path("champs").path("porteurs").get(0).path("role").asString()).isEqualTo("pilote");
        assertThat(fa15.path("champs").path("porteurs").get(0).path("organisationId").isNumber())
                .as("the porteur is linked to the organisation of the same name").isTrue();
        assertThat(fa15.path("champs").path("indicateurs").get(0).path("type").asString()).isEqualTo("QUALITATIF");

        JsonNode pe7 = plans.ficheApi(api.pilat(), "PE7");
        assertThat(textes(pe7.path("chemin"))).singleElement().asString().startsWith("Axe 2 : Structurer, observer");
        assertThat(pe7.path("champs").path("interet").isString()).isTrue();

        JsonNode action = plans.fichesApi(api.idParTitre(BARONNIES)).get(0);
        assertThat(textes(action.path("chemin"))).containsExactly("Petite-Enfance / Parentalité",
                "ENJEU 1 : Adapter l'offre d'accueil pour renforcer l'attractivité du territoire",
                "Objectif stratégique 1 : Accompagner le développement de l'accueil Petite-Enfance sur tout le territoire, "
                        + "en garantissant l'équité territoriale et l'équilibre entre accueil individuel et collectif.");
        assertThat(action.path("champs").path("lieu").asString()).isEqualTo("Montbrun-les-Bains");
        assertThat(action.path("champs").path("capacite").asString()).isEqualTo("12/18 places");
    }

    // --- Aubenas pages -------------------------------------------------------------------------------------

    @Test
    void every_aubenas_fiche_page_shows_every_field_of_the_national_template() {
        List<String> libelles = ModeleFiche.NATIONAL.champs().stream().map(ChampModele::libelle).toList();
        assertThat(libelles).hasSize(12);
        for (JsonNode fiche : fiches("caf07", aubenas)) {
            Document page = pages.get("caf07", "/fiches/" + fiche.path("id").asLong()).document();
            String reference = fiche.path("reference").asString();
            assertThat(page.select("h1").text()).as(reference).startsWith(reference + " — ");
            assertThat(page.select("dl.fiche-champs > dt").eachText()).as(reference).containsExactlyElementsOf(libelles);
            assertThat(page.select("dl.fiche-champs > dd")).as(reference).hasSize(12);
        }

        Document fa9 = pages.get("caf07", "/fiches/" + plans.ficheApi(aubenas, "FA9").path("id").asLong()).document();
        assertThat(valeurDe(fa9, "Services mobilisés et responsables de l'action (Qui porte l'action ?)").text())
                .contains("Non renseigné");
        assertThat(valeurDe(fa9, "Résultats attendus (Quels effets produits ?)").hasClass("champ-manquant")).isTrue();
        assertThat(valeurDe(fa9, "Partenaires sollicités (Avec qui on travaille ?)").text()).contains("PMI").doesNotContain("Non renseigné");
        assertThat(fa9.select("dd.champ-manquant")).extracting(Element::text).allMatch(t -> t.startsWith("Non renseigné"));
    }

    @Test
    void axe_5_without_action_is_shown_empty_on_the_plan_page() {
        Document page = pages.get("caf07", "/conventions/" + aubenas + "/plan").document();
        Element axe5 = branche(page, "Axe stratégique 5 :");
        assertThat(axe5.text()).contains("Animation et coordination du réseau partenarial des acteurs de l'enfance");
        assertThat(axe5.select("p.vide").text()).isEqualTo("Aucune action.");
        assertThat(axe5.select("li.fiche")).isEmpty();
        assertThat(page.select("p.vide")).as("the only empty axis").hasSize(1);
        assertThat(page.getElementById("nombre-fiches").text()).isEqualTo("32");
        assertThat(page.select(".comptes-reels").text()).as("level names agree with their numbers")
                .isEqualTo("Le plan compte 5 thématiques, 11 axes stratégiques, 32 fiches actions.");
        assertThat(page.getElementById("nombre-fiches-filtrees")).as("no filter").isNull();
        assertThat(page.select("li.fiche")).hasSize(32);
    }

    @Test
    void fa6_is_planned_every_other_year() {
        long id = plans.ficheApi(aubenas, "FA6").path("id").asLong();
        Document fiche = pages.get("caf07", "/fiches/" + id).document();
        assertThat(fiche.select("table.programme-fiche thead th").eachText()).containsExactly("2026", "2027", "2028", "2029", "2030");
        assertThat(fiche.select("table.programme-fiche td").stream().map(Element::text)).containsExactly("prévue", "—", "prévue", "—", "prévue");

        Document plan = pages.get("caf07", "/conventions/" + aubenas + "/plan").document();
        Element ligne = plan.selectFirst("li.fiche:has(a[href=/fiches/" + id + "])");
        assertThat(ligne).isNotNull();
        assertThat(ligne.text()).startsWith("FA6 ").endsWith("(2026, 2028, 2030)");
    }

    @Test
    void fa19_fa23_fa24_carry_a_note_about_the_programme_table() {
        for (String reference : List.of("FA19", "FA23", "FA24")) {
            Document page = pages.get("caf07", "/fiches/" + plans.ficheApi(aubenas, reference).path("id").asLong()).document();
            assertThat(page.select("[role=note] li").eachText()).as(reference)
                    .anySatisfy(note -> assertThat(note).contains("tableau de programmation", "2029"));
            assertThat(page.select("table.programme-fiche td.table-primary").eachText()).as(reference).hasSize(1);
        }
        Document programme = pages.get("caf07", "/conventions/" + aubenas + "/programme").document();
        assertThat(ligneDuProgramme(programme, "FA19").select(".badge").text()).isEqualTo("note");
        assertThat(ligneDuProgramme(programme, "FA19").select(".badge").attr("title")).contains("tableau de programmation");
    }

    @Test
    void search_finds_the_carpooling_fiche() {
        Document page = recherche("covoiturage");
        Elements resultats = page.select("ol.resultats-recherche > li");
        assertThat(resultats).isNotEmpty();
        assertThat(resultats.first().select("a").text()).isEqualTo("FA19 — Déployer un service de covoiturage sur la CCBA");
        assertThat(resultats.first().select("mark").eachText()).isNotEmpty().allMatch(m -> m.equalsIgnoreCase("covoiturage"));
        assertThat(page.select("h2:contains(fiche(s) pour)").text()).contains(resultats.size() + " fiche(s) pour « covoiturage »");
    }

    @Test
    void search_highlights_the_matched_word() {
        Elements resultats = recherche("Malles").select("ol.resultats-recherche > li");
        assertThat(resultats.first().select("a").text()).startsWith("FA22 — Développer l'action « Des Malles et des mômes ! »");
        assertThat(resultats.first().select("p mark").eachText()).isNotEmpty().allMatch(m -> m.equalsIgnoreCase("malles"));
    }

    @Test
    void search_ignores_accents_both_ways() {
        List<String> avecAccent = recherche("mômes").select("ol.resultats-recherche > li a").eachText();
        List<String> sansAccent = recherche("momes").select("ol.resultats-recherche > li a").eachText();
        assertThat(avecAccent).isNotEmpty().isEqualTo(sansAccent);
        assertThat(avecAccent.get(0)).startsWith("FA22 ");
        // The word found is highlighted as the fiche writes it, whether or not the query has its accents.
        assertThat(recherche("momes").selectFirst("ol.resultats-recherche > li").select("mark").eachText()).contains("mômes");
        assertThat(recherche("mômes").selectFirst("ol.resultats-recherche > li").select("mark").eachText()).contains("mômes");
    }

    @Test
    void search_terms_with_html_are_shown_as_text() {
        String requete = "<script>alert('q')</script>";
        String html = pages.get("caf07", "/conventions/" + aubenas + "/plan?q=" + requete).html();
        Document page = org.jsoup.Jsoup.parse(html);
        assertThat(page.select("main script")).isEmpty();
        assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(");
        assertThat(page.select("h2:contains(fiche(s) pour)").text()).contains("« " + requete + " »");
        assertThat(page.getElementById("q").val()).isEqualTo(requete);
        assertThat(recherche("   ").select("ol.resultats-recherche")).as("a blank query searches nothing").isEmpty();
    }

    @Test
    void html_in_a_fiche_is_escaped_in_search_excerpts() {
        long convention = plans.convention("Recherche HTML");
        plans.comme("admin", () -> {
            planService.initialiser(convention, ModeleFiche.NATIONAL, List.of(new Niveau(0, "Axe", Numerotation.CONTINUE, ""),
                    new Niveau(1, "Fiche action", Numerotation.CONTINUE, "FA")), List.of(), List.of(), List.of());
            planService.creerFiche(convention, null, new ContenuFiche(null, "Atelier <b>gras</b> & <img src=x onerror=alert(1)>",
                    ChampsFiche.depuis(ModeleFiche.NATIONAL, Map.of("modalites", "Un atelier <i>mensuel</i>")), List.of(), null, List.of()));
        });

        Document page = pages.get("caf07", "/conventions/" + convention + "/plan?q=atelier").document();
        Element resultat = page.selectFirst("ol.resultats-recherche > li");
        assertThat(resultat).isNotNull();
        // The excerpt holds no element of the fiche's text; what would have been an element is shown as text.
        assertThat(resultat.select("b, i, img")).isEmpty();
        assertThat(resultat.select("p").text()).contains("<img src=x onerror=alert(1)>", "mensuel");
        assertThat(resultat.select("a").text()).contains("Atelier <b>gras</b> & <img src=x onerror=alert(1)>");
        assertThat(resultat.select("p mark").eachText()).isNotEmpty().allMatch(m -> m.equalsIgnoreCase("atelier"));
    }

    @Test
    void the_programme_page_has_a_row_per_fiche_and_the_years_of_the_period() {
        Document page = pages.get("caf07", "/conventions/" + aubenas + "/programme").document();
        assertThat(page.select("table.programme thead th").eachText())
                .containsExactly("Fiche", "2026", "2027", "2028", "2029", "2030", "Échéances écrites");
        assertThat(page.select("table.programme tbody tr")).hasSize(32);
        assertThat(page.select("table.programme tbody tr th .fw-semibold").eachText())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 32).mapToObj(i -> "FA" + i).toList());
        assertThat(ligneDuProgramme(page, "FA6").select("td").stream().map(Element::text)).containsExactly("prévue", "", "prévue", "", "prévue", "2026 puis tous les 2 ans");
        assertThat(page.select("ol.frise > li").first().text()).startsWith("2026 — ");
    }

    // --- Monts du Pilat: the scored template's filters -----------------------------------------------------

    @Test
    void pilat_filters_on_interet_and_budget() {
        long pilat = api.pilat();
        Document top5 = pages.get("caf42", "/conventions/" + pilat + "/plan?interet=TOP_5").document();
        assertThat(top5.getElementById("nombre-fiches-filtrees").text()).isEqualTo("5");
        assertThat(top5.select("li.fiche .fw-semibold").eachText()).containsExactlyInAnyOrder("PE20", "G38", "G28", "S15", "F48");
        assertThat(top5.getElementById("nombre-fiches").text()).as("the total stays").isEqualTo("48");

        Document budget = pages.get("caf42", "/conventions/" + pilat + "/plan?budget=SUPPLEMENTAIRE_A_MOBILISER").document();
        assertThat(budget.getElementById("nombre-fiches-filtrees").text()).isEqualTo("4");
        assertThat(budget.select("li.fiche .fw-semibold").eachText()).containsExactlyInAnyOrder("E19", "G38", "G39", "S15");

        Document lesDeux = pages.get("caf42", "/conventions/" + pilat + "/plan?interet=TOP_5&budget=SUPPLEMENTAIRE_A_MOBILISER").document();
        assertThat(lesDeux.getElementById("nombre-fiches-filtrees").text()).isEqualTo("2");
    }

    @Test
    void the_filter_form_sent_with_nothing_chosen_shows_the_whole_plan() {
        long pilat = api.pilat();
        Document page = pages.get("caf42", "/conventions/" + pilat + "/plan").document();
        String requete = ClientPages.champs(page, "form:has(button:contains(Filtrer))").entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + "&" + b).orElseThrow();
        assertThat(requete).contains("interet=", "budget=", "porteur=");

        Document filtree = pages.get("caf42", "/conventions/" + pilat + "/plan?" + requete).document();
        assertThat(filtree.getElementById("nombre-fiches-filtrees")).isNull();
        assertThat(filtree.select("li.fiche")).hasSize(48);
        assertThat(filtree.selectFirst("details:has(summary:contains(Filtrer les fiches))").hasAttr("open")).isFalse();
    }

    // --- Baronnies: four levels and declared counts --------------------------------------------------------

    @Test
    void baronnies_has_4_axes_14_enjeux_22_objectives_and_keeps_declared_counts() {
        long id = api.idParTitre(BARONNIES);
        JsonNode plan = api.get("admin", "/api/v1/conventions/" + id + "/plan").json();
        List<JsonNode> axes = StreamSupport.stream(plan.path("noeuds").spliterator(), false).toList();
        assertThat(axes).hasSize(4);
        assertThat(axes).extracting(a -> a.path("enfants").size()).containsExactly(5, 5, 2, 2);
        assertThat(axes.stream().flatMap(a -> StreamSupport.stream(a.path("enfants").spliterator(), false))
                .mapToInt(e -> e.path("enfants").size()).sum()).isEqualTo(22);
        assertThat(axes).extracting(a -> a.path("compteDeclare").path("valeur").asInt()).containsExactly(46, 20, 6, 8);
        assertThat(axes).extracting(a -> a.path("nombreFiches").asInt()).containsExactly(47, 24, 5, 8);
        assertThat(plan.path("nombreFiches").asInt()).isEqualTo(84);

        Document page = pages.get("admin", "/conventions/" + id + "/plan").document();
        assertThat(page.select(".comptes-reels").text()).isEqualTo("Le plan compte 4 axes, 14 enjeux, 22 objectifs stratégiques, 84 actions.");
        Elements branchesAxes = page.select("section > ul.arbre > li.branche");
        assertThat(branchesAxes).hasSize(4);
        assertThat(branchesAxes).extracting(b -> b.selectFirst("div .compte").text())
                .containsExactly("47 fiches", "24 fiches", "5 fiches", "8 fiches");
        // The count the document announces stands beside the real one, also when both agree.
        assertThat(branchesAxes).extracting(b -> b.selectFirst("div > .compte-declare-noeud") == null ? "" : b.selectFirst("div > .compte-declare-noeud").text())
                .containsExactly("annoncé : 46 actions et projets", "annoncé : 20 actions et projets",
                        "annoncé : 6 actions et projets", "annoncé : 8 actions et projets");
        assertThat(branchesAxes.get(0).selectFirst("div > .compte-declare-noeud").hasClass("text-bg-warning")).as("differs").isTrue();
        assertThat(branchesAxes.get(3).selectFirst("div > .compte-declare-noeud").hasClass("text-bg-warning")).as("agrees").isFalse();
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private List<JsonNode> fiches(String utilisateur, long conventionId) {
        Reponse reponse = api.get(utilisateur, "/api/v1/conventions/" + conventionId + "/fiches");
        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(200);
        return StreamSupport.stream(reponse.json().spliterator(), false).toList();
    }

    private List<String> niveaux(String utilisateur, long conventionId) {
        Reponse reponse = api.get(utilisateur, "/api/v1/conventions/" + conventionId + "/plan");
        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(200);
        return StreamSupport.stream(reponse.json().path("niveaux").spliterator(), false).map(n -> n.path("nom").asString()).toList();
    }

    private static List<String> textes(JsonNode tableau) {
        return StreamSupport.stream(tableau.spliterator(), false).map(JsonNode::asString).toList();
    }

    /** The plan page searched for this text (the request builder encodes the query as a browser would). */
    private Document recherche(String requete) {
        return pages.get("caf07", "/conventions/" + aubenas + "/plan?q=" + requete).document();
    }

    /** The dd that follows the dt of this label on a fiche page. */
    private static Element valeurDe(Document fiche, String libelle) {
        Element dt = fiche.select("dl.fiche-champs > dt").stream().filter(e -> e.text().equals(libelle)).findFirst()
                .orElseThrow(() -> new AssertionError("Pas de rubrique « " + libelle + " »"));
        return dt.nextElementSibling();
    }

    /** The branch of the plan tree whose heading starts with this text. */
    private static Element branche(Document plan, String debutDuTitre) {
        return plan.select("li.branche").stream().filter(b -> b.selectFirst("div").text().startsWith(debutDuTitre)).findFirst()
                .orElseThrow(() -> new AssertionError("Pas de branche « " + debutDuTitre + " »"));
    }

    private static Element ligneDuProgramme(Document programme, String reference) {
        return programme.select("table.programme tbody tr").stream()
                .filter(tr -> tr.select("th .fw-semibold").text().equals(reference)).findFirst()
                .orElseThrow(() -> new AssertionError("Pas de ligne " + reference));
    }
}
