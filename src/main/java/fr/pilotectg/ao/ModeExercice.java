package fr.pilotectg.ao;

/** How a collectivité holds one of the four early-childhood competences (DOMAIN §4.11). */
public enum ModeExercice {
    EXERCEE_PAR_LA_COMMUNE("Exercée par la commune"),
    TRANSFEREE_PAR_TOUTES_LES_COMMUNES("Transférée à l'EPCI par toutes les communes"),
    TRANSFEREE_PAR_CERTAINES_COMMUNES("Transférée à l'EPCI par certaines communes"),
    SANS_OBJET("Sans objet");

    private final String libelle;

    ModeExercice(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }

    boolean transferee() {
        return this == TRANSFEREE_PAR_TOUTES_LES_COMMUNES || this == TRANSFEREE_PAR_CERTAINES_COMMUNES;
    }
}
