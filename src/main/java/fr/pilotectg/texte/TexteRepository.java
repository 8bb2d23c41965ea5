package fr.pilotectg.texte;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TexteRepository {

    private final JdbcClient jdbc;

    TexteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Integer> version(long conventionId) {
        return jdbc.sql("SELECT version FROM convention_texte WHERE convention_id = :id")
                .param("id", conventionId).query(Integer.class).optional();
    }

    List<Section> sections(long conventionId) {
        return jdbc.sql("SELECT nature, titre, texte FROM convention_section WHERE convention_id = :id ORDER BY position")
                .param("id", conventionId)
                .query((rs, i) -> new Section(NatureSection.valueOf(rs.getString("nature")), null, rs.getString("titre"),
                        rs.getString("texte")))
                .list();
    }

    /** Replaces the sections if the stored version is still {@code version}; false when someone else wrote first. */
    boolean remplacer(long conventionId, int version, List<Section> sections) {
        int modifiees;
        if (version == 0) {
            modifiees = jdbc.sql("INSERT INTO convention_texte (convention_id, version) VALUES (:id, 1) ON CONFLICT DO NOTHING")
                    .param("id", conventionId).update();
        } else {
            modifiees = jdbc.sql("UPDATE convention_texte SET version = version + 1 WHERE convention_id = :id AND version = :version")
                    .param("id", conventionId).param("version", version).update();
        }
        if (modifiees == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM convention_section WHERE convention_id = :id").param("id", conventionId).update();
        int position = 0;
        for (Section section : sections) {
            jdbc.sql("""
                            INSERT INTO convention_section (convention_id, position, nature, titre, texte)
                            VALUES (:id, :position, :nature, :titre, :texte)""")
                    .param("id", conventionId).param("position", position++).param("nature", section.nature().name())
                    .param("titre", section.titre()).param("texte", section.html())
                    .update();
        }
        return true;
    }
}
