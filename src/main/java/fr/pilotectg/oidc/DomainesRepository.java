package fr.pilotectg.oidc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import fr.pilotectg.organisation.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DomainesRepository {

    private static final String SQL = """
            SELECT d.id, d.domaine, d.organisation_id, o.nom AS organisation_nom, d.role, d.cree_le, d.cree_par
            FROM connexion_unique_domaine d JOIN organisation o ON o.id = d.organisation_id""";

    private final JdbcClient jdbc;

    DomainesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<DomaineAutorise> tous() {
        return jdbc.sql(SQL + " ORDER BY d.domaine").query(DomainesRepository::domaine).list();
    }

    Optional<DomaineAutorise> parDomaine(String domaine) {
        return jdbc.sql(SQL + " WHERE d.domaine = :domaine").param("domaine", domaine).query(DomainesRepository::domaine).optional();
    }

    Optional<DomaineAutorise> parId(long id) {
        return jdbc.sql(SQL + " WHERE d.id = :id").param("id", id).query(DomainesRepository::domaine).optional();
    }

    long inserer(String domaine, long organisationId, Role role, String creePar) {
        return jdbc.sql("""
                        INSERT INTO connexion_unique_domaine (domaine, organisation_id, role, cree_par)
                        VALUES (:domaine, :organisation, :role, :par) RETURNING id""")
                .param("domaine", domaine).param("organisation", organisationId).param("role", role.name())
                .param("par", creePar).query(Long.class).single();
    }

    int supprimer(long id) {
        return jdbc.sql("DELETE FROM connexion_unique_domaine WHERE id = :id").param("id", id).update();
    }

    private static DomaineAutorise domaine(ResultSet rs, int i) throws SQLException {
        return new DomaineAutorise(rs.getLong("id"), rs.getString("domaine"), rs.getLong("organisation_id"),
                rs.getString("organisation_nom"), Role.valueOf(rs.getString("role")),
                rs.getObject("cree_le", java.time.OffsetDateTime.class), rs.getString("cree_par"));
    }
}
