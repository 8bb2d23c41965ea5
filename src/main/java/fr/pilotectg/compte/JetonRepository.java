package fr.pilotectg.compte;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JetonRepository {

    /** A valid token found by the SHA-256 of its value. */
    record JetonValide(long id, long utilisateurId, OffsetDateTime derniereUtilisation) {
    }

    private static final String JETON_SQL = """
            SELECT j.id, j.utilisateur_id, u.identifiant AS proprietaire, j.nom, j.prefixe, j.cree_le, j.derniere_utilisation, j.expire_le
            FROM jeton_api j JOIN utilisateur u ON u.id = j.utilisateur_id
            """;

    private final JdbcClient jdbc;

    JetonRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long inserer(long utilisateurId, String nom, String prefixe, String empreinte, OffsetDateTime creeLe, LocalDate expireLe) {
        return jdbc.sql("""
                        INSERT INTO jeton_api (utilisateur_id, nom, prefixe, empreinte, cree_le, expire_le)
                        VALUES (:utilisateur, :nom, :prefixe, :empreinte, :creeLe, :expireLe) RETURNING id""")
                .param("utilisateur", utilisateurId).param("nom", nom).param("prefixe", prefixe)
                .param("empreinte", empreinte).param("creeLe", creeLe).param("expireLe", expireLe)
                .query(Long.class).single();
    }

    /** Tokens not revoked, of one user or (null) of everyone, the most recent first. */
    List<Jeton> actifs(Long utilisateurId) {
        return jdbc.sql(JETON_SQL + """
                        WHERE j.revoque_le IS NULL AND (CAST(:utilisateur AS BIGINT) IS NULL OR j.utilisateur_id = :utilisateur)
                        ORDER BY j.cree_le DESC, j.id DESC""")
                .param("utilisateur", utilisateurId).query(JetonRepository::jeton).list();
    }

    /** A token not revoked. */
    Optional<Jeton> actif(long id) {
        return jdbc.sql(JETON_SQL + " WHERE j.id = :id AND j.revoque_le IS NULL").param("id", id)
                .query(JetonRepository::jeton).optional();
    }

    void revoquer(long id, OffsetDateTime maintenant) {
        jdbc.sql("UPDATE jeton_api SET revoque_le = :maintenant WHERE id = :id AND revoque_le IS NULL")
                .param("maintenant", maintenant).param("id", id).update();
    }

    /** One indexed read on the SHA-256: the token is neither revoked nor expired. */
    Optional<JetonValide> valide(String empreinte, LocalDate aujourdhui) {
        return jdbc.sql("""
                        SELECT id, utilisateur_id, derniere_utilisation FROM jeton_api
                        WHERE empreinte = :empreinte AND revoque_le IS NULL AND (expire_le IS NULL OR expire_le >= :aujourdhui)""")
                .param("empreinte", empreinte).param("aujourdhui", aujourdhui)
                .query((rs, i) -> new JetonValide(rs.getLong("id"), rs.getLong("utilisateur_id"),
                        rs.getObject("derniere_utilisation", OffsetDateTime.class)))
                .optional();
    }

    void utilise(long id, OffsetDateTime maintenant) {
        jdbc.sql("UPDATE jeton_api SET derniere_utilisation = :maintenant WHERE id = :id")
                .param("maintenant", maintenant).param("id", id).update();
    }

    private static Jeton jeton(ResultSet rs, int i) throws SQLException {
        return new Jeton(rs.getLong("id"), rs.getLong("utilisateur_id"), rs.getString("proprietaire"), rs.getString("nom"), rs.getString("prefixe"),
                rs.getObject("cree_le", OffsetDateTime.class), rs.getObject("derniere_utilisation", OffsetDateTime.class),
                rs.getObject("expire_le", LocalDate.class));
    }
}
