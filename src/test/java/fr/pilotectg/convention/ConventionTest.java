package fr.pilotectg.convention;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import fr.pilotectg.organisation.Mandat;
import fr.pilotectg.organisation.Personne;
import fr.pilotectg.shared.ErreurValidation;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The rules of the convention aggregate, without Spring or database. */
class ConventionTest {

    private static final long CAF = 1;
    private static final long CCBA = 2;
    private static final long AUBENAS = 3;
    private static final long VALS = 4;
    private static final long CC_PILAT = 5;
    private static final long BOURG_ARGENTAL = 6;
    private static final OffsetDateTime MAINTENANT = OffsetDateTime.parse("2026-03-02T10:00:00+01:00");
    private static final Periode CINQ_ANS = new Periode(LocalDate.of(2026, 1, 1), LocalDate.of(2030, 12, 31), null);

    private static final Mandat PRESIDENT_CAF = mandat(10, "SERRE-CHAMARY", CAF, "Caf de l'Ardèche", "Président du conseil d'administration");
    private static final Mandat PRESIDENT_CCBA = mandat(11, "TOURVIEILHE", CCBA, "CC du Bassin d'Aubenas", "Président");
    private static final Mandat MAIRE_AUBENAS = mandat(12, "MEYER", AUBENAS, "Aubenas", "Maire");

    // --- parties and representatives ---

    @Test
    void a_new_convention_is_in_preparation_with_its_creation_in_the_history() {
        Convention convention = nouvelle();

        assertThat(convention.statut()).isEqualTo(StatutConvention.PREPARATION);
        assertThat(convention.historique()).singleElement().satisfies(h -> {
            assertThat(h.de()).isNull();
            assertThat(h.vers()).isEqualTo(StatutConvention.PREPARATION);
            assertThat(h.par()).isEqualTo("caf07");
        });
    }

    @Test
    void a_blank_title_is_refused() {
        ErreurValidation erreur = catchThrowableOfType(ErreurValidation.class,
                () -> nouvelle().avecInformations(" ", CINQ_ANS, Signature.AUCUNE, List.of(), false));
        assertThat(erreur.erreurs()).extracting(ErreurValidation.Erreur::champ).containsExactly("titre");
        assertThat(erreur.getMessage()).contains("titre", "obligatoire");
    }

    @Test
    void a_party_cannot_be_added_twice() {
        Convention convention = avecCafEtCcba();

        assertErreur(() -> convention.avecPartie(CCBA, RolePartie.ASSOCIEE, "CC du Bassin d'Aubenas"),
                "organisationId", "CC du Bassin d'Aubenas", "déjà partie");
    }

    @Test
    void a_party_needs_a_role() {
        assertErreur(() -> nouvelle().avecPartie(AUBENAS, null, "Aubenas"), "role", "signataire", "associée");
    }

    @Test
    void the_caf_cannot_be_removed_and_removing_a_party_removes_its_representatives() {
        Convention convention = avecCafEtCcba()
                .avecRepresentant(PRESIDENT_CAF, CAF, "Caf de l'Ardèche")
                .avecRepresentant(PRESIDENT_CCBA, CCBA, "CC du Bassin d'Aubenas");

        assertErreur(() -> convention.sansPartie(CAF, "Caf de l'Ardèche"), "organisationId", "Caf", "ne peut pas");
        Convention sansCcba = convention.sansPartie(CCBA, "CC du Bassin d'Aubenas");
        assertThat(sansCcba.parties()).extracting(Partie::organisationId).containsExactly(CAF);
        assertThat(sansCcba.representants()).extracting(Representant::mandatId).containsExactly(PRESIDENT_CAF.id());
    }

    @Test
    void a_representative_must_represent_a_party() {
        assertErreur(() -> avecCafEtCcba().avecRepresentant(MAIRE_AUBENAS, AUBENAS, "Aubenas"),
                "organisationId", "Aubenas", "n'est pas partie");
    }

    @Test
    void a_representative_mandate_must_belong_to_the_party_represented() {
        ErreurValidation erreur = assertErreur(
                () -> avecCafEtCcba().avecRepresentant(PRESIDENT_CAF, CCBA, "CC du Bassin d'Aubenas"),
                "mandatId", "n'est pas un mandat de", "CC du Bassin d'Aubenas");
        assertThat(erreur.erreurs()).hasSize(1);
        assertThat(erreur.getMessage()).doesNotContain("SERRE-CHAMARY", "Caf de l'Ardèche");
    }

    @Test
    void one_person_may_represent_two_parties_through_two_mandates_but_not_twice_the_same() {
        Personne heyraud = new Personne(20, "M.", "Stéphane", "HEYRAUD");
        Mandat president = new Mandat(21, heyraud, CC_PILAT, "CC des Monts du Pilat", "Président");
        Mandat maire = new Mandat(22, heyraud, BOURG_ARGENTAL, "Bourg-Argental", "Maire");
        Convention convention = nouvelle().avecPartie(CC_PILAT, RolePartie.SIGNATAIRE, "CC des Monts du Pilat")
                .avecPartie(BOURG_ARGENTAL, RolePartie.SIGNATAIRE, "Bourg-Argental")
                .avecRepresentant(president, CC_PILAT, "CC des Monts du Pilat")
                .avecRepresentant(maire, BOURG_ARGENTAL, "Bourg-Argental");

        assertThat(convention.representantsDe(CC_PILAT)).extracting(Representant::mandatId).containsExactly(21L);
        assertThat(convention.representantsDe(BOURG_ARGENTAL)).extracting(Representant::mandatId).containsExactly(22L);
        assertErreur(() -> convention.avecRepresentant(maire, BOURG_ARGENTAL, "Bourg-Argental"), "mandatId", "HEYRAUD", "déjà");
    }

    @Test
    void only_a_party_deliberates_and_the_instance_is_required() {
        assertErreur(() -> avecCafEtCcba().avecDeliberation(new Deliberation(AUBENAS, "conseil municipal", null, "xx 2025", null)),
                "organisationId", "partie");
        assertErreur(() -> avecCafEtCcba().avecDeliberation(new Deliberation(CCBA, " ", null, null, null)),
                "instance", "obligatoire");
    }

    @Test
    void a_commune_is_in_the_territory_only_once() {
        Convention convention = nouvelle().avecCommune(new CommuneDuTerritoire("07019", "Aubenas", 12_000));
        assertErreur(() -> convention.avecCommune(new CommuneDuTerritoire("07019", "Aubenas", 12_000)),
                "commune", "Aubenas", "fait déjà partie");
    }

    // --- period ---

    @Test
    void the_end_date_must_come_after_the_start_date() {
        ErreurValidation erreur = assertErreur(() -> new Periode(LocalDate.of(2030, 12, 31), LocalDate.of(2026, 1, 1), null),
                "dateFin", "postérieure", "1er janvier 2026", "31 décembre 2030");
        assertThat(erreur.erreurs()).hasSize(1);
    }

    @Test
    void a_period_of_no_duration_is_refused() {
        assertErreur(() -> new Periode(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1), null), "dateFin", "postérieure");
        assertErreur(() -> new Periode(null, null, 0), "dureeAnnees", "entre 1 et 10 ans");
        assertErreur(() -> new Periode(null, null, 11), "dureeAnnees", "entre 1 et 10 ans");
    }

    @Test
    void a_period_may_be_only_a_duration() {
        Periode surCinqAns = new Periode(null, null, 5);

        assertThat(surCinqAns.estConnue()).isTrue();
        assertThat(surCinqAns.libelle()).isEqualTo("sur 5 ans (dates à fixer)");
        assertThat(Periode.INCONNUE.estConnue()).isFalse();
        assertThat(CINQ_ANS.libelle()).isEqualTo("1er janvier 2026 – 31 décembre 2030");
        assertThat(CINQ_ANS.couvreAnnee(2030)).isTrue();
        assertThat(CINQ_ANS.couvreAnnee(2031)).isFalse();
    }

    // --- status ---

    @Test
    void a_forbidden_transition_is_refused_with_the_allowed_ones() {
        assertErreur(() -> nouvelle().avecStatut(StatutConvention.SIGNEE, "caf07", MAINTENANT, null),
                "statut", "Passage interdit", "« En préparation »", "« Signée »", "« Diagnostic »");
    }

    @Test
    void an_allowed_transition_is_recorded_in_the_history() {
        Convention convention = nouvelle().avecStatut(StatutConvention.DIAGNOSTIC, "ccba", MAINTENANT, "  lancement  ");

        assertThat(convention.statut()).isEqualTo(StatutConvention.DIAGNOSTIC);
        assertThat(convention.historique()).last().isEqualTo(
                new ChangementStatut(StatutConvention.PREPARATION, StatutConvention.DIAGNOSTIC, "ccba", MAINTENANT, "lancement"));
    }

    @Test
    void signing_needs_a_period_but_not_the_items_a_chargee_de_cooperation_chases_afterwards() {
        Convention sansPeriode = jusquA(avecCafEtCcba(), StatutConvention.DELIBERATIONS)
                .avecInformations("Sans période", Periode.INCONNUE, Signature.AUCUNE, List.of(), false);

        ErreurValidation erreur = assertErreur(
                () -> sansPeriode.avecStatut(StatutConvention.SIGNEE, "caf07", MAINTENANT, null),
                "statut", "Signature impossible", "période non renseignée");
        assertThat(erreur.getMessage()).doesNotContain("date de signature", "représentant");

        Convention sansDateNiRepresentant = jusquA(avecCafEtCcba(), StatutConvention.DELIBERATIONS);
        assertThatCode(() -> sansDateNiRepresentant.avecStatut(StatutConvention.SIGNEE, "caf07", MAINTENANT, null))
                .doesNotThrowAnyException();
    }

    // --- what is missing before signature ---

    @Test
    void missing_items_of_a_new_convention() {
        Convention convention = avecCafEtCcba();

        assertThat(Manques.pour(convention, ConventionTest::nom)).containsExactly(
                new Manques.Manque("date de signature non renseignée", false),
                new Manques.Manque("lieu de signature non renseigné", false),
                new Manques.Manque("Caf de l'Ardèche : aucun représentant", false),
                new Manques.Manque("CC du Bassin d'Aubenas : aucun représentant", false),
                new Manques.Manque("Caf de l'Ardèche : aucune délibération", false),
                new Manques.Manque("CC du Bassin d'Aubenas : aucune délibération", false));
    }

    @Test
    void missing_items_without_signatory_or_period() {
        Convention vide = new Convention(null, null, "Sans rien", CAF, null, null, "07", Periode.INCONNUE, null,
                StatutConvention.PREPARATION, false, List.of(), List.of(), List.of(), List.of(), null, List.of());

        assertThat(Manques.pour(vide, ConventionTest::nom)).extracting(Manques.Manque::message)
                .contains("aucune partie signataire", "période non renseignée (dates ou durée)");
        assertThat(Manques.bloquantsPourSignature(vide)).contains("aucune partie signataire", "période non renseignée (dates ou durée)");
    }

    @Test
    void deliberations_without_date_are_counted_but_do_not_block_signature() {
        Convention une = signable(avecCafEtCcba())
                .avecDeliberation(new Deliberation(CCBA, "conseil communautaire", null, "xx 2025", null));
        Convention deux = une.avecPartie(AUBENAS, RolePartie.ASSOCIEE, "Aubenas")
                .avecDeliberation(new Deliberation(AUBENAS, "conseil municipal", null, null, null));

        assertThat(Manques.pour(une, ConventionTest::nom)).containsExactly(new Manques.Manque("1 délibération sans date", false));
        assertThat(Manques.pour(deux, ConventionTest::nom)).containsExactly(new Manques.Manque("2 délibérations sans date", false));
        assertThat(Manques.bloquantsPourSignature(deux)).isEmpty();
    }

    @Test
    void an_associated_commune_needs_neither_representative_nor_deliberation() {
        Convention convention = signable(avecCafEtCcba()).avecPartie(VALS, RolePartie.ASSOCIEE, "Vals-les-Bains");

        assertThat(Manques.pour(convention, ConventionTest::nom)).isEmpty();
    }

    // --- helpers ---

    private static Convention nouvelle() {
        return Convention.nouvelle("  CTG de test  ", CAF, "200072007", "CC du Bassin d'Aubenas", "07", CINQ_ANS,
                "caf07", MAINTENANT);
    }

    private static Convention avecCafEtCcba() {
        return nouvelle().avecPartie(CAF, RolePartie.SIGNATAIRE, "Caf de l'Ardèche")
                .avecPartie(CCBA, RolePartie.SIGNATAIRE, "CC du Bassin d'Aubenas");
    }

    /** Everything a signature needs: place, date, a representative and a dated deliberation per signatory. */
    private static Convention signable(Convention convention) {
        return convention
                .avecInformations(convention.titre(), CINQ_ANS, new Signature("Aubenas", LocalDate.of(2025, 12, 2), null),
                        List.of(), false)
                .avecRepresentant(PRESIDENT_CAF, CAF, "Caf de l'Ardèche")
                .avecRepresentant(PRESIDENT_CCBA, CCBA, "CC du Bassin d'Aubenas")
                .avecDeliberation(new Deliberation(CAF, "conseil d'administration", LocalDate.of(2025, 12, 11), null, null))
                .avecDeliberation(new Deliberation(CCBA, "conseil communautaire", LocalDate.of(2025, 12, 15), null, null));
    }

    private static Convention jusquA(Convention convention, StatutConvention cible) {
        Convention c = convention;
        for (StatutConvention s : List.of(StatutConvention.DIAGNOSTIC, StatutConvention.PLAN_ACTIONS, StatutConvention.DELIBERATIONS)) {
            c = c.avecStatut(s, "caf07", MAINTENANT, null);
            if (s == cible) {
                return c;
            }
        }
        throw new IllegalArgumentException(cible.name());
    }

    private static Mandat mandat(long id, String nom, long organisationId, String organisationNom, String fonction) {
        return new Mandat(id, new Personne(id, "M.", "Prénom", nom), organisationId, organisationNom, fonction);
    }

    private static String nom(long organisationId) {
        return organisationId == CAF ? "Caf de l'Ardèche" : organisationId == CCBA ? "CC du Bassin d'Aubenas" : "organisation " + organisationId;
    }

    private static ErreurValidation assertErreur(ThrowingCallable action, String champ, String... motsDuMessage) {
        ErreurValidation erreur = catchThrowableOfType(ErreurValidation.class, action);
        assertThat(erreur).as("ErreurValidation attendue sur %s", champ).isNotNull();
        assertThat(erreur.erreurs()).extracting(ErreurValidation.Erreur::champ).contains(champ);
        assertThat(erreur.getMessage()).contains(motsDuMessage);
        return erreur;
    }
}
