package fr.pilotectg.shared.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One field that changed in a write: its label, the value before and after (as shown to users).
 * For a list field (parties, communes…) "avant" holds only the items removed and "apres" the items added.
 */
public record Changement(String champ, String avant, String apres) {

    /** The fields that differ between two labelled snapshots; values are texts or lists of texts. */
    public static List<Changement> entre(Map<String, ?> avant, Map<String, ?> apres) {
        Set<String> champs = new LinkedHashSet<>(avant.keySet());
        champs.addAll(apres.keySet());
        List<Changement> changements = new ArrayList<>();
        for (String champ : champs) {
            Object a = avant.get(champ);
            Object b = apres.get(champ);
            if (a instanceof Collection<?> || b instanceof Collection<?>) {
                List<String> retires = sauf(a, b);
                List<String> ajoutes = sauf(b, a);
                if (!retires.isEmpty() || !ajoutes.isEmpty()) {
                    changements.add(new Changement(champ, texte(retires), texte(ajoutes)));
                }
            } else if (!Objects.equals(a, b)) {
                changements.add(new Changement(champ, (String) a, (String) b));
            }
        }
        return changements;
    }

    private static List<String> sauf(Object liste, Object autre) {
        List<String> elements = liste == null ? List.of() : ((Collection<?>) liste).stream().map(String::valueOf).toList();
        Collection<?> exclus = autre == null ? List.of() : (Collection<?>) autre;
        return elements.stream().filter(e -> !exclus.contains(e)).toList();
    }

    private static String texte(List<String> elements) {
        return elements.isEmpty() ? null : String.join(" ; ", elements);
    }
}
