package fr.pilotectg.shared.db;

/**
 * How the embedded PostgreSQL writes to disk. {@link #DURABLE} (the default) is the only safe setting for a real
 * database: a committed transaction is on disk before the commit returns. {@link #RELACHEE} is for the tests, whose
 * database is thrown away: a crash of the machine may lose the last commits or corrupt the data directory.
 */
public enum Durabilite {

    DURABLE("on", "on"),
    RELACHEE("off", "off");

    private final String fsync;
    private final String synchronousCommit;

    Durabilite(String fsync, String synchronousCommit) {
        this.fsync = fsync;
        this.synchronousCommit = synchronousCommit;
    }

    String fsync() {
        return fsync;
    }

    String synchronousCommit() {
        return synchronousCommit;
    }
}
