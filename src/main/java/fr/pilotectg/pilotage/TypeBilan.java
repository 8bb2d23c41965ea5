package fr.pilotectg.pilotage;

import java.util.Arrays;

import fr.pilotectg.shared.Introuvable;

/** The two bilans of Article 9: mid-term (first half of the period, up to the mid year) and final (all years). */
public enum TypeBilan {
    INTERMEDIAIRE("intermediaire", "Bilan intermédiaire", "Première moitié de la période, jusqu'à l'année de mi-parcours incluse."),
    FINAL("final", "Bilan final", "Toutes les années de la période, pour préparer le renouvellement.");

    private final String chemin;
    private final String libelle;
    private final String description;

    TypeBilan(String chemin, String libelle, String description) {
        this.chemin = chemin;
        this.libelle = libelle;
        this.description = description;
    }

    public String description() {
        return description;
    }

    public String chemin() {
        return chemin;
    }

    public String libelle() {
        return libelle;
    }

    static TypeBilan depuisChemin(String chemin) {
        return Arrays.stream(values()).filter(t -> t.chemin.equals(chemin)).findFirst()
                .orElseThrow(() -> new Introuvable("Bilan « " + chemin + " » inconnu : intermediaire ou final."));
    }

    /** Last year covered for a period of these years: the mid year (2028 for 2026-2030, 2027 for 2026-2029) or the end. */
    int derniereAnnee(int debut, int fin) {
        return this == FINAL ? fin : debut + (fin - debut) / 2;
    }
}
