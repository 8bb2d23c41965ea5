package fr.pilotectg.plan;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;

/**
 * The inputs of a convention's added fields in a page form (the fiche form and the fiche's added-fields page): one
 * input named {@code prefixe + key} per field, a list one item per line, several choices as ticked boxes.
 */
final class FormulaireChampsAjoutes {

    private FormulaireChampsAjoutes() {
    }

    /** Stored values as the inputs show them, by key: "oui"/"non", one item per line, the number with a comma. */
    static Map<String, Object> saisie(List<ChampAjoute> champs, Map<String, Object> valeurs) {
        Map<String, Object> saisie = new LinkedHashMap<>();
        champs.forEach(c -> saisie.put(c.cle(), versSaisie(c, valeurs.get(c.cle()))));
        return saisie;
    }

    /** What the user typed, by key, to show it back after a refused save. */
    static Map<String, Object> saisie(List<ChampAjoute> champs, MultiValueMap<String, String> formulaire, String prefixe) {
        Map<String, Object> saisie = new LinkedHashMap<>();
        for (ChampAjoute c : champs) {
            List<String> v = formulaire.getOrDefault(prefixe + c.cle(), List.of());
            saisie.put(c.cle(), c.type() == TypeChampAjoute.CHOIX_MULTIPLE ? v : v.isEmpty() ? "" : v.get(0));
        }
        return saisie;
    }

    /**
     * The values sent, by key, as {@link ChampsAjoutes#separer} checks them: a list for a list or several choices, a
     * text otherwise; an empty input (or no box ticked) is null, which empties the field.
     */
    static Map<String, Object> envoyes(List<ChampAjoute> champs, MultiValueMap<String, String> formulaire, String prefixe) {
        Map<String, Object> envoyes = new LinkedHashMap<>();
        for (ChampAjoute c : champs) {
            List<String> v = formulaire.getOrDefault(prefixe + c.cle(), List.of());
            envoyes.put(c.cle(), c.type() == TypeChampAjoute.CHOIX_MULTIPLE ? v
                    : c.type() == TypeChampAjoute.LISTE ? lignes(v.isEmpty() ? null : v.get(0))
                    : v.isEmpty() ? null : v.get(0));
        }
        return envoyes;
    }

    private static Object versSaisie(ChampAjoute c, Object valeur) {
        if (valeur == null) {
            return c.type() == TypeChampAjoute.CHOIX_MULTIPLE ? List.of() : "";
        }
        if (valeur instanceof Boolean b) {
            return b ? "oui" : "non";
        }
        if (valeur instanceof List<?> l) {
            return c.type() == TypeChampAjoute.LISTE ? String.join("\n", l.stream().map(String::valueOf).toList()) : l;
        }
        return c.afficher(valeur);
    }

    static List<String> lignes(String texte) {
        return texte == null ? List.of() : Arrays.stream(texte.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
