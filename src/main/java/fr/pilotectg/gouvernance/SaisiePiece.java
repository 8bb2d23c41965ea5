package fr.pilotectg.gouvernance;

/**
 * An uploaded attachment as received: the file (name and bytes, null when the field is missing) and the form's fields
 * as typed (the category, an optional label, an optional date of the document, an optional meeting or délibération).
 */
public record SaisiePiece(String nomFichier, byte[] contenu, String categorie, String libelle, String dateDocument,
                          String reunionId, String deliberationOrganisationId) {
}
