package fr.pilotectg.pilotage;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import fr.pilotectg.testsupport.ClientApi;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Throw-away conventions of the Caf de l'Ardèche (caf07 and ccba may edit them) whose plan, follow-ups,
 * evaluation lines, campaigns and indicators are written straight into the tables, as the features that
 * own them would store them: the dashboard only reads those tables.
 */
final class SuiviDeTest {

    private final ClientApi api;
    private final JdbcClient jdbc;

    SuiviDeTest(ClientApi api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    /** A new convention without plan. */
    long convention(String prefixe) {
        return api.creerConventionDeTest("caf07", prefixe).path("id").asLong();
    }

    void periode(long convention, int debut, int fin) {
        jdbc.sql("UPDATE convention SET date_debut = :debut, date_fin = :fin WHERE id = :id")
                .param("debut", LocalDate.of(debut, 1, 1)).param("fin", LocalDate.of(fin, 12, 31)).param("id", convention).update();
    }

    void plan(long convention, String... niveaux) {
        jdbc.sql("INSERT INTO plan (convention_id, modele) VALUES (:c, 'NATIONAL')").param("c", convention).update();
        for (int rang = 0; rang < niveaux.length; rang++) {
            jdbc.sql("INSERT INTO plan_niveau (convention_id, rang, nom, numerotation) VALUES (:c, :rang, :nom, 'CONTINUE')")
                    .param("c", convention).param("rang", rang).param("nom", niveaux[rang]).update();
        }
    }

    long noeud(long convention, Long parent, int rang, String titre) {
        return jdbc.sql("""
                        INSERT INTO plan_noeud (convention_id, parent_id, rang, ordre, titre)
                        VALUES (:c, :parent, :rang, (SELECT count(*) FROM plan_noeud WHERE convention_id = :c), :titre) RETURNING id""")
                .param("c", convention).param("parent", parent).param("rang", rang).param("titre", titre).query(Long.class).single();
    }

    long fiche(long convention, Long noeud, String reference, String titre, Integer... annees) {
        return jdbc.sql("""
                        INSERT INTO fiche (convention_id, noeud_id, ordre, reference, titre, annees)
                        VALUES (:c, :noeud, (SELECT count(*) FROM fiche WHERE convention_id = :c), :reference, :titre, :annees) RETURNING id""")
                .param("c", convention).param("noeud", noeud).param("reference", reference).param("titre", titre)
                .param("annees", annees)
                .query(Long.class).single();
    }

    void supprimer(long fiche) {
        jdbc.sql("UPDATE fiche SET supprimee_le = now() WHERE id = :id").param("id", fiche).update();
    }

    void statut(long convention, String code, Integer avancementDefaut, String statutEvaluation) {
        jdbc.sql("""
                        INSERT INTO suivi_statut (convention_id, code, libelle, avancement_defaut, ordre, statut_evaluation)
                        VALUES (:c, :code, :code, :avancement, (SELECT count(*) FROM suivi_statut WHERE convention_id = :c), :evaluation)""")
                .param("c", convention).param("code", code).param("avancement", avancementDefaut).param("evaluation", statutEvaluation)
                .update();
    }

    void suivi(long convention, long fiche, LocalDate datePoint, String statut, Integer avancement, Long campagne,
               OffsetDateTime creeLe, boolean exemple) {
        jdbc.sql("""
                        INSERT INTO suivi_fiche (convention_id, fiche_id, campagne_id, date_point, statut, avancement, auteur, cree_le, exemple)
                        VALUES (:c, :fiche, :campagne, :date, :statut, :avancement, 'test', :creeLe, :exemple)""")
                .param("c", convention).param("fiche", fiche).param("campagne", campagne).param("date", datePoint)
                .param("statut", statut).param("avancement", avancement).param("creeLe", creeLe).param("exemple", exemple)
                .update();
    }

    void ligneEvaluation(long convention, long fiche, int annee, String statut, String resultats) {
        jdbc.sql("""
                        INSERT INTO evaluation_ligne (convention_id, fiche_id, annee, statut, resultats, modifiee_par, modifiee_le)
                        VALUES (:c, :fiche, :annee, :statut, :resultats, 'test', now())""")
                .param("c", convention).param("fiche", fiche).param("annee", annee).param("statut", statut)
                .param("resultats", resultats).update();
    }

    void axeTransversal(long convention, int annee, String axe, String resultats) {
        jdbc.sql("INSERT INTO evaluation_axe_transversal (convention_id, annee, axe, resultats) VALUES (:c, :annee, :axe, :resultats)")
                .param("c", convention).param("annee", annee).param("axe", axe).param("resultats", resultats).update();
    }

    void poids(long fiche, double poids) {
        jdbc.sql("INSERT INTO suivi_poids (fiche_id, poids) VALUES (:fiche, :poids)").param("fiche", fiche).param("poids", poids).update();
    }

    long campagne(long convention, OffsetDateTime ouverteLe, boolean cloturee, List<Long> fiches) {
        long id = jdbc.sql("""
                        INSERT INTO campagne (convention_id, libelle, annee, trimestre, date_limite, ouverte_le, ouverte_par, cloturee_le)
                        VALUES (:c, :libelle, :annee, 4, :limite, :ouverte, 'test', :cloturee) RETURNING id""")
                .param("c", convention).param("libelle", cloturee ? "Campagne close" : "Campagne ouverte")
                .param("annee", ouverteLe.getYear()).param("limite", ouverteLe.toLocalDate().plusDays(30))
                .param("ouverte", ouverteLe).param("cloturee", cloturee ? ouverteLe.plusDays(20) : null)
                .query(Long.class).single();
        fiches.forEach(f -> jdbc.sql("INSERT INTO campagne_fiche (campagne_id, fiche_id) VALUES (:c, :f)")
                .param("c", id).param("f", f).update());
        return id;
    }

    long indicateur(long convention, long fiche, int position, String libelle, Double base, Integer baseAnnee,
                    Double cible, Integer cibleAnnee) {
        return jdbc.sql("""
                        INSERT INTO indicateur_suivi (convention_id, fiche_id, indicateur_cle, position, libelle, base_valeur, base_annee,
                                                      cible_valeur, cible_annee)
                        VALUES (:c, :fiche, 'test-' || :position, :position, :libelle, :base, :baseAnnee, :cible, :cibleAnnee) RETURNING id""")
                .param("c", convention).param("fiche", fiche).param("position", position).param("libelle", libelle)
                .param("base", base).param("baseAnnee", baseAnnee).param("cible", cible).param("cibleAnnee", cibleAnnee)
                .query(Long.class).single();
    }

    void valeur(long indicateur, int annee, Double valeur, String marqueur) {
        jdbc.sql("INSERT INTO indicateur_suivi_valeur (indicateur_id, annee, valeur, marqueur) VALUES (:i, :annee, :valeur, :marqueur)")
                .param("i", indicateur).param("annee", annee).param("valeur", valeur).param("marqueur", marqueur).update();
    }
}
