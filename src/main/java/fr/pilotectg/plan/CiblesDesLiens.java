package fr.pilotectg.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What fiches and plan nodes may be linked to (issue 11 item 2): the items of the convention's reference frameworks and
 * its objectifs conjoints. Those belong to features that sit above the plan (they read the plan or the diagnostic), so
 * the plan declares what it needs here and they implement it ({@code texte.CiblesDuTexte}); the plan never imports them.
 */
public interface CiblesDesLiens {

    /** The possible targets of the convention's links, in document order; read with the convention's readers' rights. */
    Cibles cibles(long conventionId);

    /** One possible target: its id and its label as printed ("1.2 Développer l'offre"); {@code niveau} 1 for a sub-item. */
    record Cible(long id, String libelle, int niveau) {
    }

    /** A framework and its items, or a group of signatories and its objectifs conjoints. */
    record Groupe(String nom, List<Cible> cibles) {

        public Groupe {
            cibles = List.copyOf(cibles);
        }
    }

    record Cibles(List<Groupe> referentiels, List<Groupe> objectifs) {

        public static final Cibles AUCUNE = new Cibles(List.of(), List.of());

        public Cibles {
            referentiels = List.copyOf(referentiels);
            objectifs = List.copyOf(objectifs);
        }

        public boolean vide() {
            return referentiels.stream().allMatch(g -> g.cibles().isEmpty()) && objectifs.stream().allMatch(g -> g.cibles().isEmpty());
        }

        /** Only the targets linked by {@code liens}, groups left empty omitted (for reading). */
        public Cibles retenues(Liens liens) {
            return new Cibles(
                    referentiels.stream().map(g -> new Groupe(g.nom(), g.cibles().stream().filter(c -> liens.contientElement(c.id())).toList()))
                            .filter(g -> !g.cibles().isEmpty()).toList(),
                    objectifs.stream().map(g -> new Groupe(g.nom(), g.cibles().stream().filter(c -> liens.contientObjectif(c.id())).toList()))
                            .filter(g -> !g.cibles().isEmpty()).toList());
        }

        /** "Framework — item" by item id. */
        public Map<Long, String> libellesReferentiels() {
            return libelles(referentiels);
        }

        /** "Group — objectif" by objectif id. */
        public Map<Long, String> libellesObjectifs() {
            return libelles(objectifs);
        }

        private static Map<Long, String> libelles(List<Groupe> groupes) {
            Map<Long, String> m = new LinkedHashMap<>();
            groupes.forEach(g -> g.cibles().forEach(c -> m.put(c.id(), g.nom() + " — " + c.libelle())));
            return m;
        }
    }
}
