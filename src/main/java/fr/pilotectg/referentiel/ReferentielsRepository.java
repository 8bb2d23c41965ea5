package fr.pilotectg.referentiel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReferentielsRepository {

    private final JdbcClient jdbc;

    ReferentielsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Integer> version(long conventionId) {
        return jdbc.sql("SELECT version FROM convention_referentiels WHERE convention_id = :id")
                .param("id", conventionId).query(Integer.class).optional();
    }

    private record LigneElement(long id, long referentielId, Long parentId, String code, String intitule) {
    }

    List<Referentiel> referentiels(long conventionId) {
        List<LigneElement> lignes = jdbc.sql("""
                        SELECT e.id, e.referentiel_id, e.parent_id, e.code, e.intitule FROM referentiel_element e
                        JOIN referentiel r ON r.id = e.referentiel_id
                        WHERE r.convention_id = :id ORDER BY e.position, e.id""")
                .param("id", conventionId)
                .query((rs, i) -> new LigneElement(rs.getLong("id"), rs.getLong("referentiel_id"),
                        (Long) rs.getObject("parent_id"), rs.getString("code"), rs.getString("intitule")))
                .list();
        Map<Long, List<ElementReferentiel>> enfants = new LinkedHashMap<>();
        for (LigneElement l : lignes) {
            if (l.parentId() != null) {
                enfants.computeIfAbsent(l.parentId(), k -> new ArrayList<>())
                        .add(new ElementReferentiel(l.id(), l.code(), l.intitule(), List.of()));
            }
        }
        Map<Long, List<ElementReferentiel>> parReferentiel = new LinkedHashMap<>();
        for (LigneElement l : lignes) {
            if (l.parentId() == null) {
                parReferentiel.computeIfAbsent(l.referentielId(), k -> new ArrayList<>())
                        .add(new ElementReferentiel(l.id(), l.code(), l.intitule(), enfants.getOrDefault(l.id(), List.of())));
            }
        }
        return jdbc.sql("SELECT id, nom, proprietaire FROM referentiel WHERE convention_id = :id ORDER BY position, id")
                .param("id", conventionId)
                .query((rs, i) -> new Referentiel(rs.getLong("id"), rs.getString("nom"), rs.getString("proprietaire"),
                        parReferentiel.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    /**
     * Stores the frameworks if the stored version is still {@code version} (false when someone else wrote first):
     * frameworks and items with an id are updated (so links to them survive), the others inserted, and those no
     * longer listed deleted — last, once every kept item has moved to its new place.
     */
    boolean enregistrer(long conventionId, int version, List<Referentiel> referentiels) {
        int modifiees = version == 0
                ? jdbc.sql("INSERT INTO convention_referentiels (convention_id, version) VALUES (:id, 1) ON CONFLICT DO NOTHING")
                .param("id", conventionId).update()
                : jdbc.sql("UPDATE convention_referentiels SET version = version + 1 WHERE convention_id = :id AND version = :version")
                .param("id", conventionId).param("version", version).update();
        if (modifiees == 0) {
            return false;
        }
        Set<Long> referentielsGardes = new HashSet<>();
        Set<Long> elementsGardes = new HashSet<>();
        int position = 0;
        for (Referentiel r : referentiels) {
            long referentielId = r.id() != null
                    ? mettreAJour(r.id(), position++, r)
                    : jdbc.sql("""
                                    INSERT INTO referentiel (convention_id, position, nom, proprietaire)
                                    VALUES (:convention, :position, :nom, :proprietaire) RETURNING id""")
                    .param("convention", conventionId).param("position", position++).param("nom", r.nom())
                    .param("proprietaire", r.proprietaire()).query(Long.class).single();
            referentielsGardes.add(referentielId);
            int rang = 0;
            for (ElementReferentiel e : r.elements()) {
                long parent = element(referentielId, null, rang++, e);
                elementsGardes.add(parent);
                for (ElementReferentiel s : e.sousElements()) {
                    elementsGardes.add(element(referentielId, parent, rang++, s));
                }
            }
        }
        List<Long> elementsAvant = jdbc.sql("""
                        SELECT e.id FROM referentiel_element e JOIN referentiel r ON r.id = e.referentiel_id
                        WHERE r.convention_id = :id""").param("id", conventionId).query(Long.class).list();
        List<Long> elementsRetires = elementsAvant.stream().filter(id -> !elementsGardes.contains(id)).toList();
        if (!elementsRetires.isEmpty()) {
            jdbc.sql("DELETE FROM referentiel_element WHERE id IN (:ids)").param("ids", elementsRetires).update();
        }
        List<Long> referentielsRetires = jdbc.sql("SELECT id FROM referentiel WHERE convention_id = :id")
                .param("id", conventionId).query(Long.class).list().stream().filter(id -> !referentielsGardes.contains(id)).toList();
        if (!referentielsRetires.isEmpty()) {
            jdbc.sql("DELETE FROM referentiel WHERE id IN (:ids)").param("ids", referentielsRetires).update();
        }
        return true;
    }

    private long mettreAJour(long id, int position, Referentiel r) {
        jdbc.sql("UPDATE referentiel SET position = :position, nom = :nom, proprietaire = :proprietaire WHERE id = :id")
                .param("id", id).param("position", position).param("nom", r.nom()).param("proprietaire", r.proprietaire()).update();
        return id;
    }

    private long element(long referentielId, Long parentId, int position, ElementReferentiel e) {
        if (e.id() != null) {
            jdbc.sql("""
                            UPDATE referentiel_element SET referentiel_id = :referentiel, parent_id = :parent, position = :position,
                            code = :code, intitule = :intitule WHERE id = :id""")
                    .param("id", e.id()).param("referentiel", referentielId).param("parent", parentId)
                    .param("position", position).param("code", e.code()).param("intitule", e.intitule()).update();
            return e.id();
        }
        return jdbc.sql("""
                        INSERT INTO referentiel_element (referentiel_id, parent_id, position, code, intitule)
                        VALUES (:referentiel, :parent, :position, :code, :intitule) RETURNING id""")
                .param("referentiel", referentielId).param("parent", parentId).param("position", position)
                .param("code", e.code()).param("intitule", e.intitule()).query(Long.class).single();
    }
}
