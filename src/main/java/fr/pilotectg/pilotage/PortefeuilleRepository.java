package fr.pilotectg.pilotage;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.pilotectg.convention.StatutConvention;
import fr.pilotectg.pilotage.TableauDeBordRepository.FicheAnnee;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The portfolio in one query: every figure of every convention of the scope, counted set-wise. */
@Repository
class PortefeuilleRepository {

    /**
     * One Caf (or all), archived conventions left out: an archive is hidden from every list. Two texts rather than
     * "(:caf IS NULL OR c.caf_id = :caf)": PostgreSQL's generic plan for that form, used after five executions, took
     * the admin portfolio from 0.3 s to 1.2 s (issue 16).
     */
    private static String condition(Long cafId, Set<Long> conventions) {
        String condition = cafId == null ? "c.archivee_le IS NULL" : "c.caf_id = :caf AND c.archivee_le IS NULL";
        return conventions == null ? condition : condition + " AND c.id IN (:ids)";
    }

    /** The statement with the parameters its {@link #condition} names. */
    private JdbcClient.StatementSpec requete(String sql, Long cafId, Set<Long> conventions) {
        JdbcClient.StatementSpec requete = jdbc.sql(sql);
        if (cafId != null) {
            requete = requete.param("caf", cafId);
        }
        return conventions == null ? requete : requete.param("ids", conventions);
    }

    private final JdbcClient jdbc;

    PortefeuilleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Fiche-years of a convention sharing everything {@link fr.pilotectg.evaluation.SituationAnnuelle} needs. */
    record GroupeFichesAnnees(long conventionId, int nombre, FicheAnnee exemple) {
    }

    /**
     * The fiche-years of the scope up to {@code anneeCourante}, counted by convention and by what decides their
     * situation, each group situated on {@code aujourdhui}: a few rows per convention, not one per fiche-year; only
     * for the conventions given, or for the whole scope when {@code conventions} is null.
     */
    List<GroupeFichesAnnees> fichesAnnees(Long cafId, Set<Long> conventions, LocalDate aujourdhui) {
        if (conventions != null && conventions.isEmpty()) {
            return List.of();
        }
        String sql = "WITH " + StatutsEffectifs.cte(condition(cafId, conventions)) + """
                         SELECT convention_id, 0 AS fiche_id, annee, planifiee, validee, fin_fiche, statut, count(*) AS nombre
                        FROM fiche_annee WHERE annee <= :annee
                        GROUP BY convention_id, annee, planifiee, validee, fin_fiche, statut""";
        return requete(sql, cafId, conventions).param("annee", aujourdhui.getYear())
                .query((rs, i) -> new GroupeFichesAnnees(rs.getLong("convention_id"), rs.getInt("nombre"),
                        TableauDeBordRepository.ficheAnnee(rs, aujourdhui)))
                .list();
    }

    /** Those of these conventions whose figures include example rows (one statement for the page shown). */
    Set<Long> exemples(Set<Long> conventions) {
        if (conventions.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("SELECT c.id FROM convention c WHERE c.id IN (:ids) AND " + StatutsEffectifs.EXEMPLE)
                .param("ids", conventions).query(Long.class).list());
    }

    /** What the portfolio counts of a convention besides its fiche-years. */
    record Chiffres(int fiches, int campagneConcernees, int campagneRepondues, LocalDate prochainCopil) {
    }

    /**
     * The conventions of one Caf, or of all Cafs when {@code cafId} is null, without their figures (computed for the
     * page shown, see {@link #chiffres}, {@link #fichesAnnees} and {@link #exemples}).
     */
    List<LignePortefeuille> lignes(Long cafId) {
        return requete("""
                SELECT c.id, c.titre, o.nom AS caf, c.statut, c.date_debut, c.date_fin, c.duree_annees
                FROM convention c JOIN organisation o ON o.id = c.caf_id
                WHERE\s""" + condition(cafId, null), cafId, null).query((rs, i) -> new LignePortefeuille(rs.getLong("id"), rs.getString("titre"), rs.getString("caf"),
                        StatutConvention.valueOf(rs.getString("statut")), rs.getObject("date_debut", LocalDate.class),
                        rs.getObject("date_fin", LocalDate.class), (Integer) rs.getObject("duree_annees"),
                        0, 0, 0, 0, 0, 0, null, false))
                .list();
    }

    /**
     * Fiches, open campaigns' answers and next COPIL of the conventions given, or of the whole scope when
     * {@code conventions} is null (the portfolio sorted by one of them).
     */
    Map<Long, Chiffres> chiffres(Long cafId, Set<Long> conventions) {
        if (conventions != null && conventions.isEmpty()) {
            return Map.of();
        }
        String condition = condition(cafId, conventions);
        String sql = "WITH " + StatutsEffectifs.cteCampagneOuverte(condition) + """
                        , campagne_chiffres AS (
                            SELECT convention_id, count(*) AS concernees, count(*) FILTER (WHERE repondu) AS repondues
                            FROM campagne_ouverte GROUP BY convention_id),
                        fiches AS (
                            SELECT f.convention_id, count(*) AS nombre FROM fiche f JOIN convention c ON c.id = f.convention_id
                            WHERE f.supprimee_le IS NULL AND %s GROUP BY f.convention_id),
                        copil AS (
                            SELECT r.convention_id, min(r.date) AS prochain FROM gouvernance_reunion r
                            JOIN gouvernance_instance gi ON gi.convention_id = r.convention_id AND gi.cle = r.instance_cle
                                AND gi.type = 'COPIL'
                            JOIN convention c ON c.id = r.convention_id
                            WHERE r.date >= current_date AND %s GROUP BY r.convention_id)
                        SELECT c.id, COALESCE(fi.nombre, 0) AS fiches, COALESCE(ca.concernees, 0) AS campagne_concernees,
                               COALESCE(ca.repondues, 0) AS campagne_repondues, cp.prochain
                        FROM convention c
                        LEFT JOIN fiches fi ON fi.convention_id = c.id
                        LEFT JOIN campagne_chiffres ca ON ca.convention_id = c.id
                        LEFT JOIN copil cp ON cp.convention_id = c.id
                        WHERE %s""".formatted(condition, condition, condition);
        Map<Long, Chiffres> chiffres = new HashMap<>();
        requete(sql, cafId, conventions).query((ResultSet rs) -> {
            chiffres.put(rs.getLong("id"), new Chiffres(rs.getInt("fiches"), rs.getInt("campagne_concernees"),
                    rs.getInt("campagne_repondues"), rs.getObject("prochain", LocalDate.class)));
        });
        return chiffres;
    }
}
