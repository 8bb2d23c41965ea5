package fr.pilotectg.importation;

/**
 * Accuracy of one kind of element (parties, fiches, programme cells…) in one import, against a hand-made expected
 * result: {@code justes} of the {@code trouves} elements are right, out of {@code attendus} expected.
 * The score is right / max(found, expected): missing and invented elements both lower it.
 */
public record Score(String document, String type, int trouves, int attendus, int justes) {

    public double valeur() {
        int base = Math.max(trouves, attendus);
        return base == 0 ? 1.0 : (double) justes / base;
    }
}
