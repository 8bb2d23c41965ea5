package fr.pilotectg.avenant;

/** projet → signé (its changes apply, a new version is taken) → en vigueur. */
public enum StatutAvenant {
    PROJET("Projet"), SIGNE("Signé"), EN_VIGUEUR("En vigueur");

    private final String libelle;

    StatutAvenant(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
