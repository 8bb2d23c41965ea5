package fr.pilotectg.plan;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each indicator keeps its own id across reorder, rename in place and additions; new ids are new. */
class ClesIndicateursTest {

    private final List<Indicateur> avant = List.of(new Indicateur("A", "QUANTITATIF", "k-a"), new Indicateur("B", null, "k-b"),
            new Indicateur("C", null, "k-c"));

    @Test
    void reordered_indicators_keep_their_ids() {
        List<Indicateur> apres = ClesIndicateurs.attribuer(List.of(new Indicateur("C", null), new Indicateur("a ", "QUANTITATIF"),
                new Indicateur("B", null)), avant);
        assertThat(apres).extracting(Indicateur::cle).containsExactly("k-c", "k-a", "k-b");
    }

    @Test
    void a_renamed_indicator_keeps_its_id_and_a_new_one_gets_a_fresh_id() {
        List<Indicateur> apres = ClesIndicateurs.attribuer(List.of(new Indicateur("A", null), new Indicateur("B renommé", null),
                new Indicateur("C", null), new Indicateur("D", null)), avant);
        assertThat(apres.subList(0, 3)).extracting(Indicateur::cle).containsExactly("k-a", "k-b", "k-c");
        assertThat(apres.get(3).cle()).isNotNull().isNotIn("k-a", "k-b", "k-c");
    }

    @Test
    void a_new_indicator_does_not_take_the_id_of_one_that_moved_away() {
        List<Indicateur> apres = ClesIndicateurs.attribuer(List.of(new Indicateur("Nouveau", null), new Indicateur("A", null)),
                avant);
        assertThat(apres.get(1).cle()).isEqualTo("k-a");
        assertThat(apres.get(0).cle()).as("A's old slot: A moved, it is not a rename").isNotIn("k-a", "k-b", "k-c");
    }

    @Test
    void an_id_sent_back_is_kept_and_duplicates_or_unknown_ids_are_replaced() {
        List<Indicateur> apres = ClesIndicateurs.attribuer(List.of(new Indicateur("Autre nom", null, "k-c"),
                new Indicateur("X", null, "k-c"), new Indicateur("Y", null, "inventee")), avant);
        assertThat(apres.get(0).cle()).isEqualTo("k-c");
        assertThat(apres.get(1).cle()).isNotEqualTo("k-c");
        assertThat(apres.stream().map(Indicateur::cle).distinct()).hasSize(3);
        assertThat(ClesIndicateurs.attribuer(List.of(new Indicateur("A", null)), List.of()).get(0).cle()).hasSize(12);
    }
}
