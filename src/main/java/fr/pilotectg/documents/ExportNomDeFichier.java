package fr.pilotectg.documents;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * The Content-Disposition of a download with a French file name (RFC 6266): an ASCII fallback in {@code filename}
 * for old clients, the real name in {@code filename*=UTF-8''…} (RFC 5987 percent-encoding).
 */
final class ExportNomDeFichier {

    private static final int LONGUEUR_MAX = 150;

    private ExportNomDeFichier() {
    }

    /** "Plan d'actions - CTG du Bassin d'Aubenas 2026-2030" + "xlsx" → the header value. */
    static String contentDisposition(String nom, String extension) {
        String fichier = nettoyer(nom) + "." + extension;
        return "attachment; filename=\"" + ascii(fichier) + "\"; filename*=UTF-8''" + encoder(fichier);
    }

    /** Characters a file system refuses (/ \ : * ? " < > |, controls) become spaces; the name is kept reasonably short. */
    static String nettoyer(String nom) {
        String propre = nom.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", " ").replaceAll("\\s+", " ").strip();
        if (propre.length() > LONGUEUR_MAX) {
            propre = propre.substring(0, LONGUEUR_MAX).strip();
        }
        return propre.isEmpty() ? "export" : propre;
    }

    private static String ascii(String nom) {
        String sansAccents = Normalizer.normalize(nom, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return sansAccents.replaceAll("[^\\x20-\\x7E]", "_").replace("\\", "_").replace("\"", "_");
    }

    /** RFC 5987 attr-char are kept; everything else is percent-encoded from UTF-8. */
    private static String encoder(String nom) {
        StringBuilder resultat = new StringBuilder();
        for (byte b : nom.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                resultat.append((char) c);
            } else {
                resultat.append('%').append(String.format("%02X", c));
            }
        }
        return resultat.toString();
    }
}
