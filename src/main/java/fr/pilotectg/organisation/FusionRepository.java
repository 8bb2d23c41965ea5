package fr.pilotectg.organisation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Moves every reference to one organisation onto another. The referencing columns are read from the database's
 * catalogue (every single-column foreign key to {@code organisation(id)}), so a table added later by any feature is
 * covered without changing this class.
 */
@Repository
class FusionRepository {

    record Reference(String table, String colonne) {
    }

    private final JdbcClient jdbc;

    FusionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Reference> references() {
        return jdbc.sql("""
                        SELECT c.conrelid::regclass::text AS nom_table, a.attname AS colonne
                        FROM pg_constraint c
                        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                        WHERE c.contype = 'f' AND c.confrelid = 'organisation'::regclass AND array_length(c.conkey, 1) = 1
                          AND NOT (c.conrelid = 'organisation'::regclass)
                        ORDER BY 1, 2""")
                .query((rs, i) -> new Reference(rs.getString(1), rs.getString(2))).list();
    }

    /** Rows of each referencing column pointing at the source, moved to the target; counts by "table.colonne". */
    Map<String, Integer> deplacer(long source, long cible) {
        Map<String, Integer> deplacees = new LinkedHashMap<>();
        for (Reference reference : references()) {
            // Table and column names come from the catalogue, never from input; quoted all the same.
            int lignes = jdbc.sql("UPDATE " + identifiant(reference.table()) + " SET " + identifiant(reference.colonne())
                            + " = :cible WHERE " + identifiant(reference.colonne()) + " = :source")
                    .param("cible", cible).param("source", source).update();
            if (lignes > 0) {
                deplacees.put(reference.table() + "." + reference.colonne(), lignes);
            }
        }
        return deplacees;
    }

    /** Aliases of the source become the target's, with the source's own name and sigle. */
    void reprendreAliases(long source, long cible) {
        jdbc.sql("""
                        INSERT INTO organisation_alias (organisation_id, alias, alias_normalise)
                        SELECT :cible, alias, alias_normalise FROM organisation_alias WHERE organisation_id = :source
                        ON CONFLICT DO NOTHING""")
                .param("cible", cible).param("source", source).update();
    }

    private static String identifiant(String nom) {
        if (!nom.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalStateException("Nom de table ou de colonne inattendu : " + nom);
        }
        return "\"" + nom + "\"";
    }
}
