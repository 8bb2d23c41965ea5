package fr.pilotectg.securite;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whether anything was written to the database between two moments: PostgreSQL gives a transaction id to each
 * transaction that writes, in increasing order, so the transactions started in between are the ids from the first
 * moment's next id to the second's, and each says whether it committed. A refused request may have written and
 * rolled back (nothing kept); it must not have committed anything. Nothing else writes while the test runs, once
 * autovacuum is paused: its ANALYZE commits transactions of its own.
 */
final class Ecritures {

    private final JdbcClient jdbc;

    Ecritures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs the attack with autovacuum paused, and turns it back on whatever happens. */
    void sansAutovacuum(Runnable attaque) {
        jdbc.sql("ALTER SYSTEM SET autovacuum = off").update();
        jdbc.sql("SELECT pg_reload_conf()").query(Boolean.class).single();
        try {
            attaque.run();
        } finally {
            jdbc.sql("ALTER SYSTEM RESET autovacuum").update();
            jdbc.sql("SELECT pg_reload_conf()").query(Boolean.class).single();
        }
    }

    /** The id the next writing transaction will get. */
    long prochaineTransaction() {
        return jdbc.sql("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint").query(Long.class).single();
    }

    /** How many transactions committed since {@code depuis} (a value of {@link #prochaineTransaction()}). */
    long transactionsValideesDepuis(long depuis) {
        return jdbc.sql("""
                        SELECT count(*) FROM generate_series(:depuis, pg_snapshot_xmax(pg_current_snapshot())::text::bigint - 1) AS x
                        WHERE pg_xact_status(x::text::xid8) = 'committed'""")
                .param("depuis", depuis).query(Long.class).single();
    }
}
