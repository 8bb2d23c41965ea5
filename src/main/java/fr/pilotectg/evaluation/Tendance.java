package fr.pilotectg.evaluation;

import java.math.BigDecimal;

/** How an indicator moved between its two latest numeric values (markers are skipped, never read as 0). */
public record Tendance(Sens sens, int anneePrecedente, BigDecimal precedente, int annee, BigDecimal derniere) {

    public enum Sens {
        HAUSSE("en hausse", "↗"), BAISSE("en baisse", "↘"), STABLE("stable", "→");

        private final String libelle;
        private final String fleche;

        Sens(String libelle, String fleche) {
            this.libelle = libelle;
            this.fleche = fleche;
        }

        public String libelle() {
            return libelle;
        }

        public String fleche() {
            return fleche;
        }
    }

    static Tendance entre(int anneePrecedente, BigDecimal precedente, int annee, BigDecimal derniere) {
        int comparaison = derniere.compareTo(precedente);
        Sens sens = comparaison > 0 ? Sens.HAUSSE : comparaison < 0 ? Sens.BAISSE : Sens.STABLE;
        return new Tendance(sens, anneePrecedente, precedente, annee, derniere);
    }

    /** "en hausse : 12 en 2026 → 15 en 2027". */
    public String texte() {
        return sens.libelle() + " : " + ValeurIndicateur.nombreFr(precedente) + " en " + anneePrecedente + " → "
                + ValeurIndicateur.nombreFr(derniere) + " en " + annee;
    }
}
