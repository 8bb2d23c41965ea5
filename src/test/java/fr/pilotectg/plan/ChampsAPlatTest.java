package fr.pilotectg.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.pilotectg.shared.ErreurValidation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Template fields as the flat JSON object of the API, and back, without Spring. */
class ChampsAPlatTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void flat_map_round_trip_keeps_every_field_with_its_type() {
        ChampsFiche champs = new ChampsFiche(
                Map.of("enjeu", "Un enjeu", "diagnostic", "Des constats\nsur deux lignes"),
                Map.of("publicCible", List.of("Familles", "Enfants"), "competencesSppe", List.of("PLANIFIER")),
                Map.of("porteurs", List.of(new OrganisationCitee("Centre social Le Palabre", 12L, "pilote"),
                        new OrganisationCitee("PRH", null, null))),
                Map.of("indicateurs", List.of(new Indicateur("Nombre de familles", "QUANTITATIF"))));

        Map<String, Object> aPlat = ChampsAPlat.versMap(ModeleFiche.NATIONAL, champs);

        // In the order of the template, only the fields the fiche has.
        assertThat(aPlat.keySet()).containsExactly("enjeu", "competencesSppe", "diagnostic", "publicCible", "porteurs", "indicateurs");
        assertThat(ChampsAPlat.depuisMap(ModeleFiche.NATIONAL, parJson(aPlat))).isEqualTo(champs);
    }

    /** The flat map as the API writes it and a client sends it back: through JSON text. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> parJson(Map<String, Object> aPlat) {
        return JSON.readValue(JSON.writeValueAsString(aPlat), Map.class);
    }

    @Test
    void round_trip_through_json_like_values() {
        // What a JSON parser gives for the API body: maps, lists, strings, integers.
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("interet", "TOP_5");
        corps.put("methodologie", List.of("COLLECTIVE", "TERRITORIALE"));
        corps.put("porteurs", List.of(Map.of("nom", "CCMP", "organisationId", 7), "Mairie(s)"));
        corps.put("territoires", List.of("CCMP", "Bourg-Argental"));
        ChampsFiche champs = ChampsAPlat.depuisMap(ModeleFiche.NOTE, corps);

        assertThat(champs.texte("interet")).isEqualTo("TOP_5");
        assertThat(champs.liste("methodologie")).containsExactly("COLLECTIVE", "TERRITORIALE");
        assertThat(champs.liste("territoires")).containsExactly("CCMP", "Bourg-Argental");
        assertThat(champs.organisations("porteurs")).containsExactly(
                new OrganisationCitee("CCMP", 7L, null), new OrganisationCitee("Mairie(s)", null, null));
        assertThat(ChampsAPlat.depuisMap(ModeleFiche.NOTE, parJson(ChampsAPlat.versMap(ModeleFiche.NOTE, champs)))).isEqualTo(champs);
    }

    @Test
    void organisations_may_be_given_as_plain_names() {
        ChampsFiche champs = ChampsAPlat.depuisMap(ModeleFiche.NATIONAL,
                Map.of("porteurs", List.of("  Centre social Le Palabre ", "CCAS Aubenas"), "garantes", List.of("CCBA")));
        assertThat(champs.organisations("porteurs")).containsExactly(
                new OrganisationCitee("Centre social Le Palabre", null, null), new OrganisationCitee("CCAS Aubenas", null, null));
        assertThat(champs.organisations("garantes")).containsExactly(new OrganisationCitee("CCBA", null, null));
        assertThat(champs.organisations("porteurs")).noneMatch(OrganisationCitee::estLiee);
    }

    @Test
    void blank_texts_and_items_are_dropped_and_values_trimmed() {
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("enjeu", "   ");
        corps.put("diagnostic", "  constats  ");
        corps.put("publicCible", List.of(" ", "Familles "));
        corps.put("objectifsCtg", List.of(""));
        corps.put("modalites", null);
        ChampsFiche champs = ChampsAPlat.depuisMap(ModeleFiche.NATIONAL, corps);

        assertThat(champs.textes()).containsExactly(Map.entry("diagnostic", "constats"));
        assertThat(champs.listes()).containsExactly(Map.entry("publicCible", List.of("Familles")));
        assertThat(ChampsAPlat.depuisMap(ModeleFiche.NATIONAL, null)).isEqualTo(ChampsFiche.VIDES);
    }

    @Test
    void wrong_shapes_are_refused_naming_the_field() {
        assertRefus(Map.of("enjeu", List.of("une", "liste")), "enjeu", "un texte");
        assertRefus(Map.of("publicCible", "Familles"), "publicCible", "une liste de textes");
        assertRefus(Map.of("publicCible", List.of("Familles", 3)), "publicCible", "une liste de textes");
        assertRefus(Map.of("porteurs", "CCBA"), "porteurs", "noms");
        assertRefus(Map.of("porteurs", List.of(Map.of("nom", "CCBA", "organisationId", "douze"))), "porteurs", "organisationId");
        assertRefus(Map.of("indicateurs", List.of("Nombre de familles")), "indicateurs", "libelle");
        assertRefus(Map.of("interet", 5), "interet", "un texte");
    }

    @Test
    void a_null_item_in_a_list_is_refused_naming_the_field() {
        assertRefus(Map.of("publicCible", Arrays.asList("Familles", null)), "publicCible", "une liste de textes");
        List<Object> porteurs = new ArrayList<>();
        porteurs.add(null);
        assertRefus(Map.of("porteurs", porteurs), "porteurs", "noms");
    }

    @Test
    void an_unknown_field_is_refused_with_the_template_name() {
        ErreurValidation erreur = refus(Map.of("budget", "EXISTANT", "enjeu", "ok"), ModeleFiche.NATIONAL);
        assertThat(erreur.erreurs()).singleElement().satisfies(e -> {
            assertThat(e.champ()).isEqualTo("budget");
            assertThat(e.message()).contains("n'existe pas", "Modèle national");
        });
    }

    @Test
    void every_bad_field_is_reported_at_once() {
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("enjeu", 1);
        corps.put("inconnu", "x");
        corps.put("publicCible", "pas une liste");
        assertThat(refus(corps, ModeleFiche.NATIONAL).erreurs()).extracting(ErreurValidation.Erreur::champ)
                .containsExactlyInAnyOrder("enjeu", "inconnu", "publicCible");
    }

    private static void assertRefus(Map<String, Object> corps, String champ, String attendu) {
        ErreurValidation erreur = refus(corps, champ.equals("interet") ? ModeleFiche.NOTE : ModeleFiche.NATIONAL);
        assertThat(erreur.erreurs()).as("%s", corps).singleElement().satisfies(e -> {
            assertThat(e.champ()).isEqualTo(champ);
            assertThat(e.message()).contains("forme inattendue", attendu);
        });
    }

    private static ErreurValidation refus(Map<String, Object> corps, ModeleFiche modele) {
        ErreurValidation erreur = catchThrowableOfType(ErreurValidation.class, () -> ChampsAPlat.depuisMap(modele, corps));
        assertThat(erreur).as("refus attendu pour %s", corps).isNotNull();
        return erreur;
    }
}
