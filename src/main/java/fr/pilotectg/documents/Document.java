package fr.pilotectg.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One document, assembled once from the features' public services, rendered to DOCX and to PDF by
 * {@link RenduDocx} and {@link RenduPdf} (ADR 0019). {@code filigrane} prints "Version de travail" on every page;
 * {@code paysage} lays every page out in landscape.
 */
public record Document(String titre, String sousTitre, boolean filigrane, boolean paysage, List<Bloc> blocs) {

    public static final String FILIGRANE = "Version de travail — non signée";

    public Document {
        blocs = List.copyOf(blocs);
    }

    /** A portrait document (its landscape tables get landscape pages of their own). */
    public Document(String titre, String sousTitre, boolean filigrane, List<Bloc> blocs) {
        this(titre, sousTitre, filigrane, false, blocs);
    }

    /** Every text the document prints, in order: what both renderers must show (ADR 0019). */
    public List<String> textes() {
        List<String> textes = new ArrayList<>();
        textes.add(titre);
        if (sousTitre != null) {
            textes.add(sousTitre);
        }
        blocs.forEach(b -> textes.addAll(b.textes()));
        return textes.stream().filter(t -> t != null && !t.isBlank()).toList();
    }

    /** A block of the document. {@code genre()} lets the PDF template choose its fragment. */
    public sealed interface Bloc permits Titre, Paragraphe, TexteRiche, Liste, Tableau, SautDePage, BlocSignature, Figure, Diagramme {

        String genre();

        List<String> textes();
    }

    /** A heading of level 1 to 3 (Titre 1–3 in Word, h1–h3 in the PDF). */
    public record Titre(int niveau, String texte) implements Bloc {
        public Titre {
            niveau = Math.max(1, Math.min(3, niveau));
        }

        public String genre() {
            return "titre";
        }

        public List<String> textes() {
            return List.of(texte);
        }
    }

    /** A paragraph; {@code libelle} is an optional bold lead ("Enjeu CTG : "). */
    public record Paragraphe(String libelle, String texte) implements Bloc {
        public static Paragraphe de(String texte) {
            return new Paragraphe(null, texte);
        }

        public String genre() {
            return "paragraphe";
        }

        public List<String> textes() {
            return Stream.of(libelle, texte).filter(t -> t != null).toList();
        }
    }

    /**
     * A paragraph of the convention's text whose words keep their bold and italics (from the sanitised HTML):
     * runs in Word, {@code strong}/{@code em} in the PDF.
     */
    public record TexteRiche(List<Segment> segments) implements Bloc {
        public TexteRiche {
            segments = List.copyOf(segments);
        }

        /** A run of text, bold and/or italic. */
        public record Segment(String texte, boolean gras, boolean italique) {
        }

        /** The whole text, as one string. */
        public String texte() {
            return String.join("", segments.stream().map(Segment::texte).toList());
        }

        public String genre() {
            return "riche";
        }

        public List<String> textes() {
            return List.of(texte().strip());
        }
    }

    /** A bulleted list. */
    public record Liste(List<String> elements) implements Bloc {
        public Liste {
            elements = List.copyOf(elements);
        }

        public String genre() {
            return "liste";
        }

        public List<String> textes() {
            return elements;
        }
    }

    /**
     * A table with one header row (repeated on every page), a caption, and whether it needs a landscape page.
     * Every row has as many cells as the header.
     */
    public record Tableau(String legende, List<String> entetes, List<List<String>> lignes, boolean paysage, List<List<String>> fonds)
            implements Bloc {

        /** What both renderers print instead of a table without rows (a table needs a body to be accessible). */
        public static final String VIDE = "Aucune ligne.";

        /**
         * {@code fonds}: per cell, a background colour "#rrggbb" dark enough for white text (or null), as the grid's
         * colour code; the cell keeps its text label, so nothing is said by colour alone. Empty: no colour.
         */
        public Tableau {
            entetes = List.copyOf(entetes);
            lignes = lignes.stream().map(l -> l.stream().map(c -> c == null ? "" : c).toList()).toList();
            for (List<String> ligne : lignes) {
                if (ligne.size() != entetes.size()) {
                    throw new IllegalArgumentException("Ligne de " + ligne.size() + " cellules pour " + entetes.size() + " en-têtes : " + ligne);
                }
            }
            fonds = fonds == null ? List.of() : fonds.stream().map(l -> java.util.Collections.unmodifiableList(new ArrayList<>(l))).toList();
            if (!fonds.isEmpty() && fonds.size() != lignes.size()) {
                throw new IllegalArgumentException("Couleurs pour " + fonds.size() + " lignes sur " + lignes.size());
            }
        }

        public Tableau(String legende, List<String> entetes, List<List<String>> lignes, boolean paysage) {
            this(legende, entetes, lignes, paysage, List.of());
        }

        /** The background of a cell ("#1e6b30") or null. */
        public String fond(int ligne, int colonne) {
            if (fonds.isEmpty() || colonne >= fonds.get(ligne).size()) {
                return null;
            }
            return fonds.get(ligne).get(colonne);
        }

        /** The PDF's CSS class of a cell's background ("fond-1e6b30"), or null. */
        public String classeFond(int ligne, int colonne) {
            String fond = fond(ligne, colonne);
            return fond == null ? null : "fond-" + fond.substring(1).toLowerCase(java.util.Locale.ROOT);
        }

        public String genre() {
            return "tableau";
        }

        public List<String> textes() {
            if (lignes.isEmpty()) {
                return List.of(legende, VIDE);
            }
            List<String> textes = new ArrayList<>();
            textes.add(legende);
            textes.addAll(entetes);
            lignes.forEach(textes::addAll);
            return textes;
        }
    }

    /** A page break. */
    public record SautDePage() implements Bloc {
        public String genre() {
            return "saut";
        }

        public List<String> textes() {
            return List.of();
        }
    }

    /** "Fait à …, le …, en … exemplaires originaux", then one slot per signatory to sign in. */
    public record BlocSignature(String faitA, List<Emplacement> emplacements) implements Bloc {
        public BlocSignature {
            emplacements = List.copyOf(emplacements);
        }

        public String genre() {
            return "signature";
        }

        public List<String> textes() {
            List<String> textes = new ArrayList<>();
            textes.add(faitA);
            emplacements.forEach(e -> textes.addAll(List.of(LOGO, e.organisation(), e.signataire())));
            return textes;
        }
    }

    /**
     * The label of the empty slot each signatory's row keeps for its logo (ADR 0030): users paste the logo there in
     * Word before signing; the PDF shows the same labelled slot.
     */
    public static final String LOGO = "Emplacement du logo";

    /** One signature slot: the organisation and who signs for it ("Pour la Caf de l'Ardèche, Mme X, directrice"). */
    public record Emplacement(String organisation, String signataire) {
    }

    /** A chart: its values shown as bars (PDF: an SVG chart drawn as vector paths, ADR 0045) beside the same values as a table (DOCX: the table only). */
    public record Figure(String legende, String unite, List<Valeur> valeurs) implements Bloc {
        public Figure {
            valeurs = List.copyOf(valeurs);
        }

        public record Valeur(String libelle, double nombre, String texte) {
        }

        public String genre() {
            return "figure";
        }

        public List<String> textes() {
            List<String> textes = new ArrayList<>();
            textes.add(legende);
            valeurs.forEach(v -> textes.addAll(List.of(v.libelle(), v.texte())));
            return textes;
        }
    }

    /**
     * A chart of a page (the bilan's, the dashboard's), the very object the page draws (ADR 0046): PDF, its SVG as
     * vector paths; DOCX, a native Word chart of the same values; both followed by its data table.
     */
    public record Diagramme(fr.pilotectg.pilotage.Graphique graphique) implements Bloc {

        /** The caption written above the chart. */
        public String legende() {
            return "Graphique : " + graphique.titre();
        }

        /** The data table that follows the chart, as the page's. */
        public Tableau tableau() {
            return new Tableau(graphique.titre() + " — données", graphique.entetes(), graphique.lignesDuTableau(), false);
        }

        public String genre() {
            return "diagramme";
        }

        public List<String> textes() {
            List<String> textes = new ArrayList<>();
            textes.add(legende());
            textes.addAll(tableau().textes());
            return textes;
        }
    }
}
