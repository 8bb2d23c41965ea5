package fr.pilotectg.pilotage;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's figures counted again in SQL written independently of the application's queries
 * (DISTINCT ON for the latest follow-up of a year, array containment for planned years), to compare with.
 */
final class ComptesSql {

    private static final String STATUTS = """
            WITH periode AS (
                SELECT generate_series(extract(YEAR FROM date_debut)::int, extract(YEAR FROM date_fin)::int) AS a
                FROM convention WHERE id = :c),
            dernier AS (
                SELECT DISTINCT ON (sf.fiche_id, extract(YEAR FROM sf.date_point))
                       sf.fiche_id, extract(YEAR FROM sf.date_point)::int AS a, ss.statut_evaluation
                FROM suivi_fiche sf JOIN suivi_statut ss ON (ss.convention_id, ss.code) = (sf.convention_id, sf.statut)
                WHERE sf.convention_id = :c
                ORDER BY sf.fiche_id, extract(YEAR FROM sf.date_point), sf.date_point DESC, sf.id DESC),
            effectif AS (
                SELECT f.id, p.a, f.annees @> ARRAY[p.a] AS prevue,
                       CASE WHEN el.statut IS NOT NULL THEN el.statut
                            WHEN f.annees <> '{}' AND NOT f.annees @> ARRAY[p.a] THEN 'NON_CONCERNE'
                            WHEN d.statut_evaluation IS NOT NULL THEN d.statut_evaluation
                            ELSE 'NON_REALISE' END AS s
                FROM fiche f CROSS JOIN periode p
                LEFT JOIN evaluation_ligne el ON el.fiche_id = f.id AND el.annee = p.a
                LEFT JOIN dernier d ON d.fiche_id = f.id AND d.a = p.a
                WHERE f.convention_id = :c AND f.supprimee_le IS NULL)
            """;

    private final JdbcClient jdbc;

    ComptesSql(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per year: "réalisées/concernées". */
    Map<Integer, String> parAnnee(long convention) {
        Map<Integer, String> resultat = new LinkedHashMap<>();
        jdbc.sql(STATUTS + """
                        SELECT a, count(*) FILTER (WHERE s = 'REALISE') AS r, count(*) FILTER (WHERE s <> 'NON_CONCERNE') AS n
                        FROM effectif GROUP BY a ORDER BY a""")
                .param("c", convention)
                .query((java.sql.ResultSet rs) -> {
                    resultat.put(rs.getInt("a"), rs.getInt("r") + "/" + rs.getInt("n"));
                });
        return resultat;
    }

    /** "réalisées/concernées" over the years up to {@code jusqua}. */
    String jusqua(long convention, int jusqua) {
        return jdbc.sql(STATUTS + """
                        SELECT count(*) FILTER (WHERE s = 'REALISE') || '/' || count(*) FILTER (WHERE s <> 'NON_CONCERNE')
                        FROM effectif WHERE a <= :y""")
                .param("c", convention).param("y", jusqua).query(String.class).single();
    }

    long retards(long convention, int annee) {
        return jdbc.sql(STATUTS + "SELECT count(*) FROM effectif WHERE prevue AND a < :y AND s NOT IN ('REALISE', 'NON_CONCERNE')")
                .param("c", convention).param("y", annee).query(Long.class).single();
    }

    /**
     * Per year, on {@code aujourdhui}: "réalisé en-cours non-réalisé en-cours-d'année à-venir total-concerné", written
     * from the rule's wording: later years are to come unless done or started; the current year, while its COPIL has
     * not validated it, is under way for what is neither done nor started (no fiche has an end date yet).
     */
    Map<Integer, String> situations(long convention, java.time.LocalDate aujourdhui) {
        Map<Integer, String> resultat = new LinkedHashMap<>();
        jdbc.sql(STATUTS + """
                        , situe AS (
                            SELECT e.a, CASE WHEN e.s IN ('NON_CONCERNE', 'REALISE', 'EN_COURS') THEN e.s
                                             WHEN e.a > :y THEN 'A_VENIR'
                                             WHEN e.a = :y AND NOT EXISTS (SELECT 1 FROM evaluation_annee v WHERE v.convention_id = :c
                                                  AND v.annee = e.a AND v.validee_le IS NOT NULL) THEN 'EN_COURS_D_ANNEE'
                                             ELSE e.s END AS x
                            FROM effectif e)
                        SELECT a, count(*) FILTER (WHERE x = 'REALISE') || ' ' || count(*) FILTER (WHERE x = 'EN_COURS') || ' '
                                  || count(*) FILTER (WHERE x = 'NON_REALISE') || ' ' || count(*) FILTER (WHERE x = 'EN_COURS_D_ANNEE')
                                  || ' ' || count(*) FILTER (WHERE x = 'A_VENIR') || ' ' || count(*) FILTER (WHERE x <> 'NON_CONCERNE') AS l
                        FROM situe GROUP BY a ORDER BY a""")
                .param("c", convention).param("y", aujourdhui.getYear())
                .query((java.sql.ResultSet rs) -> {
                    resultat.put(rs.getInt("a"), rs.getString("l"));
                });
        return resultat;
    }

    long fiches(long convention) {
        return jdbc.sql("SELECT count(*) FROM fiche WHERE convention_id = :c AND supprimee_le IS NULL")
                .param("c", convention).query(Long.class).single();
    }

    /** Weighted progress in % rounded to the unit. */
    long avancement(long convention) {
        return jdbc.sql("""
                        SELECT COALESCE(round(sum(COALESCE(p.poids, 1) * COALESCE(d.avancement, ss.avancement_defaut, 0))
                                              / NULLIF(sum(COALESCE(p.poids, 1)), 0)), 0)
                        FROM fiche f
                        LEFT JOIN suivi_poids p ON p.fiche_id = f.id
                        LEFT JOIN (SELECT DISTINCT ON (fiche_id) fiche_id, avancement, statut, convention_id FROM suivi_fiche
                                   ORDER BY fiche_id, date_point DESC, id DESC) d ON d.fiche_id = f.id
                        LEFT JOIN suivi_statut ss ON (ss.convention_id, ss.code) = (d.convention_id, d.statut)
                        WHERE f.convention_id = :c AND f.supprimee_le IS NULL""")
                .param("c", convention).query(Long.class).single();
    }

    /** "à jour/concernées" for the open campaign(s). */
    String campagneOuverte(long convention) {
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM suivi_fiche sf WHERE sf.fiche_id = cf.fiche_id
                                   AND sf.campagne_id = cp.id)) || '/' || count(*)
                        FROM campagne cp JOIN campagne_fiche cf ON cf.campagne_id = cp.id
                        JOIN fiche f ON f.id = cf.fiche_id
                        WHERE cp.convention_id = :c AND cp.cloturee_le IS NULL AND f.supprimee_le IS NULL""")
                .param("c", convention).query(String.class).single();
    }
}
