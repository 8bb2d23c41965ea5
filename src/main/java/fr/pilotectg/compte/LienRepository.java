package fr.pilotectg.compte;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Single-use links to set a password (table {@code lien_mot_de_passe}): only the SHA-256 of their secret is kept. */
@Repository
class LienRepository {

    /** A link found by its secret, with its account. */
    record Lien(long id, long utilisateurId, String nature, OffsetDateTime expireLe, OffsetDateTime utiliseLe,
                boolean compteActif, String identifiant, String nomAffiche) {
    }

    private final JdbcClient jdbc;

    LienRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void inserer(long utilisateurId, String nature, String empreinte, OffsetDateTime creeLe, OffsetDateTime expireLe) {
        jdbc.sql("""
                        INSERT INTO lien_mot_de_passe (utilisateur_id, nature, empreinte, cree_le, expire_le)
                        VALUES (:utilisateur, :nature, :empreinte, :creeLe, :expireLe)""")
                .param("utilisateur", utilisateurId).param("nature", nature).param("empreinte", empreinte)
                .param("creeLe", creeLe).param("expireLe", expireLe).update();
    }

    /** A new link replaces the account's links not used yet: they expire now. */
    void expirerLesLiensEnCours(long utilisateurId, OffsetDateTime maintenant) {
        jdbc.sql("UPDATE lien_mot_de_passe SET expire_le = :maintenant WHERE utilisateur_id = :u AND utilise_le IS NULL AND expire_le > :maintenant")
                .param("maintenant", maintenant).param("u", utilisateurId).update();
    }

    Optional<Lien> lien(String empreinte, boolean verrouiller) {
        return jdbc.sql("""
                        SELECT l.id, l.utilisateur_id, l.nature, l.expire_le, l.utilise_le, u.actif, u.identifiant, u.nom_affiche
                        FROM lien_mot_de_passe l JOIN utilisateur u ON u.id = l.utilisateur_id
                        WHERE l.empreinte = :empreinte""" + (verrouiller ? " FOR UPDATE OF l" : ""))
                .param("empreinte", empreinte)
                .query((rs, i) -> new Lien(rs.getLong("id"), rs.getLong("utilisateur_id"), rs.getString("nature"),
                        rs.getObject("expire_le", OffsetDateTime.class), rs.getObject("utilise_le", OffsetDateTime.class),
                        rs.getBoolean("actif"), rs.getString("identifiant"), rs.getString("nom_affiche")))
                .optional();
    }

    void utiliser(long id, OffsetDateTime maintenant) {
        jdbc.sql("UPDATE lien_mot_de_passe SET utilise_le = :maintenant WHERE id = :id").param("maintenant", maintenant).param("id", id).update();
    }

    boolean recent(long utilisateurId, String nature, OffsetDateTime depuis) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM lien_mot_de_passe WHERE utilisateur_id = :u AND nature = :nature AND cree_le > :depuis)")
                .param("u", utilisateurId).param("nature", nature).param("depuis", depuis).query(Boolean.class).single();
    }
}
