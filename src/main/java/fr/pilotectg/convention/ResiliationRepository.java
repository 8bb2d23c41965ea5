package fr.pilotectg.convention;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code convention_resiliation}, one row per résiliée (or dénoncée) convention; and the conventions to end. */
@Repository
class ResiliationRepository {

    /** Statuses of a convention signed and not ended ({@link StatutConvention#estEnCours()}), for SQL. */
    private static final String EN_COURS = "('SIGNEE', 'EN_VIGUEUR', 'BILAN_INTERMEDIAIRE', 'BILAN_FINAL')";

    private final JdbcClient jdbc;

    ResiliationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Resiliation> pour(long conventionId) {
        return jdbc.sql("SELECT * FROM convention_resiliation WHERE convention_id = ?").param(conventionId)
                .query((rs, i) -> new Resiliation(rs.getLong("convention_id"), ModeResiliation.valueOf(rs.getString("mode")),
                        rs.getObject("date_resiliation", LocalDate.class), rs.getObject("date_notification", LocalDate.class),
                        rs.getObject("date_reception", LocalDate.class), rs.getObject("date_effet", LocalDate.class),
                        rs.getString("commentaire"), rs.getString("enregistree_par"),
                        rs.getObject("enregistree_le", OffsetDateTime.class)))
                .optional();
    }

    /** Inserts; false when the convention already has one (a concurrent request won). */
    boolean inserer(Resiliation r) {
        return jdbc.sql("""
                        INSERT INTO convention_resiliation (convention_id, mode, date_resiliation, date_notification,
                            date_reception, date_effet, commentaire, enregistree_par, enregistree_le)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (convention_id) DO NOTHING""")
                .params(r.conventionId(), r.mode().name(), r.dateResiliation(), r.dateNotification(), r.dateReception(),
                        r.dateEffet(), r.commentaire(), r.enregistreePar(), r.enregistreeLe())
                .update() == 1;
    }

    /** Conventions in force whose résiliation takes effect on or before that day. */
    List<Long> resiliationsEffectives(LocalDate aujourdhui) {
        return jdbc.sql("SELECT c.id FROM convention c JOIN convention_resiliation r ON r.convention_id = c.id"
                        + " WHERE c.statut IN " + EN_COURS + " AND r.date_effet <= ? ORDER BY c.id")
                .param(aujourdhui).query(Long.class).list();
    }

    /** Conventions in force whose end date is before that day (expired the day after their end date). */
    List<Long> echues(LocalDate aujourdhui) {
        return jdbc.sql("SELECT id FROM convention WHERE statut IN " + EN_COURS + " AND date_fin < ? ORDER BY id")
                .param(aujourdhui).query(Long.class).list();
    }
}
