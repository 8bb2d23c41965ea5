package fr.pilotectg.shared.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the PostgreSQL that the app starts itself when no datasource URL is configured.
 *
 * @param repertoire data directory, kept across restarts
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 * @param reinitialiser wipe the data directory at start (tests use it for a fresh database)
 * @param durabilite {@code durable} by default; {@code relachee} (fsync and synchronous commit off) for tests only
 * @param statistiquesSql off by default; on, the server loads {@code pg_stat_statements} at start and the extension is
 *                        created, so that the benchmarks ({@code bench/}) can read the SQL time of each page
 */
@ConfigurationProperties("pilote.base-embarquee")
public record EmbeddedPostgresProperties(String repertoire, int port, boolean reinitialiser, Durabilite durabilite,
                                         boolean statistiquesSql) {

    public EmbeddedPostgresProperties {
        if (repertoire == null || repertoire.isBlank()) {
            repertoire = "data/postgres";
        }
        if (durabilite == null) {
            durabilite = Durabilite.DURABLE;
        }
    }
}
