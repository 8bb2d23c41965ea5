package fr.pilotectg.diagnostic;

/** Kinds of territory a value is about, in the order comparators are shown: the territory first, France last. */
public enum TypeTerritoire {
    EPCI("EPCI"),
    SOUS_TERRITOIRE("Partie du territoire"),
    COMMUNE("Commune"),
    QPV("Quartier prioritaire (QPV)"),
    BASSIN_DE_VIE("Bassin de vie"),
    DEPARTEMENT("Département"),
    FRANCE("France"),
    AUTRE("Autre comparateur");

    private final String libelle;

    TypeTerritoire(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
