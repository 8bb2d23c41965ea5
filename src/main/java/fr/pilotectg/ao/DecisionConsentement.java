package fr.pilotectg.ao;

public enum DecisionConsentement {
    DONNE("Consentement donné"),
    REFUSE("Consentement refusé");

    private final String libelle;

    DecisionConsentement(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
