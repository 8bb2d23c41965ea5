package fr.pilotectg.plan;

/** One level of a plan's hierarchy, named by the convention ("Axe stratégique", "ENJEU"). */
public record Niveau(int rang, String nom, Numerotation numerotation, String prefixe) {

    public String reference(int numero) {
        return switch (numerotation) {
            case PAR_PARENT, CONTINUE -> (prefixe == null ? "" : prefixe) + numero;
            case LIBRE, AUCUNE -> null;
        };
    }

    public boolean renumerote() {
        return numerotation == Numerotation.PAR_PARENT || numerotation == Numerotation.CONTINUE;
    }
}
