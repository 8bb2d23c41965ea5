package fr.pilotectg.pilotage;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CopilRepository {

    private final JdbcClient jdbc;

    CopilRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CopilPrevu> copils(long conventionId) {
        return jdbc.sql("SELECT id, convention_id, date_copil, objet FROM copil_prevu WHERE convention_id = :convention ORDER BY date_copil, id")
                .param("convention", conventionId).query(this::ligne).list();
    }

    Optional<CopilPrevu> copil(long id) {
        return jdbc.sql("SELECT id, convention_id, date_copil, objet FROM copil_prevu WHERE id = :id")
                .param("id", id).query(this::ligne).optional();
    }

    long ajouter(long conventionId, LocalDate date, String objet, String auteur) {
        return jdbc.sql("INSERT INTO copil_prevu (convention_id, date_copil, objet, cree_par) VALUES (:convention, :date, :objet, :auteur) RETURNING id")
                .param("convention", conventionId).param("date", date).param("objet", objet).param("auteur", auteur)
                .query(Long.class).single();
    }

    void supprimer(long id) {
        jdbc.sql("DELETE FROM copil_prevu WHERE id = :id").param("id", id).update();
    }

    private CopilPrevu ligne(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new CopilPrevu(rs.getLong("id"), rs.getLong("convention_id"), rs.getObject("date_copil", LocalDate.class),
                rs.getString("objet"));
    }
}
