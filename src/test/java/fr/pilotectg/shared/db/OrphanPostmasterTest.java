package fr.pilotectg.shared.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The orphan check signals only a postgres of this directory, and never one that a living instance still uses. */
class OrphanPostmasterTest {

    @TempDir
    Path directory;

    @Test
    void leaves_alone_a_process_that_is_not_a_postgres_of_this_directory() throws Exception {
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(directory.resolve("postmaster.pid"), other.pid() + "\n" + directory + "\n");

            OrphanPostmaster.stopIfRunning(directory);

            assertThat(other.isAlive()).isTrue();
        } finally {
            other.destroy();
        }
    }

    @Test
    void leaves_a_stale_pid_file_of_a_dead_process_to_postgres() throws Exception {
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Files.writeString(directory.resolve("postmaster.pid"), dead.pid() + "\n" + directory + "\n");

        OrphanPostmaster.stopIfRunning(directory);

        assertThat(directory.resolve("postmaster.pid")).exists();
    }

    @Test
    void never_stops_the_server_of_a_living_instance() throws Exception {
        Path data = directory.resolve("postgres");
        try (EmbeddedPostgresServer running = EmbeddedPostgresServer.start(
                EmbeddedPostgresServerTest.properties(data, Durabilite.RELACHEE))) {

            assertThatThrownBy(() -> OrphanPostmaster.stopIfRunning(data))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("autre instance");

            try (Connection connection = DriverManager.getConnection(running.jdbcUrl(), "postgres", running.password())) {
                assertThat(connection.isValid(2)).isTrue();
            }
        }
    }
}
