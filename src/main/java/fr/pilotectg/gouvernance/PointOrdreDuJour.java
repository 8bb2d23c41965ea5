package fr.pilotectg.gouvernance;

/** An agenda item: free text, optionally about a fiche action (its reference as printed) or an evaluation year. */
public record PointOrdreDuJour(String texte, String fiche, Integer annee) {
}
