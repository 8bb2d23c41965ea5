package fr.pilotectg.importation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import fr.pilotectg.plan.ModeleFiche;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 item 3 for the plan: each seed analysed, scored per kind against its demo fixture (completed by
 * {@code importation/attendu/*-plan.json}) by {@link NotationPlan}; the table is printed. Target ≥ 95 % per kind;
 * the kinds still below it are listed in {@link #EN_DESSOUS} with the floor reached (see ADR 0034), so that a regression fails and an improvement shows.
 */
class AnalysePlanTest {

    static final Path SEMENCES = Path.of("..", "shared", "seeds");
    static final Map<String, String> FICHIERS = Map.of("aubenas", "ctg-bassin-aubenas-2026-2030.md", "pilat", "ctg-monts-du-pilat-2026-2030.txt",
            "baronnies", "ctg-baronnies-feuille-de-route-2024.txt");
    /** Kinds below the 95 % target: the floor measured (document/kind → score). */
    static final Map<String, Double> EN_DESSOUS = Map.of();

    static DocumentExtrait semence(String document) throws IOException {
        Path fichier = SEMENCES.resolve(FICHIERS.get(document));
        Assumptions.assumeTrue(Files.isRegularFile(fichier), "Semences absentes (" + SEMENCES.toAbsolutePath()
                + ") : la notation du plan sur les trois conventions réelles n'est pas exécutée.");
        return new Extraction().extraire(fichier.getFileName().toString(), Files.readAllBytes(fichier));
    }

    @Test
    void each_seed_is_scored_per_kind_and_reaches_the_target_or_its_recorded_floor() throws IOException {
        List<Score> scores = new ArrayList<>();
        for (String document : List.of("aubenas", "pilat", "baronnies")) {
            PlanTrouve plan = new AnalysePlan().analyser(semence(document));
            scores.addAll(new NotationPlan().noter(document, new Brouillon(ConventionTrouvee.vide(), plan, AnnexesTrouvees.vide())));
        }
        System.out.println(tableau(scores));
        assertThat(scores).hasSize(18);
        for (Score s : scores) {
            double plancher = EN_DESSOUS.getOrDefault(s.document() + "/" + s.type(), 0.95);
            assertThat(s.valeur()).as("%s / %s : %d trouvés, %d attendus, %d justes", s.document(), s.type(), s.trouves(), s.attendus(), s.justes())
                    .isGreaterThanOrEqualTo(plancher);
        }
    }

    static String tableau(List<Score> scores) {
        StringBuilder b = new StringBuilder("\nNotation du plan (issue 17)\n");
        b.append(String.format("%-10s %-22s %8s %8s %8s %8s%n", "document", "type", "trouvés", "attendus", "justes", "score"));
        for (Score s : scores) {
            b.append(String.format("%-10s %-22s %8d %8d %8d %7.1f %%%n", s.document(), s.type(), s.trouves(), s.attendus(), s.justes(), 100 * s.valeur()));
        }
        return b.toString();
    }

    @Test
    void pilat_reads_the_scored_template_its_13_axes_and_48_fiches() throws IOException {
        PlanTrouve plan = new AnalysePlan().analyser(semence("pilat"));
        assertThat(plan.modele()).isEqualTo(ModeleFiche.NOTE);
        assertThat(plan.niveaux()).extracting(PlanTrouve.NiveauTrouve::nom).containsExactly("Axe", "Fiche action");
        assertThat(plan.noeuds()).hasSize(13);
        assertThat(plan.noeuds().get(11).reference()).isEqualTo("12");
        assertThat(plan.noeuds().get(0).objectifs()).hasSize(3);
        assertThat(plan.toutesLesFiches()).hasSize(48);
        PlanTrouve.FicheTrouvee g1 = plan.toutesLesFiches().get(0);
        assertThat(g1.reference()).isEqualTo("G1");
        assertThat(g1.champs()).containsEntry("interet", "INTERET_FORT").containsEntry("budget", "A_COMPLETER")
                .containsEntry("porteurs", List.of("Mairie (s)", "CCMP"));
        assertThat(g1.source().debut()).isLessThan(g1.source().fin());
        assertThat(g1.confiance()).isBetween(0.9, 1.0);
        assertThat(plan.alertes()).isEmpty();
    }

    @Test
    void aubenas_keeps_its_printed_counts_and_baronnies_its_four_levels() throws IOException {
        PlanTrouve aubenas = new AnalysePlan().analyser(semence("aubenas"));
        assertThat(aubenas.modele()).isEqualTo(ModeleFiche.NATIONAL);
        assertThat(aubenas.comptes()).extracting(c -> c.valeur() + " " + c.libelle())
                .containsExactly("5 thématiques", "11 axes stratégiques", "32 actions");
        assertThat(aubenas.fiches()).extracting(PlanTrouve.FicheTrouvee::reference).containsExactly("FA31", "FA32");
        assertThat(aubenas.alertes()).noneMatch(a -> a.type().equals("TOTAL_DIFFERENT"));

        PlanTrouve baronnies = new AnalysePlan().analyser(semence("baronnies"));
        assertThat(baronnies.modele()).isEqualTo(ModeleFiche.FEUILLE_DE_ROUTE);
        assertThat(baronnies.niveaux()).extracting(PlanTrouve.NiveauTrouve::nom).containsExactly("Axe", "Enjeu", "Objectif stratégique", "Action");
        assertThat(baronnies.noeuds()).hasSize(4);
    }

    @Test
    void noise_left_by_converters_does_not_change_what_is_found() throws IOException {
        DocumentExtrait propre = semence("pilat");
        StringBuilder bruite = new StringBuilder();
        int page = 1;
        for (Ligne l : propre.lignes()) {
            String texte = switch (l.genre()) {
                case LISTE -> "- " + l.texte();
                default -> l.texte();
            };
            if (l.genre() == Ligne.NatureDeLigne.PARAGRAPHE && l.texte().length() > 40 && l.numero() % 7 == 0) {
                texte = "<span class=\"x\">" + texte + "</span>";
            }
            bruite.append(texte).append('\n');
            if (l.numero() % 45 == 0) {
                bruite.append('\n').append(page++).append('\n').append("Convention territoriale globale des Monts du Pilat 2026-2030").append("\n\n");
            }
        }
        DocumentExtrait document = new Extraction().extraire("pilat.txt", bruite.toString().getBytes(StandardCharsets.UTF_8));
        List<Score> scores = new NotationPlan().noter("pilat", new Brouillon(ConventionTrouvee.vide(), new AnalysePlan().analyser(document),
                AnnexesTrouvees.vide()));
        System.out.println(tableau(scores));
        assertThat(scores).allSatisfy(s -> assertThat(s.valeur()).as(s.type()).isGreaterThanOrEqualTo(0.95));
    }

    @Test
    void a_printed_count_that_differs_and_a_field_of_no_template_are_reported() {
        String texte = """
                Le plan d'actions est structuré autour de 2 axes et 3 actions.

                Axe 1 : Accueillir les jeunes enfants

                Fiche action 1 : Ouvrir une crèche

                Enjeu CTG : Places d'accueil

                Public cible (Pour qui ?) : Familles

                Modalités de mise en œuvre (Comment ?) : Travaux

                Budget prévisionnel : 10 000 euros

                Axe 2 : Accompagner les parents

                Fiche action 2 : Ouvrir un LAEP

                Enjeu CTG : Parentalité

                Public cible (Pour qui ?) : Parents

                Modalités de mise en œuvre (Comment ?) : Recrutement

                Budget prévisionnel : 5 000 euros
                """;
        PlanTrouve plan = new AnalysePlan().analyser(new Extraction().extraire("essai.txt", texte.getBytes(StandardCharsets.UTF_8)));
        assertThat(plan.modele()).isEqualTo(ModeleFiche.NATIONAL);
        assertThat(plan.toutesLesFiches()).extracting(PlanTrouve.FicheTrouvee::titre).containsExactly("Ouvrir une crèche", "Ouvrir un LAEP");
        assertThat(plan.alertes()).extracting(Alerte::type).contains("TOTAL_DIFFERENT", "CHAMP_HORS_MODELE");
        assertThat(plan.champs()).extracting(PlanTrouve.ChampTrouve::libelle).containsExactly("Budget prévisionnel");
        assertThat(plan.toutesLesFiches().get(1).champs()).containsEntry("budgetPrevisionnel", "5 000 euros")
                .containsEntry("publicCible", List.of("Parents"));
    }

    @Test
    void list_cells_whose_paragraphs_ran_together_are_cut_into_items() {
        assertThat(AnalysePlanValeurs.items(List.of(new AnalysePlanValeurs.Morceau(
                "Ouvrir le lieu : -aller vers les familles -sortir de l'isolement Former les équipes", false)), true))
                .containsExactly("Ouvrir le lieu : aller vers les familles ; sortir de l'isolement", "Former les équipes");
        assertThat(AnalysePlanValeurs.items(List.of(new AnalysePlanValeurs.Morceau("1 La première réunion 2 La seconde réunion 3Le bilan", false),
                new AnalysePlanValeurs.Morceau("4. Le rapport", true)), true))
                .containsExactly("La première réunion", "La seconde réunion", "Le bilan", "Le rapport");
        assertThat(AnalysePlanValeurs.items(List.of(new AnalysePlanValeurs.Morceau("Nombre de familles / parents présents", false)), true))
                .containsExactly("Nombre de familles / parents présents");
        assertThat(AnalysePlanValeurs.items(List.of(new AnalysePlanValeurs.Morceau(
                "Réunir les élus du territoire chaque année / Publier le bilan annuel des actions", false)), true))
                .containsExactly("Réunir les élus du territoire chaque année", "Publier le bilan annuel des actions");
        assertThat(AnalysePlanValeurs.items(List.of(new AnalysePlanValeurs.Morceau("Familles EAJE AMA Parents Professionnels de l'accueil", false)), true))
                .containsExactly("Familles", "EAJE", "AMA", "Parents", "Professionnels de l'accueil");
        assertThat(AnalysePlanValeurs.items(List.of(new AnalysePlanValeurs.Morceau(
                "Des parents sereins dans leur rôle Des actions de proximité faites par les structures AVS Co-construction d'un programme", false)), true))
                .containsExactly("Des parents sereins dans leur rôle", "Des actions de proximité faites par les structures AVS", "Co-construction d'un programme");
        assertThat(AnalysePlanValeurs.items(List.of(new AnalysePlanValeurs.Morceau("Des actions de proximité faites par les structures AVS CAF PMI", false)), true))
                .containsExactly("Des actions de proximité faites par les structures", "AVS", "CAF", "PMI");
        assertThat(AnalysePlanValeurs.items(List.of(new AnalysePlanValeurs.Morceau("Intervenants extérieurs EAJE Familles", false)), true))
                .containsExactly("Intervenants extérieurs", "EAJE", "Familles");
    }

    @Test
    void an_organisations_cell_names_organisations_not_staff_roles_or_footnotes() {
        fr.pilotectg.plan.ChampModele porteurs = ModeleFiche.NATIONAL.champ("porteurs").orElseThrow();
        assertThat(AnalysePlanValeurs.valeur(porteurs, List.of(new AnalysePlanValeurs.Morceau("Service enfance CCVD : Marie DUPONT (0,5 ETP) *", true),
                new AnalysePlanValeurs.Morceau("- 0,2 ENFANCE / JEUNESSE", true), new AnalysePlanValeurs.Morceau("* Le détail figure dans la convention", true)),
                new ArrayList<>())).isEqualTo(List.of("Service enfance CCVD"));
        assertThat(AnalysePlanValeurs.valeur(porteurs, List.of(new AnalysePlanValeurs.Morceau("Pilotage : CCVD /communes", false)), new ArrayList<>()))
                .isEqualTo(List.of("CCVD", "communes"));
        assertThat(AnalysePlanValeurs.valeur(porteurs, List.of(new AnalysePlanValeurs.Morceau("Chargée de coopération en lien avec les Centres sociaux", false)),
                new ArrayList<>())).isEqualTo(List.of("Chargée de coopération", "Centres sociaux"));
    }

    @Test
    void two_acronyms_run_together_are_one_name_when_the_document_prints_them_hyphenated() {
        fr.pilotectg.plan.ChampModele partenaires = ModeleFiche.NATIONAL.champ("partenaires").orElseThrow();
        List<AnalysePlanValeurs.Morceau> cellule = List.of(new AnalysePlanValeurs.Morceau("France Travail RPE PIAPE EAJE MIFE", false));
        Object lue = AnalysePlanValeurs.valeur(partenaires, cellule, new ArrayList<>());
        assertThat(lue).isEqualTo(List.of("France Travail", "RPE", "PIAPE", "EAJE", "MIFE"));
        Set<String> liees = AnalysePlanValeurs.SIGLES_LIES.matcher("Le RPE-PIAPE de la CCBA, le SAINT-Régis, AVANT-PROPOS").results()
                .map(r -> r.group(1) + " " + r.group(2)).collect(Collectors.toSet());
        assertThat(liees).containsExactlyInAnyOrder("RPE PIAPE", "AVANT PROPOS");
        assertThat(AnalysePlanValeurs.siglesLies(lue, cellule, liees)).isEqualTo(List.of("France Travail", "RPE PIAPE", "EAJE", "MIFE"));
        // Printed apart everywhere else: two names.
        assertThat(AnalysePlanValeurs.siglesLies(lue, cellule, Set.of("EAJE RPE"))).isEqualTo(lue);
        // Printed on separate lines of the cell: two names even when the document hyphenates them elsewhere.
        List<AnalysePlanValeurs.Morceau> puces = List.of(new AnalysePlanValeurs.Morceau("RPE", true), new AnalysePlanValeurs.Morceau("PIAPE", true));
        assertThat(AnalysePlanValeurs.siglesLies(AnalysePlanValeurs.valeur(partenaires, puces, new ArrayList<>()), puces, liees))
                .isEqualTo(List.of("RPE", "PIAPE"));
    }

    @Test
    void a_document_without_a_plan_gives_an_empty_part() {
        PlanTrouve plan = new AnalysePlan().analyser(new Extraction().extraire("x.txt", "Rien à voir.\n\nUn paragraphe.".getBytes(StandardCharsets.UTF_8)));
        assertThat(plan.estVide()).isTrue();
        assertThat(new AnalysePlan().analyser(null).estVide()).isTrue();
    }
}
