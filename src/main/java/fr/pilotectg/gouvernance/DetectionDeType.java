package fr.pilotectg.gouvernance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * The type of an uploaded file, from its bytes only (the name and the browser's type are not trusted). Tika's
 * magic bytes recognise PDF, PNG and JPEG; DOCX, XLSX, ODT and ODS are ZIP files that tika-core alone reports as
 * {@code application/zip} or {@code application/x-tika-ooxml} (its container detectors live in the parser modules),
 * so the ZIP's own declaration is read here: the {@code mimetype} entry of an OpenDocument file, the main part's
 * content type in {@code [Content_Types].xml} of an Office Open XML file (ADR 0024). Only these two small entries
 * are read, through the ZIP's central directory, so a ZIP bomb costs nothing.
 */
@Component
class DetectionDeType {

    private static final int ENTREE_MAX = 512 * 1024;

    private final Tika tika = new Tika();

    /** The allowed type of these bytes, or null when they are of no allowed type (the detected media type is in {@code vu}). */
    Resultat detecter(byte[] contenu) {
        String detecte = tika.detect(contenu);
        TypeDePiece type = TypeDePiece.deTypeMedia(detecte);
        if (type == TypeDePiece.PDF || type == TypeDePiece.PNG || type == TypeDePiece.JPEG) {
            return new Resultat(type, detecte);
        }
        if (detecte.equals("application/zip") || detecte.startsWith("application/x-tika-")
                || detecte.startsWith("application/vnd.oasis.opendocument.") || detecte.startsWith("application/vnd.openxmlformats-")) {
            TypeDePiece conteneur = conteneur(contenu);
            return new Resultat(conteneur, conteneur == null ? detecte : conteneur.typeMedia());
        }
        return new Resultat(null, detecte);
    }

    record Resultat(TypeDePiece type, String vu) {
    }

    private static TypeDePiece conteneur(byte[] contenu) {
        Path fichier = null;
        try {
            fichier = Files.createTempFile("piece-", ".zip");
            Files.write(fichier, contenu);
            try (ZipFile zip = new ZipFile(fichier.toFile())) {
                String mimetype = lire(zip, "mimetype");
                if (mimetype != null) {
                    TypeDePiece type = TypeDePiece.deTypeMedia(mimetype.strip());
                    return type == TypeDePiece.ODT || type == TypeDePiece.ODS ? type : null;
                }
                String types = lire(zip, "[Content_Types].xml");
                if (types == null) {
                    return null;
                }
                if (types.contains("\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"")) {
                    return TypeDePiece.DOCX;
                }
                if (types.contains("\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"")) {
                    return TypeDePiece.XLSX;
                }
                return null;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        } finally {
            if (fichier != null) {
                try {
                    Files.deleteIfExists(fichier);
                } catch (IOException ignoree) {
                    // a temporary file left behind is removed with the temporary directory
                }
            }
        }
    }

    private static String lire(ZipFile zip, String nom) throws IOException {
        ZipEntry entree = zip.getEntry(nom);
        if (entree == null) {
            return null;
        }
        try (InputStream flux = zip.getInputStream(entree)) {
            byte[] octets = flux.readNBytes(ENTREE_MAX);
            return new String(octets, StandardCharsets.UTF_8);
        }
    }
}
