package fr.pilotectg.plan;

import fr.pilotectg.shared.JsonStocke;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** SQL of the added fields (table plan_champ) and of their values (column fiche.champs_ajoutes). */
@Repository
class ChampsAjoutesRepository {

    private static final TypeReference<List<String>> TEXTES = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, Object>> VALEURS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final org.springframework.jdbc.core.RowMapper<ChampAjoute> champMapper = this::champ;

    ChampsAjoutesRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<ChampAjoute> champs(long conventionId) {
        return jdbc.sql("SELECT * FROM plan_champ WHERE convention_id = :c AND supprime_le IS NULL ORDER BY ordre, id")
                .param("c", conventionId).query(champMapper).list();
    }

    /** Keys ever used in the plan, removed fields included: a key is never given twice. */
    List<String> clesMemeSupprimees(long conventionId) {
        return jdbc.sql("SELECT cle FROM plan_champ WHERE convention_id = :c").param("c", conventionId).query(String.class).list();
    }

    Optional<ChampAjoute> champ(long id) {
        return jdbc.sql("SELECT * FROM plan_champ WHERE id = :id AND supprime_le IS NULL").param("id", id).query(champMapper).optional();
    }

    ChampAjoute inserer(ChampAjoute c) {
        long id = jdbc.sql("""
                        INSERT INTO plan_champ (convention_id, cle, libelle, type, choix, ordre)
                        VALUES (:c, :cle, :libelle, :type, CAST(:choix AS jsonb), :ordre) RETURNING id""")
                .param("c", c.conventionId()).param("cle", c.cle()).param("libelle", c.libelle()).param("type", c.type().name())
                .param("choix", json.writeValueAsString(c.choix())).param("ordre", c.ordre())
                .query(Long.class).single();
        return champ(id).orElseThrow();
    }

    boolean modifier(ChampAjoute c) {
        return jdbc.sql("""
                        UPDATE plan_champ SET libelle = :libelle, type = :type, choix = CAST(:choix AS jsonb), version = version + 1
                        WHERE id = :id AND version = :version AND supprime_le IS NULL""")
                .param("libelle", c.libelle()).param("type", c.type().name()).param("choix", json.writeValueAsString(c.choix()))
                .param("id", c.id()).param("version", c.version()).update() == 1;
    }

    void placer(long id, int ordre) {
        jdbc.sql("UPDATE plan_champ SET ordre = :o WHERE id = :id").param("o", ordre).param("id", id).update();
    }

    boolean supprimer(long id, int version) {
        return jdbc.sql("UPDATE plan_champ SET supprime_le = now(), version = version + 1 WHERE id = :id AND version = :v AND supprime_le IS NULL")
                .param("id", id).param("v", version).update() == 1;
    }

    /** Values of the added fields of every live fiche of the plan, by fiche. */
    Map<Long, Map<String, Object>> valeurs(long conventionId) {
        Map<Long, Map<String, Object>> resultat = new HashMap<>();
        jdbc.sql("SELECT id, champs_ajoutes FROM fiche WHERE convention_id = :c AND supprimee_le IS NULL AND champs_ajoutes <> '{}'::jsonb")
                .param("c", conventionId)
                .query((rs, i) -> resultat.put(rs.getLong("id"), JsonStocke.LECTURE.readValue(rs.getString("champs_ajoutes"), VALEURS))).list();
        return resultat;
    }

    Map<String, Object> valeursDe(long ficheId) {
        return jdbc.sql("SELECT champs_ajoutes FROM fiche WHERE id = :id").param("id", ficheId)
                .query((rs, i) -> (Map<String, Object>) JsonStocke.LECTURE.readValue(rs.getString("champs_ajoutes"), VALEURS)).optional()
                .orElse(Map.of());
    }

    void enregistrerValeurs(long ficheId, Map<String, Object> valeurs) {
        jdbc.sql("UPDATE fiche SET champs_ajoutes = CAST(:v AS jsonb) WHERE id = :id")
                .param("v", json.writeValueAsString(valeurs)).param("id", ficheId).update();
    }

    /** References of the fiches (deleted ones included) holding a value for this key. */
    Map<String, Object> valeursDuChamp(long conventionId, String cle) {
        Map<String, Object> resultat = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT id, coalesce(reference, '#' || id) AS ref, champs_ajoutes -> :cle AS v FROM fiche
                        WHERE convention_id = :c AND jsonb_exists(champs_ajoutes, :cle) ORDER BY id""")
                .param("c", conventionId).param("cle", cle)
                .query((rs, i) -> resultat.put(rs.getString("ref"), JsonStocke.LECTURE.readValue(rs.getString("v"), Object.class))).list();
        return resultat;
    }

    private ChampAjoute champ(ResultSet rs, int i) throws SQLException {
        return new ChampAjoute(rs.getLong("id"), rs.getLong("convention_id"), rs.getString("cle"), rs.getString("libelle"),
                TypeChampAjoute.valueOf(rs.getString("type")), JsonStocke.LECTURE.readValue(rs.getString("choix"), TEXTES), rs.getInt("ordre"),
                rs.getInt("version"));
    }
}
