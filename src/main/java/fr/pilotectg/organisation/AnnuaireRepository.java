package fr.pilotectg.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import fr.pilotectg.territoire.NameNormalizer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Organisations as administered: full rows, aliases, search by normalised name and similarity, paging. */
@Repository
class AnnuaireRepository {

    /** Active organisations whose name, sigle, alias or SIREN matches, with a score (1 = same key). */
    private static final String CANDIDATS = """
            SELECT o.*, s.score, s.correspondance FROM organisation o JOIN LATERAL (
                SELECT score, correspondance FROM (
                    SELECT CASE WHEN o.nom_normalise = :cle THEN 1.0
                                WHEN o.nom_normalise LIKE '%' || :cle || '%' THEN 0.6 + 0.3 * similarity(o.nom_normalise, :cle)
                                ELSE similarity(o.nom_normalise, :cle) END AS score, o.nom AS correspondance
                    UNION ALL
                    SELECT CASE WHEN a.alias_normalise = :cle THEN 1.0
                                WHEN a.alias_normalise LIKE '%' || :cle || '%' THEN 0.6 + 0.3 * similarity(a.alias_normalise, :cle)
                                ELSE similarity(a.alias_normalise, :cle) END, a.alias
                    FROM organisation_alias a WHERE a.organisation_id = o.id
                    UNION ALL
                    SELECT 1.0, o.sigle WHERE o.sigle IS NOT NULL AND unaccent_simple(o.sigle) IN (:sigle, :cle)
                    UNION ALL
                    SELECT 1.0, o.siren WHERE o.siren = :siren
                ) x ORDER BY score DESC LIMIT 1) s ON TRUE
            WHERE o.actif AND (:cle = '' OR o.nom_normalise % :cle OR o.nom_normalise LIKE '%' || :cle || '%'
                   OR EXISTS (SELECT 1 FROM organisation_alias a WHERE a.organisation_id = o.id
                              AND (a.alias_normalise % :cle OR a.alias_normalise LIKE '%' || :cle || '%'))
                   OR unaccent_simple(o.sigle) IN (:sigle, :cle) OR o.siren = :siren)
              AND (CAST(:type AS TEXT) IS NULL OR o.type = :type)
            ORDER BY s.score DESC, o.nom LIMIT :limite""";

    private final JdbcClient jdbc;

    AnnuaireRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Candidates for a typed name; {@code sigle} is the acronym typed in brackets, if any ("… (CCBA)"). */
    List<Candidat> candidats(String cle, String sigle, TypeOrganisation type, int limite) {
        String siren = cle.replace(" ", "");
        return jdbc.sql(CANDIDATS)
                .param("cle", cle).param("sigle", sigle == null ? "" : NameNormalizer.normaliser(sigle))
                .param("siren", siren.matches("\\d{9}") ? siren : "")
                .param("type", type == null ? null : type.name()).param("limite", limite)
                .query((rs, i) -> new Candidat(OrganisationRepository.organisation(rs, i),
                        Math.round(rs.getDouble("score") * 100) / 100.0, rs.getString("correspondance")))
                .list();
    }

    /** One page of the list: search on name, sigle, alias and SIREN; {@code tri} is a column chosen from a fixed set. */
    List<FicheOrganisation> page(String cle, TypeOrganisation type, boolean inactives, String tri, int limite, int decalage) {
        return jdbc.sql("SELECT o.* FROM organisation o WHERE " + filtre() + " ORDER BY " + tri + ", o.id LIMIT :limite OFFSET :decalage")
                .param("cle", cle).param("type", type == null ? null : type.name()).param("inactives", inactives)
                .param("limite", limite).param("decalage", decalage)
                .query(this::ligne).list();
    }

    long nombre(String cle, TypeOrganisation type, boolean inactives) {
        return jdbc.sql("SELECT count(*) FROM organisation o WHERE " + filtre())
                .param("cle", cle).param("type", type == null ? null : type.name()).param("inactives", inactives)
                .query(Long.class).single();
    }

    private static String filtre() {
        return """
                (o.actif OR :inactives) AND (CAST(:type AS TEXT) IS NULL OR o.type = :type)
                AND (:cle = '' OR o.nom_normalise LIKE '%' || :cle || '%' OR unaccent_simple(coalesce(o.sigle, '')) = :cle
                     OR o.siren = replace(:cle, ' ', '')
                     OR EXISTS (SELECT 1 FROM organisation_alias a WHERE a.organisation_id = o.id AND a.alias_normalise LIKE '%' || :cle || '%'))""";
    }

    Optional<FicheOrganisation> fiche(long id) {
        return jdbc.sql("SELECT * FROM organisation WHERE id = :id").param("id", id).query(this::ligne).optional();
    }

    long inserer(SaisieOrganisation s) {
        return jdbc.sql("""
                        INSERT INTO organisation (nom, sigle, type, siren, code_departement, adresse, nom_normalise)
                        VALUES (:nom, :sigle, :type, :siren, :departement, :adresse, :cle) RETURNING id""")
                .param("nom", s.nom()).param("sigle", s.sigle()).param("type", s.type().name()).param("siren", s.siren())
                .param("departement", s.codeDepartement()).param("adresse", s.adresse())
                .param("cle", NameNormalizer.normaliserEpci(s.nom()))
                .query(Long.class).single();
    }

    /** Writes the new values if the version is still the one read; tells whether it was. */
    boolean modifier(long id, int version, SaisieOrganisation s) {
        return jdbc.sql("""
                        UPDATE organisation SET nom = :nom, sigle = :sigle, type = :type, siren = :siren,
                               code_departement = :departement, adresse = :adresse, nom_normalise = :cle, version = version + 1
                        WHERE id = :id AND version = :version""")
                .param("nom", s.nom()).param("sigle", s.sigle()).param("type", s.type().name()).param("siren", s.siren())
                .param("departement", s.codeDepartement()).param("adresse", s.adresse())
                .param("cle", NameNormalizer.normaliserEpci(s.nom())).param("id", id).param("version", version)
                .update() == 1;
    }

    boolean changerActif(long id, int version, boolean actif, Long fusionneeDans) {
        return jdbc.sql("""
                        UPDATE organisation SET actif = :actif, fusionnee_dans = :fusion, version = version + 1
                        WHERE id = :id AND version = :version""")
                .param("actif", actif).param("fusion", fusionneeDans).param("id", id).param("version", version)
                .update() == 1;
    }

    void remplacerAliases(long id, List<String> aliases) {
        jdbc.sql("DELETE FROM organisation_alias WHERE organisation_id = :id").param("id", id).update();
        for (String alias : aliases) {
            ajouterAlias(id, alias);
        }
    }

    void ajouterAlias(long id, String alias) {
        jdbc.sql("""
                        INSERT INTO organisation_alias (organisation_id, alias, alias_normalise) VALUES (:id, :alias, :cle)
                        ON CONFLICT DO NOTHING""")
                .param("id", id).param("alias", alias).param("cle", NameNormalizer.normaliserEpci(alias)).update();
    }

    List<String> aliases(long id) {
        return jdbc.sql("SELECT alias FROM organisation_alias WHERE organisation_id = :id ORDER BY alias")
                .param("id", id).query(String.class).list();
    }

    /** Another organisation with this SIREN and kind (a duplicate in the making), if any. */
    Optional<Organisation> memeSiren(String siren, TypeOrganisation type, Long saufId) {
        return jdbc.sql("SELECT * FROM organisation WHERE siren = :siren AND type = :type AND id <> :id ORDER BY id LIMIT 1")
                .param("siren", siren).param("type", type.name()).param("id", saufId == null ? -1 : saufId)
                .query(OrganisationRepository::organisation).optional();
    }

    /** Rows written by SQL (migrations) get their comparison key from the application's normaliser. */
    int completerCles() {
        List<Object[]> manquantes = jdbc.sql("SELECT id, nom FROM organisation WHERE nom_normalise IS NULL")
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
        for (Object[] ligne : manquantes) {
            jdbc.sql("UPDATE organisation SET nom_normalise = :cle WHERE id = :id")
                    .param("cle", NameNormalizer.normaliserEpci((String) ligne[1])).param("id", ligne[0]).update();
        }
        return manquantes.size();
    }

    private FicheOrganisation ligne(ResultSet rs, int i) throws SQLException {
        long id = rs.getLong("id");
        return new FicheOrganisation(id, rs.getInt("version"), rs.getString("nom"), rs.getString("sigle"),
                TypeOrganisation.valueOf(rs.getString("type")), rs.getString("code_insee"), rs.getString("siren"),
                rs.getString("code_departement"), rs.getString("adresse"), rs.getBoolean("actif"),
                (Long) rs.getObject("fusionnee_dans"), aliases(id));
    }
}
