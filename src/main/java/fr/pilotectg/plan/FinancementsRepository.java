package fr.pilotectg.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The money lines of fiches (table fiche_financement, V68), in the order they were given. */
@Repository
class FinancementsRepository {

    private final JdbcClient jdbc;

    FinancementsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Financement> deLaFiche(long ficheId) {
        return jdbc.sql("SELECT annee, financeur, nom, prevu_centimes, realise_centimes FROM fiche_financement WHERE fiche_id = :f ORDER BY ordre")
                .param("f", ficheId).query(FinancementsRepository::ligne).list();
    }

    /** The lines of every fiche of a convention still in the plan, by fiche. */
    Map<Long, List<Financement>> deLaConvention(long conventionId) {
        Map<Long, List<Financement>> parFiche = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT ff.fiche_id, ff.annee, ff.financeur, ff.nom, ff.prevu_centimes, ff.realise_centimes
                        FROM fiche_financement ff JOIN fiche f ON f.id = ff.fiche_id AND f.supprimee_le IS NULL
                        WHERE f.convention_id = :c ORDER BY ff.fiche_id, ff.ordre""")
                .param("c", conventionId)
                .query((ResultSet rs) -> {
                    parFiche.computeIfAbsent(rs.getLong("fiche_id"), k -> new java.util.ArrayList<>()).add(ligne(rs, 0));
                });
        return parFiche;
    }

    void remplacer(long ficheId, List<Financement> lignes) {
        jdbc.sql("DELETE FROM fiche_financement WHERE fiche_id = :f").param("f", ficheId).update();
        int ordre = 0;
        for (Financement l : lignes) {
            jdbc.sql("""
                            INSERT INTO fiche_financement (fiche_id, ordre, annee, financeur, nom, prevu_centimes, realise_centimes)
                            VALUES (:f, :ordre, :annee, :financeur, :nom, :prevu, :realise)""")
                    .param("f", ficheId).param("ordre", ordre++).param("annee", l.annee()).param("financeur", l.financeur().name())
                    .param("nom", l.nom()).param("prevu", l.prevuCentimes()).param("realise", l.realiseCentimes()).update();
        }
    }

    /** Takes the fiche's version for a change of its money alone; false when someone saved it since (nothing written). */
    boolean prendreVersion(long ficheId, int version) {
        return jdbc.sql("UPDATE fiche SET version = version + 1 WHERE id = :id AND version = :v AND supprimee_le IS NULL")
                .param("id", ficheId).param("v", version).update() == 1;
    }

    private static Financement ligne(ResultSet rs, int i) throws SQLException {
        return new Financement(rs.getInt("annee"), Financeur.valueOf(rs.getString("financeur")), rs.getString("nom"),
                (Long) rs.getObject("prevu_centimes"), (Long) rs.getObject("realise_centimes"));
    }
}
