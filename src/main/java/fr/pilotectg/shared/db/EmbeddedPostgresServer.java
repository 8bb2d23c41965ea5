package fr.pilotectg.shared.db;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * A PostgreSQL run from zonky's binaries as a real database for one territory on one machine: it listens on
 * 127.0.0.1 only (no Unix socket), asks a password for every connection (scram-sha-256; the password is generated at
 * the creation of the data directory and kept in {@link PasswordFile}), writes durably unless told otherwise, and
 * starts even after a kill -9 of the previous JVM left its server running ({@link OrphanPostmaster}).
 */
final class EmbeddedPostgresServer implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    static EmbeddedPostgresServer start(EmbeddedPostgresProperties properties) throws IOException {
        EmbeddedPostgresServer server = demarrer(properties);
        if (properties.statistiquesSql()) {
            server.creerStatistiquesSql();
        }
        return server;
    }

    private static EmbeddedPostgresServer demarrer(EmbeddedPostgresProperties properties) throws IOException {
        Path dataDirectory = Path.of(properties.repertoire()).toAbsolutePath().normalize();
        OrphanPostmaster.stopIfRunning(dataDirectory);
        if (properties.reinitialiser()) {
            FileSystemUtils.deleteRecursively(dataDirectory);
        }
        Path passwordFile = PasswordFile.in(dataDirectory);
        if (Files.exists(dataDirectory.resolve("postgresql.conf"))) {
            if (!Files.exists(passwordFile)) {
                setPasswordOfOlderDirectory(dataDirectory, properties);
            }
            String password = PasswordFile.read(passwordFile);
            return new EmbeddedPostgresServer(start(dataDirectory, properties, password, null), password);
        }
        String password = PasswordFile.generate();
        Path initdbPasswordFile = PasswordFile.createTemporary(dataDirectory.getParent(), password);
        try {
            return new EmbeddedPostgresServer(start(dataDirectory, properties, password, initdbPasswordFile), password);
        } finally {
            Files.deleteIfExists(initdbPasswordFile);
        }
    }

    private static EmbeddedPostgres start(Path dataDirectory, EmbeddedPostgresProperties properties, String password,
                                          Path initdbPasswordFile) throws IOException {
        EmbeddedPostgres.Builder builder = builder(dataDirectory, properties)
                .setConnectConfig("password", password)
                .setDataDirectoryCustomizer(directory -> {
                    if (initdbPasswordFile != null) {
                        move(initdbPasswordFile, PasswordFile.in(directory.toPath()));
                    }
                    writeHostBasedAuthentication(directory.toPath(), "scram-sha-256");
                });
        if (initdbPasswordFile != null) {
            // zonky passes each "locale" setting to initdb as --name=value: the superuser gets its password at creation
            builder.setLocaleConfig("pwfile", initdbPasswordFile.toString());
        }
        return builder.start();
    }

    /** The view of {@code pg_stat_statements}, in the database the app uses; the library is loaded by the start options. */
    private void creerStatistiquesSql() throws IOException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), USER, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        } catch (SQLException e) {
            throw new IOException("Impossible d'activer pg_stat_statements dans la base embarquée", e);
        }
        LOG.info("Statistiques SQL actives dans la base embarquée (pg_stat_statements)");
    }

    /**
     * Data directories created before passwords (zonky's initdb trusts every local connection) get one: a first start
     * that still trusts 127.0.0.1 sets the password, then the normal start replaces the trust rule.
     */
    private static void setPasswordOfOlderDirectory(Path dataDirectory, EmbeddedPostgresProperties properties) throws IOException {
        LOG.info("Base embarquée sans mot de passe ({}) : création du mot de passe du compte {}", dataDirectory, USER);
        String password = PasswordFile.generate();
        try (EmbeddedPostgres trusting = builder(dataDirectory, properties)
                .setDataDirectoryCustomizer(directory -> writeHostBasedAuthentication(directory.toPath(), "trust"))
                .start();
             Connection connection = trusting.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER ROLE " + USER + " PASSWORD '" + password + "'");
        } catch (SQLException e) {
            throw new IOException("Impossible de créer le mot de passe de la base embarquée " + dataDirectory, e);
        }
        PasswordFile.create(PasswordFile.in(dataDirectory), password);
    }

    private static EmbeddedPostgres.Builder builder(Path dataDirectory, EmbeddedPostgresProperties properties) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(properties.reinitialiser())
                .setPort(properties.port())
                .setLocaleConfig("locale", "C.UTF-8")
                .setServerConfig("max_connections", "50")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", "''")
                // zonky always starts the server with -F (fsync off); a later -c fsync=on wins
                .setServerConfig("fsync", properties.durabilite().fsync())
                .setServerConfig("synchronous_commit", properties.durabilite().synchronousCommit())
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(true);
        if (properties.statistiquesSql()) {
            // Loaded only at server start; utility statements (BEGIN, COMMIT, SET) are left out of the counts
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track_utility", "off");
        }
        return builder;
    }

    /** Rewritten at every start, so that a hand edit or an older trusting file never stays in force. */
    private static void writeHostBasedAuthentication(Path dataDirectory, String method) {
        String rules = """
                # Écrit par Pilote CTG à chaque démarrage : toute modification de ce fichier est remplacée.
                host all all 127.0.0.1/32 %1$s
                host all all ::1/128 %1$s
                """.formatted(method);
        try {
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return postgres.getPort();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/postgres";
    }

    String password() {
        return password;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
