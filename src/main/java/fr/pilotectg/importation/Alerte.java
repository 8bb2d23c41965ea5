package fr.pilotectg.importation;

/**
 * Something the review must look at: a name not resolved to the referential ({@code NOM_NON_RESOLU}, with
 * candidates in the message), a printed total that differs from what was found ({@code TOTAL_DIFFERENT}), a fiche
 * field found in no template ({@code CHAMP_HORS_MODELE}), a value that could not be read ({@code ILLISIBLE}), a member of a
 * governance body the document does not print but a CTG implies ({@code DEDUIT}).
 */
public record Alerte(String type, String message, Source source) {
}
