package fr.pilotectg.shared.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** One field that changed in a write: its label, the value before and after (as shown to users). */
public record Changement(String champ, String avant, String apres) {

    /** The fields whose value differs between two labelled snapshots of the same object. */
    public static List<Changement> entre(Map<String, String> avant, Map<String, String> apres) {
        Set<String> champs = new LinkedHashSet<>(avant.keySet());
        champs.addAll(apres.keySet());
        List<Changement> changements = new ArrayList<>();
        for (String champ : champs) {
            String a = avant.get(champ);
            String b = apres.get(champ);
            if (!Objects.equals(a, b)) {
                changements.add(new Changement(champ, a, b));
            }
        }
        return changements;
    }
}
