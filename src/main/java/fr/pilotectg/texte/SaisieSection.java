package fr.pilotectg.texte;

/** One section as typed in the edit form or sent to the API: nature (PREAMBULE, ARTICLE, CLAUSE), title, rich text. */
public record SaisieSection(String nature, String titre, String texte) {
}
