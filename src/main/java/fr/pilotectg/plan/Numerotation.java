package fr.pilotectg.plan;

/** How the items of one level are numbered. */
public enum Numerotation {
    /** 1, 2, 3… restarting under each parent. */
    PAR_PARENT,
    /** 1, 2, 3… across the whole plan (Aubenas: axes 1–11, fiches 1–32). */
    CONTINUE,
    /** References chosen by the authors ("PE7", "G1"): never renumbered. */
    LIBRE,
    /** No numbering. */
    AUCUNE
}
