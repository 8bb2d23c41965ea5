package fr.pilotectg.importation;

/** The lines {@code debut}..{@code fin} (inclusive, numbers of {@link Ligne#numero()}) an element was read from. */
public record Source(int debut, int fin) {

    public static Source ligne(int numero) {
        return new Source(numero, numero);
    }
}
