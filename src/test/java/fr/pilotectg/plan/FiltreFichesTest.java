package fr.pilotectg.plan;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The criteria of the plan page, without Spring: organisation names match in part, ignoring case and accents. */
class FiltreFichesTest {

    private static final Fiche PALABRE = fiche(
            Map.of("porteurs", List.of(new OrganisationCitee("Centre social Le Palabre", 5L, "pilote"),
                            new OrganisationCitee("CCAS Aubenas", null, null)),
                    "partenaires", List.of(new OrganisationCitee("Fédération des centres sociaux", null, null)),
                    "garantes", List.of(new OrganisationCitee("Mairie d'Aubenas", null, null))),
            Map.of("publicCible", List.of("Les animateurs", "Éducateurs spécialisés"), "competencesSppe", List.of("PLANIFIER")),
            Map.of(), List.of(2026, 2027));
    private static final Fiche ECOLE = fiche(
            Map.of("porteurs", List.of(new OrganisationCitee("École de musique de Pélussin", null, null))),
            Map.of("publicCible", List.of("Enfance")),
            Map.of("interet", "TOP_5", "budget", "SUPPLEMENTAIRE_A_MOBILISER"), List.of(2028));

    @Test
    void porteur_matches_part_of_the_name_ignoring_case_and_accents() {
        assertThat(retient(filtre("palabre", null, null, null, null, null, null, null), PALABRE)).isTrue();
        assertThat(retient(filtre("CENTRE SOCIAL le palabre", null, null, null, null, null, null, null), PALABRE)).isTrue();
        assertThat(retient(filtre("  ccas ", null, null, null, null, null, null, null), PALABRE)).isTrue();
        assertThat(retient(filtre("ecole de musique de pelussin", null, null, null, null, null, null, null), ECOLE)).isTrue();
        assertThat(retient(filtre("Pélussin", null, null, null, null, null, null, null), ECOLE)).isTrue();
        assertThat(retient(filtre("palabre", null, null, null, null, null, null, null), ECOLE)).isFalse();
    }

    @Test
    void partner_and_garante_are_searched_in_their_own_field() {
        assertThat(retient(filtre(null, "federation", null, null, null, null, null, null), PALABRE)).isTrue();
        assertThat(retient(filtre(null, "palabre", null, null, null, null, null, null), PALABRE))
                .as("a porteur is not a partner").isFalse();
        assertThat(retient(filtre(null, null, null, null, null, "mairie d’aubenas".replace('’', '\''), null, null), PALABRE)).isTrue();
        assertThat(retient(filtre(null, null, null, null, null, "CCAS", null, null), PALABRE)).as("a porteur is not a garante").isFalse();
    }

    @Test
    void public_cible_ignores_accents_and_case() {
        assertThat(retient(filtre(null, null, "educateurs", null, null, null, null, null), PALABRE)).isTrue();
        assertThat(retient(filtre(null, null, "ENFANCE", null, null, null, null, null), ECOLE)).isTrue();
        assertThat(retient(filtre(null, null, "familles", null, null, null, null, null), PALABRE)).isFalse();
    }

    @Test
    void year_competence_interet_and_budget_are_exact() {
        assertThat(retient(filtre(null, null, null, 2027, null, null, null, null), PALABRE)).isTrue();
        assertThat(retient(filtre(null, null, null, 2028, null, null, null, null), PALABRE)).isFalse();
        assertThat(retient(filtre(null, null, null, null, "PLANIFIER", null, null, null), PALABRE)).isTrue();
        assertThat(retient(filtre(null, null, null, null, "RECENSER_BESOINS", null, null, null), PALABRE)).isFalse();
        assertThat(retient(filtre(null, null, null, null, null, null, "TOP_5", null), ECOLE)).isTrue();
        assertThat(retient(filtre(null, null, null, null, null, null, "INTERET_FORT", null), ECOLE)).isFalse();
        assertThat(retient(filtre(null, null, null, null, null, null, null, "SUPPLEMENTAIRE_A_MOBILISER"), ECOLE)).isTrue();
        assertThat(retient(filtre(null, null, null, null, null, null, null, "EXISTANT"), ECOLE)).isFalse();
    }

    @Test
    void criteria_add_up() {
        assertThat(retient(filtre("palabre", null, null, 2026, "PLANIFIER", null, null, null), PALABRE)).isTrue();
        assertThat(retient(filtre("palabre", null, null, 2030, "PLANIFIER", null, null, null), PALABRE)).isFalse();
    }

    @Test
    void no_criterion_keeps_every_fiche() {
        assertThat(retient(FiltreFiches.AUCUN, PALABRE)).isTrue();
        assertThat(retient(FiltreFiches.AUCUN, ECOLE)).isTrue();
        assertThat(FiltreFiches.AUCUN.estVide()).isTrue();
        assertThat(filtre("palabre", null, null, null, null, null, null, null).estVide()).isFalse();
        assertThat(filtre(null, null, null, 2026, null, null, null, null).estVide()).isFalse();
    }

    @Test
    void a_filter_form_sent_with_nothing_chosen_is_empty() {
        // The browser sends "" for each input and select of the form; the form of a plan shows only the
        // criteria of its template, so the others stay null.
        FiltreFiches formulaireNational = new FiltreFiches(null, "", "", "", null, "", "", null, null);
        FiltreFiches formulaireNote = new FiltreFiches(null, "", "", "", null, null, null, "", "");
        assertThat(formulaireNational.estVide()).isTrue();
        assertThat(formulaireNote.estVide()).isTrue();
        assertThat(new FiltreFiches(null, " ", "", "", null, null, null, "", "").estVide()).isTrue();
    }

    private static boolean retient(FiltreFiches filtre, Fiche fiche) {
        Predicate<Fiche> predicat = filtre.predicat();
        return predicat.test(fiche);
    }

    private static FiltreFiches filtre(String porteur, String partenaire, String publicCible, Integer annee, String competence,
                                       String garante, String interet, String budget) {
        return new FiltreFiches(null, porteur, partenaire, publicCible, annee, competence, garante, interet, budget);
    }

    private static Fiche fiche(Map<String, List<OrganisationCitee>> organisations, Map<String, List<String>> listes,
                               Map<String, String> textes, List<Integer> annees) {
        return new Fiche(1L, 1L, null, 1, "FA1", "Titre", new ChampsFiche(textes, listes, organisations, null), annees, null, List.of(), 0);
    }
}
