package fr.pilotectg.gouvernance;

import fr.pilotectg.shared.JsonStocke;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

@Repository
class GouvernanceRepository {

    private static final TypeReference<List<PartEtp>> PARTS = new TypeReference<>() {
    };

    private static final TypeReference<List<String>> TEXTES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    GouvernanceRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Integer> version(long conventionId) {
        return jdbc.sql("SELECT version FROM convention_gouvernance WHERE convention_id = :id")
                .param("id", conventionId).query(Integer.class).optional();
    }

    /** The bodies in order, with their members: two statements whatever their number. */
    List<Instance> instances(long conventionId) {
        Map<Integer, List<Membre>> membres = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT instance, organisation_id, personne, fonction, consultatif, copresident, secretariat
                        FROM gouvernance_membre WHERE convention_id = :id ORDER BY instance, position""")
                .param("id", conventionId)
                .query(rs -> {
                    membres.computeIfAbsent(rs.getInt("instance"), k -> new ArrayList<>()).add(new Membre(
                            rs.getLong("organisation_id"), rs.getString("personne"), rs.getString("fonction"),
                            rs.getBoolean("consultatif"), rs.getBoolean("copresident"), rs.getBoolean("secretariat")));
                });
        return jdbc.sql("""
                        SELECT position, type, nom, frequence, reunions_par_an, missions::text AS missions, thematiques::text AS thematiques, cle
                        FROM gouvernance_instance WHERE convention_id = :id ORDER BY position""")
                .param("id", conventionId)
                .query((rs, i) -> new Instance(TypeInstance.valueOf(rs.getString("type")), rs.getString("nom"),
                        rs.getString("frequence"), (Integer) rs.getObject("reunions_par_an"), JsonStocke.LECTURE.readValue(rs.getString("missions"), TEXTES),
                        JsonStocke.LECTURE.readValue(rs.getString("thematiques"), TEXTES), membres.getOrDefault(rs.getInt("position"), List.of()),
                        rs.getObject("cle", java.util.UUID.class)))
                .list();
    }

    List<ChargeCooperation> charges(long conventionId) {
        return jdbc.sql("""
                        SELECT personne, employeur_id, etp, repartition::text AS repartition, date_debut, date_fin,
                               financement_caf, fiche
                        FROM gouvernance_charge_cooperation WHERE convention_id = :id ORDER BY position""")
                .param("id", conventionId)
                .query((rs, i) -> new ChargeCooperation(rs.getString("personne"), rs.getLong("employeur_id"),
                        rs.getBigDecimal("etp"), JsonStocke.LECTURE.readValue(rs.getString("repartition"), PARTS),
                        rs.getObject("date_debut", java.time.LocalDate.class), rs.getObject("date_fin", java.time.LocalDate.class),
                        rs.getString("financement_caf"), rs.getString("fiche")))
                .list();
    }

    /** Replaces everything if the stored version is still {@code version}; false when someone else wrote first. */
    boolean remplacer(long conventionId, int version, List<Instance> instances, List<ChargeCooperation> charges) {
        int modifiees = version == 0
                ? jdbc.sql("INSERT INTO convention_gouvernance (convention_id, version) VALUES (:id, 1) ON CONFLICT DO NOTHING")
                .param("id", conventionId).update()
                : jdbc.sql("UPDATE convention_gouvernance SET version = version + 1 WHERE convention_id = :id AND version = :version")
                .param("id", conventionId).param("version", version).update();
        if (modifiees == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM gouvernance_instance WHERE convention_id = :id").param("id", conventionId).update();
        jdbc.sql("DELETE FROM gouvernance_charge_cooperation WHERE convention_id = :id").param("id", conventionId).update();
        for (int i = 0; i < instances.size(); i++) {
            Instance instance = instances.get(i);
            jdbc.sql("""
                            INSERT INTO gouvernance_instance (convention_id, position, type, nom, frequence, reunions_par_an,
                                                              missions, thematiques, cle)
                            VALUES (:id, :position, :type, :nom, :frequence, :reunions, CAST(:missions AS jsonb),
                                    CAST(:thematiques AS jsonb), COALESCE(CAST(:cle AS uuid), gen_random_uuid()))""")
                    .param("cle", instance.cle() == null ? null : instance.cle().toString())
                    .param("id", conventionId).param("position", i).param("type", instance.type().name())
                    .param("nom", instance.nom()).param("frequence", instance.frequence())
                    .param("reunions", instance.reunionsParAn())
                    .param("missions", json.writeValueAsString(instance.missions()))
                    .param("thematiques", json.writeValueAsString(instance.thematiques()))
                    .update();
            for (int j = 0; j < instance.membres().size(); j++) {
                Membre m = instance.membres().get(j);
                jdbc.sql("""
                                INSERT INTO gouvernance_membre (convention_id, instance, position, organisation_id, personne,
                                                                fonction, consultatif, copresident, secretariat)
                                VALUES (:id, :instance, :position, :organisation, :personne, :fonction, :consultatif,
                                        :copresident, :secretariat)""")
                        .param("id", conventionId).param("instance", i).param("position", j)
                        .param("organisation", m.organisationId()).param("personne", m.personne())
                        .param("fonction", m.fonction()).param("consultatif", m.consultatif())
                        .param("copresident", m.copresident()).param("secretariat", m.secretariat())
                        .update();
            }
        }
        for (int i = 0; i < charges.size(); i++) {
            ChargeCooperation c = charges.get(i);
            jdbc.sql("""
                            INSERT INTO gouvernance_charge_cooperation (convention_id, position, personne, employeur_id, etp,
                                                                       repartition, date_debut, date_fin, financement_caf, fiche)
                            VALUES (:id, :position, :personne, :employeur, :etp, CAST(:repartition AS jsonb), :debut, :fin,
                                    :financement, :fiche)""")
                    .param("id", conventionId).param("position", i).param("personne", c.personne())
                    .param("employeur", c.employeurId()).param("etp", c.etp())
                    .param("repartition", json.writeValueAsString(c.repartition()))
                    .param("debut", c.dateDebut()).param("fin", c.dateFin())
                    .param("financement", c.financementCaf()).param("fiche", c.fiche())
                    .update();
        }
        return true;
    }

    /** The convention's first COPIL body (its key and name), if any. */
    Optional<Object[]> copil(long conventionId) {
        return jdbc.sql("SELECT cle, nom FROM gouvernance_instance WHERE convention_id = :id AND type = 'COPIL' ORDER BY position LIMIT 1")
                .param("id", conventionId)
                .query((rs, i) -> new Object[]{rs.getObject("cle", java.util.UUID.class), rs.getString("nom")}).optional();
    }

    /** Adds a "Comité de pilotage" body after the others (the governance's version moves on); returns its key and name. */
    Object[] creerCopil(long conventionId) {
        jdbc.sql("""
                        INSERT INTO convention_gouvernance (convention_id, version) VALUES (:id, 1)
                        ON CONFLICT (convention_id) DO UPDATE SET version = convention_gouvernance.version + 1""")
                .param("id", conventionId).update();
        return jdbc.sql("""
                        INSERT INTO gouvernance_instance (convention_id, position, type, nom)
                        VALUES (:id, COALESCE((SELECT max(position) + 1 FROM gouvernance_instance WHERE convention_id = :id), 0),
                                'COPIL', 'Comité de pilotage')
                        RETURNING cle, nom""")
                .param("id", conventionId)
                .query((rs, i) -> new Object[]{rs.getObject("cle", java.util.UUID.class), rs.getString("nom")}).single();
    }
}
