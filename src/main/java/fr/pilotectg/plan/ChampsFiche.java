package fr.pilotectg.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The template fields of a fiche, grouped by kind so that each keeps its type in storage (JSON):
 * texts and single vocabulary codes, lists (items, territories, vocabulary codes), organisations,
 * indicators. Keys are those of the convention's {@link ModeleFiche}.
 */
public record ChampsFiche(Map<String, String> textes, Map<String, List<String>> listes,
                          Map<String, List<OrganisationCitee>> organisations, Map<String, List<Indicateur>> indicateurs) {

    public static final ChampsFiche VIDES = new ChampsFiche(Map.of(), Map.of(), Map.of(), Map.of());

    public ChampsFiche {
        textes = textes == null ? Map.of() : Map.copyOf(textes);
        listes = listes == null ? Map.of() : Map.copyOf(listes);
        organisations = organisations == null ? Map.of() : Map.copyOf(organisations);
        indicateurs = indicateurs == null ? Map.of() : Map.copyOf(indicateurs);
    }

    /** Fields given as one flat object keyed by field, as the API and the demo fixtures write them. */
    public static ChampsFiche depuis(ModeleFiche modele, Map<String, Object> valeurs) {
        return ChampsAPlat.depuisMap(modele, valeurs);
    }

    public String texte(String cle) {
        return textes.get(cle);
    }

    public List<String> liste(String cle) {
        return listes.getOrDefault(cle, List.of());
    }

    public List<OrganisationCitee> organisations(String cle) {
        return organisations.getOrDefault(cle, List.of());
    }

    public List<Indicateur> indicateurs(String cle) {
        return indicateurs.getOrDefault(cle, List.of());
    }

    /** Whether the fiche has a value for this field; a missing field is shown as such, not as an error. */
    public boolean renseigne(String cle) {
        return textes.containsKey(cle) || !liste(cle).isEmpty() || !organisations(cle).isEmpty() || !indicateurs(cle).isEmpty();
    }

    public ChampsFiche avecOrganisations(String cle, List<OrganisationCitee> nouvelles) {
        Map<String, List<OrganisationCitee>> copie = new LinkedHashMap<>(organisations);
        copie.put(cle, List.copyOf(nouvelles));
        return new ChampsFiche(textes, listes, copie, indicateurs);
    }

    /** All the words of the fields, for full-text search. */
    String texteIntegral() {
        List<String> morceaux = new ArrayList<>(textes.values());
        listes.values().forEach(morceaux::addAll);
        organisations.values().stream().flatMap(List::stream).map(OrganisationCitee::nom).forEach(morceaux::add);
        indicateurs.values().stream().flatMap(List::stream).map(Indicateur::libelle).forEach(morceaux::add);
        return String.join(" \n ", morceaux);
    }

    Stream<String> cles() {
        return Stream.of(textes.keySet(), listes.keySet(), organisations.keySet(), indicateurs.keySet()).flatMap(Set::stream);
    }
}
