package fr.pilotectg.pilotage;

/** The status of a fiche in a year of the period, as the annual evaluation grid names it. */
public enum StatutEffectif {
    REALISE("réalisé", "#1e6b30"),
    EN_COURS("en cours de réalisation", "#8a4b00"),
    NON_REALISE("non réalisé", "#a4262c"),
    NON_CONCERNE("non concerné", "#5c636a");

    private final String libelle;
    private final String couleur;

    StatutEffectif(String libelle, String couleur) {
        this.libelle = libelle;
        this.couleur = couleur;
    }

    public String libelle() {
        return libelle;
    }

    public String couleur() {
        return couleur;
    }

    Graphique.Serie serie() {
        return new Graphique.Serie(libelle, couleur);
    }
}
