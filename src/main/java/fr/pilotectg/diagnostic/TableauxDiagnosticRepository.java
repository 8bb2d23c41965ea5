package fr.pilotectg.diagnostic;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of the diagnostic's tables read and written field by field, each write checking the version read. */
@Repository
class TableauxDiagnosticRepository {

    private final JdbcClient jdbc;

    TableauxDiagnosticRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<LigneEditee> lignes(long conventionId, TableauDiagnostic t) {
        return jdbc.sql("SELECT * FROM " + t.table + " WHERE convention_id = :c" + filtre(t) + " ORDER BY id")
                .param("c", conventionId).query((rs, i) -> ligne(rs, t)).list();
    }

    Optional<LigneEditee> ligne(long conventionId, TableauDiagnostic t, long id) {
        return jdbc.sql("SELECT * FROM " + t.table + " WHERE convention_id = :c AND id = :id" + filtre(t))
                .param("c", conventionId).param("id", id).query((rs, i) -> ligne(rs, t)).optional();
    }

    /** Inserts a row; {@code colonnes} maps SQL columns (constants of {@link TableauDiagnostic}) to values. */
    long inserer(long conventionId, TableauDiagnostic t, Map<String, Object> colonnes) {
        String noms = String.join(", ", colonnes.keySet());
        String parametres = colonnes.keySet().stream().map(c -> ":" + c).collect(Collectors.joining(", "));
        var requete = jdbc.sql("INSERT INTO " + t.table + " (convention_id, " + noms + ") VALUES (:convention, " + parametres
                + ") RETURNING id").param("convention", conventionId);
        for (var colonne : colonnes.entrySet()) {
            requete = requete.param(colonne.getKey(), colonne.getValue());
        }
        return requete.query(Long.class).single();
    }

    /** Writes the row if it still has the version read; false when it changed (or is gone). */
    boolean modifier(long conventionId, TableauDiagnostic t, long id, Map<String, Object> colonnes, int version) {
        String affectations = colonnes.keySet().stream().map(c -> c + " = :" + c).collect(Collectors.joining(", "));
        var requete = jdbc.sql("UPDATE " + t.table + " SET " + affectations + ", version = version + 1"
                        + " WHERE id = :id AND convention_id = :convention AND version = :version" + filtre(t))
                .param("id", id).param("convention", conventionId).param("version", version);
        for (var colonne : colonnes.entrySet()) {
            requete = requete.param(colonne.getKey(), colonne.getValue());
        }
        return requete.update() == 1;
    }

    boolean supprimer(long conventionId, TableauDiagnostic t, long id, int version) {
        return jdbc.sql("DELETE FROM " + t.table + " WHERE id = :id AND convention_id = :c AND version = :v" + filtre(t))
                .param("id", id).param("c", conventionId).param("v", version).update() == 1;
    }

    /** The values removed with the row by cascade: an indicator's; none for the other tables. */
    long valeursEmportees(TableauDiagnostic t, long id) {
        if (t != TableauDiagnostic.INDICATEURS) {
            return 0;
        }
        return jdbc.sql("SELECT count(*) FROM diagnostic_valeur WHERE indicateur_id = :id").param("id", id).query(Long.class).single();
    }

    private static String filtre(TableauDiagnostic t) {
        return t.filtre == null ? "" : " AND " + t.filtre;
    }

    private static LigneEditee ligne(ResultSet rs, TableauDiagnostic t) throws SQLException {
        Map<String, String> valeurs = new LinkedHashMap<>();
        for (ColonneDiagnostic c : t.colonnes()) {
            Object brut = rs.getObject(c.colonne());
            String texte = brut == null ? null : brut instanceof BigDecimal d ? texte(d) : brut.toString();
            if (texte == null && c.estValeur()) {
                texte = rs.getString(c.colonneMarqueur());
            }
            valeurs.put(c.champ(), texte == null ? "" : texte);
        }
        return new LigneEditee(rs.getLong("id"), rs.getInt("version"), t.titre(valeurs, rs.getLong("id")), valeurs);
    }

    /** A number as typed in a French form: decimal comma, no thousands separator, no trailing zeros. */
    static String texte(BigDecimal nombre) {
        return Valeur.normaliser(nombre).toPlainString().replace('.', ',');
    }
}
