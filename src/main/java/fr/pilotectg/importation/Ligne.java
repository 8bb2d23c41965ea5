package fr.pilotectg.importation;

/**
 * One line of an extracted document, the only unit the analysers read. {@code numero} is its 1-based position in
 * {@link DocumentExtrait#lignes()} and is what a {@link Source} points to. A table row is one line of genre
 * {@link NatureDeLigne#TABLEAU} whose cells are separated by a tab; a heading has its level (1–6) in {@code niveau}; a list
 * item its depth (1 = top level).
 */
public record Ligne(int numero, String texte, NatureDeLigne genre, int niveau) {

    public enum NatureDeLigne {
        TITRE, PARAGRAPHE, LISTE, TABLEAU, VIDE
    }

    /** The cells of a table row (a single cell for any other line). */
    public java.util.List<String> cellules() {
        return java.util.Arrays.stream(texte.split("\t", -1)).map(String::strip).toList();
    }
}
