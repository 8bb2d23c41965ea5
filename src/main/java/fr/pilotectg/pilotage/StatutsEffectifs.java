package fr.pilotectg.pilotage;

/**
 * The SQL shared by the dashboard, the portfolio and the bilans, so that they all count the same way.
 *
 * <p><b>Effective status</b> of fiche f in year y of the convention's period (years from the start date's
 * year to the end date's year; none when a date is missing):
 * <ol>
 *     <li>the status of the saved annual evaluation line (evaluation_ligne) of f for y, if any;</li>
 *     <li>else NON_CONCERNE when f.annees is not empty and does not contain y;</li>
 *     <li>else the statut_evaluation of the follow-up status of the latest follow-up (suivi_fiche, by
 *     date_point then id) of f dated in y, when that status pre-fills the grid (not null);</li>
 *     <li>else NON_REALISE (« à renseigner »).</li>
 * </ol>
 * <b>Progress</b> of a fiche: the avancement of its latest follow-up, else the avancement_defaut of that
 * follow-up's status, else 0; it rolls up weighted by suivi_poids (1 without a row). A fiche-year is
 * <b>concerned</b> when its effective status is not NON_CONCERNE; the share of réalisé is taken over concerned
 * fiche-years. What a fiche-year shows (à venir, en cours d'année, late…) is decided in Java by
 * {@link fr.pilotectg.evaluation.SituationAnnuelle} from the columns {@code statut}, {@code planifiee}, {@code validee}
 * (COPIL validation of the year) and {@code fin_fiche}. Deleted fiches (supprimee_le) never count.
 */
final class StatutsEffectifs {

    private StatutsEffectifs() {
    }

    /**
     * CTEs {@code periode(convention_id, annee)} and {@code fiche_annee(fiche_id, convention_id, annee,
     * planifiee, validee, fin_fiche, statut)} for the conventions matching {@code conditionConvention} (on alias {@code c}).
     */
    static String cte(String conditionConvention) {
        return """
                periode AS (
                    SELECT c.id AS convention_id, a.annee
                    FROM convention c
                    CROSS JOIN LATERAL generate_series(extract(YEAR FROM c.date_debut)::int,
                        -- never more years than a period may have, whatever a row says
                        least(extract(YEAR FROM c.date_fin)::int, extract(YEAR FROM c.date_debut)::int + 10)) AS a(annee)
                    WHERE c.date_debut IS NOT NULL AND c.date_fin IS NOT NULL AND (%s)
                ),
                fiche_annee AS (
                    SELECT f.id AS fiche_id, f.convention_id, p.annee, p.annee = ANY (f.annees) AS planifiee,
                           ea.validee_le IS NOT NULL AS validee,
                           -- the fiche's end month (plan dates, V67), stored as its first day
                           f.fin AS fin_fiche,
                           COALESCE(el.statut,
                               -- rolled up from the sub-actions' lines when one of them is saved or followed up (ADR 0038)
                               CASE WHEN sar.renseignee THEN sar.statut END,
                               CASE WHEN cardinality(f.annees) > 0 AND NOT (p.annee = ANY (f.annees)) THEN 'NON_CONCERNE' END,
                               (SELECT ss.statut_evaluation FROM suivi_statut ss
                                WHERE ss.convention_id = f.convention_id
                                  AND ss.code = (SELECT sf.statut FROM suivi_fiche sf
                                                 WHERE sf.fiche_id = f.id AND sf.date_point >= make_date(p.annee, 1, 1)
                                                   AND sf.date_point < make_date(p.annee + 1, 1, 1)
                                                 ORDER BY sf.date_point DESC, sf.id DESC LIMIT 1)),
                               'NON_REALISE') AS statut
                    FROM periode p
                    JOIN fiche f ON f.convention_id = p.convention_id AND f.supprimee_le IS NULL
                    -- Looked up by key, never joined: the planner estimates generate_series at hundreds of rows and
                    -- would otherwise hash the whole table once per convention (issue 16: 420 ms for 13 conventions).
                    LEFT JOIN LATERAL (SELECT x.statut FROM evaluation_ligne x
                                       WHERE x.fiche_id = f.id AND x.annee = p.annee LIMIT 1) el ON TRUE
                    LEFT JOIN LATERAL (%s) sar ON TRUE
                    LEFT JOIN LATERAL (SELECT x.validee_le FROM evaluation_annee x
                                       WHERE x.convention_id = p.convention_id AND x.annee = p.annee LIMIT 1) ea ON TRUE
                )""".formatted(conditionConvention, SOUS_ACTIONS_DE_L_ANNEE);
    }

    /**
     * The grid status a fiche (alias f) rolls up to from its live sub-actions in year p.annee (ADR 0038, same rule as
     * {@code evaluation.CumulSousActions}): each sub-action's line is its saved evaluation_sous_action, else non
     * concerné when its planned years (or, without any, the fiche's) do not contain the year, else the grid status of
     * its latest follow-up of the year, else non réalisé; concerned sub-actions count 1 réalisé, ½ en cours, 0
     * otherwise, times their weight. {@code renseignee}: one line is saved or pre-filled from a follow-up (null
     * without sub-actions).
     */
    private static final String SOUS_ACTIONS_DE_L_ANNEE = """
            SELECT CASE WHEN COALESCE(sum(x.poids) FILTER (WHERE x.compte), 0) = 0 THEN 'NON_CONCERNE'
                        WHEN sum(x.poids * x.part) FILTER (WHERE x.compte) = sum(x.poids) FILTER (WHERE x.compte) THEN 'REALISE'
                        WHEN sum(x.poids * x.part) FILTER (WHERE x.compte) = 0 THEN 'NON_REALISE'
                        ELSE 'EN_COURS' END AS statut,
                   bool_or(x.renseignee) AS renseignee
            FROM (SELECT y.poids, y.renseignee, y.st <> 'NON_CONCERNE' AND y.poids > 0 AS compte,
                         CASE y.st WHEN 'REALISE' THEN 1 WHEN 'EN_COURS' THEN 0.5 ELSE 0 END AS part
                  FROM (SELECT sa.poids,
                               COALESCE(esa.statut, CASE WHEN z.hors THEN 'NON_CONCERNE' END, z.suivi, 'NON_REALISE') AS st,
                               esa.statut IS NOT NULL OR (NOT z.hors AND z.suivi IS NOT NULL) AS renseignee
                        FROM sous_action sa
                        LEFT JOIN evaluation_sous_action esa ON esa.sous_action_id = sa.id AND esa.annee = p.annee
                        CROSS JOIN LATERAL (
                            SELECT COALESCE(cardinality(COALESCE(NULLIF(sa.annees, '{}'::int[]), f.annees)) > 0
                                       AND NOT (p.annee = ANY (COALESCE(NULLIF(sa.annees, '{}'::int[]), f.annees))), FALSE) AS hors,
                                   (SELECT ss2.statut_evaluation FROM suivi_statut ss2
                                    WHERE ss2.convention_id = f.convention_id
                                      AND ss2.code = (SELECT s.statut FROM suivi_sous_action s
                                                      WHERE s.sous_action_id = sa.id AND s.date_point >= make_date(p.annee, 1, 1)
                                                        AND s.date_point < make_date(p.annee + 1, 1, 1)
                                                      ORDER BY s.date_point DESC, s.id DESC LIMIT 1)) AS suivi) z
                        WHERE sa.fiche_id = f.id AND sa.supprimee_le IS NULL) y) x""";

    /** CTE {@code avancement(fiche_id, convention_id, avancement, poids)} for the fiches matching {@code conditionFiche} (alias {@code f}). */
    static String cteAvancement(String conditionFiche) {
        return """
                avancement AS (
                    SELECT f.id AS fiche_id, f.convention_id,
                           -- a fiche with sub-actions (weighing something) rolls its progress up from them (ADR 0023, 0038)
                           COALESCE(sar.avancement, d.avancement, ss.avancement_defaut, 0) AS avancement,
                           COALESCE(sp.poids, 1) AS poids
                    FROM fiche f
                    LEFT JOIN LATERAL (SELECT sf.avancement, sf.statut, sf.convention_id FROM suivi_fiche sf
                                       WHERE sf.fiche_id = f.id ORDER BY sf.date_point DESC, sf.id DESC LIMIT 1) d ON TRUE
                    LEFT JOIN suivi_statut ss ON ss.convention_id = d.convention_id AND ss.code = d.statut
                    LEFT JOIN suivi_poids sp ON sp.fiche_id = f.id
                    LEFT JOIN LATERAL (
                        SELECT round(sum(sa.poids * COALESCE(x.avancement, xs.avancement_defaut, 0)) / NULLIF(sum(sa.poids), 0))::int
                               AS avancement
                        FROM sous_action sa
                        LEFT JOIN LATERAL (SELECT s.avancement, s.statut, s.convention_id FROM suivi_sous_action s
                                           WHERE s.sous_action_id = sa.id ORDER BY s.date_point DESC, s.id DESC LIMIT 1) x ON TRUE
                        LEFT JOIN suivi_statut xs ON xs.convention_id = x.convention_id AND xs.code = x.statut
                        WHERE sa.fiche_id = f.id AND sa.supprimee_le IS NULL) sar ON TRUE
                    WHERE f.supprimee_le IS NULL AND (%s)
                )""".formatted(conditionFiche);
    }

    /**
     * CTE {@code campagne_ouverte(campagne_id, convention_id, libelle, fiche_id, repondu)}: the fiches asked by the open
     * campaigns (not closed) of the conventions matching {@code conditionConvention} (alias {@code c}); a fiche has
     * answered when it has a follow-up linked to that campaign (the follow-up feature links every update made while
     * the campaign is open), as the campaign page counts it.
     */
    static String cteCampagneOuverte(String conditionConvention) {
        return """
                campagne_ouverte AS (
                    SELECT cp.id AS campagne_id, cp.convention_id, cp.libelle, cp.date_limite, f.id AS fiche_id,
                           -- a scalar lookup, not EXISTS: as a semi-join the planner hashed the whole suivi_fiche
                           COALESCE((SELECT TRUE FROM suivi_fiche sf WHERE sf.campagne_id = cp.id AND sf.fiche_id = f.id
                                     LIMIT 1), FALSE) AS repondu
                    FROM convention c
                    JOIN campagne cp ON cp.convention_id = c.id AND cp.cloturee_le IS NULL
                    JOIN campagne_fiche cf ON cf.campagne_id = cp.id
                    JOIN fiche f ON f.id = cf.fiche_id AND f.supprimee_le IS NULL
                    WHERE (%s)
                )""".formatted(conditionConvention);
    }

    /** Whether the figures of a convention (alias {@code c}) include example rows (exemple = true). */
    static final String EXEMPLE = """
            (EXISTS (SELECT 1 FROM suivi_fiche x WHERE x.convention_id = c.id AND x.exemple)
             OR EXISTS (SELECT 1 FROM evaluation_ligne x WHERE x.convention_id = c.id AND x.exemple)
             OR EXISTS (SELECT 1 FROM evaluation_axe_transversal x WHERE x.convention_id = c.id AND x.exemple)
             OR EXISTS (SELECT 1 FROM campagne x WHERE x.convention_id = c.id AND x.exemple)
             OR EXISTS (SELECT 1 FROM indicateur_suivi i JOIN indicateur_suivi_valeur x ON x.indicateur_id = i.id
                        WHERE i.convention_id = c.id AND x.exemple))""";
}
