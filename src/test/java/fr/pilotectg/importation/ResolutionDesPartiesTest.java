package fr.pilotectg.importation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.pilotectg.importation.ConventionTrouvee.Candidat;
import fr.pilotectg.importation.ConventionTrouvee.Statut;
import fr.pilotectg.testsupport.IntegrationTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A Caf printed without its département and an intercommunalité misspelled, against the real referential: the Caf is
 * deduced from the territory and says so, or is left to choose between the Cafs of the départements named; the
 * misspelled name is listed with its candidates, the closest first, and never chosen.
 */
@IntegrationTest
class ResolutionDesPartiesTest {

    @Autowired
    AnalyseConvention analyse;
    @Autowired
    Extraction extraction;

    private ConventionTrouvee analyser(String... lignes) {
        return analyse.analyser(extraction.extraire("feuille-de-route.txt", String.join("\n\n", lignes).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_bare_caf_is_the_caf_of_the_département_the_document_names_deduced_and_said() {
        ConventionTrouvee c = analyser("Convention territoriale globale des Baronnies",
                "PILOTAGE POLITIQUE - Communauté de Communes des Baronnie en Drôme Provençale :",
                "Territoire concerné : Département de la Drôme, région AURA.",
                "La Caf accompagne la démarche.");
        assertThat(c.caf().nomImprime()).isEqualTo("Caf");
        assertThat(c.caf().resolution().statut()).isEqualTo(Statut.RESOLU);
        assertThat(c.caf().resolution().nomReferentiel()).isEqualTo("Caf de la Drôme");
        assertThat(c.caf().resolution().departement()).isEqualTo("26");
        assertThat(c.caf().resolution().note()).contains("« Caf » imprimée sans département", "déduite", "Drôme", "à vérifier");
    }

    @Test
    void a_misspelled_intercommunalité_is_listed_with_the_closest_first_never_chosen() {
        ConventionTrouvee c = analyser("Convention territoriale globale des Baronnies",
                "PILOTAGE POLITIQUE - Communauté de Communes des Baronnie en Drôme Provençale :",
                "Territoire concerné : Département de la Drôme.");
        assertThat(c.epci().resolution().statut()).isNotEqualTo(Statut.RESOLU);
        assertThat(c.epci().resolution().organisationId()).isNull();
        assertThat(c.epci().resolution().candidats()).extracting(Candidat::nom).first().isEqualTo("CC des Baronnies en Drôme Provençale");
        assertThat(c.alertes()).filteredOn(a -> a.type().equals("NOM_NON_RESOLU")).extracting(Alerte::message)
                .anySatisfy(m -> assertThat(m).contains("Baronnie en Drôme Provençale", "CC des Baronnies en Drôme Provençale"));
    }

    @Test
    void a_bare_caf_in_a_document_naming_two_départements_is_left_to_choose_between_their_cafs() {
        ConventionTrouvee c = analyser("Convention territoriale globale du Val",
                "Le territoire s'étend sur le département de la Drôme et sur le département de l'Ardèche.",
                "La Caf accompagne la démarche.");
        assertThat(c.caf().resolution().statut()).isEqualTo(Statut.AMBIGU);
        assertThat(c.caf().resolution().organisationId()).isNull();
        assertThat(c.caf().resolution().candidats()).extracting(Candidat::departement).containsExactly("26", "07");
        assertThat(c.alertes()).filteredOn(a -> a.type().equals("NOM_NON_RESOLU")).extracting(Alerte::message)
                .anySatisfy(m -> assertThat(m).contains("« Caf »", "désigne plusieurs", "Caf de la Drôme", "Caf de l'Ardèche"));
    }

    @Test
    void the_plural_mark_does_not_count_when_comparing_names() {
        assertThat(ResolutionDesParties.sansPluriel("Communauté de Communes des Baronnie en Drôme Provençale"))
                .isEqualTo(ResolutionDesParties.sansPluriel("CC des Baronnies en Drôme Provençale"));
        assertThat(ResolutionDesParties.sansPluriel("CC du Val")).isNotEqualTo(ResolutionDesParties.sansPluriel("CC du Vallon"));
    }
}
