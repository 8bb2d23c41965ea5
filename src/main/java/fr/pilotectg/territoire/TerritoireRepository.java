package fr.pilotectg.territoire;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the referential tables. Keys passed in are already normalised by the service. */
@Repository
class TerritoireRepository {

    private static final String COLONNES_COMMUNE =
            "c.code_insee, c.nom, c.code_departement, c.siren_epci, c.population, c.codes_postaux";
    private static final String COLONNES_EPCI =
            "siren, nom, type, code_departement, codes_departements, population, population_totale";

    private static final RowMapper<Commune> COMMUNE = (rs, i) -> new Commune(
            rs.getString("code_insee"),
            rs.getString("nom"),
            rs.getString("code_departement"),
            rs.getString("siren_epci"),
            rs.getObject("population", Integer.class),
            texts(rs, "codes_postaux"));

    private static final RowMapper<AncienneCommune> ANCIENNE = (rs, i) -> new AncienneCommune(
            rs.getString("code_ancien"), rs.getString("nom_ancien"), rs.getString("nature"), COMMUNE.mapRow(rs, i));

    private static final RowMapper<Epci> EPCI = (rs, i) -> new Epci(
            rs.getString("siren"),
            rs.getString("nom"),
            rs.getString("type"),
            rs.getString("code_departement"),
            texts(rs, "codes_departements"),
            rs.getInt("population"),
            rs.getInt("population_totale"));

    private static final RowMapper<Departement> DEPARTEMENT = (rs, i) -> new Departement(
            rs.getString("code"), rs.getString("nom"), rs.getString("code_region"), rs.getString("nom_region"));

    private final JdbcClient jdbc;

    TerritoireRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Commune> commune(String codeInsee) {
        return jdbc.sql("SELECT " + COLONNES_COMMUNE + " FROM commune c WHERE c.code_insee = ?")
                .param(codeInsee).query(COMMUNE).optional();
    }

    List<Commune> communesDeEpci(String siren) {
        return jdbc.sql("SELECT " + COLONNES_COMMUNE
                        + " FROM commune c WHERE c.siren_epci = ? ORDER BY c.nom_normalise, c.code_insee")
                .param(siren).query(COMMUNE).list();
    }

    /** Communes whose normalised name or one of whose aliases equals the key. */
    List<Commune> communesNommees(String nomNormalise) {
        return jdbc.sql("SELECT " + COLONNES_COMMUNE + " FROM commune c"
                        + " WHERE c.nom_normalise = :cle"
                        + " OR c.code_insee IN (SELECT a.code_insee FROM commune_alias a WHERE a.alias_normalise = :cle)"
                        + " ORDER BY c.code_departement, c.code_insee")
                .param("cle", nomNormalise).query(COMMUNE).list();
    }

    /** Former communes whose normalised name equals the key, with the current commune that absorbed each. */
    List<AncienneCommune> anciennesCommunesNommees(String nomNormalise) {
        return jdbc.sql("SELECT h.code_ancien, h.nom AS nom_ancien, h.nature, " + COLONNES_COMMUNE
                        + " FROM commune_historique h JOIN commune c ON c.code_insee = h.code_insee"
                        + " WHERE h.nom_normalise = :cle ORDER BY c.code_departement, c.code_insee, h.code_ancien")
                .param("cle", nomNormalise).query(ANCIENNE).list();
    }

    /** The former commune that had this INSEE code, when it is no current commune's. */
    List<AncienneCommune> anciennesCommunesDeCode(String code) {
        return jdbc.sql("SELECT h.code_ancien, h.nom AS nom_ancien, h.nature, " + COLONNES_COMMUNE
                        + " FROM commune_historique h JOIN commune c ON c.code_insee = h.code_insee"
                        + " WHERE h.code_ancien = :code ORDER BY h.nom")
                .param("code", code).query(ANCIENNE).list();
    }

    /** Former communes absorbed by that current commune, whose normalised name contains the key. */
    List<AncienneCommune> anciennesCommunesDe(String codeInsee, String cle) {
        return jdbc.sql("SELECT h.code_ancien, h.nom AS nom_ancien, h.nature, " + COLONNES_COMMUNE
                        + " FROM commune_historique h JOIN commune c ON c.code_insee = h.code_insee"
                        + " WHERE h.code_insee = :code AND h.nom_normalise LIKE :contient ORDER BY h.nom")
                .param("code", codeInsee).param("contient", "%" + cle + "%").query(ANCIENNE).list();
    }

    long nombreAnciennesCommunes() {
        return jdbc.sql("SELECT count(*) FROM commune_historique").query(Long.class).single();
    }

    /**
     * Communes whose normalised name or alias contains the key, best first: exact name, name
     * starting with the key, a word starting with the key, anywhere; then the most populated.
     */
    List<Commune> rechercher(String cle, String codeDepartement, int limite) {
        String sql = """
                WITH correspondance AS (
                    SELECT code_insee, nom_normalise AS texte FROM commune WHERE nom_normalise LIKE :contient
                    UNION ALL
                    SELECT code_insee, alias_normalise FROM commune_alias WHERE alias_normalise LIKE :contient
                    UNION ALL
                    SELECT code_insee, nom_normalise FROM commune_historique WHERE nom_normalise LIKE :contient
                ), rang AS (
                    SELECT code_insee, MIN(CASE WHEN texte = :cle THEN 0
                                                WHEN texte LIKE :debut THEN 1
                                                WHEN ' ' || texte LIKE :debutMot THEN 2
                                                ELSE 3 END) AS rang
                    FROM correspondance GROUP BY code_insee
                )
                SELECT %s FROM rang r JOIN commune c ON c.code_insee = r.code_insee
                %s
                ORDER BY r.rang, c.population DESC NULLS LAST, c.nom_normalise, c.code_insee
                LIMIT :limite
                """.formatted(COLONNES_COMMUNE, codeDepartement == null ? "" : "WHERE c.code_departement = :departement");
        // The key holds only [a-z0-9 ]: nothing to escape for LIKE.
        JdbcClient.StatementSpec requete = jdbc.sql(sql)
                .param("cle", cle)
                .param("contient", "%" + cle + "%")
                .param("debut", cle + "%")
                .param("debutMot", "% " + cle + "%")
                .param("limite", limite);
        if (codeDepartement != null) {
            requete = requete.param("departement", codeDepartement);
        }
        return requete.query(COMMUNE).list();
    }

    /** Communes whose INSEE code or one of whose postcodes starts with the digits given. */
    List<Commune> rechercherParCode(String debutCode, String codeDepartement, int limite) {
        String sql = "SELECT " + COLONNES_COMMUNE + " FROM commune c"
                + " WHERE (c.code_insee LIKE :debut OR EXISTS (SELECT 1 FROM unnest(c.codes_postaux) cp WHERE cp LIKE :debut))"
                + (codeDepartement == null ? "" : " AND c.code_departement = :departement")
                + " ORDER BY c.population DESC NULLS LAST, c.nom_normalise, c.code_insee LIMIT :limite";
        JdbcClient.StatementSpec requete = jdbc.sql(sql).param("debut", debutCode + "%").param("limite", limite);
        if (codeDepartement != null) {
            requete = requete.param("departement", codeDepartement);
        }
        return requete.query(COMMUNE).list();
    }

    long nombreCommunes() {
        return jdbc.sql("SELECT count(*) FROM commune").query(Long.class).single();
    }

    Optional<Epci> epci(String siren) {
        return jdbc.sql("SELECT " + COLONNES_EPCI + " FROM epci WHERE siren = ?").param(siren).query(EPCI).optional();
    }

    List<Epci> epcisNommes(String nomNormalise) {
        return jdbc.sql("SELECT " + COLONNES_EPCI + " FROM epci WHERE nom_normalise = ? ORDER BY siren")
                .param(nomNormalise).query(EPCI).list();
    }

    Optional<Departement> departement(String code) {
        return jdbc.sql("SELECT code, nom, code_region, nom_region FROM departement WHERE code = ?")
                .param(code).query(DEPARTEMENT).optional();
    }

    List<Departement> departements() {
        return jdbc.sql("SELECT code, nom, code_region, nom_region FROM departement ORDER BY code")
                .query(DEPARTEMENT).list();
    }

    private static List<String> texts(ResultSet rs, String colonne) throws SQLException {
        Array tableau = rs.getArray(colonne);
        return tableau == null ? List.of() : Arrays.asList((String[]) tableau.getArray());
    }
}
