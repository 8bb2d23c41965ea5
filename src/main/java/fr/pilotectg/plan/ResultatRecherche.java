package fr.pilotectg.plan;

/** A fiche found by the full-text search; the excerpt marks the matched words with {@code <mark>}. */
public record ResultatRecherche(long ficheId, String reference, String titre, String extrait) {
}
