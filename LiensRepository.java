package fr.pilotectg.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The link tables of the plan ({@code plan_lien_referentiel}, {@code plan_lien_objectif}); a fiche or a node is the source. */
@Repository
class LiensRepository {

    enum Source {
        FICHE("fiche_id"), NOEUD("noeud_id");

        final String colonne;

        Source(String colonne) {
            this.colonne = colonne;
        }
    }

    private final JdbcClient jdbc;

    LiensRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Liens liens(Source source, long id) {
        return new Liens(
                jdbc.sql("SELECT referentiel_element_id FROM plan_lien_referentiel WHERE " + source.colonne + " = :id ORDER BY referentiel_element_id")
                        .param("id", id).query(Long.class).list(),
                jdbc.sql("SELECT objectif_conjoint_id FROM plan_lien_objectif WHERE " + source.colonne + " = :id ORDER BY objectif_conjoint_id")
                        .param("id", id).query(Long.class).list());
    }

    /** The links of every fiche (or node) of a convention, by fiche (node) id. */
    Map<Long, Liens> liensDeLaConvention(Source source, long conventionId) {
        String table = source == Source.FICHE ? "fiche" : "plan_noeud";
        Map<Long, List<Long>> elements = new HashMap<>();
        Map<Long, List<Long>> objectifs = new HashMap<>();
        jdbc.sql("SELECT l." + source.colonne + " AS s, l.referentiel_element_id AS c FROM plan_lien_referentiel l JOIN " + table
                        + " t ON t.id = l." + source.colonne + " WHERE t.convention_id = :id ORDER BY 1, 2")
                .param("id", conventionId)
                .query(rs -> {
                    elements.computeIfAbsent(rs.getLong("s"), k -> new ArrayList<>()).add(rs.getLong("c"));
                });
        jdbc.sql("SELECT l." + source.colonne + " AS s, l.objectif_conjoint_id AS c FROM plan_lien_objectif l JOIN " + table
                        + " t ON t.id = l." + source.colonne + " WHERE t.convention_id = :id ORDER BY 1, 2")
                .param("id", conventionId)
                .query(rs -> {
                    objectifs.computeIfAbsent(rs.getLong("s"), k -> new ArrayList<>()).add(rs.getLong("c"));
                });
        Map<Long, Liens> liens = new HashMap<>();
        elements.keySet().forEach(k -> liens.put(k, null));
        objectifs.keySet().forEach(k -> liens.put(k, null));
        liens.replaceAll((k, v) -> new Liens(elements.getOrDefault(k, List.of()), objectifs.getOrDefault(k, List.of())));
        return liens;
    }

    void remplacer(Source source, long id, Liens liens) {
        jdbc.sql("DELETE FROM plan_lien_referentiel WHERE " + source.colonne + " = :id").param("id", id).update();
        jdbc.sql("DELETE FROM plan_lien_objectif WHERE " + source.colonne + " = :id").param("id", id).update();
        for (Long e : liens.referentielElements()) {
            jdbc.sql("INSERT INTO plan_lien_referentiel (" + source.colonne + ", referentiel_element_id) VALUES (:id, :c)")
                    .param("id", id).param("c", e).update();
        }
        for (Long o : liens.objectifsConjoints()) {
            jdbc.sql("INSERT INTO plan_lien_objectif (" + source.colonne + ", objectif_conjoint_id) VALUES (:id, :c)")
                    .param("id", id).param("c", o).update();
        }
    }
}
