package fr.pilotectg.pilotage;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class BilanRepository {

    private final JdbcClient jdbc;

    BilanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SyntheseBilan> synthese(long conventionId, TypeBilan type) {
        return jdbc.sql("SELECT * FROM bilan_synthese WHERE convention_id = :c AND type = :type")
                .param("c", conventionId).param("type", type.name())
                .query((rs, i) -> new SyntheseBilan(rs.getString("realisations"), rs.getString("changements_habitants"),
                        rs.getString("partenariat_gouvernance"), rs.getString("recommandations"), rs.getInt("version"),
                        rs.getString("modifiee_par"), rs.getObject("modifiee_le", OffsetDateTime.class)))
                .optional();
    }

    /** Writes the sections if the stored version is still {@code version}; false when someone saved in between. */
    boolean enregistrer(long conventionId, TypeBilan type, int version, SyntheseBilan s, String auteur) {
        int lignes = jdbc.sql("""
                        INSERT INTO bilan_synthese (convention_id, type, realisations, changements_habitants, partenariat_gouvernance,
                                                    recommandations, modifiee_par, modifiee_le, version)
                        VALUES (:c, :type, :realisations, :changements, :partenariat, :recommandations, :auteur, now(), 1)
                        ON CONFLICT (convention_id, type) DO UPDATE SET
                            realisations = EXCLUDED.realisations, changements_habitants = EXCLUDED.changements_habitants,
                            partenariat_gouvernance = EXCLUDED.partenariat_gouvernance, recommandations = EXCLUDED.recommandations,
                            modifiee_par = EXCLUDED.modifiee_par, modifiee_le = EXCLUDED.modifiee_le,
                            version = bilan_synthese.version + 1
                        WHERE bilan_synthese.version = :version""")
                .param("c", conventionId).param("type", type.name()).param("realisations", s.realisations())
                .param("changements", s.changementsHabitants()).param("partenariat", s.partenariatGouvernance())
                .param("recommandations", s.recommandations()).param("auteur", auteur).param("version", version)
                .update();
        // A stored row has version >= 1, so a form read before the first save (version 0) never overwrites it.
        return lignes == 1;
    }
}
