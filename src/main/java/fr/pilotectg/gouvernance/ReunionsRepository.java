package fr.pilotectg.gouvernance;

import fr.pilotectg.shared.JsonStocke;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

@Repository
class ReunionsRepository {

    private static final TypeReference<List<PointOrdreDuJour>> POINTS = new TypeReference<>() {
    };
    private static final TypeReference<List<Participant>> PARTICIPANTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ReunionsRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The meetings of a convention, most recent first, with their decisions: two statements. */
    List<Reunion> reunions(long conventionId) {
        return lire("r.convention_id = :id", conventionId);
    }

    Optional<Reunion> reunion(long conventionId, long reunionId) {
        return reunions(conventionId).stream().filter(r -> r.id() == reunionId).findFirst();
    }

    private List<Reunion> lire(String condition, long conventionId) {
        Map<Long, List<Decision>> decisions = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT d.reunion_id, d.texte, d.responsable_organisation_id, d.responsable_personne, d.echeance, d.statut,
                               d.fiche_id, d.annee_validee
                        FROM gouvernance_decision d JOIN gouvernance_reunion r ON r.id = d.reunion_id
                        WHERE\s""" + condition + " ORDER BY d.reunion_id, d.position")
                .param("id", conventionId)
                .query(rs -> {
                    decisions.computeIfAbsent(rs.getLong("reunion_id"), k -> new ArrayList<>()).add(new Decision(
                            rs.getString("texte"), (Long) rs.getObject("responsable_organisation_id"),
                            rs.getString("responsable_personne"), rs.getObject("echeance", LocalDate.class),
                            StatutDecision.valueOf(rs.getString("statut")), (Long) rs.getObject("fiche_id"),
                            (Integer) rs.getObject("annee_validee")));
                });
        return jdbc.sql("""
                        SELECT r.id, r.convention_id, r.instance_cle, r.instance_nom, r.date, r.date_texte, r.heure, r.lieu,
                               r.lien_visio, r.preparation, r.note, r.ordre_du_jour::text AS odj, r.participants::text AS participants,
                               r.compte_rendu, r.exemple, r.version
                        FROM gouvernance_reunion r WHERE\s""" + condition
                        + " ORDER BY r.date DESC NULLS LAST, r.heure DESC NULLS LAST, r.id DESC")
                .param("id", conventionId)
                .query((rs, i) -> new Reunion(rs.getLong("id"), rs.getLong("convention_id"),
                        rs.getObject("instance_cle", UUID.class), rs.getString("instance_nom"),
                        rs.getObject("date", LocalDate.class), rs.getString("date_texte"), rs.getObject("heure", LocalTime.class),
                        rs.getString("lieu"), rs.getString("lien_visio"), rs.getBoolean("preparation"), rs.getString("note"),
                        JsonStocke.LECTURE.readValue(rs.getString("odj"), POINTS), JsonStocke.LECTURE.readValue(rs.getString("participants"), PARTICIPANTS),
                        rs.getString("compte_rendu"), rs.getBoolean("exemple"), rs.getInt("version"),
                        decisions.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    long inserer(Reunion r) {
        KeyHolder cle = new GeneratedKeyHolder();
        parametres(jdbc.sql("""
                        INSERT INTO gouvernance_reunion (convention_id, instance_cle, instance_nom, date, date_texte, heure, lieu,
                            lien_visio, preparation, note, ordre_du_jour, participants, compte_rendu, exemple)
                        VALUES (:convention, :cle, :nom, :date, :dateTexte, :heure, :lieu, :visio, :preparation, :note,
                            CAST(:odj AS jsonb), CAST(:participants AS jsonb), :compteRendu, :exemple)"""), r)
                .param("convention", r.conventionId())
                .update(cle, "id");
        long id = cle.getKey().longValue();
        decisions(id, r.decisions());
        return id;
    }

    /** Replaces the meeting if its version is still {@code version}; false when someone else wrote first. */
    boolean remplacer(long id, int version, Reunion r) {
        int lignes = parametres(jdbc.sql("""
                        UPDATE gouvernance_reunion SET instance_cle = :cle, instance_nom = :nom, date = :date,
                            date_texte = :dateTexte, heure = :heure, lieu = :lieu, lien_visio = :visio, preparation = :preparation,
                            note = :note, ordre_du_jour = CAST(:odj AS jsonb), participants = CAST(:participants AS jsonb),
                            compte_rendu = :compteRendu, exemple = :exemple, version = version + 1
                        WHERE id = :id AND version = :version"""), r)
                .param("id", id).param("version", version).update();
        if (lignes == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM gouvernance_decision WHERE reunion_id = :id").param("id", id).update();
        decisions(id, r.decisions());
        return true;
    }

    boolean supprimer(long id, int version) {
        return jdbc.sql("DELETE FROM gouvernance_reunion WHERE id = :id AND version = :version")
                .param("id", id).param("version", version).update() == 1;
    }

    private JdbcClient.StatementSpec parametres(JdbcClient.StatementSpec sql, Reunion r) {
        return sql.param("cle", r.instanceCle()).param("nom", r.instanceNom()).param("date", r.date())
                .param("dateTexte", r.dateTexte()).param("heure", r.heure()).param("lieu", r.lieu())
                .param("visio", r.lienVisio()).param("preparation", r.preparation()).param("note", r.note())
                .param("odj", json.writeValueAsString(r.ordreDuJour()))
                .param("participants", json.writeValueAsString(r.participants()))
                .param("compteRendu", r.compteRendu()).param("exemple", r.exemple());
    }

    private void decisions(long reunionId, List<Decision> decisions) {
        for (int i = 0; i < decisions.size(); i++) {
            Decision d = decisions.get(i);
            jdbc.sql("""
                            INSERT INTO gouvernance_decision (reunion_id, position, texte, responsable_organisation_id,
                                                              responsable_personne, echeance, statut, fiche_id, annee_validee)
                            VALUES (:reunion, :position, :texte, :organisation, :personne, :echeance, :statut, :fiche, :annee)""")
                    .param("fiche", d.ficheId()).param("annee", d.anneeValidee())
                    .param("reunion", reunionId).param("position", i).param("texte", d.texte())
                    .param("organisation", d.responsableOrganisationId()).param("personne", d.responsablePersonne())
                    .param("echeance", d.echeance()).param("statut", d.statut().name())
                    .update();
        }
    }

    /** The first meeting of this body on this date, if any. */
    Optional<Long> reunionDuJour(long conventionId, UUID instanceCle, LocalDate date) {
        return jdbc.sql("SELECT id FROM gouvernance_reunion WHERE convention_id = :id AND instance_cle = :cle AND date = :date ORDER BY id LIMIT 1")
                .param("id", conventionId).param("cle", instanceCle).param("date", date).query(Long.class).optional();
    }

    /** Appends a decision to a meeting (whose version moves on). */
    void ajouterDecision(long reunionId, Decision d) {
        jdbc.sql("UPDATE gouvernance_reunion SET version = version + 1 WHERE id = :id").param("id", reunionId).update();
        jdbc.sql("""
                        INSERT INTO gouvernance_decision (reunion_id, position, texte, responsable_organisation_id,
                                                          responsable_personne, echeance, statut, fiche_id, annee_validee)
                        VALUES (:reunion, COALESCE((SELECT max(position) + 1 FROM gouvernance_decision WHERE reunion_id = :reunion), 0),
                                :texte, :organisation, :personne, :echeance, :statut, :fiche, :annee)""")
                .param("reunion", reunionId).param("texte", d.texte())
                .param("organisation", d.responsableOrganisationId()).param("personne", d.responsablePersonne())
                .param("echeance", d.echeance()).param("statut", d.statut().name())
                .param("fiche", d.ficheId()).param("annee", d.anneeValidee())
                .update();
    }

    /** The validation decisions of an evaluation year still in force: they become "abandonnée", without their year. */
    int annulerValidation(long conventionId, int annee) {
        jdbc.sql("""
                        UPDATE gouvernance_reunion SET version = version + 1 WHERE convention_id = :id AND id IN (
                            SELECT reunion_id FROM gouvernance_decision WHERE annee_validee = :annee)""")
                .param("id", conventionId).param("annee", annee).update();
        return jdbc.sql("""
                        UPDATE gouvernance_decision SET statut = 'ABANDONNEE', annee_validee = NULL
                        WHERE annee_validee = :annee AND reunion_id IN (SELECT id FROM gouvernance_reunion WHERE convention_id = :id)""")
                .param("id", conventionId).param("annee", annee).update();
    }

    /** The decisions "à faire" or "en cours" an organisation owns, the earliest due first; at most {@code limite}. */
    List<DecisionDeLOrganisation> decisionsDeLOrganisation(long organisationId, int limite) {
        return jdbc.sql("""
                        SELECT r.convention_id, c.titre, r.id AS reunion_id, r.instance_nom, r.date, r.date_texte, d.texte,
                               d.echeance, d.statut, d.fiche_id, f.reference
                        FROM gouvernance_decision d
                        JOIN gouvernance_reunion r ON r.id = d.reunion_id
                        JOIN convention c ON c.id = r.convention_id
                        LEFT JOIN fiche f ON f.id = d.fiche_id
                        WHERE d.responsable_organisation_id = :organisation AND d.statut IN ('A_FAIRE', 'EN_COURS')
                          AND c.archivee_le IS NULL
                        ORDER BY d.echeance NULLS LAST, r.date, d.reunion_id, d.position LIMIT :limite""")
                .param("organisation", organisationId).param("limite", limite)
                .query((rs, i) -> new DecisionDeLOrganisation(rs.getLong("convention_id"), rs.getString("titre"),
                        rs.getLong("reunion_id"), rs.getString("instance_nom"), rs.getObject("date", LocalDate.class),
                        rs.getString("date_texte"), rs.getString("texte"), rs.getObject("echeance", LocalDate.class),
                        StatutDecision.valueOf(rs.getString("statut")), (Long) rs.getObject("fiche_id"), rs.getString("reference")))
                .list();
    }
}
