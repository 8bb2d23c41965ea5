package fr.pilotectg.plan;

/** One line of a renumbering preview: a node or a fiche, its reference now and after renumbering. */
public record ChangementDeReference(String objet, long id, String niveau, String titre, String ancienne, String nouvelle) {
}
