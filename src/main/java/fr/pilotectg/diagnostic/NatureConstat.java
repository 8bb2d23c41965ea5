package fr.pilotectg.diagnostic;

/** What a sentence of the qualitative diagnostic is: an enjeu, a besoin, or one of the four AFOM boxes. */
public enum NatureConstat {
    ENJEU("Enjeux"),
    BESOIN("Besoins"),
    ATOUT("Atouts"),
    FAIBLESSE("Faiblesses"),
    OPPORTUNITE("Opportunités"),
    MENACE("Menaces");

    private final String libelle;

    NatureConstat(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }

    public boolean estAfom() {
        return this != ENJEU && this != BESOIN;
    }
}
