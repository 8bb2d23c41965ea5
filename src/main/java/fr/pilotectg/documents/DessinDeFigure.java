package fr.pilotectg.documents;

import java.util.ArrayList;
import java.util.List;

/**
 * The layout of a {@link Document.Figure} as an SVG bar chart for the PDF (ADR 0045): each label written whole
 * above its bar, the value at the bar's end, lengths in pixels of the page's width. Sizes are plain pixels (no
 * viewBox: the HTML parser does not keep its case).
 */
record DessinDeFigure(String alt, int largeur, int hauteur, List<Barre> barres) {

    /** About the width of the text block of an A4 portrait page at 96 px per inch. */
    static final int LARGEUR = 600;
    static final int LONGUEUR_MAX = 480;
    static final int PAS = 34;
    static final int EPAISSEUR = 14;
    private static final int CARACTERES = 95;

    /** One bar at height {@code y}; {@code longueur} 0 for a value of 0 or less (its text is still written). */
    record Barre(String libelle, String texte, int y, int longueur) {

        public int yLibelle() {
            return y + 11;
        }

        public int yBarre() {
            return y + 15;
        }

        public int yTexte() {
            return y + 27;
        }

        public int xTexte() {
            return longueur + 6;
        }
    }

    static DessinDeFigure de(Document.Figure figure) {
        double max = figure.valeurs().stream().mapToDouble(Document.Figure.Valeur::nombre).max().orElse(0);
        List<Barre> barres = new ArrayList<>();
        for (int i = 0; i < figure.valeurs().size(); i++) {
            Document.Figure.Valeur v = figure.valeurs().get(i);
            int longueur = max <= 0 ? 0 : (int) Math.round(Math.max(0, v.nombre()) * LONGUEUR_MAX / max);
            barres.add(new Barre(court(v.libelle()), v.texte(), i * PAS, longueur));
        }
        String alt = "Graphique en barres : " + figure.legende() + (figure.unite() == null ? "" : " (" + figure.unite() + ")")
                + ", " + barres.size() + (barres.size() > 1 ? " valeurs" : " valeur") + " ; les valeurs sont dans le tableau qui suit.";
        return new DessinDeFigure(alt, LARGEUR, Math.max(PAS, barres.size() * PAS), barres);
    }

    private static String court(String libelle) {
        return libelle.length() <= CARACTERES ? libelle : libelle.substring(0, CARACTERES - 1) + "…";
    }
}
