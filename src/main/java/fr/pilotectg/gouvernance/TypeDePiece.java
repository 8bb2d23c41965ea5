package fr.pilotectg.gouvernance;

import java.util.List;
import java.util.Locale;

/** The file types an attachment may have (issue 14's allow-list), each with its media type and its file name extensions. */
enum TypeDePiece {
    PDF("application/pdf", "document PDF", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "document Word (DOCX)", "docx"),
    ODT("application/vnd.oasis.opendocument.text", "document texte OpenDocument (ODT)", "odt"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "classeur Excel (XLSX)", "xlsx"),
    ODS("application/vnd.oasis.opendocument.spreadsheet", "classeur OpenDocument (ODS)", "ods"),
    PNG("image/png", "image PNG", "png"),
    JPEG("image/jpeg", "image JPEG", "jpg", "jpeg");

    static final String LISTE = "PDF, DOCX, ODT, XLSX, ODS, PNG ou JPEG";

    private final String typeMedia;
    private final String description;
    private final List<String> extensions;

    TypeDePiece(String typeMedia, String description, String... extensions) {
        this.typeMedia = typeMedia;
        this.description = description;
        this.extensions = List.of(extensions);
    }

    String typeMedia() {
        return typeMedia;
    }

    String description() {
        return description;
    }

    List<String> extensions() {
        return extensions;
    }

    boolean accepteLeNom(String nomFichier) {
        int point = nomFichier.lastIndexOf('.');
        return point >= 0 && extensions.contains(nomFichier.substring(point + 1).toLowerCase(Locale.ROOT));
    }

    static TypeDePiece deTypeMedia(String typeMedia) {
        for (TypeDePiece t : values()) {
            if (t.typeMedia.equals(typeMedia)) {
                return t;
            }
        }
        return null;
    }

    static String taille(long octets) {
        if (octets < 1024) {
            return octets + " octets";
        }
        if (octets < 1024 * 1024) {
            return Math.round(octets / 1024.0) + " ko";
        }
        return String.format(Locale.FRANCE, "%.1f Mo", octets / (1024.0 * 1024.0));
    }
}
