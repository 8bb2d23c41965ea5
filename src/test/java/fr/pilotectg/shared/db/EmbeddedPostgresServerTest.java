package fr.pilotectg.shared.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded database is a real one: durable by default, a password for every connection, on 127.0.0.1 only. */
class EmbeddedPostgresServerTest {

    @TempDir
    Path temp;

    @Test
    void is_durable_unless_told_otherwise() {
        assertThat(new EmbeddedPostgresProperties("data/postgres", 0, false, null, false).durabilite()).isEqualTo(Durabilite.DURABLE);
    }

    @Test
    void a_new_database_writes_durably_and_refuses_a_connection_without_its_password() throws Exception {
        Path directory = temp.resolve("postgres");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties(directory, Durabilite.DURABLE))) {
            Path passwordFile = directory.resolve(PasswordFile.NAME);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
            assertThat(Files.readString(passwordFile).strip()).isEqualTo(server.password()).hasSizeGreaterThanOrEqualTo(40);
            assertRefused(server, null);
            assertRefused(server, "postgres");

            try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), "postgres", server.password())) {
                assertThat(show(connection, "fsync")).isEqualTo("on");
                assertThat(show(connection, "synchronous_commit")).isEqualTo("on");
                assertThat(show(connection, "listen_addresses")).isEqualTo("127.0.0.1");
                assertThat(show(connection, "unix_socket_directories")).isEmpty();
                assertThat(authenticationMethods(connection)).containsOnly("scram-sha-256");
                assertThat(show(connection, "shared_preload_libraries")).as("no SQL statistics unless asked").isEmpty();
            }
        }
        assertThat(temp).isDirectoryNotContaining("glob:**/.initdb-*");
    }

    @Test
    void asked_for_sql_statistics_it_loads_pg_stat_statements_and_creates_its_view() throws Exception {
        Path directory = temp.resolve("statistiques");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(
                new EmbeddedPostgresProperties(directory.toString(), 0, false, Durabilite.RELACHEE, true));
             Connection connection = DriverManager.getConnection(server.jdbcUrl(), "postgres", server.password());
             Statement statement = connection.createStatement()) {
            assertThat(show(connection, "shared_preload_libraries")).isEqualTo("pg_stat_statements");
            statement.execute("SELECT pg_stat_statements_reset()");
            for (int i = 0; i < 3; i++) {
                statement.executeQuery("SELECT count(*) AS compte_par_les_statistiques FROM pg_class").close();
            }
            try (ResultSet rows = statement.executeQuery("SELECT calls, total_exec_time FROM pg_stat_statements"
                    + " WHERE query LIKE '%compte_par_les_statistiques%' AND query NOT LIKE '%pg_stat_statements%'")) {
                assertThat(rows.next()).as("the statement is in pg_stat_statements").isTrue();
                assertThat(rows.getLong("calls")).isEqualTo(3);
                assertThat(rows.getDouble("total_exec_time")).isPositive();
            }
        }
    }

    @Test
    void a_database_created_before_passwords_gets_one_and_keeps_its_data() throws Exception {
        Path directory = temp.resolve("ancienne");
        try (EmbeddedPostgres older = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false).start();
             Connection connection = older.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE avant (valeur text); INSERT INTO avant VALUES ('conservée')");
        }
        assertThat(directory.resolve(PasswordFile.NAME)).doesNotExist();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties(directory, Durabilite.RELACHEE))) {
            assertThat(directory.resolve(PasswordFile.NAME)).exists();
            assertRefused(server, null);
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), "postgres", server.password());
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT valeur FROM avant")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("conservée");
                assertThat(authenticationMethods(connection)).containsOnly("scram-sha-256");
                assertThat(show(connection, "fsync")).isEqualTo("off");
                assertThat(show(connection, "synchronous_commit")).isEqualTo("off");
            }
        }
    }

    static EmbeddedPostgresProperties properties(Path directory, Durabilite durabilite) {
        return new EmbeddedPostgresProperties(directory.toString(), 0, false, durabilite, false);
    }

    /** {@code null}: no password at all. The message proves that the server asked for one (not a closed port). */
    private static void assertRefused(EmbeddedPostgresServer server, String password) {
        String url = server.jdbcUrl() + "?user=postgres" + (password == null ? "" : "&password=" + password);
        assertThatThrownBy(() -> DriverManager.getConnection(url).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
    }

    static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SHOW " + setting)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static List<String> authenticationMethods(Connection connection) throws SQLException {
        List<String> methods = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT auth_method FROM pg_hba_file_rules")) {
            while (rows.next()) {
                methods.add(rows.getString(1));
            }
        }
        return methods;
    }
}
