package fr.pilotectg.convention;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Archived conventions (hidden from lists, kept) and the deletion of a convention in preparation. */
@Repository
class ArchivesRepository {

    /** An archived convention, as the list of archives shows it. */
    record Archivee(long id, String titre, String cafNom, OffsetDateTime archiveeLe) {
    }

    private final JdbcClient jdbc;

    ArchivesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean archivee(long id) {
        return jdbc.sql("SELECT archivee_le IS NOT NULL FROM convention WHERE id = :id").param("id", id).query(Boolean.class).single();
    }

    void archiver(long id, OffsetDateTime le) {
        jdbc.sql("UPDATE convention SET archivee_le = :le WHERE id = :id").param("le", le).param("id", id).update();
    }

    void restaurer(long id) {
        jdbc.sql("UPDATE convention SET archivee_le = NULL WHERE id = :id").param("id", id).update();
    }

    /** Deletes the convention and, by the cascades of the schema, everything of it (plan, follow-up, diagnostic…). */
    void supprimer(long id) {
        jdbc.sql("DELETE FROM convention WHERE id = :id").param("id", id).update();
    }

    List<Archivee> archivees() {
        return jdbc.sql("""
                        SELECT c.id, c.titre, caf.nom AS caf_nom, c.archivee_le FROM convention c JOIN organisation caf ON caf.id = c.caf_id
                        WHERE c.archivee_le IS NOT NULL ORDER BY c.archivee_le DESC, c.id LIMIT 500""")
                .query((rs, i) -> new Archivee(rs.getLong("id"), rs.getString("titre"), rs.getString("caf_nom"),
                        rs.getObject("archivee_le", OffsetDateTime.class)))
                .list();
    }
}
