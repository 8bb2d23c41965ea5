package fr.pilotectg.shared.db;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL per JVM, shared by every Spring context that asks for it (tests start
 * several contexts) and stopped when the last one closes.
 */
final class SharedEmbeddedPostgres {

    private static final Logger LOG = LoggerFactory.getLogger(SharedEmbeddedPostgres.class);

    private static EmbeddedPostgresServer server;
    private static int users;

    private SharedEmbeddedPostgres() {
    }

    static synchronized EmbeddedPostgresServer acquire(EmbeddedPostgresProperties properties) {
        if (server == null) {
            server = start(properties);
        }
        users++;
        return server;
    }

    static synchronized void release() {
        users--;
        if (users == 0 && server != null) {
            try {
                server.close();
                LOG.info("PostgreSQL embarqué arrêté proprement");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                server = null;
            }
        }
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
