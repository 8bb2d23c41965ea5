package fr.pilotectg.documents;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A generated file as an HTTP answer: its media type and a French file name (RFC 6266, {@code filename*=UTF-8''…}). */
final class Telechargement {

    private Telechargement() {
    }

    static ResponseEntity<byte[]> de(byte[] contenu, String nom, FormatDocument format) {
        String fichier = nomDeFichier(nom) + "." + format.extension();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.typeMedia()))
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(fichier))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(contenu);
    }

    /** Characters a file system refuses are replaced; the name stays French otherwise. */
    static String nomDeFichier(String nom) {
        String propre = nom.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", " ").replaceAll("\\s+", " ").strip();
        return propre.isEmpty() ? "document" : propre.length() > 150 ? propre.substring(0, 150).strip() : propre;
    }

    /** {@code attachment; filename="ASCII fallback"; filename*=UTF-8''percent-encoded}. */
    static String contentDisposition(String fichier) {
        String ascii = Normalizer.normalize(fichier, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "_").replace("\\", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoder(fichier);
    }

    private static String encoder(String texte) {
        StringBuilder sortie = new StringBuilder();
        for (byte b : texte.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                sortie.append(c);
            } else {
                sortie.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return sortie.toString();
    }
}
