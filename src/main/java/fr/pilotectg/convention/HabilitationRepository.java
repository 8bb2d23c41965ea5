package fr.pilotectg.convention;

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
}
