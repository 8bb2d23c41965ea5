package fr.pilotectg.plan;

/** A count printed by the document ("46 actions et projets"), kept beside the real count. */
public record CompteDeclare(String libelle, int valeur) {
}
