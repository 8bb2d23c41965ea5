package fr.pilotectg.plan;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sub-actions of fiches (table sous_action, V90), in their order; removed ones are kept, marked, and not read. */
@Repository
class SousActionsRepository {

    private static final String COLONNES = "id, fiche_id, libelle, porteur_organisation_id, porteur_nom, debut, fin, annees, poids";

    private final JdbcClient jdbc;

    SousActionsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SousAction> deLaFiche(long ficheId) {
        return jdbc.sql("SELECT " + COLONNES + " FROM sous_action WHERE fiche_id = :f AND supprimee_le IS NULL ORDER BY ordre, id")
                .param("f", ficheId).query(SousActionsRepository::sousAction).list();
    }

    /** The live sub-actions of every fiche of a convention still in the plan, by fiche. */
    Map<Long, List<SousAction>> deLaConvention(long conventionId) {
        Map<Long, List<SousAction>> parFiche = new LinkedHashMap<>();
        jdbc.sql("SELECT s.id, s.fiche_id, s.libelle, s.porteur_organisation_id, s.porteur_nom, s.debut, s.fin, s.annees, s.poids" + """
                         FROM sous_action s JOIN fiche f ON f.id = s.fiche_id AND f.supprimee_le IS NULL
                        WHERE f.convention_id = :c AND s.supprimee_le IS NULL ORDER BY s.fiche_id, s.ordre, s.id""")
                .param("c", conventionId)
                .query((ResultSet rs) -> {
                    parFiche.computeIfAbsent(rs.getLong("fiche_id"), k -> new ArrayList<>()).add(sousAction(rs, 0));
                });
        return parFiche;
    }

    /** How many live sub-actions each fiche of a convention has (fiches without any are absent). */
    Map<Long, Integer> nombres(long conventionId) {
        Map<Long, Integer> nombres = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT s.fiche_id, count(*) AS n FROM sous_action s JOIN fiche f ON f.id = s.fiche_id
                        WHERE f.convention_id = :c AND s.supprimee_le IS NULL GROUP BY s.fiche_id""")
                .param("c", conventionId).query((ResultSet rs) -> {
                    nombres.put(rs.getLong("fiche_id"), rs.getInt("n"));
                });
        return nombres;
    }

    /** The fiche each of these sub-action ids belongs to (removed ones included); unknown ids are absent. */
    Map<Long, Long> fichesDe(Set<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT id, fiche_id FROM sous_action WHERE id IN (:ids)").param("ids", ids)
                .query((rs, i) -> Map.entry(rs.getLong("id"), rs.getLong("fiche_id"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Writes the sub-actions of a fiche in this order: those with an id are updated (and brought back if they had been
     * removed), the others inserted, and the live ones not in the list marked removed. Ids must be the fiche's (checked
     * by the caller).
     */
    void remplacer(long ficheId, List<SousAction> sousActions) {
        List<Long> gardees = sousActions.stream().map(SousAction::id).filter(java.util.Objects::nonNull).toList();
        jdbc.sql("UPDATE sous_action SET supprimee_le = now() WHERE fiche_id = :f AND supprimee_le IS NULL"
                        + (gardees.isEmpty() ? "" : " AND id NOT IN (:ids)"))
                .param("f", ficheId).param("ids", gardees.isEmpty() ? List.of(-1L) : gardees).update();
        int ordre = 0;
        for (SousAction s : sousActions) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("f", ficheId);
            p.put("ordre", ordre++);
            p.put("libelle", s.libelle());
            p.put("organisation", s.porteurOrganisationId());
            p.put("nom", s.porteur());
            p.put("debut", s.debut() == null ? null : s.debut().atDay(1));
            p.put("fin", s.fin() == null ? null : s.fin().atDay(1));
            p.put("annees", "{" + String.join(",", s.annees().stream().map(String::valueOf).toList()) + "}");
            p.put("poids", s.poids());
            if (s.id() == null) {
                jdbc.sql("""
                                INSERT INTO sous_action (fiche_id, ordre, libelle, porteur_organisation_id, porteur_nom, debut, fin, annees, poids)
                                VALUES (:f, :ordre, :libelle, :organisation, :nom, :debut, :fin, CAST(:annees AS integer[]), :poids)""")
                        .params(p).update();
            } else {
                p.put("id", s.id());
                jdbc.sql("""
                                UPDATE sous_action SET ordre = :ordre, libelle = :libelle, porteur_organisation_id = :organisation,
                                porteur_nom = :nom, debut = :debut, fin = :fin, annees = CAST(:annees AS integer[]), poids = :poids,
                                supprimee_le = NULL
                                WHERE id = :id AND fiche_id = :f""")
                        .params(p).update();
            }
        }
    }

    /** Takes the fiche's version for a change of its sub-actions alone; false when someone saved it since. */
    boolean prendreVersion(long ficheId, int version) {
        return jdbc.sql("UPDATE fiche SET version = version + 1 WHERE id = :id AND version = :v AND supprimee_le IS NULL")
                .param("id", ficheId).param("v", version).update() == 1;
    }

    private static SousAction sousAction(ResultSet rs, int i) throws SQLException {
        Array annees = rs.getArray("annees");
        return new SousAction(rs.getLong("id"), rs.getString("libelle"), (Long) rs.getObject("porteur_organisation_id"),
                rs.getString("porteur_nom"), mois(rs, "debut"), mois(rs, "fin"), Arrays.stream((Integer[]) annees.getArray()).toList(),
                rs.getBigDecimal("poids"));
    }

    private static YearMonth mois(ResultSet rs, String colonne) throws SQLException {
        LocalDate jour = rs.getObject(colonne, LocalDate.class);
        return jour == null ? null : YearMonth.from(jour);
    }

    static BigDecimal poids(BigDecimal p) {
        return p == null ? BigDecimal.ONE : p;
    }
}
