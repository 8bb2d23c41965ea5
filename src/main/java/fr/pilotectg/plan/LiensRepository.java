package fr.pilotectg.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The link tables of the plan ({@code plan_lien_referentiel}, {@code plan_lien_objectif}); a fiche or a node is the source. */
@Repository
class LiensRepository {

    enum Source {
        FICHE("fiche_id", "fiche"), NOEUD("noeud_id", "plan_noeud");

        final String colonne;
        final String table;

        Source(String colonne, String table) {
            this.colonne = colonne;
            this.table = table;
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

    /** The links of every fiche (or node) of a convention, by fiche (node) id; sources without links are absent. */
    Map<Long, Liens> liensDeLaConvention(Source source, long conventionId) {
        Map<Long, List<Long>> elements = new HashMap<>();
        Map<Long, List<Long>> objectifs = new HashMap<>();
        lire("plan_lien_referentiel", "referentiel_element_id", source, conventionId, elements);
        lire("plan_lien_objectif", "objectif_conjoint_id", source, conventionId, objectifs);
        Set<Long> sources = new HashSet<>(elements.keySet());
        sources.addAll(objectifs.keySet());
        Map<Long, Liens> liens = new HashMap<>();
        sources.forEach(s -> liens.put(s, new Liens(elements.getOrDefault(s, List.of()), objectifs.getOrDefault(s, List.of()))));
        return liens;
    }

    private void lire(String table, String cible, Source source, long conventionId, Map<Long, List<Long>> dans) {
        jdbc.sql("SELECT l." + source.colonne + " AS s, l." + cible + " AS c FROM " + table + " l JOIN " + source.table
                        + " t ON t.id = l." + source.colonne + " WHERE t.convention_id = :id ORDER BY 1, 2")
                .param("id", conventionId)
                .query(rs -> {
                    dans.computeIfAbsent(rs.getLong("s"), k -> new ArrayList<>()).add(rs.getLong("c"));
                });
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
