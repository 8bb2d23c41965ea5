package fr.pilotectg.shared.db;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the JVM is killed (kill -9, a crash of the JVM), its PostgreSQL keeps running with the data directory
 * and its {@code postmaster.pid}: the next start would fail. This finds that orphan and stops it cleanly (fast
 * shutdown: open sessions are ended, committed data is flushed) so that the next start succeeds at once.
 *
 * <p>It only ever signals a process whose executable is {@code postgres} and whose command line names this data
 * directory, and only when no living instance of the application holds the directory's lock. Where the command line
 * of a process cannot be read, nothing is signalled and PostgreSQL's own start-up check decides.
 */
final class OrphanPostmaster {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanPostmaster.class);

    /** The lock file that zonky's EmbeddedPostgres holds for as long as it runs a server on the directory. */
    private static final String OWNER_LOCK = "epg-lock";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private OrphanPostmaster() {
    }

    static void stopIfRunning(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        Optional<ProcessHandle> orphan = readPid(pidFile)
                .flatMap(ProcessHandle::of)
                .filter(process -> servesDirectory(process, dataDirectory));
        if (orphan.isEmpty()) {
            return; // no server, or a stale postmaster.pid of a dead process that PostgreSQL handles itself
        }
        failIfOwnedByLivingInstance(dataDirectory);
        ProcessHandle postmaster = orphan.get();
        LOG.warn("PostgreSQL orphelin (pid {}) d'un arrêt brutal de l'application sur {} : arrêt propre",
                postmaster.pid(), dataDirectory);
        requestFastShutdown(postmaster);
        waitForExit(postmaster, pidFile);
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        try {
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean servesDirectory(ProcessHandle process, Path dataDirectory) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command()
                .map(command -> Paths.get(command).getFileName().toString())
                .filter(name -> name.equals("postgres") || name.equals("postgres.exe"))
                .isPresent();
        List<String> arguments = info.arguments().map(Arrays::asList).orElse(List.of());
        int option = arguments.indexOf("-D");
        return postgres && option >= 0 && option + 1 < arguments.size()
                && arguments.get(option + 1).equals(dataDirectory.toString());
    }

    private static void failIfOwnedByLivingInstance(Path dataDirectory) throws IOException {
        try (FileOutputStream stream = new FileOutputStream(dataDirectory.resolve(OWNER_LOCK).toFile(), true);
             FileLock lock = stream.getChannel().tryLock()) {
            if (lock == null) {
                throw inUse(dataDirectory);
            }
        } catch (OverlappingFileLockException e) {
            throw inUse(dataDirectory);
        }
    }

    private static IllegalStateException inUse(Path dataDirectory) {
        return new IllegalStateException("Le PostgreSQL embarqué de " + dataDirectory
                + " est celui d'une autre instance de l'application en cours d'exécution : arrêtez-la d'abord.");
    }

    /** SIGINT is PostgreSQL's fast shutdown; Java's ProcessHandle.destroy() would send SIGTERM, which waits for clients. */
    private static void requestFastShutdown(ProcessHandle postmaster) throws IOException {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).inheritIO().start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrompu pendant l'arrêt du PostgreSQL orphelin", e);
        }
    }

    /** PostgreSQL deletes postmaster.pid as the last step of its shutdown, even if its exit is not reaped yet. */
    private static void waitForExit(ProcessHandle postmaster, Path pidFile) throws IOException {
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        while (postmaster.isAlive() && Files.exists(pidFile)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Le PostgreSQL orphelin (pid " + postmaster.pid() + ") ne s'est pas arrêté en "
                        + STOP_TIMEOUT.toSeconds() + " s ; arrêtez-le puis relancez l'application.");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrompu pendant l'arrêt du PostgreSQL orphelin", e);
            }
        }
        LOG.info("PostgreSQL orphelin (pid {}) arrêté", postmaster.pid());
    }
}
