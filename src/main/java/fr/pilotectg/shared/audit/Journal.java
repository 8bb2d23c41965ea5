package fr.pilotectg.shared.audit;

import fr.pilotectg.shared.JsonStocke;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import fr.pilotectg.shared.Personnes;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The audit journal: who changed what, when. Written in the caller's transaction. */
@Service
public class Journal {

    private static final TypeReference<List<Changement>> CHANGEMENTS = new TypeReference<>() {
    };

    private static final String INSERTION = """
            INSERT INTO journal (utilisateur, objet_type, objet_id, convention_id, action, changements)
            VALUES (:utilisateur, :type, :objetId, :conventionId, :action, CAST(:changements AS jsonb))""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate lots;
    private final ObjectMapper json;

    Journal(JdbcClient jdbc, NamedParameterJdbcTemplate lots, ObjectMapper json) {
        this.jdbc = jdbc;
        this.lots = lots;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void enregistrer(String objetType, Long objetId, Long conventionId, String action, List<Changement> changements) {
        enregistrerAuNomDe(auteurCourant(), objetType, objetId, conventionId, action, changements);
    }

    /**
     * A write made outside a signed-in request on behalf of a known account (e.g. a password set through an
     * invitation link): journalled under that account's identifier rather than as an anonymous user.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enregistrerAuNomDe(String auteur, String objetType, Long objetId, Long conventionId, String action,
                                   List<Changement> changements) {
        jdbc.sql(INSERTION)
                .param("utilisateur", auteur)
                .param("type", objetType)
                .param("objetId", objetId)
                .param("conventionId", conventionId)
                .param("action", action)
                .param("changements", json.writeValueAsString(changements))
                .update();
    }

    /**
     * One entry per object for the same action by the current user, written in one JDBC batch (the updates of a
     * table imported at once): each object's history reads as if it had been changed on its own.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enregistrerPourChacun(String objetType, Long conventionId, String action, Map<Long, List<Changement>> parObjet) {
        String auteur = auteurCourant();
        SqlParameterSource[] lignes = parObjet.entrySet().stream().map(e -> new MapSqlParameterSource()
                .addValue("utilisateur", auteur)
                .addValue("type", objetType)
                .addValue("objetId", e.getKey())
                .addValue("conventionId", conventionId)
                .addValue("action", action)
                .addValue("changements", json.writeValueAsString(e.getValue()))).toArray(SqlParameterSource[]::new);
        if (lignes.length > 0) {
            lots.batchUpdate(INSERTION, lignes);
        }
    }

    public List<EntreeJournal> pourConvention(long conventionId, int limite, int decalage) {
        return jdbc.sql("""
                        SELECT j.*, %s AS auteur FROM journal j WHERE convention_id = :id
                        ORDER BY horodatage DESC, id DESC LIMIT :limite OFFSET :decalage""".formatted(Personnes.sqlNom("j.utilisateur")))
                .param("id", conventionId).param("limite", limite).param("decalage", decalage)
                .query(this::entree).list();
    }

    public List<EntreeJournal> pourObjet(String objetType, long objetId) {
        return jdbc.sql("SELECT j.*, " + Personnes.sqlNom("j.utilisateur") + " AS auteur FROM journal j"
                        + " WHERE objet_type = :type AND objet_id = :id ORDER BY horodatage DESC, id DESC LIMIT 200")
                .param("type", objetType).param("id", objetId)
                .query(this::entree).list();
    }

    public long nombrePourConvention(long conventionId) {
        return jdbc.sql("SELECT count(*) FROM journal WHERE convention_id = :id")
                .param("id", conventionId).query(Long.class).single();
    }

    private EntreeJournal entree(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new EntreeJournal(rs.getLong("id"), rs.getObject("horodatage", OffsetDateTime.class),
                rs.getString("utilisateur"), rs.getString("objet_type"), (Long) rs.getObject("objet_id"),
                (Long) rs.getObject("convention_id"), rs.getString("action"),
                JsonStocke.LECTURE.readValue(rs.getString("changements"), CHANGEMENTS), rs.getString("auteur"));
    }

    private static String auteurCourant() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "système" : authentication.getName();
    }
}
