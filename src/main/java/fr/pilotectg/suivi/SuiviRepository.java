package fr.pilotectg.suivi;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SuiviRepository {

    private static final String INSERTION_MISE_A_JOUR = """
            INSERT INTO suivi_fiche (convention_id, fiche_id, campagne_id, date_point, statut, avancement,
                mise_en_oeuvre, realisations, difficultes, auteur, organisation_id, cree_le, exemple)
            VALUES (:c, :f, :campagne, :date, :statut, :avancement, :meo, :realisations, :difficultes,
                :auteur, :organisation, now(), :exemple)""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate lots;

    SuiviRepository(JdbcClient jdbc, NamedParameterJdbcTemplate lots) {
        this.jdbc = jdbc;
        this.lots = lots;
    }

    // --- statuses ---

    List<StatutSuivi> statuts(long conventionId) {
        return jdbc.sql("SELECT * FROM suivi_statut WHERE convention_id = :c ORDER BY ordre, code")
                .param("c", conventionId).query(SuiviRepository::statut).list();
    }

    /** Inserts the status unless the convention already has one with this code (concurrent first uses). */
    void insererStatut(long conventionId, StatutSuivi s) {
        jdbc.sql("""
                        INSERT INTO suivi_statut (convention_id, code, libelle, avancement_defaut, ordre, statut_evaluation)
                        VALUES (:c, :code, :libelle, :avancement, :ordre, :evaluation) ON CONFLICT DO NOTHING""")
                .param("c", conventionId).param("code", s.code()).param("libelle", s.libelle())
                .param("avancement", s.avancementDefaut()).param("ordre", s.ordre()).param("evaluation", s.statutEvaluation())
                .update();
    }

    /** False when the stored version is no longer the one read (changed meanwhile). */
    boolean modifierStatut(long conventionId, StatutSuivi s) {
        return jdbc.sql("""
                        UPDATE suivi_statut SET libelle = :libelle, avancement_defaut = :avancement, ordre = :ordre,
                        statut_evaluation = :evaluation, version = version + 1
                        WHERE convention_id = :c AND code = :code AND version = :version""")
                .param("c", conventionId).param("code", s.code()).param("libelle", s.libelle())
                .param("avancement", s.avancementDefaut()).param("ordre", s.ordre()).param("evaluation", s.statutEvaluation())
                .param("version", s.version())
                .update() == 1;
    }

    void ordonnerStatut(long conventionId, String code, int ordre) {
        jdbc.sql("UPDATE suivi_statut SET ordre = :ordre WHERE convention_id = :c AND code = :code")
                .param("c", conventionId).param("code", code).param("ordre", ordre).update();
    }

    void supprimerStatut(long conventionId, String code) {
        jdbc.sql("DELETE FROM suivi_statut WHERE convention_id = :c AND code = :code").param("c", conventionId).param("code", code).update();
    }

    long utilisationsDuStatut(long conventionId, String code) {
        return jdbc.sql("SELECT (SELECT count(*) FROM suivi_fiche WHERE convention_id = :c AND statut = :code) "
                        + "+ (SELECT count(*) FROM suivi_sous_action WHERE convention_id = :c AND statut = :code)")
                .param("c", conventionId).param("code", code).query(Long.class).single();
    }

    // --- updates ---

    long insererMiseAJour(long conventionId, long ficheId, Long campagneId, NouvelleMiseAJour m, String auteur,
                          Long organisationId, boolean exemple) {
        return jdbc.sql(INSERTION_MISE_A_JOUR + " RETURNING id").paramSource(parametres(conventionId, ficheId, campagneId, m, auteur,
                organisationId, exemple)).query(Long.class).single();
    }

    /** Updates of several fiches by one author, in one JDBC batch; {@code campagnes}: the open campaign of each fiche. */
    void insererMisesAJour(long conventionId, Map<Long, NouvelleMiseAJour> parFiche, Map<Long, Long> campagnes, String auteur,
                           Long organisationId) {
        SqlParameterSource[] lignes = parFiche.entrySet().stream().map(e -> parametres(conventionId, e.getKey(),
                campagnes.get(e.getKey()), e.getValue(), auteur, organisationId, false)).toArray(SqlParameterSource[]::new);
        if (lignes.length > 0) {
            lots.batchUpdate(INSERTION_MISE_A_JOUR, lignes);
        }
    }

    private static MapSqlParameterSource parametres(long conventionId, long ficheId, Long campagneId, NouvelleMiseAJour m,
                                                    String auteur, Long organisationId, boolean exemple) {
        return new MapSqlParameterSource().addValue("c", conventionId).addValue("f", ficheId).addValue("campagne", campagneId)
                .addValue("date", m.datePoint()).addValue("statut", m.statut()).addValue("avancement", m.avancement())
                .addValue("meo", m.miseEnOeuvre()).addValue("realisations", m.realisations())
                .addValue("difficultes", m.difficultes()).addValue("auteur", auteur).addValue("organisation", organisationId)
                .addValue("exemple", exemple);
    }

    List<MiseAJour> historique(long ficheId) {
        return jdbc.sql("SELECT * FROM suivi_fiche WHERE fiche_id = :f ORDER BY date_point DESC, id DESC")
                .param("f", ficheId).query(SuiviRepository::miseAJour).list();
    }

    /** Every update of a convention's fiches, by fiche then latest first (the history sheet of the export). */
    List<MiseAJour> historiqueDeLaConvention(long conventionId) {
        return jdbc.sql("SELECT * FROM suivi_fiche WHERE convention_id = :c ORDER BY fiche_id, date_point DESC, id DESC")
                .param("c", conventionId).query(SuiviRepository::miseAJour).list();
    }

    /** The current update of each fiche of a convention that has one. */
    Map<Long, MiseAJour> dernieresMisesAJour(long conventionId) {
        Map<Long, MiseAJour> parFiche = new HashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (fiche_id) * FROM suivi_fiche WHERE convention_id = :c
                        ORDER BY fiche_id, date_point DESC, id DESC""")
                .param("c", conventionId).query(SuiviRepository::miseAJour).list()
                .forEach(m -> parFiche.put(m.ficheId(), m));
        return parFiche;
    }

    // --- updates of sub-actions (V91) ---

    long insererMiseAJourSousAction(long conventionId, long ficheId, long sousActionId, NouvelleMiseAJourSousAction m, String auteur,
                                    Long organisationId) {
        return jdbc.sql("""
                        INSERT INTO suivi_sous_action (convention_id, fiche_id, sous_action_id, date_point, statut, avancement, commentaire,
                            auteur, organisation_id, cree_le)
                        VALUES (:c, :f, :s, :date, :statut, :avancement, :commentaire, :auteur, :organisation, now()) RETURNING id""")
                .param("c", conventionId).param("f", ficheId).param("s", sousActionId).param("date", m.datePoint())
                .param("statut", m.statut()).param("avancement", m.avancement()).param("commentaire", m.commentaire())
                .param("auteur", auteur).param("organisation", organisationId)
                .query(Long.class).single();
    }

    /** Every update of the sub-actions of a fiche, latest first. */
    List<MiseAJourSousAction> historiqueDesSousActions(long ficheId) {
        return jdbc.sql("SELECT * FROM suivi_sous_action WHERE fiche_id = :f ORDER BY date_point DESC, id DESC")
                .param("f", ficheId).query(SuiviRepository::miseAJourSousAction).list();
    }

    /** The current update of each sub-action of a convention that has one, by sub-action id. */
    Map<Long, MiseAJourSousAction> dernieresDesSousActions(long conventionId) {
        Map<Long, MiseAJourSousAction> parSousAction = new HashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (sous_action_id) * FROM suivi_sous_action WHERE convention_id = :c
                        ORDER BY sous_action_id, date_point DESC, id DESC""")
                .param("c", conventionId).query(SuiviRepository::miseAJourSousAction).list()
                .forEach(m -> parSousAction.put(m.sousActionId(), m));
        return parSousAction;
    }

    private static MiseAJourSousAction miseAJourSousAction(ResultSet rs, int n) throws SQLException {
        return new MiseAJourSousAction(rs.getLong("id"), rs.getLong("fiche_id"), rs.getLong("sous_action_id"),
                rs.getObject("date_point", LocalDate.class), rs.getString("statut"), (Integer) rs.getObject("avancement"),
                rs.getString("commentaire"), rs.getString("auteur"), rs.getObject("cree_le", OffsetDateTime.class));
    }

    // --- weights ---

    Map<Long, BigDecimal> poids(long conventionId) {
        Map<Long, BigDecimal> poids = new HashMap<>();
        jdbc.sql("SELECT p.fiche_id, p.poids FROM suivi_poids p JOIN fiche f ON f.id = p.fiche_id WHERE f.convention_id = :c")
                .param("c", conventionId)
                .query((rs, n) -> Map.entry(rs.getLong("fiche_id"), rs.getBigDecimal("poids"))).list()
                .forEach(e -> poids.put(e.getKey(), e.getValue()));
        return poids;
    }

    void definirPoids(long ficheId, BigDecimal poids) {
        jdbc.sql("INSERT INTO suivi_poids (fiche_id, poids) VALUES (:f, :p) ON CONFLICT (fiche_id) DO UPDATE SET poids = :p")
                .param("f", ficheId).param("p", poids).update();
    }

    // --- campaigns ---

    long insererCampagne(long conventionId, NouvelleCampagne n, String ouvertePar, boolean exemple) {
        long id = jdbc.sql("""
                        INSERT INTO campagne (convention_id, libelle, annee, trimestre, date_limite, ouverte_le, ouverte_par, exemple)
                        VALUES (:c, :libelle, :annee, :trimestre, :limite, now(), :par, :exemple) RETURNING id""")
                .param("c", conventionId).param("libelle", n.libelle()).param("annee", n.annee()).param("trimestre", n.trimestre())
                .param("limite", n.dateLimite()).param("par", ouvertePar).param("exemple", exemple)
                .query(Long.class).single();
        n.ficheIds().forEach(f -> jdbc.sql("INSERT INTO campagne_fiche (campagne_id, fiche_id) VALUES (:id, :f)")
                .param("id", id).param("f", f).update());
        return id;
    }

    Optional<Campagne> campagne(long id) {
        return jdbc.sql("SELECT * FROM campagne WHERE id = :id").param("id", id).query(SuiviRepository::campagne).optional();
    }

    List<Campagne> campagnes(long conventionId) {
        return jdbc.sql("SELECT * FROM campagne WHERE convention_id = :c ORDER BY ouverte_le DESC, id DESC")
                .param("c", conventionId).query(SuiviRepository::campagne).list();
    }

    List<Long> fichesDeLaCampagne(long campagneId) {
        return jdbc.sql("SELECT fiche_id FROM campagne_fiche WHERE campagne_id = :id").param("id", campagneId).query(Long.class).list();
    }

    /** The open campaign (the most recent one) that includes the fiche, if any. */
    Optional<Long> campagneOuverteDeLaFiche(long ficheId) {
        return jdbc.sql("""
                        SELECT c.id FROM campagne c JOIN campagne_fiche cf ON cf.campagne_id = c.id
                        WHERE cf.fiche_id = :f AND c.cloturee_le IS NULL ORDER BY c.ouverte_le DESC, c.id DESC LIMIT 1""")
                .param("f", ficheId).query(Long.class).optional();
    }

    /** The open campaign of each fiche of a convention that is in one (the latest opened, as {@link #campagneOuverteDeLaFiche}). */
    Map<Long, Long> campagnesOuvertesDesFiches(long conventionId) {
        Map<Long, Long> parFiche = new HashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (cf.fiche_id) cf.fiche_id, c.id FROM campagne c JOIN campagne_fiche cf ON cf.campagne_id = c.id
                        WHERE c.convention_id = :c AND c.cloturee_le IS NULL ORDER BY cf.fiche_id, c.ouverte_le DESC, c.id DESC""")
                .param("c", conventionId).query((rs, i) -> Map.entry(rs.getLong(1), rs.getLong(2))).list()
                .forEach(e -> parFiche.put(e.getKey(), e.getValue()));
        return parFiche;
    }

    /** For each fiche answered in the campaign, the date of its first answer. */
    Map<Long, MiseAJour> reponses(long campagneId) {
        Map<Long, MiseAJour> parFiche = new HashMap<>();
        jdbc.sql("SELECT DISTINCT ON (fiche_id) * FROM suivi_fiche WHERE campagne_id = :id ORDER BY fiche_id, cree_le, id")
                .param("id", campagneId).query(SuiviRepository::miseAJour).list()
                .forEach(m -> parFiche.put(m.ficheId(), m));
        return parFiche;
    }

    boolean cloturer(long campagneId, int version) {
        return jdbc.sql("UPDATE campagne SET cloturee_le = now(), version = version + 1 WHERE id = :id AND version = :v AND cloturee_le IS NULL")
                .param("id", campagneId).param("v", version).update() == 1;
    }

    /** Open campaigns with the fiches still unanswered in each: (campaign, fiche) pairs. */
    List<Map.Entry<Campagne, Long>> fichesSansReponseDesCampagnesOuvertes() {
        return jdbc.sql("""
                        SELECT c.*, cf.fiche_id AS fiche_en_attente FROM campagne c
                        JOIN campagne_fiche cf ON cf.campagne_id = c.id
                        WHERE c.cloturee_le IS NULL
                          AND NOT EXISTS (SELECT 1 FROM suivi_fiche s WHERE s.campagne_id = c.id AND s.fiche_id = cf.fiche_id)
                        ORDER BY c.date_limite, c.id""")
                .query((rs, n) -> Map.entry(campagne(rs, n), rs.getLong("fiche_en_attente"))).list();
    }

    /**
     * The fiches carried by {@code organisationId} that an open campaign still waits an update for, in the conventions
     * the user may read ({@code lecture}, on {@code c}): one statement whatever the number of campaigns and conventions.
     */
    List<ActionAMettreAJour> actionsAMettreAJour(long organisationId, String lecture, Map<String, Object> parametresLecture) {
        return jdbc.sql("""
                        SELECT cp.id AS campagne_id, cp.libelle, cp.date_limite, cp.exemple, c.id AS convention_id, c.titre AS convention_titre,
                               f.id AS fiche_id, f.reference, f.titre
                        FROM campagne cp
                        JOIN convention c ON c.id = cp.convention_id
                        JOIN campagne_fiche cf ON cf.campagne_id = cp.id
                        JOIN fiche f ON f.id = cf.fiche_id AND f.supprimee_le IS NULL
                        WHERE cp.cloturee_le IS NULL
                          AND f.champs @> jsonb_build_object('organisations', jsonb_build_object('porteurs',
                                jsonb_build_array(jsonb_build_object('organisationId', CAST(:organisation AS BIGINT)))))
                          AND NOT EXISTS (SELECT 1 FROM suivi_fiche s WHERE s.campagne_id = cp.id AND s.fiche_id = cf.fiche_id)
                          AND %s
                        ORDER BY cp.date_limite, cp.id, f.ordre, f.id""".formatted(lecture))
                .params(parametresLecture).param("organisation", organisationId)
                .query((rs, n) -> new ActionAMettreAJour(rs.getLong("campagne_id"), rs.getString("libelle"),
                        rs.getObject("date_limite", LocalDate.class), rs.getLong("convention_id"), rs.getString("convention_titre"),
                        rs.getLong("fiche_id"), rs.getString("reference"), rs.getString("titre"), rs.getBoolean("exemple")))
                .list();
    }

    // --- reminders ---

    long insererRelance(long campagneId, long organisationId, String envoyeePar, String courriels, Boolean courrielEnvoye) {
        return jdbc.sql("""
                        INSERT INTO campagne_relance (campagne_id, organisation_id, envoyee_le, envoyee_par, courriel, courriel_envoye)
                        VALUES (:c, :o, now(), :par, :courriel, :envoye) RETURNING id""")
                .param("c", campagneId).param("o", organisationId).param("par", envoyeePar).param("courriel", courriels)
                .param("envoye", courrielEnvoye).query(Long.class).single();
    }

    List<RelanceRecue> relancesNonLues(long organisationId) {
        return jdbc.sql("""
                        SELECT r.id, r.campagne_id, r.envoyee_le, c.libelle, c.date_limite, c.convention_id, v.titre
                        FROM campagne_relance r JOIN campagne c ON c.id = r.campagne_id JOIN convention v ON v.id = c.convention_id
                        WHERE r.organisation_id = :o AND r.lue_le IS NULL ORDER BY r.envoyee_le DESC, r.id DESC""")
                .param("o", organisationId)
                .query((rs, n) -> new RelanceRecue(rs.getLong("id"), rs.getLong("campagne_id"), rs.getLong("convention_id"),
                        rs.getString("titre"), rs.getString("libelle"), rs.getObject("date_limite", LocalDate.class),
                        rs.getObject("envoyee_le", OffsetDateTime.class)))
                .list();
    }

    List<Relance> relances(long campagneId) {
        return jdbc.sql("""
                        SELECT r.*, o.nom FROM campagne_relance r JOIN organisation o ON o.id = r.organisation_id
                        WHERE r.campagne_id = :c ORDER BY r.envoyee_le DESC, r.id DESC""")
                .param("c", campagneId)
                .query((rs, n) -> new Relance(rs.getString("nom"), rs.getObject("envoyee_le", OffsetDateTime.class),
                        rs.getString("envoyee_par"), rs.getString("courriel"), (Boolean) rs.getObject("courriel_envoye"),
                        rs.getObject("lue_le", OffsetDateTime.class)))
                .list();
    }

    /** The convention of the reminder marked read; empty when it is not this organisation's or already read. */
    Optional<Long> marquerLue(long relanceId, long organisationId) {
        return jdbc.sql("""
                        UPDATE campagne_relance r SET lue_le = now() FROM campagne c
                        WHERE r.id = :id AND r.organisation_id = :o AND r.lue_le IS NULL AND c.id = r.campagne_id
                        RETURNING c.convention_id""")
                .param("id", relanceId).param("o", organisationId).query(Long.class).optional();
    }

    private static StatutSuivi statut(ResultSet rs, int n) throws SQLException {
        return new StatutSuivi(rs.getString("code"), rs.getString("libelle"), (Integer) rs.getObject("avancement_defaut"),
                rs.getInt("ordre"), rs.getString("statut_evaluation"), rs.getInt("version"));
    }

    private static MiseAJour miseAJour(ResultSet rs, int n) throws SQLException {
        return new MiseAJour(rs.getLong("id"), rs.getLong("convention_id"), rs.getLong("fiche_id"),
                (Long) rs.getObject("campagne_id"), rs.getObject("date_point", LocalDate.class), rs.getString("statut"),
                (Integer) rs.getObject("avancement"), rs.getString("mise_en_oeuvre"), rs.getString("realisations"),
                rs.getString("difficultes"), rs.getString("auteur"), (Long) rs.getObject("organisation_id"),
                rs.getObject("cree_le", OffsetDateTime.class), rs.getBoolean("exemple"));
    }

    private static Campagne campagne(ResultSet rs, int n) throws SQLException {
        return new Campagne(rs.getLong("id"), rs.getLong("convention_id"), rs.getString("libelle"), rs.getInt("annee"),
                rs.getInt("trimestre"), rs.getObject("date_limite", LocalDate.class), rs.getObject("ouverte_le", OffsetDateTime.class),
                rs.getString("ouverte_par"), rs.getObject("cloturee_le", OffsetDateTime.class), rs.getBoolean("exemple"),
                rs.getInt("version"));
    }
}
