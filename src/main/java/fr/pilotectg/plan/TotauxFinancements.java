package fr.pilotectg.plan;

import java.util.List;

/**
 * The money of a plan added up (issue 10 item 7): for the convention, per year, per funder, per node (its fiches at
 * any depth) and for the fiches outside any node. Amounts in cents; deleted fiches never count.
 */
public record TotauxFinancements(long conventionId, String conventionTitre, List<Integer> annees, Total total, List<TotalAnnee> parAnnee,
                                 List<TotalFinanceur> parFinanceur, List<TotalNoeud> noeuds, Total horsAxe, int fichesFinancees) {

    /** Planned and actual cents. */
    public record Total(long prevuCentimes, long realiseCentimes) {

        static final Total ZERO = new Total(0, 0);

        Total plus(Financement f) {
            return new Total(prevuCentimes + (f.prevuCentimes() == null ? 0 : f.prevuCentimes()),
                    realiseCentimes + (f.realiseCentimes() == null ? 0 : f.realiseCentimes()));
        }

        Total plus(Total t) {
            return new Total(prevuCentimes + t.prevuCentimes, realiseCentimes + t.realiseCentimes);
        }

        public String prevu() {
            return Montants.texte(prevuCentimes);
        }

        public String realise() {
            return Montants.texte(realiseCentimes);
        }
    }

    public record TotalAnnee(int annee, Total total) {
    }

    public record TotalFinanceur(Financeur financeur, String nom, Total total) {

        public String libelle() {
            return financeur.libelle() + (nom == null ? "" : " : " + nom);
        }
    }

    /** A node of the plan, {@code profondeur} 0 for the top level, with the total of all the fiches under it. */
    public record TotalNoeud(long id, Long parentId, int profondeur, String niveau, String reference, String titre, Total total) {
    }
}
