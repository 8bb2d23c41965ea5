package fr.pilotectg.plan;

import java.util.List;

/** A node of the plan above the fiches: thématique, axe, enjeu, objectif stratégique… */
public record Noeud(Long id, long conventionId, Long parentId, int rang, int ordre, String reference, String titre,
                    String texte, List<String> objectifs, CompteDeclare compteDeclare, int version) {

    public Noeud {
        objectifs = objectifs == null ? List.of() : List.copyOf(objectifs);
    }

    Noeud deplace(Long nouveauParent, int nouvelOrdre) {
        return new Noeud(id, conventionId, nouveauParent, rang, nouvelOrdre, reference, titre, texte, objectifs, compteDeclare, version);
    }
}
