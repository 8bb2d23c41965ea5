package fr.pilotectg.diagnostic;

/** Kinds of accueil de loisirs, the lines the recap of the diagnostic adds up. */
public enum CategorieAlsh {
    PERISCOLAIRE("Périscolaire"),
    EXTRASCOLAIRE("Extrascolaire (hors scouts)"),
    EXTRASCOLAIRE_SCOUT("Extrascolaire scouts"),
    ADOS("Accueil ados");

    private final String libelle;

    CategorieAlsh(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
