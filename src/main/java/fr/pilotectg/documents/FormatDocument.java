package fr.pilotectg.documents;

import java.util.Arrays;
import java.util.stream.Collectors;

import fr.pilotectg.shared.ErreurValidation;

/** The formats a document is written in, with their media type. */
public enum FormatDocument {
    DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    PDF("pdf", "application/pdf");

    private final String extension;
    private final String typeMedia;

    FormatDocument(String extension, String typeMedia) {
        this.extension = extension;
        this.typeMedia = typeMedia;
    }

    public String extension() {
        return extension;
    }

    public String typeMedia() {
        return typeMedia;
    }

    /** "docx" or "pdf"; anything else → 400 listing the formats. */
    public static FormatDocument lire(String valeur) {
        return Arrays.stream(values()).filter(f -> f.extension.equalsIgnoreCase(valeur == null ? "" : valeur.strip())).findFirst()
                .orElseThrow(() -> new ErreurValidation("format", "Format inconnu : « " + (valeur == null ? "" : valeur.length() > 20 ? valeur.substring(0, 20) + "…" : valeur)
                        + " ». Formats possibles : " + Arrays.stream(values()).map(FormatDocument::extension).collect(Collectors.joining(", ")) + "."));
    }
}
