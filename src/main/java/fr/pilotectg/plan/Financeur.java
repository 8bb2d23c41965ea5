package fr.pilotectg.plan;

/** Who pays for a fiche (DOMAIN §4.13): the Caf's three kinds of money, a collectivité or another funder, both named. */
public enum Financeur {
    CAF_PRESTATION_SERVICE("Caf — prestation de service", false),
    BONUS_TERRITOIRE_CTG("Caf — bonus territoire CTG", false),
    BONUS_TRAJECTOIRE("Caf — bonus trajectoire de développement", false),
    COLLECTIVITE("Collectivité", true),
    AUTRE("Autre financeur", true);

    private final String libelle;
    private final boolean nomme;

    Financeur(String libelle, boolean nomme) {
        this.libelle = libelle;
        this.nomme = nomme;
    }

    public String libelle() {
        return libelle;
    }

    /** Whether a line of this funder names it (the collectivité, the other funder). */
    public boolean nomme() {
        return nomme;
    }
}
