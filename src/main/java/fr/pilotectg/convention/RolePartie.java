package fr.pilotectg.convention;

public enum RolePartie {
    SIGNATAIRE("Signataire"),
    ASSOCIEE("Associée (sans signer)");

    private final String libelle;

    RolePartie(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
