package fr.pilotectg.gouvernance;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class PiecesRepository {

    private static final String COLONNES = """
            id, convention_id, nom_fichier, libelle, type_media, taille, sha256, categorie, date_document, reunion_id,
            deliberation_organisation_id, auteur, cree_le""";

    private static final RowMapper<Piece> PIECE = (rs, n) -> new Piece(rs.getLong("id"), rs.getLong("convention_id"),
            rs.getString("nom_fichier"), rs.getString("libelle"), rs.getString("type_media"), rs.getLong("taille"),
            rs.getString("sha256"), CategoriePiece.valueOf(rs.getString("categorie")),
            rs.getObject("date_document", java.time.LocalDate.class), (Long) rs.getObject("reunion_id", Long.class),
            (Long) rs.getObject("deliberation_organisation_id", Long.class), rs.getString("auteur"),
            rs.getObject("cree_le", OffsetDateTime.class));

    private final JdbcClient jdbc;

    PiecesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The pieces of a convention, the most recent first. */
    List<Piece> pieces(long conventionId) {
        return jdbc.sql("SELECT " + COLONNES + " FROM piece WHERE convention_id = :c ORDER BY cree_le DESC, id DESC")
                .param("c", conventionId).query(PIECE).list();
    }

    Optional<Piece> piece(long id) {
        return jdbc.sql("SELECT " + COLONNES + " FROM piece WHERE id = :id").param("id", id).query(PIECE).optional();
    }

    byte[] contenu(long id) {
        return jdbc.sql("SELECT contenu FROM piece WHERE id = :id").param("id", id).query(byte[].class).single();
    }

    long inserer(Piece p, byte[] contenu) {
        KeyHolder cle = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO piece (convention_id, nom_fichier, libelle, type_media, taille, sha256, contenu, categorie,
                                           date_document, reunion_id, deliberation_organisation_id, auteur)
                        VALUES (:c, :nom, :libelle, :type, :taille, :sha, :contenu, :categorie, :date, :reunion, :organisation, :auteur)""")
                .param("c", p.conventionId()).param("nom", p.nomFichier()).param("libelle", p.libelle())
                .param("type", p.typeMedia()).param("taille", p.taille()).param("sha", p.sha256()).param("contenu", contenu)
                .param("categorie", p.categorie().name()).param("date", p.dateDocument()).param("reunion", p.reunionId())
                .param("organisation", p.deliberationOrganisationId()).param("auteur", p.auteur())
                .update(cle, "id");
        return cle.getKey().longValue();
    }

    boolean supprimer(long id) {
        return jdbc.sql("DELETE FROM piece WHERE id = :id").param("id", id).update() == 1;
    }
}
