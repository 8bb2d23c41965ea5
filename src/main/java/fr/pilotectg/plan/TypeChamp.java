package fr.pilotectg.plan;

/** How a fiche field is typed, edited and validated. */
public enum TypeChamp {
    /** Free text (summaries, enjeu, contexte). */
    TEXTE,
    /** A list of short free items (objectives, results, public cible as written). */
    LISTE,
    /** One value of a vocabulary. */
    VOCABULAIRE,
    /** Several values of a vocabulary. */
    VOCABULAIRES,
    /** Organisations: linked to the referential of organisations, or free text until linked. */
    ORGANISATIONS,
    /** Territories as written (EPCI, communes, bassins de vie). */
    TERRITOIRES,
    /** Indicators, each quantitative or qualitative. */
    INDICATEURS
}
