package fr.pilotectg.shared.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL per JVM and data directory, shared by every Spring context that asks for it (tests start
 * several contexts on the same directory) and stopped when the last one closes. A context given another directory (a
 * test class that changes the demo data for good) gets its own server, so the shared one stays as loaded.
 */
final class SharedEmbeddedPostgres {

    private static final Logger LOG = LoggerFactory.getLogger(SharedEmbeddedPostgres.class);

    private static final Map<String, EmbeddedPostgresServer> SERVERS = new HashMap<>();
    private static final Map<String, Integer> USERS = new HashMap<>();

    private SharedEmbeddedPostgres() {
    }

    static synchronized EmbeddedPostgresServer acquire(EmbeddedPostgresProperties properties) {
        String cle = cle(properties);
        EmbeddedPostgresServer server = SERVERS.computeIfAbsent(cle, k -> start(properties));
        USERS.merge(cle, 1, Integer::sum);
        return server;
    }

    static synchronized void release(EmbeddedPostgresProperties properties) {
        String cle = cle(properties);
        int restants = USERS.merge(cle, -1, Integer::sum);
        EmbeddedPostgresServer server = SERVERS.get(cle);
        if (restants == 0 && server != null) {
            try {
                server.close();
                LOG.info("PostgreSQL embarqué arrêté proprement");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                SERVERS.remove(cle);
                USERS.remove(cle);
            }
        }
    }

    private static String cle(EmbeddedPostgresProperties properties) {
        return Path.of(properties.repertoire()).toAbsolutePath().normalize().toString();
    }

    private static EmbeddedPostgresServer start(EmbeddedPostgresProperties properties) {
        long started = System.nanoTime();
        try {
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(properties);
            LOG.info("PostgreSQL embarqué démarré en {} ms sur 127.0.0.1:{} (données : {}, durabilité : {})",
                    (System.nanoTime() - started) / 1_000_000, postgres.port(), properties.repertoire(),
                    properties.durabilite());
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Impossible de démarrer le PostgreSQL embarqué dans " + properties.repertoire(), e);
        } catch (RuntimeException e) {
            throw sansBinairesPourCettePlateforme(e) ? new IllegalStateException(messageSansBinaires(), e) : e;
        }
    }

    /** zonky's own message, anywhere in the chain, when the jar carries no PostgreSQL for this OS and architecture. */
    static boolean sansBinairesPourCettePlateforme(Throwable erreur) {
        for (Throwable cause = erreur; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("Missing embedded postgres binaries")) {
                return true;
            }
        }
        return false;
    }

    static String messageSansBinaires() {
        return "Cette construction de l'application ne contient pas de PostgreSQL embarqué pour cette machine ("
                + System.getProperty("os.name") + ", " + System.getProperty("os.arch") + ") : indiquez une base existante "
                + "(SPRING_DATASOURCE_URL, voir le README « Utiliser un PostgreSQL existant ») ou construisez l'application "
                + "sur cette plateforme avec ./mvnw (sans -Dbase-externe).";
    }
}
