package fr.pilotectg.convention;

import java.util.Collection;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class HabilitationRepository {

    private final JdbcClient jdbc;

    HabilitationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void habiliter(long conventionId, long utilisateurId) {
        jdbc.sql("""
                        INSERT INTO convention_habilitation (convention_id, utilisateur_id) VALUES (:c, :u)
                        ON CONFLICT DO NOTHING""")
                .param("c", conventionId).param("u", utilisateurId).update();
    }

    Set<Long> implications(long conventionId, String source) {
        return Set.copyOf(jdbc.sql("SELECT organisation_id FROM convention_implication WHERE convention_id = :c AND source = :s")
                .param("c", conventionId).param("s", source).query(Long.class).list());
    }

    /** Replaces the organisations that one source (e.g. "plan") declares involved in the convention. */
    void definirImplications(long conventionId, String source, Collection<Long> organisations) {
        jdbc.sql("DELETE FROM convention_implication WHERE convention_id = :c AND source = :s")
                .param("c", conventionId).param("s", source).update();
        for (Long organisationId : organisations) {
            jdbc.sql("INSERT INTO convention_implication (convention_id, organisation_id, source) VALUES (:c, :o, :s)")
                    .param("c", conventionId).param("o", organisationId).param("s", source).update();
        }
    }

    /** True when the grant is new. */
    boolean habiliterSiAbsent(long conventionId, long utilisateurId) {
        return jdbc.sql("""
                        INSERT INTO convention_habilitation (convention_id, utilisateur_id) VALUES (:c, :u)
                        ON CONFLICT DO NOTHING""")
                .param("c", conventionId).param("u", utilisateurId).update() == 1;
    }

    boolean retirer(long conventionId, long utilisateurId) {
        return jdbc.sql("DELETE FROM convention_habilitation WHERE convention_id = :c AND utilisateur_id = :u")
                .param("c", conventionId).param("u", utilisateurId).update() == 1;
    }

    Set<Long> utilisateurs(long conventionId) {
        return Set.copyOf(jdbc.sql("SELECT utilisateur_id FROM convention_habilitation WHERE convention_id = :c")
                .param("c", conventionId).query(Long.class).list());
    }

    Set<Long> toutesLesImplications(long conventionId) {
        return Set.copyOf(jdbc.sql("SELECT DISTINCT organisation_id FROM convention_implication WHERE convention_id = :c")
                .param("c", conventionId).query(Long.class).list());
    }
}
