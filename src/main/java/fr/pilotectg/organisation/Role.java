package fr.pilotectg.organisation;

/** What a user may do; the convention feature turns it into rights on each convention. */
public enum Role {
    ADMIN("Administrateur"),
    AGENT_CAF("Agent Caf"),
    CHARGE_COOPERATION("Chargé(e) de coopération"),
    PORTEUR("Porteur d'action"),
    LECTEUR("Lecteur");

    private final String libelle;

    Role(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
