package fr.pilotectg.evaluation;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of the follow-up of the fiches' indicators (indicateur_suivi, indicateur_suivi_valeur). */
@Repository
class IndicateursRepository {

    /** A saved follow-up, keyed by fiche and id of the indicator in the fiche ({@code cle}, issue 15 item 10). */
    record SuiviEnregistre(long id, long ficheId, String cle, int position, String unite, BigDecimal baseValeur, Integer baseAnnee,
                           BigDecimal cibleValeur, Integer cibleAnnee, boolean exemple, int version) {
    }

    record Cle(long ficheId, String cle) {
    }

    private final JdbcClient jdbc;

    IndicateursRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<Cle, SuiviEnregistre> suivis(long conventionId) {
        Map<Cle, SuiviEnregistre> suivis = new HashMap<>();
        jdbc.sql("SELECT * FROM indicateur_suivi WHERE convention_id = :c").param("c", conventionId)
                .query((rs, i) -> new SuiviEnregistre(rs.getLong("id"), rs.getLong("fiche_id"), rs.getString("indicateur_cle"), rs.getInt("position"),
                        rs.getString("unite"), rs.getBigDecimal("base_valeur"), (Integer) rs.getObject("base_annee"),
                        rs.getBigDecimal("cible_valeur"), (Integer) rs.getObject("cible_annee"), rs.getBoolean("exemple"),
                        rs.getInt("version")))
                .list().forEach(s -> suivis.put(new Cle(s.ficheId(), s.cle()), s));
        return suivis;
    }

    Map<Long, TreeMap<Integer, ValeurIndicateur>> valeurs(long conventionId) {
        Map<Long, TreeMap<Integer, ValeurIndicateur>> valeurs = new HashMap<>();
        jdbc.sql("""
                        SELECT v.* FROM indicateur_suivi_valeur v JOIN indicateur_suivi i ON i.id = v.indicateur_id
                        WHERE i.convention_id = :c""")
                .param("c", conventionId)
                .query((rs, i) -> {
                    valeurs.computeIfAbsent(rs.getLong("indicateur_id"), k -> new TreeMap<>()).put(rs.getInt("annee"),
                            new ValeurIndicateur(rs.getBigDecimal("valeur"), rs.getString("marqueur"), rs.getBoolean("exemple")));
                    return null;
                }).list();
        return valeurs;
    }

    /** A first save of a follow-up (version 1); empty when someone saved it meanwhile. */
    Optional<Long> inserer(long conventionId, long ficheId, String cle, int position, String libelle, SuiviEnregistre s) {
        return jdbc.sql("""
                        INSERT INTO indicateur_suivi (convention_id, fiche_id, indicateur_cle, position, libelle, unite, base_valeur,
                                                      base_annee, cible_valeur, cible_annee, version)
                        VALUES (:c, :f, :cle, :p, :libelle, :unite, :baseValeur, :baseAnnee, :cibleValeur, :cibleAnnee, 1)
                        ON CONFLICT DO NOTHING RETURNING id""")
                .param("c", conventionId).param("f", ficheId).param("cle", cle).param("p", position).param("libelle", libelle)
                .params(parametres(s)).query(Long.class).optional();
    }

    boolean modifier(long id, int position, String libelle, SuiviEnregistre s) {
        return jdbc.sql("""
                        UPDATE indicateur_suivi SET position = :position, libelle = :libelle, unite = :unite, base_valeur = :baseValeur,
                               base_annee = :baseAnnee, cible_valeur = :cibleValeur, cible_annee = :cibleAnnee,
                               exemple = FALSE, version = version + 1
                        WHERE id = :id AND version = :version""")
                .param("id", id).param("position", position).param("libelle", libelle).param("version", s.version()).params(parametres(s)).update() == 1;
    }

    void definirValeur(long indicateurId, int annee, ValeurIndicateur valeur) {
        jdbc.sql("""
                        INSERT INTO indicateur_suivi_valeur (indicateur_id, annee, valeur, marqueur) VALUES (:i, :a, :v, :m)
                        ON CONFLICT (indicateur_id, annee) DO UPDATE SET valeur = :v, marqueur = :m, exemple = FALSE""")
                .param("i", indicateurId).param("a", annee).param("v", valeur.nombre()).param("m", valeur.marqueur()).update();
    }

    void supprimerValeur(long indicateurId, int annee) {
        jdbc.sql("DELETE FROM indicateur_suivi_valeur WHERE indicateur_id = :i AND annee = :a")
                .param("i", indicateurId).param("a", annee).update();
    }

    private static Map<String, Object> parametres(SuiviEnregistre s) {
        Map<String, Object> p = new HashMap<>();
        p.put("unite", s.unite());
        p.put("baseValeur", s.baseValeur());
        p.put("baseAnnee", s.baseAnnee());
        p.put("cibleValeur", s.cibleValeur());
        p.put("cibleAnnee", s.cibleAnnee());
        return p;
    }
}
