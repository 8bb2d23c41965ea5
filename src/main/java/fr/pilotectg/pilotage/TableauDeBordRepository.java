package fr.pilotectg.pilotage;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.pilotectg.evaluation.Situation;
import fr.pilotectg.evaluation.SituationAnnuelle;
import fr.pilotectg.evaluation.StatutEvaluation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads, in a handful of set-based queries, what one convention's dashboard and bilans need. */
@Repository
class TableauDeBordRepository {

    /** A fiche-year: its effective status and what it shows on the day it was read ({@link SituationAnnuelle}). */
    record FicheAnnee(long ficheId, int annee, boolean planifiee, StatutEvaluation statut, SituationAnnuelle situation) {

        Situation affichage() {
            return situation.situation();
        }
    }

    record FichePlan(long id, String reference, String titre, Long noeudId, List<Integer> annees,
                     double avancement, double poids) {

        String intitule() {
            return reference == null ? titre : reference + " — " + titre;
        }
    }

    record NoeudPlan(long id, Long parentId, int rang, int ordre, String reference, String titre) {

        String intitule() {
            return reference == null ? titre : reference + ". " + titre;
        }
    }

    record FicheCampagne(long campagneId, String campagne, LocalDate dateLimite, long ficheId, boolean repondu) {
    }

    record ValeurIndicateur(long ficheId, String libelle, String unite, BigDecimal base, Integer baseAnnee,
                            BigDecimal cible, Integer cibleAnnee, Integer annee, BigDecimal valeur, String marqueur) {
    }

    record ResultatAnnuel(long ficheId, int annee, String resultats) {
    }

    record AxeTransversal(int annee, String axe, String ouvertures, String fermetures, String faitsMarquants,
                          String resultats, String perspectives, String impacts) {
    }

    private final JdbcClient jdbc;

    TableauDeBordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The fiche-years of the convention's period, situated on {@code aujourdhui}. */
    List<FicheAnnee> fichesAnnees(long conventionId, LocalDate aujourdhui) {
        return jdbc.sql("WITH " + StatutsEffectifs.cte("c.id = :convention")
                        + " SELECT fiche_id, annee, planifiee, validee, fin_fiche, statut FROM fiche_annee")
                .param("convention", conventionId)
                .query((rs, i) -> ficheAnnee(rs, aujourdhui))
                .list();
    }

    static FicheAnnee ficheAnnee(ResultSet rs, LocalDate aujourdhui) throws SQLException {
        StatutEvaluation statut = StatutEvaluation.valueOf(rs.getString("statut"));
        LocalDate fin = rs.getObject("fin_fiche", LocalDate.class);
        int annee = rs.getInt("annee");
        boolean planifiee = rs.getBoolean("planifiee");
        return new FicheAnnee(rs.getLong("fiche_id"), annee, planifiee, statut, SituationAnnuelle.de(annee, statut, planifiee,
                fin == null ? null : YearMonth.from(fin), rs.getBoolean("validee"), aujourdhui));
    }

    /** The convention's fiches in plan order ({@link OrdrePlan}). */
    List<FichePlan> fiches(long conventionId) {
        return OrdrePlan.fiches(jdbc.sql("WITH " + StatutsEffectifs.cteAvancement("f.convention_id = :convention") + """
                         SELECT f.id, f.reference, f.titre, f.noeud_id, f.annees, a.avancement, a.poids
                        FROM fiche f JOIN avancement a ON a.fiche_id = f.id
                        ORDER BY f.ordre, f.id""")
                .param("convention", conventionId)
                .query((rs, i) -> new FichePlan(rs.getLong("id"), rs.getString("reference"), rs.getString("titre"),
                        (Long) rs.getObject("noeud_id"), annees(rs.getArray("annees")), rs.getDouble("avancement"),
                        rs.getDouble("poids")))
                .list(), noeuds(conventionId));
    }

    List<NoeudPlan> noeuds(long conventionId) {
        return OrdrePlan.noeuds(jdbc.sql("SELECT id, parent_id, rang, ordre, reference, titre FROM plan_noeud WHERE convention_id = :convention AND supprime_le IS NULL")
                .param("convention", conventionId)
                .query((rs, i) -> new NoeudPlan(rs.getLong("id"), (Long) rs.getObject("parent_id"), rs.getInt("rang"),
                        rs.getInt("ordre"), rs.getString("reference"), rs.getString("titre")))
                .list());
    }

    /** Level names of the plan by rank. */
    Map<Integer, String> niveaux(long conventionId) {
        Map<Integer, String> niveaux = new java.util.TreeMap<>();
        jdbc.sql("SELECT rang, nom FROM plan_niveau WHERE convention_id = :convention")
                .param("convention", conventionId)
                .query((ResultSet rs) -> {
                    niveaux.put(rs.getInt("rang"), rs.getString("nom"));
                });
        return niveaux;
    }

    List<FicheCampagne> fichesCampagnesOuvertes(long conventionId) {
        return jdbc.sql("WITH " + StatutsEffectifs.cteCampagneOuverte("c.id = :convention")
                        + " SELECT campagne_id, libelle, date_limite, fiche_id, repondu FROM campagne_ouverte ORDER BY campagne_id, fiche_id")
                .param("convention", conventionId)
                .query((rs, i) -> new FicheCampagne(rs.getLong("campagne_id"), rs.getString("libelle"),
                        rs.getObject("date_limite", LocalDate.class), rs.getLong("fiche_id"), rs.getBoolean("repondu")))
                .list();
    }

    /** The fiches' indicators with their latest value up to {@code jusqua} (inclusive), by fiche then position. */
    List<ValeurIndicateur> indicateurs(long conventionId, int jusqua) {
        return jdbc.sql("""
                        SELECT i.fiche_id, i.libelle, i.unite, i.base_valeur, i.base_annee, i.cible_valeur, i.cible_annee,
                               v.annee, v.valeur, v.marqueur
                        FROM indicateur_suivi i
                        JOIN fiche f ON f.id = i.fiche_id AND f.supprimee_le IS NULL
                        LEFT JOIN LATERAL (SELECT x.annee, x.valeur, x.marqueur FROM indicateur_suivi_valeur x
                                           WHERE x.indicateur_id = i.id AND x.annee <= :jusqua
                                           ORDER BY x.annee DESC LIMIT 1) v ON TRUE
                        WHERE i.convention_id = :convention
                        ORDER BY i.fiche_id, i.position""")
                .param("convention", conventionId).param("jusqua", jusqua)
                .query((rs, i) -> new ValeurIndicateur(rs.getLong("fiche_id"), rs.getString("libelle"), rs.getString("unite"),
                        rs.getBigDecimal("base_valeur"), (Integer) rs.getObject("base_annee"), rs.getBigDecimal("cible_valeur"),
                        (Integer) rs.getObject("cible_annee"), (Integer) rs.getObject("annee"), rs.getBigDecimal("valeur"),
                        rs.getString("marqueur")))
                .list();
    }

    List<ResultatAnnuel> resultats(long conventionId, int de, int a) {
        return jdbc.sql("""
                        SELECT el.fiche_id, el.annee, el.resultats FROM evaluation_ligne el
                        JOIN fiche f ON f.id = el.fiche_id AND f.supprimee_le IS NULL
                        WHERE el.convention_id = :convention AND el.annee BETWEEN :de AND :a
                          AND el.resultats IS NOT NULL AND btrim(el.resultats) <> ''
                        ORDER BY el.fiche_id, el.annee""")
                .param("convention", conventionId).param("de", de).param("a", a)
                .query((rs, i) -> new ResultatAnnuel(rs.getLong("fiche_id"), rs.getInt("annee"), rs.getString("resultats")))
                .list();
    }

    List<AxeTransversal> axesTransversaux(long conventionId, int de, int a) {
        return jdbc.sql("""
                        SELECT annee, axe, ouvertures, fermetures, faits_marquants, resultats, perspectives, impacts
                        FROM evaluation_axe_transversal
                        WHERE convention_id = :convention AND annee BETWEEN :de AND :a
                        ORDER BY annee, array_position(ARRAY['ETAT_DES_LIEUX_OFFRE','PARTENARIAT','COMMUNICATION','GOUVERNANCE','COORDINATION'], axe)""")
                .param("convention", conventionId).param("de", de).param("a", a)
                .query((rs, i) -> new AxeTransversal(rs.getInt("annee"), rs.getString("axe"), rs.getString("ouvertures"),
                        rs.getString("fermetures"), rs.getString("faits_marquants"), rs.getString("resultats"),
                        rs.getString("perspectives"), rs.getString("impacts")))
                .list();
    }

    boolean exemple(long conventionId) {
        return jdbc.sql("SELECT " + StatutsEffectifs.EXEMPLE + " FROM convention c WHERE c.id = :convention")
                .param("convention", conventionId).query(Boolean.class).optional().orElse(false);
    }

    private static List<Integer> annees(Array tableau) throws SQLException {
        if (tableau == null) {
            return List.of();
        }
        List<Integer> annees = new ArrayList<>();
        for (Object o : (Object[]) tableau.getArray()) {
            annees.add(((Number) o).intValue());
        }
        return annees;
    }
}
