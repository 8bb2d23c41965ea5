package fr.pilotectg.texte;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ObjectifsRepository {

    private final JdbcClient jdbc;

    ObjectifsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Integer> version(long conventionId) {
        return jdbc.sql("SELECT version FROM convention_objectifs WHERE convention_id = :id")
                .param("id", conventionId).query(Integer.class).optional();
    }

    List<ObjectifConjoint> objectifs(long conventionId) {
        return jdbc.sql("""
                        SELECT id, intitule, texte, libelle_groupe, organisation_ids FROM convention_objectif_conjoint
                        WHERE convention_id = :id ORDER BY position, id""")
                .param("id", conventionId)
                .query((rs, i) -> new ObjectifConjoint(rs.getString("intitule"), rs.getString("texte"),
                        rs.getString("libelle_groupe"), ids(rs.getArray("organisation_ids")), rs.getLong("id")))
                .list();
    }

    /** Replaces the objectifs if the stored version is still {@code version}; false when someone else wrote first. */
    boolean remplacer(long conventionId, int version, List<ObjectifConjoint> objectifs) {
        int modifiees = version == 0
                ? jdbc.sql("INSERT INTO convention_objectifs (convention_id, version) VALUES (:id, 1) ON CONFLICT DO NOTHING")
                .param("id", conventionId).update()
                : jdbc.sql("UPDATE convention_objectifs SET version = version + 1 WHERE convention_id = :id AND version = :version")
                .param("id", conventionId).param("version", version).update();
        if (modifiees == 0) {
            return false;
        }
        // Objectifs sent with their id are updated (their links stay), the others created; those not sent go (with their links).
        List<Long> gardes = objectifs.stream().map(ObjectifConjoint::id).filter(java.util.Objects::nonNull).toList();
        jdbc.sql("DELETE FROM convention_objectif_conjoint WHERE convention_id = :id AND NOT (id = ANY (CAST(:gardes AS bigint[])))")
                .param("id", conventionId).param("gardes", tableau(gardes)).update();
        int position = 0;
        for (ObjectifConjoint o : objectifs) {
            if (o.id() != null) {
                jdbc.sql("""
                                UPDATE convention_objectif_conjoint SET position = :position, intitule = :intitule, texte = :texte,
                                       libelle_groupe = :groupe, organisation_ids = CAST(:organisations AS bigint[])
                                WHERE id = :objectif AND convention_id = :id""")
                        .param("id", conventionId).param("objectif", o.id()).param("position", position++).param("intitule", o.intitule())
                        .param("texte", o.html()).param("groupe", o.libelleGroupe()).param("organisations", tableau(o.organisations()))
                        .update();
                continue;
            }
            jdbc.sql("""
                            INSERT INTO convention_objectif_conjoint (convention_id, position, intitule, texte, libelle_groupe, organisation_ids)
                            VALUES (:id, :position, :intitule, :texte, :groupe, CAST(:organisations AS bigint[]))""")
                    .param("id", conventionId).param("position", position++).param("intitule", o.intitule())
                    .param("texte", o.html()).param("groupe", o.libelleGroupe())
                    .param("organisations", tableau(o.organisations()))
                    .update();
        }
        return true;
    }

    private static String tableau(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    private static List<Long> ids(Array tableau) throws SQLException {
        return tableau == null ? List.of() : Arrays.stream((Long[]) tableau.getArray()).toList();
    }
}
