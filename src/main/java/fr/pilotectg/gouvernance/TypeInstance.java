package fr.pilotectg.gouvernance;

/** The kinds of governance body a convention sets up (DOMAIN 4.12). */
public enum TypeInstance {
    COPIL("Comité de pilotage"),
    COTECH("Comité technique"),
    COMMISSION("Commission thématique ou territoriale"),
    RESEAU("Réseau"),
    PLENIERE("Plénière ou concertation"),
    AUTRE("Autre instance");

    private final String libelle;

    TypeInstance(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
