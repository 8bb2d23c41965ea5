package fr.pilotectg.organisation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import fr.pilotectg.territoire.NameNormalizer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PersonneRepository {

    private final JdbcClient jdbc;

    PersonneRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String cle(String prenom, String nom) {
        return NameNormalizer.normaliser((prenom == null ? "" : prenom) + " " + (nom == null ? "" : nom));
    }

    List<FichePersonne> page(String cle, int limite, int decalage) {
        return jdbc.sql("""
                        SELECT id FROM personne p WHERE :cle = '' OR p.nom_normalise LIKE '%' || :cle || '%'
                           OR EXISTS (SELECT 1 FROM mandat m JOIN organisation o ON o.id = m.organisation_id
                                      WHERE m.personne_id = p.id AND o.nom_normalise LIKE '%' || :cle || '%')
                        ORDER BY unaccent_simple(p.nom), unaccent_simple(coalesce(p.prenom, '')), p.id LIMIT :limite OFFSET :decalage""")
                .param("cle", cle).param("limite", limite).param("decalage", decalage)
                .query(Long.class).list().stream().map(id -> fiche(id).orElseThrow()).toList();
    }

    long nombre(String cle) {
        return jdbc.sql("""
                        SELECT count(*) FROM personne p WHERE :cle = '' OR p.nom_normalise LIKE '%' || :cle || '%'
                           OR EXISTS (SELECT 1 FROM mandat m JOIN organisation o ON o.id = m.organisation_id
                                      WHERE m.personne_id = p.id AND o.nom_normalise LIKE '%' || :cle || '%')""")
                .param("cle", cle).query(Long.class).single();
    }

    Optional<FichePersonne> fiche(long id) {
        return jdbc.sql("SELECT id, version, civilite, prenom, nom FROM personne WHERE id = :id").param("id", id)
                .query((rs, i) -> new FichePersonne(rs.getLong("id"), rs.getInt("version"), rs.getString("civilite"),
                        rs.getString("prenom"), rs.getString("nom"), mandats(id)))
                .optional();
    }

    private List<FichePersonne.MandatPersonne> mandats(long personneId) {
        return jdbc.sql("""
                        SELECT m.id, m.organisation_id, o.nom, m.fonction, m.debut, m.fin FROM mandat m
                        JOIN organisation o ON o.id = m.organisation_id WHERE m.personne_id = :id
                        ORDER BY m.fin DESC NULLS FIRST, m.debut DESC NULLS LAST, m.id""")
                .param("id", personneId)
                .query((rs, i) -> new FichePersonne.MandatPersonne(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class)))
                .list();
    }

    long inserer(String civilite, String prenom, String nom) {
        return jdbc.sql("INSERT INTO personne (civilite, prenom, nom, nom_normalise) VALUES (:c, :p, :n, :cle) RETURNING id")
                .param("c", civilite).param("p", prenom).param("n", nom).param("cle", cle(prenom, nom))
                .query(Long.class).single();
    }

    boolean modifier(long id, int version, String civilite, String prenom, String nom) {
        return jdbc.sql("""
                        UPDATE personne SET civilite = :c, prenom = :p, nom = :n, nom_normalise = :cle, version = version + 1
                        WHERE id = :id AND version = :version""")
                .param("c", civilite).param("p", prenom).param("n", nom).param("cle", cle(prenom, nom))
                .param("id", id).param("version", version).update() == 1;
    }

    void toucher(long id) {
        jdbc.sql("UPDATE personne SET version = version + 1 WHERE id = :id").param("id", id).update();
    }

    long insererMandat(long personneId, long organisationId, String fonction, LocalDate debut, LocalDate fin) {
        return jdbc.sql("""
                        INSERT INTO mandat (personne_id, organisation_id, fonction, debut, fin)
                        VALUES (:p, :o, :f, :d, :fin) RETURNING id""")
                .param("p", personneId).param("o", organisationId).param("f", fonction).param("d", debut).param("fin", fin)
                .query(Long.class).single();
    }

    boolean modifierMandat(long id, long personneId, long organisationId, String fonction, LocalDate debut, LocalDate fin) {
        return jdbc.sql("""
                        UPDATE mandat SET organisation_id = :o, fonction = :f, debut = :d, fin = :fin
                        WHERE id = :id AND personne_id = :p""")
                .param("o", organisationId).param("f", fonction).param("d", debut).param("fin", fin)
                .param("id", id).param("p", personneId).update() == 1;
    }

    /**
     * People whose normalised name is this one or very close (trigram similarity), holding a mandate in one of
     * the organisations given.
     */
    List<Long> prochesDans(String cle, List<Long> organisations) {
        if (cle.isEmpty() || organisations.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT DISTINCT p.id FROM personne p JOIN mandat m ON m.personne_id = p.id
                        WHERE m.organisation_id IN (:organisations)
                          AND (p.nom_normalise = :cle OR similarity(p.nom_normalise, :cle) >= 0.6)
                        ORDER BY p.id LIMIT 10""")
                .param("cle", cle).param("organisations", organisations).query(Long.class).list();
    }

    /** Organisations of the kind and codes given (communes by INSEE code, EPCI by SIREN). */
    List<Long> organisationsParCodes(TypeOrganisation type, List<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        String colonne = type == TypeOrganisation.COMMUNE ? "code_insee" : "siren";
        return jdbc.sql("SELECT id FROM organisation WHERE type = :type AND " + colonne + " IN (:codes)")
                .param("type", type.name()).param("codes", codes).query(Long.class).list();
    }

    int completerCles() {
        List<Object[]> manquantes = jdbc.sql("SELECT id, prenom, nom FROM personne WHERE nom_normalise IS NULL")
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}).list();
        for (Object[] ligne : manquantes) {
            jdbc.sql("UPDATE personne SET nom_normalise = :cle WHERE id = :id")
                    .param("cle", cle((String) ligne[1], (String) ligne[2])).param("id", ligne[0]).update();
        }
        return manquantes.size();
    }
}
