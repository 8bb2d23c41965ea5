package fr.pilotectg.shared.db;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import fr.pilotectg.PiloteCtgApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The crash test: the application runs in its own JVM with the production settings of its embedded database
 * (durable, password), a client writes to that database, the JVM is killed with SIGKILL in the middle of the writes,
 * and the application is started again once on the same data directory. It must be up at this first attempt, and
 * every write that the database acknowledged must be there.
 */
class CrashRestartTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(75);

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void after_a_kill_9_the_application_starts_at_the_first_attempt_with_every_acknowledged_write() throws Exception {
        Path data = temp.resolve("postgres");
        Process first = null;
        Process second = null;
        Writer writer = null;
        try {
            first = startApplication(data, "premier");
            String url = postgresUrl(data);
            String password = PasswordFile.read(PasswordFile.in(data));
            try (Connection connection = DriverManager.getConnection(url, "postgres", password);
                 Statement statement = connection.createStatement()) {
                assertThat(EmbeddedPostgresServerTest.show(connection, "fsync")).isEqualTo("on");
                assertThat(EmbeddedPostgresServerTest.show(connection, "synchronous_commit")).isEqualTo("on");
                statement.execute("CREATE TABLE essai_arret_brutal (n integer PRIMARY KEY)");
            }

            writer = new Writer(url, password);
            writer.start();
            writer.awaitAcknowledged(100);
            first.destroyForcibly().waitFor();
            int acknowledgedAtKill = writer.acknowledged();

            // The writer goes on against the server left behind, until the new start stops that server.
            second = startApplication(data, "second");
            writer.join(10_000);
            int acknowledged = writer.acknowledged();

            assertThat(acknowledgedAtKill).isPositive();
            assertThat(acknowledged).as("écritures sur le serveur orphelin jusqu'à son arrêt").isGreaterThan(acknowledgedAtKill);
            try (Connection connection = DriverManager.getConnection(postgresUrl(data), "postgres", password);
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(
                         "SELECT count(*) FROM essai_arret_brutal WHERE n BETWEEN 1 AND " + acknowledged)) {
                rows.next();
                assertThat(rows.getInt(1)).as("écritures acquittées présentes après le redémarrage").isEqualTo(acknowledged);
            }
        } finally {
            if (writer != null) {
                writer.interrupt();
            }
            stop(first);
            stop(second);
            OrphanPostmaster.stopIfRunning(data.toAbsolutePath().normalize());
        }
    }

    /**
     * Starts the application as {@code java -cp <test class path>} without profile, so with the settings of a real
     * deployment (durable database, PostgreSQL on a port chosen at each start), and waits for /actuator/health.
     */
    private Process startApplication(Path data, String name) throws Exception {
        int httpPort = freePort();
        Path log = temp.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"),
                "-Dpilote.base-embarquee.repertoire=" + data, "-Dpilote.base=embarquee",
                PiloteCtgApplication.class.getName()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("SPRING_") || variable.startsWith("PILOTE_"));
        builder.environment().put("PORT", Integer.toString(httpPort));
        Process application = builder.start();

        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (application.isAlive() && System.nanoTime() < deadline) {
            if (healthy(httpPort)) {
                return application;
            }
            Thread.sleep(250);
        }
        stop(application);
        return fail("Démarrage « " + name + " » en échec ou pas en bonne santé en " + START_TIMEOUT.toSeconds() + " s :\n" + tail(log));
    }

    private boolean healthy(int port) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        }
    }

    private static void stop(Process application) throws InterruptedException {
        if (application != null && application.isAlive()) {
            application.destroy();
            if (!application.waitFor(30, TimeUnit.SECONDS)) {
                application.destroyForcibly();
            }
        }
    }

    /** The fourth line of postmaster.pid is the port of the running server. */
    private static String postgresUrl(Path data) throws IOException {
        return "jdbc:postgresql://127.0.0.1:" + Files.readAllLines(data.resolve("postmaster.pid")).get(3).strip() + "/postgres";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** Inserts 1, 2, 3… one committed transaction each; a number counts once its commit has returned. */
    private static final class Writer extends Thread {

        private final String url;
        private final String password;
        private final AtomicInteger acknowledged = new AtomicInteger();

        Writer(String url, String password) {
            super("essai-arret-brutal");
            this.url = url;
            this.password = password;
        }

        @Override
        public void run() {
            try (Connection connection = DriverManager.getConnection(url, "postgres", password);
                 Statement statement = connection.createStatement()) {
                while (!isInterrupted()) {
                    statement.executeUpdate("INSERT INTO essai_arret_brutal VALUES (" + (acknowledged.get() + 1) + ")");
                    acknowledged.incrementAndGet();
                }
            } catch (SQLException e) {
                // the server was stopped under the writer: what was acknowledged until now is what counts
            }
        }

        int acknowledged() {
            return acknowledged.get();
        }

        void awaitAcknowledged(int count) throws InterruptedException {
            while (acknowledged() < count && isAlive()) {
                Thread.sleep(10);
            }
            assertThat(acknowledged()).as("écritures avant l'arrêt brutal").isGreaterThanOrEqualTo(count);
        }
    }
}
