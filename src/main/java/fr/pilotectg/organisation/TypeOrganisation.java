package fr.pilotectg.organisation;

public enum TypeOrganisation {
    CAF("Caf"),
    EPCI("EPCI"),
    COMMUNE("Commune"),
    DEPARTEMENT("Département"),
    ASSOCIATION("Association"),
    CENTRE_SOCIAL("Centre social"),
    ETAT("Service de l'État"),
    AUTRE("Autre");

    private final String libelle;

    TypeOrganisation(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
