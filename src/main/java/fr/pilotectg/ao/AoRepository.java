package fr.pilotectg.ao;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AoRepository {

    /** A stored matrix cell, before populations are looked up in the referential. */
    record CelluleStockee(String collectiviteCode, String collectiviteNom, TypeCollectivite type, String competence,
                          ModeExercice mode, List<String> communes, String modeImprime, Integer populationImprimee) {
    }

    record LigneStockee(String aoCode, LigneProjection ligne) {
    }

    private final JdbcClient jdbc;

    AoRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int versionMatrice(long conventionId) {
        return versions(conventionId)[0];
    }

    int versionProjection(long conventionId) {
        return versions(conventionId)[1];
    }

    int versionConsentements(long conventionId) {
        return versions(conventionId)[2];
    }

    private int[] versions(long conventionId) {
        return jdbc.sql("SELECT version_matrice, version_projection, version_consentements FROM ao_etat WHERE convention_id = :c")
                .param("c", conventionId)
                .query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)}).optional().orElse(new int[] {0, 0, 0});
    }

    /** Locks the state row (created on first write) and moves the version on; false when it was not {@code attendue}. */
    boolean avancerVersion(long conventionId, String colonne, int attendue) {
        jdbc.sql("INSERT INTO ao_etat (convention_id) VALUES (:c) ON CONFLICT DO NOTHING").param("c", conventionId).update();
        return jdbc.sql("UPDATE ao_etat SET " + colonne + " = " + colonne + " + 1 WHERE convention_id = :c AND " + colonne + " = :v")
                .param("c", conventionId).param("v", attendue).update() == 1;
    }

    List<CelluleStockee> cellules(long conventionId) {
        Map<String, List<String>> communes = new LinkedHashMap<>();
        jdbc.sql("SELECT collectivite_code, competence, code_insee FROM ao_commune_transferante WHERE convention_id = :c ORDER BY code_insee")
                .param("c", conventionId)
                .query(rs -> {
                    communes.computeIfAbsent(rs.getString(1) + "/" + rs.getString(2), k -> new ArrayList<>()).add(rs.getString(3));
                });
        return jdbc.sql("SELECT * FROM ao_competence WHERE convention_id = :c ORDER BY collectivite_type DESC, collectivite_nom")
                .param("c", conventionId)
                .query((rs, i) -> new CelluleStockee(rs.getString("collectivite_code"), rs.getString("collectivite_nom"),
                        TypeCollectivite.valueOf(rs.getString("collectivite_type")), rs.getString("competence"),
                        ModeExercice.valueOf(rs.getString("mode")),
                        communes.getOrDefault(rs.getString("collectivite_code") + "/" + rs.getString("competence"), List.of()),
                        rs.getString("mode_imprime"), (Integer) rs.getObject("population_imprimee")))
                .list();
    }

    void remplacerCollectivite(long conventionId, String code, String nom, TypeCollectivite type,
                               Map<String, SaisieValidee> competences) {
        retirerCollectivite(conventionId, code);
        competences.forEach((competence, saisie) -> {
            jdbc.sql("""
                            INSERT INTO ao_competence (convention_id, collectivite_code, collectivite_nom, collectivite_type, competence, mode,
                                                       mode_imprime, population_imprimee)
                            VALUES (:c, :code, :nom, :type, :competence, :mode, :modeImprime, :populationImprimee)""")
                    .param("c", conventionId).param("code", code).param("nom", nom).param("type", type.name())
                    .param("competence", competence).param("mode", saisie.mode().name()).param("modeImprime", saisie.modeImprime())
                    .param("populationImprimee", saisie.populationImprimee()).update();
            for (String commune : saisie.communes()) {
                jdbc.sql("""
                                INSERT INTO ao_commune_transferante (convention_id, collectivite_code, competence, code_insee)
                                VALUES (:c, :code, :competence, :insee)""")
                        .param("c", conventionId).param("code", code).param("competence", competence).param("insee", commune).update();
            }
        });
    }

    record SaisieValidee(ModeExercice mode, List<String> communes, String modeImprime, Integer populationImprimee) {
    }

    int retirerCollectivite(long conventionId, String code) {
        return jdbc.sql("DELETE FROM ao_competence WHERE convention_id = :c AND collectivite_code = :code")
                .param("c", conventionId).param("code", code).update();
    }

    List<LigneStockee> lignesProjection(long conventionId) {
        Map<Long, List<LigneProjection.ValeurAnnee>> annees = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT a.ligne_id, a.annee, a.valeur, a.precision FROM ao_projection_annee a
                        JOIN ao_projection_ligne l ON l.id = a.ligne_id WHERE l.convention_id = :c ORDER BY a.ligne_id, a.annee""")
                .param("c", conventionId)
                .query(rs -> {
                    annees.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new LigneProjection.ValeurAnnee(rs.getInt(2), nombre(rs.getBigDecimal(3)), rs.getString(4)));
                });
        return jdbc.sql("SELECT * FROM ao_projection_ligne WHERE convention_id = :c ORDER BY ao_code, position")
                .param("c", conventionId)
                .query((rs, i) -> new LigneStockee(rs.getString("ao_code"), new LigneProjection(
                        ModeAccueil.valueOf(rs.getString("mode_accueil")), rs.getString("libelle"), nombre(rs.getBigDecimal("actuel")),
                        rs.getString("actuel_precision"), annees.getOrDefault(rs.getLong("id"), List.of()),
                        rs.getString("besoins_emplois_competences"), rs.getString("autres_besoins"), rs.getString("projets_type"),
                        rs.getString("projets_cout_calendrier"), rs.getString("ingenierie"))))
                .list();
    }

    void remplacerProjection(long conventionId, String aoCode, List<LigneProjection> lignes) {
        jdbc.sql("DELETE FROM ao_projection_ligne WHERE convention_id = :c AND ao_code = :ao")
                .param("c", conventionId).param("ao", aoCode).update();
        for (int i = 0; i < lignes.size(); i++) {
            LigneProjection l = lignes.get(i);
            long id = jdbc.sql("""
                            INSERT INTO ao_projection_ligne (convention_id, ao_code, position, mode_accueil, libelle, actuel,
                                actuel_precision, besoins_emplois_competences, autres_besoins, projets_type,
                                projets_cout_calendrier, ingenierie)
                            VALUES (:c, :ao, :p, :mode, :libelle, :actuel, :precision, :besoins, :autres, :type, :cout, :ingenierie)
                            RETURNING id""")
                    .param("c", conventionId).param("ao", aoCode).param("p", i).param("mode", l.mode().name())
                    .param("libelle", l.libelle()).param("actuel", l.actuel()).param("precision", l.actuelPrecision())
                    .param("besoins", l.besoinsEmploisCompetences()).param("autres", l.autresBesoins())
                    .param("type", l.projetsType()).param("cout", l.projetsCoutCalendrier()).param("ingenierie", l.ingenierie())
                    .query(Long.class).single();
            for (LigneProjection.ValeurAnnee a : l.annees()) {
                jdbc.sql("INSERT INTO ao_projection_annee (ligne_id, annee, valeur, precision) VALUES (:id, :annee, :valeur, :precision)")
                        .param("id", id).param("annee", a.annee()).param("valeur", a.valeur()).param("precision", a.precision())
                        .update();
            }
        }
    }

    record ConsentementStocke(long organisationId, DecisionConsentement decision, LocalDate date, String enregistrePar,
                              OffsetDateTime enregistreLe) {
    }

    List<ConsentementStocke> consentements(long conventionId) {
        return jdbc.sql("SELECT * FROM cdsf_consentement WHERE convention_id = :c")
                .param("c", conventionId)
                .query((rs, i) -> new ConsentementStocke(rs.getLong("organisation_id"),
                        DecisionConsentement.valueOf(rs.getString("decision")), rs.getObject("date_decision", LocalDate.class),
                        rs.getString("enregistre_par"), rs.getObject("enregistre_le", OffsetDateTime.class)))
                .list();
    }

    void enregistrerConsentement(long conventionId, long organisationId, DecisionConsentement decision, LocalDate date, String auteur) {
        jdbc.sql("""
                        INSERT INTO cdsf_consentement (convention_id, organisation_id, decision, date_decision, enregistre_par, enregistre_le)
                        VALUES (:c, :o, :d, :date, :auteur, now())
                        ON CONFLICT (convention_id, organisation_id) DO UPDATE
                        SET decision = EXCLUDED.decision, date_decision = EXCLUDED.date_decision,
                            enregistre_par = EXCLUDED.enregistre_par, enregistre_le = EXCLUDED.enregistre_le""")
                .param("c", conventionId).param("o", organisationId).param("d", decision.name()).param("date", date)
                .param("auteur", auteur).update();
    }

    /** 254.00 → 254, 2.50 → 2.5, as users typed them. */
    private static BigDecimal nombre(BigDecimal valeur) {
        if (valeur == null) {
            return null;
        }
        BigDecimal court = valeur.stripTrailingZeros();
        return court.scale() < 0 ? court.setScale(0) : court;
    }
}
