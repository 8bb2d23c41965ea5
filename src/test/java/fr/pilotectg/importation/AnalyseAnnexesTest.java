package fr.pilotectg.importation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.pilotectg.importation.AnnexesTrouvees.ServiceTrouve;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The annex analysis on the three seed conventions, scored against the demo fixtures by {@link NotationAnnexes};
 * the score table is printed. Seeds are read from {@code ../shared/seeds/} (skipped when absent). The thresholds
 * asserted are the scores reached (see the notes of the branch for the kinds below the 95 % target).
 */
class AnalyseAnnexesTest {

    private static final Path SEEDS = Path.of("..", "shared", "seeds");
    private static final List<Score> TABLEAU = new ArrayList<>();

    private final AnalyseAnnexes analyse = new AnalyseAnnexes();
    private final NotationAnnexes notation = new NotationAnnexes();

    private AnnexesTrouvees derniere;

    private Map<String, Score> noter(String document, String fichier) throws Exception {
        Path chemin = SEEDS.resolve(fichier);
        assumeTrue(Files.isRegularFile(chemin), "graine absente : " + chemin.toAbsolutePath() + " (test ignoré)");
        DocumentExtrait extrait = new Extraction().extraire(fichier, Files.readAllBytes(chemin));
        AnnexesTrouvees annexes = analyse.analyser(extrait);
        derniere = annexes;
        List<Score> scores = notation.noter(document, new Brouillon(ConventionTrouvee.vide(), PlanTrouve.vide(), annexes));
        TABLEAU.addAll(scores);
        Map<String, Score> parType = new java.util.LinkedHashMap<>();
        scores.forEach(s -> parType.put(s.type(), s));
        return parType;
    }

    @Test
    void aubenas_services_ao_and_governance() throws Exception {
        Map<String, Score> s = noter("aubenas", "ctg-bassin-aubenas-2026-2030.md");
        assertThat(s.get("services").valeur()).isGreaterThanOrEqualTo(0.95);
        assertThat(s.get("cellules-ao").valeur()).isGreaterThanOrEqualTo(0.95);
        // the commissions come from the posts of the chargées de coopération (fiches 31 and 32); every member is printed
        assertThat(s.get("instances").valeur()).isGreaterThanOrEqualTo(0.95);
        assertThat(s.get("membres").valeur()).isGreaterThanOrEqualTo(0.95);
        assertThat(deduits(derniere)).isEmpty();
        assertThat(derniere.alertes()).extracting(Alerte::type).doesNotContain("DEDUIT");
    }

    /** "body: organisation" of each member the analysis deduced, not read. */
    private static List<String> deduits(AnnexesTrouvees annexes) {
        return annexes.instances().stream().flatMap(i -> i.membres().stream().filter(AnnexesTrouvees.MembreTrouve::deduit)
                .map(m -> i.type() + ": " + m.organisation() + (m.copresident() ? " (coprésidence)" : "")
                        + (m.secretariat() ? " (secrétariat)" : ""))).toList();
    }

    @Test
    void pilat_many_to_many_services_and_governance() throws Exception {
        Map<String, Score> s = noter("pilat", "ctg-monts-du-pilat-2026-2030.txt");
        assertThat(s.get("services").valeur()).isGreaterThanOrEqualTo(0.95);
        assertThat(s.get("cellules-ao").valeur()).isGreaterThanOrEqualTo(0.95);
        assertThat(s.get("instances").valeur()).isGreaterThanOrEqualTo(0.95);
        assertThat(s.get("membres").valeur()).isGreaterThanOrEqualTo(0.95);
        // the commissions' composition is not printed: the two sides are proposed, flagged, each with an alert
        assertThat(deduits(derniere)).containsExactly("COMMISSION: CCMP (secrétariat)", "COMMISSION: Caf");
        assertThat(derniere.alertes()).filteredOn(a -> a.type().equals("DEDUIT")).hasSize(2)
                .allSatisfy(a -> assertThat(a.message()).contains("le document ne l'imprime pas"));
    }

    @Test
    void baronnies_named_technical_team() throws Exception {
        Map<String, Score> s = noter("baronnies", "ctg-baronnies-feuille-de-route-2024.txt");
        assertThat(s).doesNotContainKeys("services", "cellules-ao");
        assertThat(s.get("instances").valeur()).isGreaterThanOrEqualTo(0.95);
        assertThat(s.get("membres").valeur()).isGreaterThanOrEqualTo(0.95);
        // the document names only the collectivité's political piloting and no member of the plenary
        assertThat(deduits(derniere)).containsExactly("COPIL: Caf (coprésidence)",
                "PLENIERE: Communauté de Communes des Baronnie en Drôme Provençale (secrétariat)", "PLENIERE: Caf");
        assertThat(derniere.alertes()).filteredOn(a -> a.type().equals("DEDUIT")).extracting(Alerte::message)
                .anySatisfy(m -> assertThat(m).startsWith("« Caf » ajoutée à « Comité de pilotage de la CTG » comme coprésidente"));
    }

    @Test
    void noise_of_converters_does_not_change_the_services_found() {
        String propre = String.join("\n",
                "ANNEXE 2 – LISTE DES EQUIPEMENTS ET SERVICES SOUTENUS",
                "COMMUNE DE LABEGUDE",
                "TYPE DE STRUCTURE\tNOM ET ADRESSE DE LA STRUCTURE",
                "EAJE PSU\tMA Les Lutins (Labégude), MC Les Petits (Ailhon)*",
                "CLAS\tCLAS du collège",
                "* Equipements non soutenus dans le cadre du Bonus territoire Ctg.");
        String bruite = String.join("\n",
                "ANNEXE 2 â€“ LISTE DES EQUIPEMENTS ET SERVICES SOUTENUS".replace("â€“", "–"),
                "<b>COMMUNE DE LAB\u00c3\u0089GUDE</b>",
                "| <b>TYPE DE STRUCTURE</b> | <b>NOM ET ADRESSE DE LA STRUCTURE</b> |",
                "|---|---|",
                "| EAJE PSU | MA Les Lutins (Lab\u00c3\u00a9gude), MC Les Petits (Ailhon)\\* |",
                "12",
                "| CLAS | CLAS du coll\u00c3\u00a8ge |",
                "\\* *Equipements non soutenus dans le cadre du Bonus territoire Ctg.*");
        List<ServiceTrouve> a = analyse.analyser(new Extraction().extraire("a.txt", propre.getBytes(StandardCharsets.UTF_8))).services();
        List<ServiceTrouve> b = analyse.analyser(new Extraction().extraire("b.md", bruite.getBytes(StandardCharsets.UTF_8))).services();
        assertThat(a).extracting(ServiceTrouve::nom, ServiceTrouve::commune, ServiceTrouve::type, ServiceTrouve::horsBonusTerritoire)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("MA Les Lutins", "Labégude", "EAJE_PSU", false),
                        org.assertj.core.groups.Tuple.tuple("MC Les Petits", "Ailhon", "EAJE_PSU", true),
                        org.assertj.core.groups.Tuple.tuple("CLAS du collège", null, "CLAS", false));
        assertThat(b).extracting(ServiceTrouve::nom, ServiceTrouve::commune, ServiceTrouve::type, ServiceTrouve::horsBonusTerritoire)
                .containsExactlyElementsOf(a.stream().map(s -> org.assertj.core.groups.Tuple.tuple(s.nom(), s.commune(), s.type(), s.horsBonusTerritoire())).toList());
        assertThat(b).allMatch(s -> AnnexesNoms.memeOrganisation(s.collectivite(), "Commune de Labégude"));
    }

    @Test
    void the_products_own_export_table_is_read_by_its_headers_and_a_printed_total_is_checked() {
        String export = String.join("\n",
                "# Annexe 2 – Services soutenus",
                "| Type | Service | Gestionnaire | Commune | Capacité |",
                "|---|---|---|---|---|",
                "| EAJE (PSU) | Multi-accueil Les Mini-Pouces | CCBA | Aubenas | 40 |",
                "| Accueil de loisirs périscolaire | Péri CS Palabre | Le Palabre | Aubenas | — |",
                "",
                "Type de mode d'accueil\tNb de places\tProjection\t\t\tBesoins en emplois et compétences",
                "\t\t2026\t2027\t2028",
                "EAJE PSU\t40\t40\t42\t44\tRecruter",
                "Total\t40\t40\t42\t45\t");
        AnnexesTrouvees t = analyse.analyser(new Extraction().extraire("export.md", export.getBytes(StandardCharsets.UTF_8)));
        assertThat(t.services()).extracting(ServiceTrouve::type, ServiceTrouve::nom, ServiceTrouve::commune, ServiceTrouve::capacite)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EAJE_PSU", "Multi-accueil Les Mini-Pouces", "Aubenas", 40),
                        org.assertj.core.groups.Tuple.tuple("ALSH_PERISCOLAIRE", "Péri CS Palabre", "Aubenas", null));
        assertThat(t.projections()).singleElement().satisfies(p -> assertThat(p.lignes()).singleElement()
                .satisfies(l -> assertThat(l.annees()).extracting(AnnexesTrouvees.ValeurAnnuelle::valeur).containsExactly(40, 42, 44)));
        assertThat(t.alertes()).extracting(Alerte::type).containsExactly("TOTAL_DIFFERENT");
        assertThat(t.alertes().get(0).message()).contains("2028").contains("45 imprimé").contains("44 trouvé");
    }

    @Test
    void the_posts_of_the_chargés_de_coopération_give_the_thematic_commissions_and_the_caf_co_pilots() {
        String texte = String.join("\n",
                "PILOTAGE POLITIQUE - Communauté de communes du Val :", "Marie ROUX, Vice-présidente.", "",
                "Une commission par thématique, composée des représentants des acteurs locaux.", "",
                "Services mobilisés\tRésultats attendus",
                "<p><b>CC du Val :</b> <b>Léa DURAND (1 ETP)</b> - 0,6 ETP PETITE ENFANCE - 0,4 ETP JEUNESSE</p>\tRésultats",
                "<p><b>Mairie Nyons :</b> <b>Paul MARTIN-BLANC (0,5 ETP)</b></p><ul><li>- 0,3 PETITE ENFANCE / JEUNESSE</li>"
                        + "<li>- 0,2 PARENTALLITE</li></ul>\tRésultats");
        List<AnnexesTrouvees.InstanceTrouvee> instances = analyse.analyser(new Extraction().extraire("postes.md",
                texte.getBytes(StandardCharsets.UTF_8))).instances();
        assertThat(instances).extracting(AnnexesTrouvees.InstanceTrouvee::type).containsExactly("COPIL", "COMMISSION", "COMMISSION");
        assertThat(instances.get(0).membres()).extracting(m -> m.organisation() + " " + m.personne() + " " + m.copresident() + " " + m.deduit())
                .containsExactly("Communauté de communes du Val Marie ROUX true false", "Caf null true true");
        // "PETITE ENFANCE / JEUNESSE" makes one commission of both themes; the misprint joins its theme; who holds the
        // secretariat is not printed, so nobody is given it
        assertThat(instances.get(1).thematiques()).containsExactly("Petite enfance", "Jeunesse");
        assertThat(instances.get(1).membres()).extracting(m -> m.organisation() + " " + m.personne() + " " + m.secretariat())
                .containsExactly("CC du Val Léa DURAND false", "Nyons Paul MARTIN-BLANC false");
        assertThat(instances.get(2).thematiques()).containsExactly("Parentallite");
        assertThat(instances.get(2).membres()).extracting(m -> m.personne() + " " + m.secretariat()).containsExactly("Paul MARTIN-BLANC false");
    }

    @Test
    void a_working_body_printed_without_its_composition_is_run_by_the_collectivité_and_the_caf() {
        String texte = String.join("\n", "Ce comité est composé de représentants de la Caf et de la CCVD.", "",
                "- Des commissions de travail, structurées par thématique, chargées de planifier les actions.");
        List<AnnexesTrouvees.InstanceTrouvee> instances = analyse.analyser(new Extraction().extraire("instances.md",
                texte.getBytes(StandardCharsets.UTF_8))).instances();
        assertThat(instances).extracting(AnnexesTrouvees.InstanceTrouvee::type).containsExactly("COPIL", "COMMISSION");
        assertThat(instances.get(1).membres()).extracting(m -> m.organisation() + " " + m.secretariat() + " " + m.confiance() + " " + m.deduit())
                .containsExactly("CCVD true 0.5 true", "Caf false 0.5 true");
    }

    @Test
    void a_member_stored_or_corrected_without_the_deduction_flag_is_read_as_printed() {
        String json = "{\"organisation\":\"Caf\",\"copresident\":true,\"secretariat\":false,\"consultatif\":false,"
                + "\"source\":{\"debut\":3,\"fin\":3},\"confiance\":0.85}";
        AnnexesTrouvees.MembreTrouve lu = tools.jackson.databind.json.JsonMapper.builder().build().readValue(json, AnnexesTrouvees.MembreTrouve.class);
        assertThat(lu.deduit()).isFalse();
        assertThat(lu.copresident()).isTrue();
    }

    @AfterAll
    static void imprimer() {
        System.out.println("\nScores des annexes (trouvés / attendus / justes / score)");
        System.out.printf("%-10s %-12s %8s %8s %8s %7s%n", "document", "type", "trouvés", "attendus", "justes", "score");
        for (Score s : TABLEAU) {
            System.out.printf("%-10s %-12s %8d %8d %8d %6.1f %%%n", s.document(), s.type(), s.trouves(), s.attendus(), s.justes(), 100 * s.valeur());
        }
    }
}
