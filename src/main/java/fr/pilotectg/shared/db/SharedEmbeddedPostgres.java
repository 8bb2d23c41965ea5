package fr.pilotectg.shared.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL per JVM, shared by every Spring context that asks for it (tests start
 * several contexts) and stopped when the last one closes.
 */
final class SharedEmbeddedPostgres {

    private static final Logger LOG = LoggerFactory.getLogger(SharedEmbeddedPostgres.class);

    private static EmbeddedPostgres server;
    private static int users;

    private SharedEmbeddedPostgres() {
    }

    static synchronized EmbeddedPostgres acquire(EmbeddedPostgresProperties properties) {
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

    private static EmbeddedPostgres start(EmbeddedPostgresProperties properties) {
        Path dataDirectory = Path.of(properties.repertoire()).toAbsolutePath();
        long started = System.nanoTime();
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(properties.reinitialiser())
                    .setPort(properties.port())
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setServerConfig("max_connections", "50")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(true)
                    .start();
            LOG.info("PostgreSQL embarqué démarré en {} ms sur le port {} (données : {})",
                    (System.nanoTime() - started) / 1_000_000, postgres.getPort(), dataDirectory);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Impossible de démarrer le PostgreSQL embarqué dans " + dataDirectory, e);
        }
    }
}
