package fr.pilotectg.gouvernance;

/** What an attachment is, for sorting and display. */
public enum CategoriePiece {
    CONVENTION_SIGNEE("Convention signée"),
    DELIBERATION("Délibération"),
    COMPTE_RENDU("Compte rendu"),
    AUTRE("Autre document");

    private final String libelle;

    CategoriePiece(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
