package fr.pilotectg.diagnostic;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The values of one diagnostic indicator, read and changed one at a time with their version (issue 15 item 9). */
@Repository
class ValeursDiagnosticRepository {

    /** A stored value: its key (territory, period, source), what it says, and its version. */
    record ValeurEnregistree(long territoireId, String territoire, String periode, String source, Valeur valeur, String note,
                             int version) {

        String cle() {
            return territoireId + "|" + periode + "|" + source;
        }
    }

    private final JdbcClient jdbc;

    ValeursDiagnosticRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Indicateur> indicateur(long conventionId, long indicateurId) {
        return jdbc.sql("SELECT * FROM diagnostic_indicateur WHERE convention_id = :c AND id = :i")
                .param("c", conventionId).param("i", indicateurId)
                .query((rs, n) -> new Indicateur(rs.getLong("id"), rs.getString("code"), rs.getString("libelle"), rs.getString("unite"),
                        rs.getString("definition"), rs.getString("thematique"), rs.getString("numerateur_code"),
                        rs.getString("denominateur_code")))
                .optional();
    }

    List<ValeurEnregistree> valeurs(long indicateurId) {
        return jdbc.sql("""
                        SELECT v.*, t.nom AS territoire FROM diagnostic_valeur v JOIN diagnostic_territoire t ON t.id = v.territoire_id
                        WHERE v.indicateur_id = :i ORDER BY v.periode DESC, t.id, v.source""")
                .param("i", indicateurId).query(ValeursDiagnosticRepository::valeur).list();
    }

    Optional<ValeurEnregistree> valeur(long indicateurId, long territoireId, String periode, String source) {
        return jdbc.sql("""
                        SELECT v.*, t.nom AS territoire FROM diagnostic_valeur v JOIN diagnostic_territoire t ON t.id = v.territoire_id
                        WHERE v.indicateur_id = :i AND v.territoire_id = :t AND v.periode = :p AND v.source = :s""")
                .param("i", indicateurId).param("t", territoireId).param("p", periode).param("s", source)
                .query(ValeursDiagnosticRepository::valeur).optional();
    }

    /** False when the value is no longer at the version read (nothing written). */
    boolean modifier(long indicateurId, long territoireId, String periode, String source, Valeur valeur, String note, int version) {
        return jdbc.sql("""
                        UPDATE diagnostic_valeur SET valeur = :valeur, valeur_max = :max, marqueur = :marqueur, note = :note,
                               version = version + 1
                        WHERE indicateur_id = :i AND territoire_id = :t AND periode = :p AND source = :s AND version = :version""")
                .param("valeur", valeur.nombre())
                .param("max", valeur.max())
                .param("marqueur", valeur.estNombre() ? null : valeur.marqueur().code())
                .param("note", note).param("i", indicateurId).param("t", territoireId).param("p", periode).param("s", source)
                .param("version", version).update() == 1;
    }

    private static ValeurEnregistree valeur(ResultSet rs, int n) throws SQLException {
        BigDecimal nombre = rs.getBigDecimal("valeur");
        BigDecimal max = rs.getBigDecimal("valeur_max");
        Valeur valeur = max != null ? Valeur.intervalle(nombre, max)
                : nombre != null ? Valeur.de(nombre) : Valeur.de(Marqueur.depuis(rs.getString("marqueur")).orElseThrow());
        return new ValeurEnregistree(rs.getLong("territoire_id"), rs.getString("territoire"), rs.getString("periode"),
                rs.getString("source"), valeur, rs.getString("note"), rs.getInt("version"));
    }
}
