package fr.pilotectg.ao;

public enum TypeCollectivite {
    EPCI("EPCI"),
    COMMUNE("Commune");

    private final String libelle;

    TypeCollectivite(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
