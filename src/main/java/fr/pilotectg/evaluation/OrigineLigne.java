package fr.pilotectg.evaluation;

/** Where the content of a grid line comes from (see {@link LigneEvaluation}). */
public enum OrigineLigne {
    /** Saved in the grid by a user. */
    ENREGISTRE,
    /** Pre-filled from the last follow-up of the fiche in the year. */
    SUIVI,
    /** Nothing saved nor followed up: non concerné when the fiche is not planned that year, else to fill in. */
    DEFAUT,
    /** Rolled up from the lines of the fiche's sub-actions (ADR 0038), the fiche's own line not being saved. */
    SOUS_ACTIONS
}
