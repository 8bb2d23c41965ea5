package fr.pilotectg.convention;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static fr.pilotectg.convention.StatutConvention.BILAN_FINAL;
import static fr.pilotectg.convention.StatutConvention.BILAN_INTERMEDIAIRE;
import static fr.pilotectg.convention.StatutConvention.DELIBERATIONS;
import static fr.pilotectg.convention.StatutConvention.DIAGNOSTIC;
import static fr.pilotectg.convention.StatutConvention.ECHUE;
import static fr.pilotectg.convention.StatutConvention.EN_VIGUEUR;
import static fr.pilotectg.convention.StatutConvention.PLAN_ACTIONS;
import static fr.pilotectg.convention.StatutConvention.PREPARATION;
import static fr.pilotectg.convention.StatutConvention.RENOUVELEE;
import static fr.pilotectg.convention.StatutConvention.RESILIEE;
import static fr.pilotectg.convention.StatutConvention.SIGNEE;
import static org.assertj.core.api.Assertions.assertThat;

/** The lifecycle of DOMAIN §3: preparation phases may step back, signed phases only go on. */
class StatutConventionTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "PREPARATION, DIAGNOSTIC",
            "DIAGNOSTIC, PREPARATION", "DIAGNOSTIC, PLAN_ACTIONS",
            "PLAN_ACTIONS, DIAGNOSTIC", "PLAN_ACTIONS, DELIBERATIONS",
            "DELIBERATIONS, PLAN_ACTIONS", "DELIBERATIONS, SIGNEE",
            "SIGNEE, EN_VIGUEUR",
            "EN_VIGUEUR, BILAN_INTERMEDIAIRE",
            "BILAN_INTERMEDIAIRE, BILAN_FINAL",
            "BILAN_FINAL, ECHUE", "BILAN_FINAL, RENOUVELEE"})
    void allowed_transitions(StatutConvention de, StatutConvention vers) {
        assertThat(de.peutPasserA(vers)).isTrue();
    }

    @ParameterizedTest(name = "{0} ↛ {1}")
    @CsvSource({
            "PREPARATION, SIGNEE", "PREPARATION, PLAN_ACTIONS", "PREPARATION, EN_VIGUEUR", "PREPARATION, RESILIEE",
            "DIAGNOSTIC, DELIBERATIONS", "PLAN_ACTIONS, SIGNEE", "DELIBERATIONS, EN_VIGUEUR",
            "SIGNEE, DELIBERATIONS", "EN_VIGUEUR, SIGNEE", "EN_VIGUEUR, BILAN_FINAL", "BILAN_FINAL, EN_VIGUEUR",
            "ECHUE, RENOUVELEE", "RESILIEE, EN_VIGUEUR", "PREPARATION, PREPARATION", "EN_VIGUEUR, EN_VIGUEUR"})
    void forbidden_transitions(StatutConvention de, StatutConvention vers) {
        assertThat(de.peutPasserA(vers)).isFalse();
    }

    @Test
    void the_allowed_transitions_are_exactly_those_listed() {
        // Guards the two lists above against a transition added to the enum but not to the tests.
        long nombre = EnumSet.allOf(StatutConvention.class).stream().mapToLong(s -> s.suivantsPermis().size()).sum();
        assertThat(nombre).as("résiliation is not a plain status change any more").isEqualTo(12);
    }

    @ParameterizedTest
    @EnumSource(names = {"ECHUE", "RENOUVELEE", "RESILIEE"})
    void final_statuses_lead_nowhere(StatutConvention statut) {
        assertThat(statut.suivantsPermis()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(names = {"SIGNEE", "EN_VIGUEUR", "BILAN_INTERMEDIAIRE", "BILAN_FINAL", "ECHUE", "RENOUVELEE", "RESILIEE"})
    void once_signed_a_convention_never_goes_back_before_signature(StatutConvention statut) {
        assertThat(statut.estAvantSignature()).isFalse();
        assertThat(statut.suivantsPermis()).noneMatch(StatutConvention::estAvantSignature);
    }

    @Test
    void only_deliberations_lead_to_signature_and_termination_needs_a_signed_convention() {
        Set<StatutConvention> versSignee = EnumSet.noneOf(StatutConvention.class);
        Set<StatutConvention> versResiliee = EnumSet.noneOf(StatutConvention.class);
        for (StatutConvention s : StatutConvention.values()) {
            if (s.peutPasserA(SIGNEE)) {
                versSignee.add(s);
            }
            if (s.peutPasserA(RESILIEE)) {
                versResiliee.add(s);
            }
        }
        assertThat(versSignee).containsExactly(DELIBERATIONS);
        assertThat(versResiliee).as("résiliation has its own form (mode, dates, effect), never a plain status change").isEmpty();
        assertThat(EnumSet.allOf(StatutConvention.class).stream().filter(StatutConvention::estEnCours))
                .containsExactlyInAnyOrder(SIGNEE, EN_VIGUEUR, BILAN_INTERMEDIAIRE, BILAN_FINAL);
    }

    @Test
    void preparation_phases_are_before_signature() {
        assertThat(EnumSet.of(PREPARATION, DIAGNOSTIC, PLAN_ACTIONS, DELIBERATIONS)).allMatch(StatutConvention::estAvantSignature);
    }

    @Test
    void labels_are_french() {
        assertThat(PREPARATION.libelle()).isEqualTo("En préparation");
        assertThat(PLAN_ACTIONS.libelle()).isEqualTo("Plan d'actions");
        assertThat(SIGNEE.libelle()).isEqualTo("Signée");
        assertThat(ECHUE.libelle()).isEqualTo("Échue");
        assertThat(RENOUVELEE.libelle()).isEqualTo("Renouvelée");
    }
}
