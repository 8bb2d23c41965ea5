package fr.pilotectg.pilotage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import fr.pilotectg.shared.FormatFr;

/**
 * Bar charts drawn on the server as SVG, always delivered with their data table: {@link #html()} gives a
 * figure holding the image (role="img", title, aria-label, every value written as text next to its bar) and
 * the same figures as a table with a caption and header cells, so nothing depends on sight or on colour.
 * Colours reach 3:1 against white for the bars and 4.5:1 for the text written on them (WCAG 1.4.3, 1.4.11).
 */
public final class Graphique {

    /** One series of a stacked chart: its name (legend, table header), its colour, and whether it is hatched. */
    public record Serie(String nom, String couleur, boolean hachuree) {

        public Serie(String nom, String couleur) {
            this(nom, couleur, false);
        }
    }

    /** One row: its label and one value per series (a single value for a simple bar chart). */
    public record Ligne(String libelle, List<Double> valeurs) {
    }

    static final String BLEU = "#0b5394";

    /*
     * Phone first: the chart is drawn narrow (360 units wide), each label written whole above its bar, so that at
     * 390 px the SVG is shown at about its own size and its 12-unit text stays about 12 px; on a desktop the figure's
     * width is capped (pilote.css) so the text does not grow much either.
     */
    private static final int LARGEUR = 360;
    private static final int HAUTEUR_BARRE = 20;
    private static final int ECART = 12;
    private static final int INTERLIGNE = 14;
    private static final int MARGE_TOTAL = 76;
    /** Characters of a label line at 12 px across the chart's width. */
    private static final int CARACTERES_PAR_LIGNE = 50;
    private static final Pattern ESPACES = Pattern.compile("\\s+");
    /** "12,5": one per thread, a NumberFormat is costly to build and not thread-safe (a chart writes dozens of values). */
    private static final ThreadLocal<NumberFormat> DECIMAL = ThreadLocal.withInitial(() -> {
        NumberFormat format = NumberFormat.getNumberInstance(FormatFr.FR);
        format.setMaximumFractionDigits(1);
        return format;
    });

    private final String titre;
    private final List<Serie> series;
    private final List<Ligne> lignes;
    private final String unite;
    private final Double maximum;

    private Graphique(String titre, List<Serie> series, List<Ligne> lignes, String unite, Double maximum) {
        this.titre = titre;
        this.series = List.copyOf(series);
        this.lignes = List.copyOf(lignes);
        this.unite = unite;
        this.maximum = maximum;
    }

    /** Horizontal bars of one value per row, on a scale from 0 to {@code maximum} (100 for percentages). */
    public static Graphique barres(String titre, String nomValeur, List<Ligne> lignes, String unite, double maximum) {
        return new Graphique(titre, List.of(new Serie(nomValeur, BLEU)), lignes, unite, maximum);
    }

    /** Horizontal stacked bars: each row's values are stacked in series order, scaled to the largest total. */
    public static Graphique empilees(String titre, List<Serie> series, List<Ligne> lignes, String unite) {
        return new Graphique(titre, series, lignes, unite, null);
    }

    public String titre() {
        return titre;
    }

    public boolean estVide() {
        return lignes.isEmpty();
    }

    public List<Serie> series() {
        return series;
    }

    public List<Ligne> lignes() {
        return lignes;
    }

    /** The chart followed by its data table. */
    public String html() {
        return "<figure class=\"graphique\">" + svg() + table() + "</figure>";
    }

    /**
     * The same drawing for a PDF document (ADR 0045, 0046): sized in pixels without viewBox nor percentage (the
     * document's HTML parser and layout need plain sizes), its alternative text in {@code alt} (the PDF's Figure tag).
     */
    public String svgDuDocument() {
        return svg(false);
    }

    /** What a document says in place of the drawing (PDF Figure /Alt, Word drawing descr). */
    public String texteAlternatif() {
        return (series.size() > 1 ? "Graphique en barres empilées : " : "Graphique en barres : ") + titre
                + (series.size() > 1 ? " (" + String.join(", ", series.stream().map(Serie::nom).toList()) + ")" : "")
                + ", " + lignes.size() + (lignes.size() > 1 ? " lignes" : " ligne") + " ; les valeurs sont dans le tableau qui suit.";
    }

    /** The data table's header: the label, one column per series, and the total of a stacked chart. */
    public List<String> entetes() {
        List<String> entetes = new java.util.ArrayList<>();
        entetes.add("Libellé");
        series.forEach(s -> entetes.add(s.nom()));
        if (series.size() > 1) {
            entetes.add("Total");
        }
        return entetes;
    }

    /** The data table's rows, values written as on the chart ("12,5 %"). */
    public List<List<String>> lignesDuTableau() {
        return lignes.stream().map(ligne -> {
            List<String> cellules = new java.util.ArrayList<>();
            cellules.add(ligne.libelle());
            for (int i = 0; i < series.size(); i++) {
                cellules.add(texte(valeur(ligne, i)));
            }
            if (series.size() > 1) {
                cellules.add(texte(total(ligne)));
            }
            return cellules;
        }).toList();
    }

    /** A value as a number ({@code 0} when missing), for a chart drawn by another renderer (a Word chart). */
    public double valeur(int ligne, int serie) {
        return valeur(lignes.get(ligne), serie);
    }

    /** The scale's maximum (100 for percentages), or null when it follows the largest total. */
    public Double maximum() {
        return maximum;
    }

    String svg() {
        return svg(true);
    }

    private String svg(boolean page) {
        double echelle = maximum != null ? maximum
                : lignes.stream().mapToDouble(l -> total(l)).max().orElse(0);
        echelle = echelle <= 0 ? 1 : echelle;
        List<List<String>> libelles = lignes.stream().map(l -> coupe(l.libelle())).toList();
        String motif = "hachures-" + Integer.toHexString(titre.hashCode());
        StringBuilder corps = new StringBuilder();
        int y = legende(corps, motif) + ECART;
        int largeurBarres = LARGEUR - MARGE_TOTAL;
        for (int n = 0; n < lignes.size(); n++) {
            Ligne ligne = lignes.get(n);
            List<String> morceaux = libelles.get(n);
            // The whole label, wrapped on as many lines as it needs, above its bar.
            corps.append("<text class=\"libelle\" x=\"0\" y=\"").append(y + 11).append("\" font-size=\"12\" fill=\"#212529\">");
            for (int i = 0; i < morceaux.size(); i++) {
                corps.append("<tspan x=\"0\"").append(i == 0 ? "" : " dy=\"" + INTERLIGNE + "\"")
                        .append('>').append(e(morceaux.get(i))).append("</tspan>");
            }
            corps.append("</text>");
            int yBarre = y + morceaux.size() * INTERLIGNE + 3;
            double x = 0;
            for (int i = 0; i < ligne.valeurs().size() && i < series.size(); i++) {
                double valeur = valeur(ligne, i);
                double largeur = valeur / echelle * largeurBarres;
                Serie serie = series.get(i);
                if (largeur > 0) {
                    corps.append("<rect x=\"").append(nombre(x)).append("\" y=\"").append(yBarre).append("\" width=\"").append(nombre(largeur))
                            .append("\" height=\"").append(HAUTEUR_BARRE).append("\" ").append(remplissage(serie, i, motif)).append("/>");
                    if (series.size() > 1 && largeur >= 22) {
                        corps.append("<text x=\"").append(nombre(x + largeur / 2)).append("\" y=\"").append(yBarre + 14)
                                .append("\" text-anchor=\"middle\" font-size=\"12\" ")
                                // Batik (documents) ignores paint-order: its white halo would cover the text, so a document has none.
                                .append(!serie.hachuree() ? "fill=\"#ffffff\"" : page
                                        ? "fill=\"#212529\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"" : "fill=\"#212529\"")
                                .append('>').append(e(texte(valeur))).append("</text>");
                    }
                }
                x += largeur;
            }
            corps.append("<text x=\"").append(nombre(x + 5)).append("\" y=\"").append(yBarre + 14)
                    .append("\" font-size=\"12\" fill=\"#212529\">").append(e(series.size() > 1 ? "total " + texte(total(ligne)) : texte(valeur(ligne, 0))))
                    .append("</text>");
            y = yBarre + HAUTEUR_BARRE + ECART;
        }
        StringBuilder svg = new StringBuilder();
        if (page) {
            svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"graphique-svg\" width=\"100%\" viewBox=\"0 0 ")
                    .append(LARGEUR).append(' ').append(y).append("\" aria-label=\"").append(e(titre))
                    .append(" (données détaillées dans le tableau qui suit)\">");
        } else {
            svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"graphique\" width=\"").append(LARGEUR).append("\" height=\"")
                    .append(y).append("\" alt=\"").append(e(texteAlternatif())).append("\">");
        }
        svg.append("<title>").append(e(titre)).append("</title>");
        motifs(svg, motif);
        return svg.append(corps).append("</svg>").toString();
    }

    private static int hauteurLigne(List<String> morceaux) {
        return Math.max(HAUTEUR_BARRE, morceaux.size() * INTERLIGNE + 4);
    }

    /** A hatched pattern per hatched series, in its colour on white (its outline keeps 3:1 against the page). */
    private void motifs(StringBuilder svg, String motif) {
        if (series.stream().noneMatch(Serie::hachuree)) {
            return;
        }
        svg.append("<defs>");
        for (int i = 0; i < series.size(); i++) {
            Serie serie = series.get(i);
            if (serie.hachuree()) {
                svg.append("<pattern id=\"").append(motif).append('-').append(i)
                        .append("\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\" patternTransform=\"rotate(45)\">")
                        .append("<rect width=\"8\" height=\"8\" fill=\"#ffffff\"/><rect width=\"3\" height=\"8\" fill=\"")
                        .append(serie.couleur()).append("\"/></pattern>");
            }
        }
        svg.append("</defs>");
    }

    private static String remplissage(Serie serie, int i, String motif) {
        return serie.hachuree()
                ? "fill=\"url(#" + motif + "-" + i + ")\" stroke=\"" + serie.couleur() + "\" stroke-width=\"1\""
                : "fill=\"" + serie.couleur() + "\"";
    }

    /** The label cut between words into lines of at most {@link #CARACTERES_PAR_LIGNE} characters (a longer word stays whole). */
    static List<String> coupe(String libelle) {
        List<String> morceaux = new java.util.ArrayList<>();
        StringBuilder courant = new StringBuilder();
        for (String mot : ESPACES.split(libelle.strip())) {
            if (courant.length() > 0 && courant.length() + 1 + mot.length() > CARACTERES_PAR_LIGNE) {
                morceaux.add(courant.toString());
                courant.setLength(0);
            }
            courant.append(courant.length() > 0 ? " " : "").append(mot);
        }
        if (courant.length() > 0 || morceaux.isEmpty()) {
            morceaux.add(courant.toString());
        }
        return morceaux;
    }

    String table() {
        // The table scrolls in its own container on a phone, never the page.
        StringBuilder t = new StringBuilder("<div class=\"table-responsive\" tabindex=\"0\" role=\"region\" aria-label=\"")
                .append(e(titre)).append(" — données (défilement horizontal)\"><table class=\"table table-sm donnees-graphique\"><caption>")
                .append(e(titre)).append(" — données</caption><thead><tr>");
        List<String> entetes = entetes();
        for (int i = 0; i < entetes.size(); i++) {
            t.append("<th scope=\"col\"").append(i == 0 ? "" : " class=\"text-end\"").append('>').append(e(entetes.get(i))).append("</th>");
        }
        t.append("</tr></thead><tbody>");
        for (List<String> ligne : lignesDuTableau()) {
            t.append("<tr><th scope=\"row\">").append(e(ligne.get(0))).append("</th>");
            ligne.subList(1, ligne.size()).forEach(c -> t.append("<td class=\"text-end\">").append(e(c)).append("</td>"));
            t.append("</tr>");
        }
        return t.append("</tbody></table></div>").toString();
    }

    /** The legend, its entries wrapped on as many rows as the width needs; returns the height it takes. */
    private int legende(StringBuilder svg, String motif) {
        if (series.size() < 2) {
            return 0;
        }
        int x = 0;
        int y = 4;
        for (int i = 0; i < series.size(); i++) {
            Serie serie = series.get(i);
            int largeur = 24 + (int) Math.ceil(serie.nom().length() * 6.6);
            if (x > 0 && x + largeur > LARGEUR) {
                x = 0;
                y += 20;
            }
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"14\" height=\"14\" ").append(remplissage(serie, i, motif)).append("/>")
                    .append("<text x=\"").append(x + 19).append("\" y=\"").append(y + 12).append("\" font-size=\"12\" fill=\"#212529\">").append(e(serie.nom())).append("</text>");
            x += largeur;
        }
        return y + 18;
    }

    private static double valeur(Ligne ligne, int i) {
        Double v = i < ligne.valeurs().size() ? ligne.valeurs().get(i) : null;
        return v == null ? 0 : v;
    }

    private static double total(Ligne ligne) {
        return ligne.valeurs().stream().mapToDouble(v -> v == null ? 0 : v).sum();
    }

    private String texte(double valeur) {
        String nombre = DECIMAL.get().format(valeur);
        return unite == null || unite.isEmpty() ? nombre : nombre + "\u00a0" + unite;
    }

    /** One decimal, a point, as {@code String.format(Locale.ROOT, "%.1f", valeur)} writes it, without a Formatter per value. */
    static String nombre(double valeur) {
        if (Double.isNaN(valeur) || Double.isInfinite(valeur) || Math.copySign(1.0, valeur) < 0) {
            return String.format(Locale.ROOT, "%.1f", valeur);
        }
        // The formatter rounds the shortest decimal form of the double half up, which is what BigDecimal.valueOf starts from.
        return BigDecimal.valueOf(valeur).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    private static String e(String texte) {
        return texte.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
