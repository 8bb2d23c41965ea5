package fr.pilotectg.documents;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import fr.pilotectg.shared.ErreurValidation;

/** The formats of the spreadsheet exports. */
public enum ExportFormat {
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    CSV("csv", "text/csv;charset=UTF-8");

    private final String extension;
    private final String typeDeContenu;

    ExportFormat(String extension, String typeDeContenu) {
        this.extension = extension;
        this.typeDeContenu = typeDeContenu;
    }

    public String extension() {
        return extension;
    }

    public String typeDeContenu() {
        return typeDeContenu;
    }

    /** The format of an address ("xlsx", any case); anything else is a 400 listing the formats. */
    static ExportFormat lire(String saisie) {
        return Arrays.stream(values()).filter(f -> f.extension.equalsIgnoreCase(saisie == null ? "" : saisie.trim()))
                .findFirst()
                .orElseThrow(() -> new ErreurValidation("format", "Format « " + (saisie == null ? "" : court(saisie))
                        + " » inconnu : formats possibles " + liste() + "."));
    }

    private static String court(String saisie) {
        String texte = saisie.strip().toLowerCase(Locale.ROOT);
        return texte.length() > 20 ? texte.substring(0, 20) + "…" : texte;
    }

    static String liste() {
        return Arrays.stream(values()).map(ExportFormat::extension).collect(Collectors.joining(", "));
    }
}
