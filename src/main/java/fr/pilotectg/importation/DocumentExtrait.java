package fr.pilotectg.importation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A document (DOCX, ODT, PDF with a text layer, text or Markdown) reduced to cleaned, numbered lines by the
 * extraction step, whatever its format: headings keep their level, tables become tab-separated rows, page headers,
 * footers and numbers are removed, hyphenation and broken accents are repaired. Analysers read only this.
 */
public record DocumentExtrait(String nomFichier, FormatSource format, List<Ligne> lignes) {

    public enum FormatSource {
        DOCX, ODT, PDF, TEXTE, MARKDOWN
    }

    /** The line numbered {@code numero} (1-based). */
    public Ligne ligne(int numero) {
        return lignes.get(numero - 1);
    }

    /** The text of the lines of a source, one per line. */
    public String texte(Source source) {
        return lignes.subList(source.debut() - 1, source.fin()).stream().map(Ligne::texte).collect(Collectors.joining("\n"));
    }
}
