package fr.pilotectg.offre;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
                .query((rs, i) -> new ServiceSoutenu(rs.getLong("id"), rs.getLong("convention_id"),
                        TypeService.valueOf(rs.getString("type")), rs.getString("type_imprime"), rs.getString("nom"),
                        rs.getString("gestionnaire"), rs.getString("adresse"), rs.getString("commune"),
                        rs.getString("code_insee"), (Integer) rs.getObject("capacite"), rs.getBoolean("hors_bonus_territoire"),
                        soutiens.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    long inserer(ServiceSoutenu s) {
        long id = jdbc.sql("""
                        INSERT INTO service_soutenu (convention_id, type, type_imprime, nom, gestionnaire, adresse, commune,
                                                     code_insee, capacite, hors_bonus_territoire)
                        VALUES (:c, :type, :typeImprime, :nom, :gestionnaire, :adresse, :commune, :code, :capacite, :hors)
                        RETURNING id""")
                .param("c", s.conventionId()).param("type", s.type().name()).param("typeImprime", s.typeImprime())
                .param("nom", s.nom()).param("gestionnaire", s.gestionnaire()).param("adresse", s.adresse())
                .param("commune", s.commune()).param("code", s.codeInsee()).param("capacite", s.capacite())
                .param("hors", s.horsBonusTerritoire())
                .query(Long.class).single();
        definirSoutiens(id, s.collectivitesSoutien());
        return id;
    }

    void definirSoutiens(long serviceId, List<String> collectivites) {
        jdbc.sql("DELETE FROM service_soutien WHERE service_id = :id").param("id", serviceId).update();
        for (int i = 0; i < collectivites.size(); i++) {
            jdbc.sql("INSERT INTO service_soutien (service_id, position, collectivite) VALUES (:id, :p, :c)")
                    .param("id", serviceId).param("p", i).param("c", collectivites.get(i)).update();
        }
    }
}
