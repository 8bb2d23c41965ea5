package fr.pilotectg.convention;

/** How the convention may be renewed, as its "durée" article states it. */
public enum Reconduction {
    EXPRESSE("par reconduction expresse uniquement"),
    TACITE("par tacite reconduction"),
    AUCUNE("non reconductible");

    private final String libelle;

    Reconduction(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
