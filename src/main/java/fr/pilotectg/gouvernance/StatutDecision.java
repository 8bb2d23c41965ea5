package fr.pilotectg.gouvernance;

/** Where a decision of a meeting stands. */
public enum StatutDecision {
    A_FAIRE("à faire"),
    EN_COURS("en cours"),
    FAIT("fait"),
    ABANDONNEE("abandonnée");

    private final String libelle;

    StatutDecision(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }

    /** Still to follow: neither done nor abandoned. */
    public boolean aSuivre() {
        return this == A_FAIRE || this == EN_COURS;
    }
}
