package fr.pilotectg.plan;

import java.util.List;

/**
 * A node of the plan above the fiches: thématique, axe, enjeu, objectif stratégique… Its heading may be missing
 * (the source document lost it): then {@code titre} reads {@link #INTITULE_MANQUANT} and {@code intituleManquant} is set.
 */
public record Noeud(Long id, long conventionId, Long parentId, int rang, int ordre, String reference, String titre,
                    String texte, List<String> objectifs, CompteDeclare compteDeclare, int version, String contexte,
                    boolean intituleManquant) {

    public static final String INTITULE_MANQUANT = "(intitulé manquant)";

    public Noeud {
        objectifs = objectifs == null ? List.of() : List.copyOf(objectifs);
        if (titre == null || titre.isBlank()) {
            titre = INTITULE_MANQUANT;
            intituleManquant = true;
        }
        if (intituleManquant) {
            titre = INTITULE_MANQUANT;
        }
    }

    public Noeud(Long id, long conventionId, Long parentId, int rang, int ordre, String reference, String titre,
                 String texte, List<String> objectifs, CompteDeclare compteDeclare, int version) {
        this(id, conventionId, parentId, rang, ordre, reference, titre, texte, objectifs, compteDeclare, version, null, false);
    }

    Noeud avecReference(String nouvelle) {
        return new Noeud(id, conventionId, parentId, rang, ordre, nouvelle, titre, texte, objectifs, compteDeclare, version,
                contexte, intituleManquant);
    }

    Noeud deplace(Long nouveauParent, int nouvelOrdre) {
        return new Noeud(id, conventionId, nouveauParent, rang, nouvelOrdre, reference, titre, texte, objectifs, compteDeclare,
                version, contexte, intituleManquant);
    }
}
