package fr.pilotectg.avenant;

import fr.pilotectg.shared.JsonStocke;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

@Repository
class AvenantsRepository {

    private static final TypeReference<List<ChangementAvenant>> CHANGEMENTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    AvenantsRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // --- versions ---

    List<VersionConvention> versions(long conventionId) {
        return jdbc.sql("SELECT * FROM convention_version WHERE convention_id = :c ORDER BY numero")
                .param("c", conventionId).query(this::version).list();
    }

    Optional<VersionConvention> version(long conventionId, int numero) {
        return jdbc.sql("SELECT * FROM convention_version WHERE convention_id = :c AND numero = :n")
                .param("c", conventionId).param("n", numero).query(this::version).optional();
    }

    int derniereVersion(long conventionId) {
        return jdbc.sql("SELECT coalesce(max(numero), 0) FROM convention_version WHERE convention_id = :c")
                .param("c", conventionId).query(Integer.class).single();
    }

    void ajouterVersion(VersionConvention v) {
        jdbc.sql("""
                INSERT INTO convention_version (convention_id, numero, cause, avenant_numero, date_effet, creee_par, creee_le, contenu)
                VALUES (:c, :n, :cause, :avenant, :date, :par, :le, CAST(:contenu AS jsonb))""")
                .param("c", v.conventionId()).param("n", v.numero()).param("cause", v.cause())
                .param("avenant", v.avenantNumero()).param("date", v.dateEffet()).param("par", v.creeePar())
                .param("le", v.creeeLe()).param("contenu", json.writeValueAsString(v.contenu())).update();
    }

    private VersionConvention version(ResultSet rs, int i) throws SQLException {
        return new VersionConvention(rs.getLong("convention_id"), rs.getInt("numero"), rs.getString("cause"),
                (Integer) rs.getObject("avenant_numero"), rs.getObject("date_effet", LocalDate.class),
                rs.getString("creee_par"), rs.getObject("creee_le", OffsetDateTime.class),
                JsonStocke.LECTURE.readValue(rs.getString("contenu"), Instantane.class));
    }

    // --- avenants ---

    List<Avenant> avenants(long conventionId) {
        return jdbc.sql("SELECT * FROM avenant WHERE convention_id = :c ORDER BY numero").param("c", conventionId)
                .query(this::avenant).list();
    }

    Optional<Avenant> avenant(long conventionId, int numero) {
        return jdbc.sql("SELECT * FROM avenant WHERE convention_id = :c AND numero = :n")
                .param("c", conventionId).param("n", numero).query(this::avenant).optional();
    }

    /** Serialises drafting on one convention (numbering, overlap check). */
    void verrouiller(long conventionId) {
        jdbc.sql("SELECT id FROM convention WHERE id = :c FOR UPDATE").param("c", conventionId).query(Long.class).optional();
    }

    int prochainNumero(long conventionId) {
        return jdbc.sql("SELECT coalesce(max(numero), 0) + 1 FROM avenant WHERE convention_id = :c")
                .param("c", conventionId).query(Integer.class).single();
    }

    void inserer(Avenant a) {
        jdbc.sql("""
                INSERT INTO avenant (convention_id, numero, objet, statut, version_base, changements, cree_par, cree_le, version)
                VALUES (:c, :n, :objet, :statut, :base, CAST(:changements AS jsonb), :par, :le, 0)""")
                .param("c", a.conventionId()).param("n", a.numero()).param("objet", a.objet())
                .param("statut", a.statut().name()).param("base", a.versionBase())
                .param("changements", json.writeValueAsString(a.changements())).param("par", a.creePar())
                .param("le", a.creeLe()).update();
    }

    /** Optimistic update of the status; false when the version read is stale. */
    boolean changerStatut(long conventionId, int numero, int version, StatutAvenant statut, LocalDate signeLe,
                          LocalDate enVigueurLe, Integer versionCreee) {
        return jdbc.sql("""
                UPDATE avenant SET statut = :statut, signe_le = coalesce(:signe, signe_le),
                    en_vigueur_le = coalesce(:vigueur, en_vigueur_le), version_creee = coalesce(:vc, version_creee),
                    version = version + 1
                WHERE convention_id = :c AND numero = :n AND version = :v""")
                .param("statut", statut.name()).param("signe", signeLe).param("vigueur", enVigueurLe)
                .param("vc", versionCreee).param("c", conventionId).param("n", numero).param("v", version).update() == 1;
    }

    private Avenant avenant(ResultSet rs, int i) throws SQLException {
        return new Avenant(rs.getLong("convention_id"), rs.getInt("numero"), rs.getString("objet"),
                StatutAvenant.valueOf(rs.getString("statut")), rs.getInt("version_base"),
                JsonStocke.LECTURE.readValue(rs.getString("changements"), CHANGEMENTS), (Integer) rs.getObject("version_creee"),
                rs.getString("cree_par"), rs.getObject("cree_le", OffsetDateTime.class),
                rs.getObject("signe_le", LocalDate.class), rs.getObject("en_vigueur_le", LocalDate.class), rs.getInt("version"));
    }
}
