package fr.pilotectg.importation;

import fr.pilotectg.shared.ErreurValidation;

/** An uploaded file the importer cannot read (not a document, too big, no text, no convention): a French 400 on {@code fichier}. */
final class ImportRefuse {

    static final String CHAMP = "fichier";

    private ImportRefuse() {
    }

    static ErreurValidation parce(String message) {
        return new ErreurValidation(CHAMP, message);
    }
}
