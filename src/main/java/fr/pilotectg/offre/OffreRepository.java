package fr.pilotectg.offre;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OffreRepository {

    private final JdbcClient jdbc;

    OffreRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ServiceSoutenu> services(long conventionId) {
        Map<Long, List<String>> soutiens = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT s.service_id, s.collectivite FROM service_soutien s
                        JOIN service_soutenu v ON v.id = s.service_id
                        WHERE v.convention_id = :c ORDER BY s.service_id, s.position""")
                .param("c", conventionId)
                .query(rs -> {
                    soutiens.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return jdbc.sql("SELECT * FROM service_soutenu WHERE convention_id = :c ORDER BY id")
                .param("c", conventionId)
                .query((rs, i) -> ligne(rs, soutiens.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    Optional<ServiceSoutenu> service(long id) {
        List<String> soutiens = jdbc.sql("SELECT collectivite FROM service_soutien WHERE service_id = :id ORDER BY position")
                .param("id", id).query(String.class).list();
        return jdbc.sql("SELECT * FROM service_soutenu WHERE id = :id").param("id", id)
                .query((rs, i) -> ligne(rs, soutiens)).optional();
    }

    private static ServiceSoutenu ligne(ResultSet rs, List<String> soutiens) throws SQLException {
        return new ServiceSoutenu(rs.getLong("id"), rs.getLong("convention_id"),
                TypeService.valueOf(rs.getString("type")), rs.getString("type_imprime"), rs.getString("sous_type"),
                rs.getString("nom"), rs.getString("gestionnaire"), rs.getString("adresse"), rs.getString("code_postal"),
                rs.getString("commune"), rs.getString("code_insee"), rs.getString("commune_note"),
                (Integer) rs.getObject("capacite"), rs.getBoolean("hors_bonus_territoire"), soutiens, rs.getInt("version"));
    }

    long inserer(ServiceSoutenu s) {
        long id = jdbc.sql("""
                        INSERT INTO service_soutenu (convention_id, type, type_imprime, sous_type, nom, gestionnaire, adresse,
                                                     code_postal, commune, code_insee, commune_note, capacite, hors_bonus_territoire)
                        VALUES (:c, :type, :typeImprime, :sousType, :nom, :gestionnaire, :adresse, :codePostal, :commune, :code,
                                :note, :capacite, :hors)
                        RETURNING id""")
                .param("c", s.conventionId()).param("type", s.type().name()).param("typeImprime", s.typeImprime())
                .param("sousType", s.sousType()).param("nom", s.nom()).param("gestionnaire", s.gestionnaire())
                .param("adresse", s.adresse()).param("codePostal", s.codePostal()).param("commune", s.commune())
                .param("code", s.codeInsee()).param("note", s.communeNote()).param("capacite", s.capacite())
                .param("hors", s.horsBonusTerritoire())
                .query(Long.class).single();
        definirSoutiens(id, s.collectivitesSoutien());
        return id;
    }

    /** Rewrites the row if it is still at the version read; tells whether it was. */
    boolean modifier(ServiceSoutenu s, int versionLue) {
        int lignes = jdbc.sql("""
                        UPDATE service_soutenu SET type = :type, type_imprime = :typeImprime, sous_type = :sousType, nom = :nom,
                               gestionnaire = :gestionnaire, adresse = :adresse, code_postal = :codePostal, commune = :commune,
                               code_insee = :code, commune_note = :note, capacite = :capacite, hors_bonus_territoire = :hors,
                               version = version + 1
                        WHERE id = :id AND version = :version""")
                .param("id", s.id()).param("version", versionLue).param("type", s.type().name())
                .param("typeImprime", s.typeImprime()).param("sousType", s.sousType()).param("nom", s.nom())
                .param("gestionnaire", s.gestionnaire()).param("adresse", s.adresse()).param("codePostal", s.codePostal())
                .param("commune", s.commune()).param("code", s.codeInsee()).param("note", s.communeNote())
                .param("capacite", s.capacite()).param("hors", s.horsBonusTerritoire())
                .update();
        if (lignes == 1) {
            definirSoutiens(s.id(), s.collectivitesSoutien());
        }
        return lignes == 1;
    }

    /** Deletes the row if it is still at the version read; tells whether it was. */
    boolean supprimer(long id, int versionLue) {
        return jdbc.sql("DELETE FROM service_soutenu WHERE id = :id AND version = :version")
                .param("id", id).param("version", versionLue).update() == 1;
    }

    /** Marks a change of the row's supporters alone (a merged duplicate row). */
    void incrementerVersion(long id) {
        jdbc.sql("UPDATE service_soutenu SET version = version + 1 WHERE id = :id").param("id", id).update();
    }

    void definirSoutiens(long serviceId, List<String> collectivites) {
        jdbc.sql("DELETE FROM service_soutien WHERE service_id = :id").param("id", serviceId).update();
        for (int i = 0; i < collectivites.size(); i++) {
            jdbc.sql("INSERT INTO service_soutien (service_id, position, collectivite) VALUES (:id, :p, :c)")
                    .param("id", serviceId).param("p", i).param("c", collectivites.get(i)).update();
        }
    }
}
