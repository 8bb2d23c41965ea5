package fr.pilotectg.pilotage;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The national view in two statements whatever the number of conventions: the figures of every convention not archived
 * (one row each, aggregated by the service by département, Caf and status), and the communes of every département with
 * those in a CTG in force.
 */
@Repository
class VueNationaleRepository {

    /** Signed, not ended by a status, and its period (when known) covers today. */
    static final String EN_VIGUEUR = """
            c.statut IN ('SIGNEE', 'EN_VIGUEUR', 'BILAN_INTERMEDIAIRE', 'BILAN_FINAL')
            AND (c.date_debut IS NULL OR c.date_debut <= current_date) AND (c.date_fin IS NULL OR c.date_fin >= current_date)""";

    private final JdbcClient jdbc;

    VueNationaleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record ChiffresConvention(long id, String statut, boolean enVigueur, boolean finDansDouzeMois, String codeDepartement,
                              String departement, long cafId, String caf, int fiches, int realisees, int sollicitees,
                              int repondues) {
    }

    record CouvertureDepartement(String code, String nom, String codeRegion, String region, int communes, int couvertes) {
    }

    List<ChiffresConvention> chiffresDesConventions() {
        return jdbc.sql("""
                        WITH derniers AS (
                            SELECT DISTINCT ON (s.fiche_id) s.convention_id, s.fiche_id, s.statut FROM suivi_fiche s
                            ORDER BY s.fiche_id, s.date_point DESC, s.id DESC),
                        fiches AS (
                            SELECT f.convention_id, count(*) AS fiches,
                                   count(*) FILTER (WHERE st.statut_evaluation = 'REALISE') AS realisees
                            FROM fiche f
                            LEFT JOIN derniers d ON d.fiche_id = f.id
                            LEFT JOIN suivi_statut st ON st.convention_id = f.convention_id AND st.code = d.statut
                            WHERE f.supprimee_le IS NULL GROUP BY f.convention_id),
                        campagnes AS (
                            SELECT cp.convention_id, count(*) AS sollicitees, count(r.fiche_id) AS repondues
                            FROM campagne cp JOIN campagne_fiche cf ON cf.campagne_id = cp.id
                            LEFT JOIN (SELECT DISTINCT s.campagne_id, s.fiche_id FROM suivi_fiche s WHERE s.campagne_id IS NOT NULL) r
                                   ON r.campagne_id = cp.id AND r.fiche_id = cf.fiche_id
                            WHERE cp.cloturee_le IS NULL GROUP BY cp.convention_id)
                        SELECT c.id, c.statut, (%s) AS en_vigueur,
                               COALESCE(c.date_fin BETWEEN current_date AND CAST(current_date + interval '12 months' AS DATE), FALSE)
                                   AND c.statut NOT IN ('ECHUE', 'RENOUVELEE', 'RESILIEE') AS fin_proche,
                               COALESCE(c.code_departement, caf.code_departement) AS code_departement, d.nom AS departement,
                               caf.id AS caf_id, caf.nom AS caf,
                               COALESCE(fi.fiches, 0) AS fiches, COALESCE(fi.realisees, 0) AS realisees,
                               COALESCE(ca.sollicitees, 0) AS sollicitees, COALESCE(ca.repondues, 0) AS repondues
                        FROM convention c
                        JOIN organisation caf ON caf.id = c.caf_id
                        LEFT JOIN departement d ON d.code = COALESCE(c.code_departement, caf.code_departement)
                        LEFT JOIN fiches fi ON fi.convention_id = c.id
                        LEFT JOIN campagnes ca ON ca.convention_id = c.id
                        WHERE c.archivee_le IS NULL""".formatted(EN_VIGUEUR))
                .query((rs, i) -> new ChiffresConvention(rs.getLong("id"), rs.getString("statut"), rs.getBoolean("en_vigueur"),
                        rs.getBoolean("fin_proche"), rs.getString("code_departement"), rs.getString("departement"),
                        rs.getLong("caf_id"), rs.getString("caf"), rs.getInt("fiches"), rs.getInt("realisees"),
                        rs.getInt("sollicitees"), rs.getInt("repondues")))
                .list();
    }

    /** Every département with its communes (the current referential) and those in the territory of a CTG in force. */
    List<CouvertureDepartement> couverture() {
        return jdbc.sql("""
                        WITH couvertes AS (
                            SELECT DISTINCT cc.code_insee FROM convention_commune cc JOIN convention c ON c.id = cc.convention_id
                            WHERE c.archivee_le IS NULL AND %s)
                        SELECT d.code, d.nom, d.code_region, d.nom_region, count(m.code_insee) AS communes,
                               count(k.code_insee) AS couvertes
                        FROM departement d
                        LEFT JOIN commune m ON m.code_departement = d.code
                        LEFT JOIN couvertes k ON k.code_insee = m.code_insee
                        GROUP BY d.code, d.nom, d.code_region, d.nom_region
                        ORDER BY d.code""".formatted(EN_VIGUEUR))
                .query((rs, i) -> new CouvertureDepartement(rs.getString("code"), rs.getString("nom"), rs.getString("code_region"),
                        rs.getString("nom_region"), rs.getInt("communes"), rs.getInt("couvertes")))
                .list();
    }
}
