package fr.pilotectg.diagnostic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart drawn by the server as SVG: each bar carries its label and value as text, a marker
 * ("&lt;5") gets no bar but its text. The page puts the same figures in a data table next to it.
 */
public record Graphique(String titre, int largeur, int hauteur, List<Barre> barres) {

    // Phone first: a narrow chart (its label above the bar) keeps its text near its own size at 390 px.
    static final int LARGEUR = 360;
    static final int DEBUT_BARRES = 0;
    static final int LONGUEUR_MAX = 220;
    static final int PAS = 44;

    /** A bar at height {@code y}: its label, its value as text, its length in pixels (0 for a marker). */
    public record Barre(String libelle, String texte, int y, int longueur) {

        public int yTexte() {
            return y + 33;
        }

        public int yLibelle() {
            return y + 13;
        }

        public int xValeur() {
            return DEBUT_BARRES + longueur + 6;
        }
    }

    /** One entry of the chart; {@code valeur} may be a marker. */
    record Entree(String libelle, Valeur valeur, String unite) {
    }

    static Graphique barres(String titre, List<Entree> entrees) {
        BigDecimal max = entrees.stream().filter(e -> e.valeur().estNombre()).map(e -> e.valeur().nombre().abs())
                .reduce(BigDecimal.ZERO, BigDecimal::max);
        List<Barre> barres = new ArrayList<>();
        for (int i = 0; i < entrees.size(); i++) {
            Entree e = entrees.get(i);
            int longueur = !e.valeur().estNombre() || max.signum() == 0 ? 0
                    : e.valeur().nombre().abs().multiply(BigDecimal.valueOf(LONGUEUR_MAX)).divide(max, 0, RoundingMode.HALF_UP).intValue();
            String texte = e.valeur().estNombre() ? Total.avecUnite(e.valeur().texte(), e.unite())
                    : e.valeur().texte() + " (" + e.valeur().marqueur().libelle() + ")";
            barres.add(new Barre(court(e.libelle()), texte, i * PAS, longueur));
        }
        return new Graphique(titre, LARGEUR, Math.max(PAS, entrees.size() * PAS), barres);
    }

    public int debutBarres() {
        return DEBUT_BARRES;
    }

    public int xLibelle() {
        return 0;
    }

    private static String court(String libelle) {
        return libelle.length() <= 56 ? libelle : libelle.substring(0, 54) + "…";
    }
}
