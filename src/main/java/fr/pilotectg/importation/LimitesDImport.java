package fr.pilotectg.importation;

/** Bounds of what one import may read, so that a hostile or broken file costs little (ADR 0031). */
final class LimitesDImport {

    /** Entries of a ZIP container (DOCX, ODT) or of a bulk ZIP. */
    static final int ENTREES_MAX = 2_000;
    /** Decompressed bytes of a whole ZIP container: beyond, a ZIP bomb. */
    static final long DECOMPRESSE_MAX = 150L * 1024 * 1024;
    /** Pages of a PDF. */
    static final int PAGES_MAX = 500;
    /** Lines of an extracted document (a 500-page convention has about 25,000). */
    static final int LIGNES_MAX = 60_000;
    /** Characters of one line: a paragraph, a table row. */
    static final int LIGNE_MAX = 50_000;
    /** Characters of the whole extracted text. */
    static final int TEXTE_MAX = 6_000_000;

    private LimitesDImport() {
    }
}
