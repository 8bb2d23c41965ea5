package fr.pilotectg.plan;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan as a tree, without Spring: path of ancestors, plan order, counts. */
class ArbrePlanTest {

    private static final Plan PLAN = new Plan(1L, ModeleFiche.NATIONAL, List.of(
            new Niveau(0, "Thématique", Numerotation.PAR_PARENT, ""),
            new Niveau(1, "Axe stratégique", Numerotation.CONTINUE, ""),
            new Niveau(2, "Fiche action", Numerotation.CONTINUE, "FA")), null, null, null, 0);

    // Built in a shuffled order: the tree follows "ordre", not the order of the lists.
    private static final List<Noeud> NOEUDS = List.of(
            noeud(12L, 2L, 1, 1, "2", "Enfance"),
            noeud(1L, null, 0, 1, "1", "Petite enfance"),
            noeud(11L, 1L, 1, 2, "2", "Nouveaux besoins"),
            noeud(10L, 1L, 1, 1, "1", "Offre existante"),
            noeud(2L, null, 0, 2, null, "Enfance sans numéro"),
            noeud(13L, 2L, 1, 2, "3", "Axe vide"));

    private static final List<Fiche> FICHES = List.of(
            fiche(102L, 12L, 1, "FA4"),
            fiche(101L, 10L, 2, "FA2"),
            fiche(100L, 10L, 1, "FA1"),
            fiche(103L, 11L, 1, "FA3"),
            fiche(104L, null, 1, "FA5"));

    private final ArbrePlan arbre = PlanService.construireArbre(PLAN, NOEUDS, FICHES, f -> true);

    @Test
    void path_lists_ancestor_titles_from_the_top_with_level_names_and_numbers() {
        assertThat(arbre.chemin(11L)).containsExactly("Thématique 1 : Petite enfance", "Axe stratégique 2 : Nouveaux besoins");
        assertThat(arbre.chemin(1L)).containsExactly("Thématique 1 : Petite enfance");
    }

    @Test
    void a_node_without_reference_shows_its_title_alone() {
        assertThat(arbre.chemin(12L)).containsExactly("Enfance sans numéro", "Axe stratégique 2 : Enfance");
    }

    @Test
    void outside_any_node_or_unknown_node_has_an_empty_path() {
        assertThat(arbre.chemin(null)).isEmpty();
        assertThat(arbre.chemin(999L)).isEmpty();
    }

    @Test
    void fiches_in_plan_order_depth_first_then_outside_any_node() {
        assertThat(arbre.fichesDansLOrdre()).extracting(Fiche::reference).containsExactly("FA1", "FA2", "FA3", "FA4", "FA5");
        assertThat(arbre.fichesHorsAxe()).extracting(Fiche::reference).containsExactly("FA5");
    }

    @Test
    void counts_per_node_and_level() {
        assertThat(arbre.nombreFiches()).isEqualTo(5);
        assertThat(arbre.racines()).extracting(ArbrePlan.Branche::nombreFiches).containsExactly(3, 1);
        assertThat(arbre.nombreDeNoeuds(0)).isEqualTo(2);
        assertThat(arbre.nombreDeNoeuds(1)).isEqualTo(4);
        ArbrePlan.Branche axeVide = arbre.racines().get(1).enfants().get(1);
        assertThat(axeVide.noeud().titre()).isEqualTo("Axe vide");
        assertThat(axeVide.nombreFiches()).isZero();
    }

    @Test
    void a_filter_keeps_the_tree_but_counts_only_matching_fiches() {
        ArbrePlan filtre = PlanService.construireArbre(PLAN, NOEUDS, FICHES, f -> f.reference().equals("FA2"));
        assertThat(filtre.nombreDeNoeuds(1)).isEqualTo(4);
        assertThat(filtre.nombreFiches()).isEqualTo(1);
        assertThat(filtre.fichesDansLOrdre()).extracting(Fiche::reference).containsExactly("FA2");
    }

    private static Noeud noeud(long id, Long parent, int rang, int ordre, String reference, String titre) {
        return new Noeud(id, 1L, parent, rang, ordre, reference, titre, null, null, null, 0);
    }

    private static Fiche fiche(long id, Long noeud, int ordre, String reference) {
        return new Fiche(id, 1L, noeud, ordre, reference, "Fiche " + reference, null, null, null, null, 0);
    }
}
