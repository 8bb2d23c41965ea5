package fr.pilotectg.texte;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The objectifs conjoints of a convention, with the names of the parties, grouped by group of signatories. */
public record ObjectifsConjoints(long conventionId, int version, List<ObjectifConjoint> objectifs,
                                 Map<Long, String> nomsDesParties, boolean modifiable) {

    /** One group of signatories and the objectifs that bind exactly that group, in document order. */
    public record Groupe(String libelle, List<Long> organisations, List<ObjectifConjoint> objectifs) {
    }

    public List<Groupe> groupes() {
        Map<List<Long>, List<ObjectifConjoint>> parGroupe = new LinkedHashMap<>();
        for (ObjectifConjoint o : objectifs) {
            parGroupe.computeIfAbsent(o.organisations().stream().sorted().toList(), k -> new ArrayList<>()).add(o);
        }
        return parGroupe.entrySet().stream().map(e -> new Groupe(libelle(e.getValue().get(0)), e.getKey(), e.getValue())).toList();
    }

    /** The names of the parties of a group, in the order given. */
    public String noms(List<Long> organisations) {
        return String.join(", ", organisations.stream().map(id -> nomsDesParties.getOrDefault(id, "organisation " + id)).toList());
    }

    /** The printed group name, else "Pour " and the parties' names. */
    public String libelle(ObjectifConjoint objectif) {
        if (objectif.libelleGroupe() != null) {
            return objectif.libelleGroupe();
        }
        return "Pour " + String.join(", ", objectif.organisations().stream()
                .map(id -> nomsDesParties.getOrDefault(id, "organisation " + id)).toList());
    }
}
