package fr.pilotectg.ao;

/**
 * Reading form values: null for a blank or forged value, so that the service refuses it as a missing
 * field with its own message instead of the page failing.
 */
final class ValeursDeFormulaire {

    private ValeursDeFormulaire() {
    }

    static Integer entier(String texte) {
        try {
            return texte == null || texte.isBlank() ? null : Integer.valueOf(texte.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static <E extends Enum<E>> E choix(Class<E> type, String texte) {
        try {
            return texte == null || texte.isBlank() ? null : Enum.valueOf(type, texte);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
