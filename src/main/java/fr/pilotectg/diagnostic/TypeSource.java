package fr.pilotectg.diagnostic;

public enum TypeSource {
    STATISTIQUE("Données statistiques"),
    ENQUETE("Enquête"),
    ATELIER("Atelier"),
    AUTRE("Autre");

    private final String libelle;

    TypeSource(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
