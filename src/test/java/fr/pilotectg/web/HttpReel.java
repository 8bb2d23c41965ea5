package fr.pilotectg.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests to the application's real Tomcat on its random port (not MockMvc): the proxy headers, the error pages
 * of the container and the headers of every answer exist only there. {@link #brut} writes the request line byte
 * for byte, for the addresses that no HTTP client would send.
 */
final class HttpReel {

    private final int port;
    private final HttpClient client = HttpClient.newHttpClient();

    HttpReel(int port) {
        this.port = port;
    }

    /** Status, headers (names in lower case) and body of one answer. */
    record Reponse(int status, Map<String, List<String>> entetes, String corps) {

        String entete(String nom) {
            List<String> valeurs = entetes.getOrDefault(nom.toLowerCase(Locale.ROOT), List.of());
            return valeurs.isEmpty() ? null : valeurs.get(0);
        }

        List<String> entetes(String nom) {
            return entetes.getOrDefault(nom.toLowerCase(Locale.ROOT), List.of());
        }

        /** The headers every answer carries, whatever produced it. */
        void verifierEntetesDeSecurite() {
            assertThat(entete("Content-Security-Policy")).as("CSP").isNotNull()
                    .contains("default-src 'self'", "script-src 'self';", "img-src 'self' data:", "object-src 'none'",
                            "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-eval")
                    .doesNotContainPattern("script-src[^;]*unsafe-inline");
            assertThat(entete("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
            assertThat(entete("Permissions-Policy")).contains("camera=()", "microphone=()", "geolocation=()");
            assertThat(entete("X-Content-Type-Options")).isEqualTo("nosniff");
        }
    }

    HttpRequest.Builder requete(String chemin) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + chemin));
    }

    static String basic(String utilisateur) {
        return "Basic " + Base64.getEncoder().encodeToString((utilisateur + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    Reponse envoyer(HttpRequest.Builder requete) {
        try {
            HttpResponse<String> reponse = client.send(requete.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, List<String>> entetes = new TreeMap<>();
            reponse.headers().map().forEach((nom, valeurs) -> entetes.put(nom.toLowerCase(Locale.ROOT), valeurs));
            return new Reponse(reponse.statusCode(), entetes, reponse.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code GET <cible> HTTP/1.1} with the target's bytes as they are (UTF-8, no escaping). */
    Reponse brut(String cible) {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream sortie = socket.getOutputStream();
            sortie.write(("GET " + cible + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            sortie.flush();
            return lire(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reponse lire(InputStream entree) throws IOException {
        ByteArrayOutputStream octets = new ByteArrayOutputStream();
        entree.transferTo(octets);
        String texte = octets.toString(StandardCharsets.UTF_8);
        int finEntetes = texte.indexOf("\r\n\r\n");
        String[] lignes = texte.substring(0, finEntetes).split("\r\n");
        Map<String, List<String>> entetes = new TreeMap<>();
        for (int i = 1; i < lignes.length; i++) {
            int deuxPoints = lignes[i].indexOf(':');
            entetes.computeIfAbsent(lignes[i].substring(0, deuxPoints).trim().toLowerCase(Locale.ROOT), nom -> new ArrayList<>())
                    .add(lignes[i].substring(deuxPoints + 1).trim());
        }
        return new Reponse(Integer.parseInt(lignes[0].split(" ")[1]), entetes, texte.substring(finEntetes + 4));
    }
}
