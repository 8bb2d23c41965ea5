package fr.pilotectg.plan;

import java.util.List;
import java.util.Map;

import fr.pilotectg.shared.ErreurValidation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The rules a fiche follows before it is saved, without Spring: each error names its field, in French. */
class ValidationFicheTest {

    private static final ChampsFiche AUCUN = ChampsFiche.VIDES;

    @Test
    void a_fiche_with_a_title_and_fields_of_its_template_is_valid() {
        ChampsFiche champs = new ChampsFiche(
                Map.of("enjeu", "Un enjeu", "diagnostic", "Des constats"),
                Map.of("publicCible", List.of("Familles"), "competencesSppe", List.of("PLANIFIER", "SOUTENIR_QUALITE")),
                Map.of("porteurs", List.of(new OrganisationCitee("CCBA", null, "pilote"))),
                Map.of("indicateurs", List.of(new Indicateur("Nombre de familles", "QUANTITATIF"), new Indicateur("Satisfaction", null))));
        assertThatCode(() -> ValidationFiche.verifier(fiche("Titre", champs, List.of(2026, 2030)), ModeleFiche.NATIONAL, 2026, 2030))
                .doesNotThrowAnyException();
    }

    @Test
    void the_title_is_required() {
        for (String titre : new String[] {null, "", "   "}) {
            ErreurValidation erreur = refus(fiche(titre, AUCUN, List.of()), ModeleFiche.NATIONAL);
            assertThat(erreur.erreurs()).extracting(ErreurValidation.Erreur::champ).containsExactly("titre");
            assertThat(erreur.erreurs().get(0).message()).contains("titre", "obligatoire");
        }
    }

    @Test
    void a_single_vocabulary_value_must_be_in_its_list() {
        ChampsFiche champs = new ChampsFiche(Map.of("interet", "TRES_FORT"), null, null, null);
        ErreurValidation erreur = refus(fiche("Titre", champs, List.of()), ModeleFiche.NOTE);
        assertThat(erreur.erreurs()).extracting(ErreurValidation.Erreur::champ).containsExactly("interet");
        // The message names the value and the allowed labels, as users read them.
        assertThat(erreur.erreurs().get(0).message()).contains("TRES_FORT", "Intérêt", "Intérêt fort", "Top 5");

        assertThatCode(() -> ValidationFiche.verifier(fiche("Titre", new ChampsFiche(Map.of("interet", "TOP_5"), null, null, null),
                List.of()), ModeleFiche.NOTE, 2026, 2030)).doesNotThrowAnyException();
    }

    @Test
    void each_value_of_a_multiple_vocabulary_must_be_in_its_list() {
        ChampsFiche champs = new ChampsFiche(null, Map.of("methodologie", List.of("COLLECTIVE", "Participative"),
                "competencesSppe", List.of("PLANIFIER")), null, null);
        ErreurValidation erreur = refus(fiche("Titre", champs, List.of()), ModeleFiche.NOTE);
        assertThat(erreur.erreurs()).extracting(ErreurValidation.Erreur::champ)
                .as("competencesSppe is no field of the scored template").containsExactlyInAnyOrder("methodologie", "competencesSppe");
        assertThat(erreur.erreurs()).filteredOn(e -> e.champ().equals("methodologie")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("Participative", "Collective"));
    }

    @Test
    void a_value_of_the_wrong_type_names_its_field() {
        // "enjeu" is a text of the national template, given here as a list; "porteurs" given as a text.
        ChampsFiche champs = new ChampsFiche(Map.of("porteurs", "CCBA"), Map.of("enjeu", List.of("Un", "Deux")), null, null);
        ErreurValidation erreur = refus(fiche("Titre", champs, List.of()), ModeleFiche.NATIONAL);
        assertThat(erreur.erreurs()).extracting(ErreurValidation.Erreur::champ).containsExactlyInAnyOrder("enjeu", "porteurs");
        assertThat(erreur.erreurs()).allSatisfy(e -> assertThat(e.message()).contains("type"));
        assertThat(erreur.erreurs()).extracting(ErreurValidation.Erreur::message)
                .anySatisfy(m -> assertThat(m).contains("Enjeu CTG"));
    }

    @Test
    void a_field_unknown_to_the_template_is_refused() {
        ChampsFiche champs = new ChampsFiche(Map.of("contexte", "Contexte du modèle noté"), null, null, null);
        ErreurValidation erreur = refus(fiche("Titre", champs, List.of()), ModeleFiche.NATIONAL);
        assertThat(erreur.erreurs()).extracting(ErreurValidation.Erreur::champ).containsExactly("contexte");
        assertThat(erreur.erreurs().get(0).message()).contains("n'existe pas", "Modèle national");
    }

    @Test
    void years_must_lie_within_the_period_of_the_convention() {
        ErreurValidation erreur = refus(fiche("Titre", AUCUN, List.of(2025, 2026, 2031)), ModeleFiche.NATIONAL);
        assertThat(erreur.erreurs()).extracting(ErreurValidation.Erreur::champ).containsExactly("annees", "annees");
        assertThat(erreur.erreurs().get(0).message()).contains("2025", "période", "2026", "2030");
        assertThat(erreur.erreurs().get(1).message()).contains("2031");

        assertThatCode(() -> ValidationFiche.verifier(fiche("Titre", AUCUN, List.of(2026, 2030)), ModeleFiche.NATIONAL, 2026, 2030))
                .as("both ends of the period are inside").doesNotThrowAnyException();
        assertThatCode(() -> ValidationFiche.verifier(fiche("Titre", AUCUN, List.of(1999)), ModeleFiche.NATIONAL, null, null))
                .as("a convention without period cannot check years").doesNotThrowAnyException();
    }

    @Test
    void indicators_need_a_label_and_a_known_type() {
        ChampsFiche sansLibelle = new ChampsFiche(null, null, null, Map.of("indicateurs", List.of(new Indicateur(" ", "QUALITATIF"))));
        assertThat(refus(fiche("Titre", sansLibelle, List.of()), ModeleFiche.NATIONAL).erreurs()).singleElement()
                .satisfies(e -> {
                    assertThat(e.champ()).isEqualTo("indicateurs");
                    assertThat(e.message()).contains("libellé");
                });
        ChampsFiche typeInconnu = new ChampsFiche(null, null, null, Map.of("indicateurs", List.of(new Indicateur("Nombre", "IMPACT"))));
        assertThat(refus(fiche("Titre", typeInconnu, List.of()), ModeleFiche.NATIONAL).erreurs()).singleElement()
                .satisfies(e -> {
                    assertThat(e.champ()).isEqualTo("indicateurs");
                    assertThat(e.message()).contains("IMPACT", "quantitatif", "qualitatif");
                });
    }

    @Test
    void an_organisation_named_in_a_fiche_needs_a_name() {
        ChampsFiche champs = new ChampsFiche(null, null, Map.of("partenaires", List.of(new OrganisationCitee(" ", null, "pilote"))), null);
        assertThat(refus(fiche("Titre", champs, List.of()), ModeleFiche.NATIONAL).erreurs()).singleElement()
                .satisfies(e -> {
                    assertThat(e.champ()).isEqualTo("partenaires");
                    assertThat(e.message()).contains("nom");
                });
    }

    @Test
    void every_error_is_reported_at_once() {
        ChampsFiche champs = new ChampsFiche(Map.of("budget", "GRATUIT", "inconnu", "x"), null, null, null);
        ErreurValidation erreur = refus(fiche("", champs, List.of(2040)), ModeleFiche.NOTE);
        assertThat(erreur.erreurs()).extracting(ErreurValidation.Erreur::champ)
                .containsExactlyInAnyOrder("titre", "inconnu", "budget", "annees");
    }

    private static Fiche fiche(String titre, ChampsFiche champs, List<Integer> annees) {
        return new Fiche(1L, 1L, null, 1, "FA1", titre, champs, annees, null, List.of(), 0);
    }

    private static ErreurValidation refus(Fiche fiche, ModeleFiche modele) {
        ErreurValidation erreur = catchThrowableOfType(ErreurValidation.class,
                () -> ValidationFiche.verifier(fiche, modele, 2026, 2030));
        assertThat(erreur).as("la fiche aurait dû être refusée").isNotNull();
        return erreur;
    }
}
