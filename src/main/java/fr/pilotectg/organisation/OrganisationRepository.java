package fr.pilotectg.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.pilotectg.territoire.NameNormalizer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrganisationRepository {

    private static final String MANDAT_SQL = """
            SELECT m.id, m.fonction, m.organisation_id, o.nom AS organisation_nom,
                   p.id AS personne_id, p.civilite, p.prenom, p.nom
            FROM mandat m JOIN personne p ON p.id = m.personne_id JOIN organisation o ON o.id = m.organisation_id
            """;

    private static final String UTILISATEUR_SQL =
            "SELECT id, identifiant, nom_affiche, role, organisation_id, mot_de_passe FROM utilisateur";

    private final JdbcClient jdbc;

    OrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Organisation> organisation(long id) {
        return jdbc.sql("SELECT * FROM organisation WHERE id = :id").param("id", id)
                .query(OrganisationRepository::organisation).optional();
    }

    List<Organisation> organisations(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM organisation WHERE id IN (:ids)").param("ids", ids)
                .query(OrganisationRepository::organisation).list();
    }

    Optional<Organisation> parCode(TypeOrganisation type, String code) {
        String colonne = type == TypeOrganisation.COMMUNE ? "code_insee" : "siren";
        return jdbc.sql("SELECT * FROM organisation WHERE type = :type AND " + colonne + " = :code")
                .param("type", type.name()).param("code", code)
                .query(OrganisationRepository::organisation).optional();
    }

    List<Organisation> rechercher(String texte, TypeOrganisation type, int limite) {
        return jdbc.sql("""
                        SELECT * FROM organisation
                        WHERE actif AND (:texte = '' OR lower(nom) LIKE '%' || lower(:texte) || '%' OR lower(sigle) = lower(:texte))
                          AND (CAST(:type AS TEXT) IS NULL OR type = :type)
                        ORDER BY code_departement, nom LIMIT :limite""")
                .param("texte", texte).param("type", type == null ? null : type.name()).param("limite", limite)
                .query(OrganisationRepository::organisation).list();
    }

    List<Organisation> parNom(String nom) {
        return jdbc.sql("SELECT * FROM organisation WHERE actif AND (unaccent_simple(nom) = unaccent_simple(:nom) OR unaccent_simple(sigle) = unaccent_simple(:nom)) ORDER BY nom")
                .param("nom", nom.trim()).query(OrganisationRepository::organisation).list();
    }

    Organisation inserer(NouvelleOrganisation o) {
        long id = jdbc.sql("""
                        INSERT INTO organisation (nom, sigle, type, code_insee, siren, code_departement, nom_normalise)
                        VALUES (:nom, :sigle, :type, :codeInsee, :siren, :departement, :cle) RETURNING id""")
                .param("nom", o.nom().trim()).param("cle", NameNormalizer.normaliserEpci(o.nom())).param("sigle", o.sigle()).param("type", o.type().name())
                .param("codeInsee", o.codeInsee()).param("siren", o.siren()).param("departement", o.codeDepartement())
                .query(Long.class).single();
        return organisation(id).orElseThrow();
    }

    Optional<Mandat> mandat(long id) {
        return jdbc.sql(MANDAT_SQL + " WHERE m.id = :id").param("id", id).query(OrganisationRepository::mandat).optional();
    }

    List<Mandat> mandats(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(MANDAT_SQL + " WHERE m.id IN (:ids)").param("ids", ids).query(OrganisationRepository::mandat).list();
    }

    Personne insererPersonne(String civilite, String prenom, String nom) {
        long id = jdbc.sql("INSERT INTO personne (civilite, prenom, nom, nom_normalise) VALUES (:civilite, :prenom, :nom, :cle) RETURNING id")
                .param("civilite", civilite).param("prenom", prenom).param("nom", nom).param("cle", PersonneRepository.cle(prenom, nom))
                .query(Long.class).single();
        return new Personne(id, civilite, prenom, nom);
    }

    Mandat insererMandat(long personneId, long organisationId, String fonction) {
        long id = jdbc.sql("""
                        INSERT INTO mandat (personne_id, organisation_id, fonction)
                        VALUES (:personne, :organisation, :fonction) RETURNING id""")
                .param("personne", personneId).param("organisation", organisationId).param("fonction", fonction)
                .query(Long.class).single();
        return mandat(id).orElseThrow();
    }

    long insererUtilisateur(String identifiant, String hash, String nomAffiche, Role role, Long organisationId) {
        return jdbc.sql("""
                        INSERT INTO utilisateur (identifiant, mot_de_passe, nom_affiche, role, organisation_id)
                        VALUES (:identifiant, :hash, :nom, :role, :organisation) RETURNING id""")
                .param("identifiant", identifiant).param("hash", hash).param("nom", nomAffiche)
                .param("role", role.name()).param("organisation", organisationId)
                .query(Long.class).single();
    }

    void definirCourriel(long utilisateurId, String courriel) {
        jdbc.sql("UPDATE utilisateur SET courriel = :courriel WHERE id = :id").param("courriel", courriel).param("id", utilisateurId).update();
    }

    List<String> courrielsDesUtilisateurs(long organisationId) {
        return jdbc.sql("SELECT courriel FROM utilisateur WHERE organisation_id = :organisation AND actif AND courriel IS NOT NULL ORDER BY courriel")
                .param("organisation", organisationId).query(String.class).list();
    }

    Map<String, String> motsDePasse(List<String> identifiants) {
        Map<String, String> hashes = new LinkedHashMap<>();
        jdbc.sql("SELECT identifiant, mot_de_passe FROM utilisateur WHERE identifiant IN (:ids) AND actif")
                .param("ids", identifiants)
                .query(rs -> {
                    hashes.put(rs.getString(1), rs.getString(2));
                });
        return hashes;
    }

    Optional<UtilisateurConnecte> utilisateurActif(String identifiant) {
        // Logins of real accounts are e-mail addresses, stored in lower case: "Prenom.Nom@Caf05.fr" signs in too.
        return jdbc.sql(UTILISATEUR_SQL + " WHERE lower(identifiant) = lower(:identifiant) AND actif").param("identifiant", identifiant)
                .query(OrganisationRepository::utilisateur).optional();
    }

    Optional<UtilisateurConnecte> utilisateurActif(long id) {
        return jdbc.sql(UTILISATEUR_SQL + " WHERE id = :id AND actif").param("id", id)
                .query(OrganisationRepository::utilisateur).optional();
    }

    /** Accounts whose login is this one ignoring case, active or not, the exact match first. */
    List<CompteParCourriel> comptesSansCasse(String identifiant) {
        return jdbc.sql(UTILISATEUR_SQL.replace("SELECT ", "SELECT actif, ")
                        + " WHERE lower(identifiant) = lower(:identifiant) ORDER BY (identifiant = :identifiant) DESC, id")
                .param("identifiant", identifiant)
                .query((rs, i) -> new CompteParCourriel(utilisateur(rs, i), rs.getBoolean("actif"))).list();
    }

    Optional<Organisation> cafDuDepartement(String codeDepartement) {
        return jdbc.sql("SELECT * FROM organisation WHERE type = 'CAF' AND code_departement = :code AND actif ORDER BY id LIMIT 1")
                .param("code", codeDepartement).query(OrganisationRepository::organisation).optional();
    }

    long nombreUtilisateurs() {
        return jdbc.sql("SELECT count(*) FROM utilisateur").query(Long.class).single();
    }

    long nombreOrganisations() {
        return jdbc.sql("SELECT count(*) FROM organisation").query(Long.class).single();
    }

    private static UtilisateurConnecte utilisateur(ResultSet rs, int i) throws SQLException {
        return new UtilisateurConnecte(rs.getLong("id"), rs.getString("identifiant"), rs.getString("nom_affiche"),
                Role.valueOf(rs.getString("role")), (Long) rs.getObject("organisation_id"), rs.getString("mot_de_passe"));
    }

    static Organisation organisation(ResultSet rs, int i) throws SQLException {
        return new Organisation(rs.getLong("id"), rs.getString("nom"), rs.getString("sigle"),
                TypeOrganisation.valueOf(rs.getString("type")), rs.getString("code_insee"), rs.getString("siren"),
                rs.getString("code_departement"));
    }

    private static Mandat mandat(ResultSet rs, int i) throws SQLException {
        return new Mandat(rs.getLong("id"),
                new Personne(rs.getLong("personne_id"), rs.getString("civilite"), rs.getString("prenom"), rs.getString("nom")),
                rs.getLong("organisation_id"), rs.getString("organisation_nom"), rs.getString("fonction"));
    }
}
