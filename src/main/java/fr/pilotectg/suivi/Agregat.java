package fr.pilotectg.suivi;

/** Progress rolled up over a group of fiches (a node of the plan at any level, or a thématique). */
public record Agregat(String niveau, String reference, String titre, int profondeur, int nombreFiches, Integer avancement) {
}
