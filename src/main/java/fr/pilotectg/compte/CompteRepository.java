package fr.pilotectg.compte;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.pilotectg.organisation.Role;
import fr.pilotectg.organisation.UtilisateurConnecte;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The accounts (table {@code utilisateur}) as their administration and the session check read and change them. */
@Repository
class CompteRepository {

    /** The account of an open session as it is now, and since when its sessions are valid. */
    record EtatDeSession(UtilisateurConnecte utilisateur, OffsetDateTime sessionsValidesApres) {
    }

    private static final String COMPTE_SQL = """
            SELECT u.id, u.identifiant, u.nom_affiche, u.role, u.organisation_id, o.nom AS organisation_nom, u.actif,
                   u.administrateur_caf, u.version
            FROM utilisateur u LEFT JOIN organisation o ON o.id = u.organisation_id
            """;

    private final JdbcClient jdbc;

    CompteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Compte> compte(long id) {
        return jdbc.sql(COMPTE_SQL + " WHERE u.id = :id").param("id", id).query(CompteRepository::compte).optional();
    }

    Optional<Compte> parIdentifiant(String identifiant) {
        return jdbc.sql(COMPTE_SQL + " WHERE lower(u.identifiant) = lower(:identifiant)").param("identifiant", identifiant)
                .query(CompteRepository::compte).optional();
    }

    /**
     * Accounts matching a text (login, name or organisation), of the given organisations only unless null, active ones
     * first then by name.
     */
    PageDeComptes rechercher(String texte, Collection<Long> organisations, int page, int taille) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        if (organisations != null) {
            where.append(" AND u.organisation_id IN (:organisations)");
            params.put("organisations", organisations.isEmpty() ? List.of(-1L) : organisations);
        }
        if (texte != null && !texte.isBlank()) {
            where.append(" AND (unaccent_simple(u.identifiant) LIKE :texte OR unaccent_simple(u.nom_affiche) LIKE :texte"
                    + " OR unaccent_simple(coalesce(o.nom, '')) LIKE :texte OR unaccent_simple(coalesce(o.sigle, '')) LIKE :texte)");
            params.put("texte", "%" + fr.pilotectg.shared.Textes.plier(texte).replace("%", "").replace("_", "") + "%");
        }
        String from = " FROM utilisateur u LEFT JOIN organisation o ON o.id = u.organisation_id" + where;
        long total = jdbc.sql("SELECT count(*)" + from).params(params).query(Long.class).single();
        List<Compte> comptes = jdbc.sql("""
                        SELECT u.id, u.identifiant, u.nom_affiche, u.role, u.organisation_id, o.nom AS organisation_nom, u.actif,
                               u.administrateur_caf, u.version""" + from
                        + " ORDER BY u.actif DESC, lower(u.nom_affiche), u.id LIMIT :limite OFFSET :decalage")
                .params(params).param("limite", taille).param("decalage", (long) (page - 1) * taille)
                .query(CompteRepository::compte).list();
        return new PageDeComptes(comptes, total, page, taille);
    }

    boolean identifiantPris(String identifiant) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM utilisateur WHERE lower(identifiant) = lower(:identifiant))")
                .param("identifiant", identifiant).query(Boolean.class).single();
    }

    long inserer(String identifiant, String hash, String nomAffiche, Role role, Long organisationId, boolean administrateurCaf) {
        return jdbc.sql("""
                        INSERT INTO utilisateur (identifiant, mot_de_passe, nom_affiche, role, organisation_id, administrateur_caf, courriel)
                        VALUES (:identifiant, :hash, :nom, :role, :organisation, :adminCaf, :courriel) RETURNING id""")
                .param("identifiant", identifiant).param("hash", hash).param("nom", nomAffiche).param("role", role.name())
                .param("organisation", organisationId).param("adminCaf", administrateurCaf)
                .param("courriel", identifiant.contains("@") ? identifiant : null)
                .query(Long.class).single();
    }

    /** Changes role and flag if the version is still the one read; false when someone changed the account since. */
    boolean changerRole(long id, int version, Role role, boolean administrateurCaf) {
        return jdbc.sql("""
                        UPDATE utilisateur SET role = :role, administrateur_caf = :adminCaf, version = version + 1
                        WHERE id = :id AND version = :version""")
                .param("role", role.name()).param("adminCaf", administrateurCaf).param("id", id).param("version", version)
                .update() == 1;
    }

    /** Activates or deactivates; a deactivation also ends the account's sessions from now on. */
    boolean changerActivation(long id, int version, boolean actif, OffsetDateTime maintenant) {
        return jdbc.sql("""
                        UPDATE utilisateur SET actif = :actif, version = version + 1,
                               sessions_valides_apres = CASE WHEN :actif THEN sessions_valides_apres ELSE :maintenant END
                        WHERE id = :id AND version = :version""")
                .param("actif", actif).param("maintenant", maintenant).param("id", id).param("version", version)
                .update() == 1;
    }

    void definirMotDePasse(long id, String hash) {
        jdbc.sql("UPDATE utilisateur SET mot_de_passe = :hash WHERE id = :id").param("hash", hash).param("id", id).update();
    }

    String motDePasse(long id) {
        return jdbc.sql("SELECT mot_de_passe FROM utilisateur WHERE id = :id").param("id", id).query(String.class).single();
    }

    /** Sessions of the account opened before this instant end at their next request. */
    void terminerSessions(long id, OffsetDateTime maintenant) {
        jdbc.sql("UPDATE utilisateur SET sessions_valides_apres = :maintenant WHERE id = :id")
                .param("maintenant", maintenant).param("id", id).update();
    }

    boolean administrateurCaf(long id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM utilisateur WHERE id = :id AND actif AND administrateur_caf)")
                .param("id", id).query(Boolean.class).single();
    }

    /** One indexed read per request of an open session. */
    Optional<EtatDeSession> etatDeSession(long id) {
        return jdbc.sql("""
                        SELECT id, identifiant, nom_affiche, role, organisation_id, mot_de_passe, sessions_valides_apres
                        FROM utilisateur WHERE id = :id AND actif""")
                .param("id", id)
                .query((rs, i) -> new EtatDeSession(new UtilisateurConnecte(rs.getLong("id"), rs.getString("identifiant"),
                        rs.getString("nom_affiche"), Role.valueOf(rs.getString("role")), (Long) rs.getObject("organisation_id"),
                        rs.getString("mot_de_passe")), rs.getObject("sessions_valides_apres", OffsetDateTime.class)))
                .optional();
    }

    /** Revokes every token of the account not yet revoked; the number revoked. */
    int revoquerJetons(long utilisateurId, OffsetDateTime maintenant) {
        return jdbc.sql("UPDATE jeton_api SET revoque_le = :maintenant WHERE utilisateur_id = :id AND revoque_le IS NULL")
                .param("maintenant", maintenant).param("id", utilisateurId).update();
    }

    private static Compte compte(ResultSet rs, int i) throws SQLException {
        return new Compte(rs.getLong("id"), rs.getString("identifiant"), rs.getString("nom_affiche"), Role.valueOf(rs.getString("role")),
                (Long) rs.getObject("organisation_id"), rs.getString("organisation_nom"), rs.getBoolean("actif"),
                rs.getBoolean("administrateur_caf"), rs.getInt("version"));
    }

    /** Active accounts of these organisations, or granted access: those who may read a convention, by name. */
    List<Compte> comptesConcernes(Collection<Long> organisations, Collection<Long> habilites) {
        return jdbc.sql(COMPTE_SQL + """
                         WHERE u.actif AND (u.organisation_id IN (:organisations) OR u.id IN (:habilites))
                        ORDER BY lower(u.nom_affiche), u.id LIMIT 2000""")
                .param("organisations", organisations.isEmpty() ? List.of(-1L) : organisations)
                .param("habilites", habilites.isEmpty() ? List.of(-1L) : habilites)
                .query(CompteRepository::compte).list();
    }
}
