package fr.pilotectg.gouvernance;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import fr.pilotectg.testsupport.IntegrationTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V104 on a database that has data: in a database of its own, migrated up to V103 and filled the old way (validated
 * years in {@code evaluation_annee}, planned COPILs in {@code copil_prevu}), then migrated: every validation is a
 * decision "fait" of a COPIL meeting on the same date (one meeting per date, the existing COPIL body reused, a
 * "Comité de pilotage" created when there is none), every planned COPIL a meeting with its subject; the old table is
 * gone. The fresh database of every other test is the other case.
 */
@IntegrationTest
class CopilEnReunionsMigrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void existing_validations_and_planned_copils_become_meetings_keeping_their_dates() throws Exception {
        String url;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
        }
        com.zaxxer.hikari.HikariDataSource hikari = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class);
        String base = "migration_v104_" + System.nanoTime();
        JdbcClient.create(dataSource).sql("CREATE DATABASE " + base).update();
        DriverManagerDataSource ds = new DriverManagerDataSource(url.replaceFirst("/[^/?]+(\\?.*)?$", "/" + base + "$1"),
                hikari.getUsername(), hikari.getPassword());
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").target(versionAvant()).load().migrate();
        JdbcClient jdbc = JdbcClient.create(ds);

        long caf = jdbc.sql("INSERT INTO organisation (nom, type) VALUES ('Caf de test', 'CAF') RETURNING id").query(Long.class).single();
        long sans = convention(jdbc, caf, "Sans gouvernance");
        long avec = convention(jdbc, caf, "Avec COPIL");
        // "avec" already has a governance: a commission first, then its COPIL, which met on 2027-02-01
        jdbc.sql("INSERT INTO convention_gouvernance (convention_id, version) VALUES (:c, 3)").param("c", avec).update();
        jdbc.sql("INSERT INTO gouvernance_instance (convention_id, position, type, nom) VALUES (:c, 0, 'COMMISSION', 'Commission'), (:c, 1, 'COPIL', 'COPIL de la CTG')")
                .param("c", avec).update();
        long existante = jdbc.sql("""
                        INSERT INTO gouvernance_reunion (convention_id, instance_cle, instance_nom, date)
                        SELECT convention_id, cle, nom, DATE '2027-02-01' FROM gouvernance_instance WHERE convention_id = :c AND type = 'COPIL'
                        RETURNING id""").param("c", avec).query(Long.class).single();
        jdbc.sql("INSERT INTO gouvernance_decision (reunion_id, position, texte, statut) VALUES (:r, 0, 'Lancer le diagnostic', 'A_FAIRE')")
                .param("r", existante).update();

        jdbc.sql("""
                        INSERT INTO evaluation_annee (convention_id, annee, copil_date, copil_decision, validee_par, validee_le, exemple)
                        VALUES (:sans, 2025, DATE '2026-01-20', 'Évaluation 2025 adoptée', 'agent', now(), TRUE),
                               (:sans, 2026, DATE '2027-01-21', 'Évaluation 2026 adoptée', 'agent', now(), FALSE),
                               (:sans, 2027, NULL, NULL, NULL, NULL, FALSE),
                               (:avec, 2026, DATE '2027-02-01', '', 'agent', now(), FALSE)""")
                .param("sans", sans).param("avec", avec).update();
        jdbc.sql("INSERT INTO copil_prevu (convention_id, date_copil, objet, cree_par) VALUES (:sans, DATE '2027-06-17', 'Point d''étape', 't'), (:sans, DATE '2027-09-01', NULL, 't')")
                .param("sans", sans).update();

        Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("104").load().migrate();

        // "sans": one COPIL body created, two validation meetings with their dates, two planned meetings
        assertThat(jdbc.sql("SELECT version FROM convention_gouvernance WHERE convention_id = :c").param("c", sans).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT type || ' ' || nom FROM gouvernance_instance WHERE convention_id = :c").param("c", sans).query(String.class).list())
                .containsExactly("COPIL Comité de pilotage");
        List<Map<String, Object>> decisions = jdbc.sql("""
                        SELECT r.date, r.exemple, r.ordre_du_jour->0->>'texte' AS point, d.texte, d.statut, d.annee_validee
                        FROM gouvernance_decision d JOIN gouvernance_reunion r ON r.id = d.reunion_id
                        WHERE r.convention_id = :c ORDER BY r.date""").param("c", sans).query().listOfRows();
        assertThat(decisions).hasSize(2);
        assertThat(decisions.get(0)).containsEntry("date", java.sql.Date.valueOf(LocalDate.of(2026, 1, 20)))
                .containsEntry("exemple", true).containsEntry("texte", "Évaluation 2025 adoptée").containsEntry("statut", "FAIT")
                .containsEntry("annee_validee", 2025).containsEntry("point", "Validation de l'évaluation annuelle 2025");
        assertThat(decisions.get(1)).containsEntry("date", java.sql.Date.valueOf(LocalDate.of(2027, 1, 21)))
                .containsEntry("annee_validee", 2026).containsEntry("exemple", false);
        assertThat(jdbc.sql("""
                        SELECT r.date || ' ' || COALESCE(r.ordre_du_jour->0->>'texte', '—') FROM gouvernance_reunion r
                        WHERE r.convention_id = :c AND NOT EXISTS (SELECT 1 FROM gouvernance_decision d WHERE d.reunion_id = r.id)
                        ORDER BY r.date""").param("c", sans).query(String.class).list())
                .containsExactly("2027-06-17 Point d'étape", "2027-09-01 —");

        // "avec": the existing COPIL and its meeting of that date are reused; the decision is appended
        assertThat(jdbc.sql("SELECT count(*) FROM gouvernance_instance WHERE convention_id = :c").param("c", avec).query(Integer.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT version FROM convention_gouvernance WHERE convention_id = :c").param("c", avec).query(Integer.class).single())
                .isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM gouvernance_reunion WHERE convention_id = :c").param("c", avec).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT position || ' ' || texte || ' ' || statut FROM gouvernance_decision WHERE reunion_id = :r ORDER BY position")
                .param("r", existante).query(String.class).list())
                .containsExactly("0 Lancer le diagnostic A_FAIRE", "1 Évaluation 2026 validée FAIT");
        assertThat(jdbc.sql("SELECT version FROM gouvernance_reunion WHERE id = :r").param("r", existante).query(Integer.class).single())
                .isEqualTo(2);

        assertThat(jdbc.sql("SELECT to_regclass('copil_prevu') IS NULL").query(Boolean.class).single()).isTrue();
        // the grid's lock itself is unchanged
        assertThat(jdbc.sql("SELECT count(*) FROM evaluation_annee WHERE copil_date IS NOT NULL").query(Integer.class).single()).isEqualTo(3);
        JdbcClient.create(dataSource).sql("DROP DATABASE " + base).update();
    }

    /** The last migration before V104 on the classpath (other branches may add some up to V103). */
    private static String versionAvant() throws java.io.IOException {
        int max = 0;
        for (org.springframework.core.io.Resource r : new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                .getResources("classpath:db/migration/V*__*.sql")) {
            int v = Integer.parseInt(r.getFilename().substring(1, r.getFilename().indexOf("__")));
            if (v < 104) {
                max = Math.max(max, v);
            }
        }
        return String.valueOf(max);
    }

    private static long convention(JdbcClient jdbc, long caf, String titre) {
        return jdbc.sql("INSERT INTO convention (titre, caf_id, statut, date_debut, date_fin) VALUES (:t, :caf, 'SIGNEE', DATE '2025-01-01', DATE '2029-12-31') RETURNING id")
                .param("t", titre).param("caf", caf).query(Long.class).single();
    }
}
