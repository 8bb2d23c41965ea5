package fr.pilotectg.importation;

/**
 * One line of an extracted document, the only unit the analysers read. {@code numero} is its 1-based position in
 * {@link DocumentExtrait#lignes()} and is what a {@link Source} points to. A table row is one line of genre
 * {@link NatureDeLigne#TABLEAU} whose cells are separated by a tab; a heading has its level (1–6) in {@code niveau}; a list
 * item its depth (1 = top level). A table cell printed as several paragraphs or list items (a DOCX or ODT cell, HTML
 * {@code <li>}, {@code <p>}, {@code <br>} in a text cell) keeps them apart with {@link #SAUT}.
 */
public record Ligne(int numero, String texte, NatureDeLigne genre, int niveau) {

    public enum NatureDeLigne {
        TITRE, PARAGRAPHE, LISTE, TABLEAU, VIDE
    }

    /** Between the paragraphs or items of one table cell. */
    public static final String SAUT = "\n";

    /** The cells of a table row (a single cell for any other line), the paragraphs of a cell joined by a space. */
    public java.util.List<String> cellules() {
        return java.util.Arrays.stream(texte.split("\t", -1)).map(c -> c.replace(SAUT, " ").strip()).toList();
    }

    /** The cells of a table row with their paragraphs kept apart by {@link #SAUT}. */
    public java.util.List<String> cellulesEnParagraphes() {
        return java.util.Arrays.stream(texte.split("\t", -1)).map(String::strip).toList();
    }
}
