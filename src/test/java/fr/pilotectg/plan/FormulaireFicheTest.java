package fr.pilotectg.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.pilotectg.shared.ErreurValidation;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The fiche edit form: what the browser sends becomes typed fields, and the form shows a fiche back. */
class FormulaireFicheTest {

    private static final Fiche VIDE = new Fiche(1L, 1L, null, 1, "FA1", "Titre", ChampsFiche.VIDES, List.of(), null, List.of(), 3);

    @Test
    void one_item_per_line_blank_lines_dropped() {
        MultiValueMap<String, String> saisie = saisie("Titre");
        saisie.add("champ_publicCible", "  Familles \r\n\r\nEnfants\n   \nAssistants maternels  ");
        saisie.add("champ_objectifsCtg", "\n \n");

        ContenuFiche contenu = FormulaireFiche.contenu(ModeleFiche.NATIONAL, saisie, VIDE);

        assertThat(contenu.champs().liste("publicCible")).containsExactly("Familles", "Enfants", "Assistants maternels");
        assertThat(contenu.champs().listes()).doesNotContainKey("objectifsCtg");
    }

    @Test
    void texts_are_trimmed_and_blank_ones_left_out() {
        MultiValueMap<String, String> saisie = saisie("  Titre  ");
        saisie.add("champ_enjeu", "  Un enjeu\nsur deux lignes ");
        saisie.add("champ_diagnostic", "   ");

        ContenuFiche contenu = FormulaireFiche.contenu(ModeleFiche.NATIONAL, saisie, VIDE);

        assertThat(contenu.champs().texte("enjeu")).isEqualTo("Un enjeu\nsur deux lignes");
        assertThat(contenu.champs().textes()).doesNotContainKey("diagnostic");
        assertThat(contenu.titre()).isEqualTo("  Titre  ");
    }

    @Test
    void organisations_as_name_and_role_in_brackets() {
        MultiValueMap<String, String> saisie = saisie("Titre");
        saisie.add("champ_porteurs", "Centre social Le Palabre (pilote)\nPRH (co-porteur)\nCCAS Aubenas\nMairie (Aubenas) (co-porteur)");

        ContenuFiche contenu = FormulaireFiche.contenu(ModeleFiche.NATIONAL, saisie, VIDE);

        assertThat(contenu.champs().organisations("porteurs")).containsExactly(
                new OrganisationCitee("Centre social Le Palabre", null, "pilote"),
                new OrganisationCitee("PRH", null, "co-porteur"),
                new OrganisationCitee("CCAS Aubenas", null, null),
                new OrganisationCitee("Mairie (Aubenas)", null, "co-porteur"));
    }

    @Test
    void an_organisation_already_linked_keeps_its_link_when_its_name_is_typed_again() {
        Fiche actuelle = avecChamps(new ChampsFiche(null, null,
                Map.of("porteurs", List.of(new OrganisationCitee("Centre social Le Palabre", 42L, "pilote"))), null));
        MultiValueMap<String, String> saisie = saisie("Titre");
        saisie.add("champ_porteurs", "centre social le palabre (co-porteur)\nAutre association");

        ContenuFiche contenu = FormulaireFiche.contenu(ModeleFiche.NATIONAL, saisie, actuelle);

        assertThat(contenu.champs().organisations("porteurs")).containsExactly(
                new OrganisationCitee("centre social le palabre", 42L, "co-porteur"),
                new OrganisationCitee("Autre association", null, null));
    }

    @Test
    void indicators_as_label_bar_type() {
        MultiValueMap<String, String> saisie = saisie("Titre");
        saisie.add("champ_indicateurs", "Nombre de familles | quantitatif\nSatisfaction des familles|Qualitatif\nTurnover\nSans type | ");

        ContenuFiche contenu = FormulaireFiche.contenu(ModeleFiche.NATIONAL, saisie, VIDE);

        assertThat(contenu.champs().indicateurs("indicateurs")).containsExactly(
                new Indicateur("Nombre de familles", "QUANTITATIF"),
                new Indicateur("Satisfaction des familles", "QUALITATIF"),
                new Indicateur("Turnover", null),
                new Indicateur("Sans type", null));
    }

    @Test
    void vocabularies_years_and_programme() {
        MultiValueMap<String, String> saisie = saisie("Titre");
        saisie.add("champ_interet", "TOP_5");
        saisie.addAll("multi_methodologie", List.of("COLLECTIVE", "TERRITORIALE"));
        saisie.addAll("annees", List.of("2026", " 2028 "));
        saisie.add("echeances", "2026 puis tous les 2 ans");
        saisie.add("reference", "PE7");

        ContenuFiche contenu = FormulaireFiche.contenu(ModeleFiche.NOTE, saisie, VIDE);

        assertThat(contenu.champs().texte("interet")).isEqualTo("TOP_5");
        assertThat(contenu.champs().liste("methodologie")).containsExactly("COLLECTIVE", "TERRITORIALE");
        assertThat(contenu.annees()).containsExactly(2026, 2028);
        assertThat(contenu.echeances()).isEqualTo("2026 puis tous les 2 ans");
        assertThat(contenu.reference()).isEqualTo("PE7");
        assertThat(contenu.notes()).as("notes are not edited in the form: kept").isNull();
    }

    @Test
    void a_year_that_is_not_a_number_is_refused_naming_annees() {
        MultiValueMap<String, String> saisie = saisie("Titre");
        saisie.addAll("annees", List.of("2026", "deux mille"));

        ErreurValidation erreur = catchThrowableOfType(ErreurValidation.class,
                () -> FormulaireFiche.contenu(ModeleFiche.NATIONAL, saisie, VIDE));

        assertThat(erreur).isNotNull();
        assertThat(erreur.erreurs()).singleElement().satisfies(e -> {
            assertThat(e.champ()).isEqualTo("annees");
            assertThat(e.message()).contains("deux mille", "année");
        });
        // The refused form is shown again with what was typed, without failing on the bad year.
        assertThat(FormulaireFiche.valeurs(saisie)).containsEntry("titre", "Titre");
    }

    @Test
    void the_form_shows_a_fiche_and_sends_it_back_unchanged() {
        ChampsFiche champs = new ChampsFiche(
                Map.of("enjeu", "Un enjeu", "modalites", "Première ligne\nSeconde ligne"),
                Map.of("publicCible", List.of("Familles", "Enfants"), "competencesSppe", List.of("PLANIFIER", "SOUTENIR_QUALITE")),
                Map.of("porteurs", List.of(new OrganisationCitee("Centre social Le Palabre", 42L, "pilote"),
                                new OrganisationCitee("CCAS Aubenas", null, "co-porteur")),
                        // Names that hold brackets themselves, as in the Aubenas plan (FA12, FA15, FA22).
                        "partenaires", List.of(new OrganisationCitee("Les professionnels du médico-social (ADAPEI PRH)", null, null),
                                new OrganisationCitee("CAF", null, null)),
                        "garantes", List.of(new OrganisationCitee("Communes porteuses d'ALSH (Lavilledieu et Vals Les Bains)", 9L, null))),
                Map.of("indicateurs", List.of(new Indicateur("Nombre de familles", "QUANTITATIF"), new Indicateur("Satisfaction", null))));
        Fiche fiche = new Fiche(1L, 1L, null, 1, "FA15", "Développer l'inclusion", champs, List.of(2026, 2027), "2026-2027",
                List.of("note"), 3);

        ContenuFiche renvoye = FormulaireFiche.contenu(ModeleFiche.NATIONAL, commeLeNavigateur(FormulaireFiche.valeurs(ModeleFiche.NATIONAL, fiche)), fiche);

        assertThat(renvoye.titre()).isEqualTo(fiche.titre());
        assertThat(renvoye.annees()).isEqualTo(fiche.annees());
        assertThat(renvoye.echeances()).isEqualTo(fiche.echeances());
        assertThat(renvoye.champs().organisations("partenaires")).isEqualTo(champs.organisations("partenaires"));
        assertThat(renvoye.champs().organisations("garantes")).isEqualTo(champs.organisations("garantes"));
        assertThat(renvoye.champs()).isEqualTo(champs);
    }

    /** What a browser submits for the form filled with these values. */
    private static MultiValueMap<String, String> commeLeNavigateur(Map<String, Object> valeurs) {
        MultiValueMap<String, String> saisie = new LinkedMultiValueMap<>();
        valeurs.forEach((cle, valeur) -> {
            if (valeur instanceof List<?> liste) {
                liste.forEach(v -> saisie.add(cle, String.valueOf(v)));
            } else if (valeur != null) {
                saisie.add(cle, String.valueOf(valeur));
            }
        });
        return saisie;
    }

    private static MultiValueMap<String, String> saisie(String titre) {
        MultiValueMap<String, String> saisie = new LinkedMultiValueMap<>();
        saisie.add("version", "3");
        saisie.add("titre", titre);
        return saisie;
    }

    private static Fiche avecChamps(ChampsFiche champs) {
        return new Fiche(1L, 1L, null, 1, "FA1", "Titre", champs, new ArrayList<>(), null, List.of(), 3);
    }
}
