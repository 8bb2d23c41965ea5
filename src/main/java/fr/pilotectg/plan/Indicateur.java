package fr.pilotectg.plan;

/** An evaluation indicator of a fiche; type is QUANTITATIF or QUALITATIF. */
public record Indicateur(String libelle, String type) {
}
