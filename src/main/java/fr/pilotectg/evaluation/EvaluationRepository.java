package fr.pilotectg.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of the annual grids (evaluation_annee, evaluation_ligne, evaluation_axe_transversal); reads suivi_fiche. */
@Repository
class EvaluationRepository {

    record LigneEnregistree(long ficheId, StatutEvaluation statut, LocalDate datePrevue, String resultats,
                            String perspectives, String impacts, boolean exemple, int version) {
    }

    /** The last follow-up of a fiche in a year; statutEvaluation null when its status does not pre-fill the grid. */
    record DernierSuivi(long ficheId, LocalDate datePoint, StatutEvaluation statutEvaluation, String realisations) {
    }

    record AnneeEnregistree(String commentaires, ValidationCopil validation, boolean exemple, int version) {

        static final AnneeEnregistree VIDE = new AnneeEnregistree(null, null, false, 0);
    }

    private final JdbcClient jdbc;

    EvaluationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<Long, LigneEnregistree> lignes(long conventionId, int annee) {
        return jdbc.sql("SELECT * FROM evaluation_ligne WHERE convention_id = :c AND annee = :a")
                .param("c", conventionId).param("a", annee)
                .query(EvaluationRepository::ligne).list().stream()
                .collect(Collectors.toMap(LigneEnregistree::ficheId, Function.identity()));
    }

    Optional<LigneEnregistree> ligne(long ficheId, int annee) {
        return jdbc.sql("SELECT * FROM evaluation_ligne WHERE fiche_id = :f AND annee = :a")
                .param("f", ficheId).param("a", annee).query(EvaluationRepository::ligne).optional();
    }

    Map<Long, DernierSuivi> derniersSuivis(long conventionId, int annee) {
        return derniers("suivi_fiche", "fiche_id", "realisations", conventionId, annee);
    }

    /** A saved sub-action line (ADR 0038). */
    record SousActionEnregistree(long sousActionId, long ficheId, StatutEvaluation statut, String resultats, int version) {
    }

    Map<Long, SousActionEnregistree> lignesSousActions(long conventionId, int annee) {
        return jdbc.sql("SELECT * FROM evaluation_sous_action WHERE convention_id = :c AND annee = :a")
                .param("c", conventionId).param("a", annee)
                .query((rs, i) -> new SousActionEnregistree(rs.getLong("sous_action_id"), rs.getLong("fiche_id"),
                        StatutEvaluation.valueOf(rs.getString("statut")), rs.getString("resultats"), rs.getInt("version")))
                .list().stream().collect(Collectors.toMap(SousActionEnregistree::sousActionId, Function.identity()));
    }

    /** The last follow-up of each sub-action in a year, keyed by sub-action id (ficheId carries the sub-action id). */
    Map<Long, DernierSuivi> derniersSuivisSousActions(long conventionId, int annee) {
        return derniers("suivi_sous_action", "sous_action_id", "commentaire", conventionId, annee);
    }

    /** The last follow-up in a year of each element of a follow-up table (names are constants of this class, never input). */
    private Map<Long, DernierSuivi> derniers(String table, String cle, String texte, long conventionId, int annee) {
        return jdbc.sql("SELECT DISTINCT ON (s." + cle + ") s." + cle + " AS cle, s.date_point, s." + texte + " AS texte, ss.statut_evaluation"
                        + " FROM " + table + " s JOIN suivi_statut ss ON ss.convention_id = s.convention_id AND ss.code = s.statut"
                        + " WHERE s.convention_id = :c AND s.date_point >= :debut AND s.date_point < :fin"
                        + " ORDER BY s." + cle + ", s.date_point DESC, s.id DESC")
                .param("c", conventionId).param("debut", LocalDate.of(annee, 1, 1)).param("fin", LocalDate.of(annee + 1, 1, 1))
                .query((rs, i) -> new DernierSuivi(rs.getLong("cle"), rs.getObject("date_point", LocalDate.class),
                        rs.getString("statut_evaluation") == null ? null : StatutEvaluation.valueOf(rs.getString("statut_evaluation")),
                        rs.getString("texte")))
                .list().stream().collect(Collectors.toMap(DernierSuivi::ficheId, Function.identity()));
    }

    Optional<SousActionEnregistree> ligneSousAction(long sousActionId, int annee) {
        return jdbc.sql("SELECT * FROM evaluation_sous_action WHERE sous_action_id = :s AND annee = :a")
                .param("s", sousActionId).param("a", annee)
                .query((rs, i) -> new SousActionEnregistree(rs.getLong("sous_action_id"), rs.getLong("fiche_id"),
                        StatutEvaluation.valueOf(rs.getString("statut")), rs.getString("resultats"), rs.getInt("version")))
                .optional();
    }

    /** A first save (version 1): false when someone saved the line meanwhile. */
    boolean insererSousAction(long conventionId, int annee, SousActionEnregistree l, String auteur) {
        return jdbc.sql("""
                        INSERT INTO evaluation_sous_action (convention_id, fiche_id, sous_action_id, annee, statut, resultats,
                                                           modifiee_par, modifiee_le, version)
                        VALUES (:c, :f, :s, :a, :statut, :resultats, :auteur, now(), 1) ON CONFLICT DO NOTHING""")
                .param("c", conventionId).param("f", l.ficheId()).param("s", l.sousActionId()).param("a", annee)
                .param("statut", l.statut().name()).param("resultats", l.resultats()).param("auteur", auteur).update() == 1;
    }

    /** False when the line is no longer at the version read. */
    boolean modifierSousAction(int annee, SousActionEnregistree l, String auteur) {
        return jdbc.sql("""
                        UPDATE evaluation_sous_action SET statut = :statut, resultats = :resultats, modifiee_par = :auteur,
                               modifiee_le = now(), version = version + 1
                        WHERE sous_action_id = :s AND annee = :a AND version = :v""")
                .param("statut", l.statut().name()).param("resultats", l.resultats()).param("auteur", auteur)
                .param("s", l.sousActionId()).param("a", annee).param("v", l.version()).update() == 1;
    }

    AnneeEnregistree annee(long conventionId, int annee) {
        return jdbc.sql("SELECT * FROM evaluation_annee WHERE convention_id = :c AND annee = :a")
                .param("c", conventionId).param("a", annee).query(EvaluationRepository::annee).optional()
                .orElse(AnneeEnregistree.VIDE);
    }

    /**
     * The year's row, locked until the end of the transaction: every write to a year goes through here, so a
     * write and the COPIL validation of the same year never interleave.
     */
    AnneeEnregistree verrouillerAnnee(long conventionId, int annee) {
        jdbc.sql("INSERT INTO evaluation_annee (convention_id, annee) VALUES (:c, :a) ON CONFLICT DO NOTHING")
                .param("c", conventionId).param("a", annee).update();
        return jdbc.sql("SELECT * FROM evaluation_annee WHERE convention_id = :c AND annee = :a FOR UPDATE")
                .param("c", conventionId).param("a", annee).query(EvaluationRepository::annee).single();
    }

    Set<Integer> anneesValidees(long conventionId) {
        return Set.copyOf(jdbc.sql("SELECT annee FROM evaluation_annee WHERE convention_id = :c AND validee_le IS NOT NULL")
                .param("c", conventionId).query(Integer.class).list());
    }

    Map<AxeTransversal, AxeEvaluation> axes(long conventionId, int annee) {
        return jdbc.sql("SELECT * FROM evaluation_axe_transversal WHERE convention_id = :c AND annee = :a")
                .param("c", conventionId).param("a", annee)
                .query((rs, i) -> new AxeEvaluation(AxeTransversal.valueOf(rs.getString("axe")), rs.getString("ouvertures"),
                        rs.getString("fermetures"), rs.getString("faits_marquants"), rs.getString("resultats"),
                        rs.getString("perspectives"), rs.getString("impacts"), rs.getBoolean("exemple"), rs.getInt("version")))
                .list().stream().collect(Collectors.toMap(AxeEvaluation::axe, Function.identity()));
    }

    /** A first save: false when someone saved the line meanwhile. Saved lines start at version 1. */
    boolean insererLigne(long conventionId, int annee, LigneEnregistree l, String auteur) {
        return jdbc.sql("""
                        INSERT INTO evaluation_ligne (convention_id, fiche_id, annee, statut, date_prevue, resultats, perspectives,
                                                      impacts, modifiee_par, modifiee_le, version)
                        VALUES (:c, :f, :a, :statut, :date, :resultats, :perspectives, :impacts, :auteur, now(), 1)
                        ON CONFLICT DO NOTHING""")
                .param("c", conventionId).params(parametres(annee, l)).param("auteur", auteur).update() == 1;
    }

    /** False when the line is no longer at the version read. */
    boolean modifierLigne(int annee, LigneEnregistree l, String auteur) {
        return jdbc.sql("""
                        UPDATE evaluation_ligne SET statut = :statut, date_prevue = :date, resultats = :resultats,
                               perspectives = :perspectives, impacts = :impacts, modifiee_par = :auteur, modifiee_le = now(),
                               exemple = FALSE, version = version + 1
                        WHERE fiche_id = :f AND annee = :a AND version = :version""")
                .params(parametres(annee, l)).param("auteur", auteur).param("version", l.version()).update() == 1;
    }

    boolean insererAxe(long conventionId, int annee, AxeEvaluation a) {
        return jdbc.sql("""
                        INSERT INTO evaluation_axe_transversal (convention_id, annee, axe, ouvertures, fermetures, faits_marquants,
                                                                resultats, perspectives, impacts, version)
                        VALUES (:c, :a, :axe, :ouvertures, :fermetures, :faits, :resultats, :perspectives, :impacts, 1)
                        ON CONFLICT DO NOTHING""")
                .param("c", conventionId).params(parametres(annee, a)).update() == 1;
    }

    boolean modifierAxe(long conventionId, int annee, AxeEvaluation a) {
        return jdbc.sql("""
                        UPDATE evaluation_axe_transversal SET ouvertures = :ouvertures, fermetures = :fermetures,
                               faits_marquants = :faits, resultats = :resultats, perspectives = :perspectives, impacts = :impacts,
                               exemple = FALSE, version = version + 1
                        WHERE convention_id = :c AND annee = :a AND axe = :axe AND version = :version""")
                .param("c", conventionId).params(parametres(annee, a)).param("version", a.version()).update() == 1;
    }

    boolean modifierCommentaires(long conventionId, int annee, String commentaires, int version) {
        return jdbc.sql("""
                        UPDATE evaluation_annee SET commentaires = :t, exemple = FALSE, version = version + 1
                        WHERE convention_id = :c AND annee = :a AND version = :v""")
                .param("t", commentaires).param("c", conventionId).param("a", annee).param("v", version).update() == 1;
    }

    void valider(long conventionId, int annee, LocalDate dateCopil, String decision, String auteur) {
        jdbc.sql("""
                        UPDATE evaluation_annee SET copil_date = :date, copil_decision = :decision, validee_par = :auteur,
                               validee_le = now(), version = version + 1
                        WHERE convention_id = :c AND annee = :a""")
                .param("date", dateCopil).param("decision", decision).param("auteur", auteur)
                .param("c", conventionId).param("a", annee).update();
    }

    void deverrouiller(long conventionId, int annee) {
        jdbc.sql("""
                        UPDATE evaluation_annee SET copil_date = NULL, copil_decision = NULL, validee_par = NULL, validee_le = NULL,
                               version = version + 1
                        WHERE convention_id = :c AND annee = :a""")
                .param("c", conventionId).param("a", annee).update();
    }

    /** Labels what is written for the year (grid, axes, comments, indicator values and their follow-ups) as example data. */
    void marquerExemple(long conventionId, int annee) {
        for (String table : new String[]{"evaluation_annee", "evaluation_ligne", "evaluation_axe_transversal"}) {
            jdbc.sql("UPDATE " + table + " SET exemple = TRUE WHERE convention_id = :c AND annee = :a")
                    .param("c", conventionId).param("a", annee).update();
        }
        jdbc.sql("""
                        UPDATE indicateur_suivi_valeur v SET exemple = TRUE FROM indicateur_suivi i
                        WHERE v.indicateur_id = i.id AND i.convention_id = :c AND v.annee = :a""")
                .param("c", conventionId).param("a", annee).update();
        jdbc.sql("""
                        UPDATE indicateur_suivi i SET exemple = TRUE WHERE i.convention_id = :c
                        AND EXISTS (SELECT 1 FROM indicateur_suivi_valeur v WHERE v.indicateur_id = i.id AND v.annee = :a)""")
                .param("c", conventionId).param("a", annee).update();
    }

    private static Map<String, Object> parametres(int annee, LigneEnregistree l) {
        Map<String, Object> p = new HashMap<>();
        p.put("f", l.ficheId());
        p.put("a", annee);
        p.put("statut", l.statut().name());
        p.put("date", l.datePrevue());
        p.put("resultats", l.resultats());
        p.put("perspectives", l.perspectives());
        p.put("impacts", l.impacts());
        return p;
    }

    private static Map<String, Object> parametres(int annee, AxeEvaluation a) {
        Map<String, Object> p = new HashMap<>();
        p.put("a", annee);
        p.put("axe", a.axe().name());
        p.put("ouvertures", a.ouvertures());
        p.put("fermetures", a.fermetures());
        p.put("faits", a.faitsMarquants());
        p.put("resultats", a.resultats());
        p.put("perspectives", a.perspectives());
        p.put("impacts", a.impacts());
        return p;
    }

    private static LigneEnregistree ligne(ResultSet rs, int i) throws SQLException {
        return new LigneEnregistree(rs.getLong("fiche_id"), StatutEvaluation.valueOf(rs.getString("statut")),
                rs.getObject("date_prevue", LocalDate.class), rs.getString("resultats"), rs.getString("perspectives"),
                rs.getString("impacts"), rs.getBoolean("exemple"), rs.getInt("version"));
    }

    private static AnneeEnregistree annee(ResultSet rs, int i) throws SQLException {
        OffsetDateTime valideeLe = rs.getObject("validee_le", OffsetDateTime.class);
        ValidationCopil validation = valideeLe == null ? null : new ValidationCopil(rs.getObject("copil_date", LocalDate.class),
                rs.getString("copil_decision"), rs.getString("validee_par"), valideeLe);
        return new AnneeEnregistree(rs.getString("commentaires"), validation, rs.getBoolean("exemple"), rs.getInt("version"));
    }
}
