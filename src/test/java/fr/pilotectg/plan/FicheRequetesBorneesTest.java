package fr.pilotectg.plan;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import fr.pilotectg.testsupport.CompteurDeRequetes;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: the fiche page and the API list of a plan's fiches read their data set-wise. A plan of 6 fiches with 20
 * added fields is imported; the statements of the page of one fiche are counted, then one other fiche of the plan gets
 * many sub-actions with their follow-up, follow-up points, indicators with yearly values, financing lines, history
 * entries, meeting decisions and links to ten objectifs conjoints (the plain one: one link), and its page must run as
 * many statements as the plain one; the API list of the fiches
 * as many before and after. No statement of either runs twice: the fiche page used to read the convention aggregate
 * once per part of the page (six times, 48 of its 84 statements).
 */
@IntegrationTest
class FicheRequetesBorneesTest extends PlanTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_fiche_page_and_the_fiches_list_use_as_many_statements_for_a_much_richer_fiche() throws Exception {
        long convention = plans.convention("Fiche comptée");
        assertThat(api.post("caf07", "/api/v1/conventions/" + convention + "/plan/import", ImportPlanRequetesTest.plan(6, 20)).status())
                .isEqualTo(201);
        List<Long> fiches = jdbc.sql("SELECT id FROM fiche WHERE convention_id = :c ORDER BY ordre, id").param("c", convention)
                .query(Long.class).list();
        long simple = fiches.get(0);
        long riche = fiches.get(1);
        String liste = "/api/v1/conventions/" + convention + "/fiches";
        List<String> listeAvant = requetesApi(liste);

        enrichir(convention, riche);
        lier(convention, simple, 1);
        lier(convention, riche, 10);
        List<String> pageSimple = requetesPage("/fiches/" + simple);
        List<String> pageRiche = requetesPage("/fiches/" + riche);
        List<String> listeApres = requetesApi(liste);

        String html = pages.get("caf07", "/fiches/" + riche).html();
        assertThat(html).as("the rich fiche's page shows what was added").contains("Sous-action ajoutée 30", "Décision de banc 4",
                "Objectif de banc 10");
        assertThat(pages.get("caf07", "/fiches/" + simple).html()).contains("Objectif de banc 1").doesNotContain("Objectif de banc 2");
        assertThat(api.get("caf07", liste).json().get(1).path("sousActions").size()).isEqualTo(32);
        assertThat(pageRiche.size()).as("statements of the page of a plain fiche %s, of a rich one %s",
                parTexte(pageSimple), parTexte(pageRiche)).isEqualTo(pageSimple.size());
        // Before issue 16 the page read the convention aggregate (8 statements) six times, once per part of the page.
        assertThat(parTexte(pageRiche)).as("no statement of the fiche page runs twice").allSatisfy((texte, fois) -> assertThat(fois).isEqualTo(1));
        assertThat(parTexte(listeApres)).as("no statement of the fiches list runs twice").allSatisfy((texte, fois) -> assertThat(fois).isEqualTo(1));
        assertThat(listeApres.size()).as("statements of the fiches list before %s and after enriching a fiche %s",
                parTexte(listeAvant), parTexte(listeApres)).isEqualTo(listeAvant.size());
    }

    private List<String> requetesPage(String chemin) throws Exception {
        assertThat(pages.get("caf07", chemin).status()).isEqualTo(200); // warm: caches filled once are not the page's cost
        int[] statut = new int[1];
        List<String> requetes = CompteurDeRequetes.requetes(() -> statut[0] = pages.get("caf07", chemin).status());
        assertThat(statut[0]).isEqualTo(200);
        return requetes;
    }

    private List<String> requetesApi(String chemin) throws Exception {
        assertThat(api.get("caf07", chemin).status()).isEqualTo(200);
        int[] statut = new int[1];
        List<String> requetes = CompteurDeRequetes.requetes(() -> statut[0] = api.get("caf07", chemin).status());
        assertThat(statut[0]).isEqualTo(200);
        return requetes;
    }

    /** The statements by their text, with how many times each ran: what a failure shows. */
    private static Map<String, Integer> parTexte(List<String> requetes) {
        Map<String, Integer> parTexte = new TreeMap<>();
        requetes.forEach(s -> parTexte.merge(s.replaceAll("\\s+", " ").trim(), 1, Integer::sum));
        return parTexte;
    }

    /** Links the fiche to the first {@code nombre} of ten objectifs conjoints of the convention (created once). */
    private void lier(long convention, long fiche, int nombre) {
        jdbc.sql("INSERT INTO convention_objectifs (convention_id) VALUES (:c) ON CONFLICT DO NOTHING").param("c", convention).update();
        jdbc.sql("""
                        INSERT INTO convention_objectif_conjoint (convention_id, position, intitule, organisation_ids)
                        SELECT :c, k, 'Objectif de banc ' || k, ARRAY[(SELECT caf_id FROM convention WHERE id = :c)]
                        FROM generate_series(1, 10) AS k
                        WHERE NOT EXISTS (SELECT 1 FROM convention_objectif_conjoint WHERE convention_id = :c)""")
                .param("c", convention).update();
        jdbc.sql("""
                        INSERT INTO plan_lien_objectif (fiche_id, objectif_conjoint_id)
                        SELECT :f, id FROM convention_objectif_conjoint WHERE convention_id = :c AND position <= :n""")
                .param("f", fiche).param("c", convention).param("n", nombre).update();
    }

    /**
     * 30 more sub-actions each with two follow-up points, 12 follow-up points of the fiche, 6 indicators with 5 yearly
     * values, 8 financing lines, 15 history entries, and 4 decisions of a meeting about the fiche.
     */
    private void enrichir(long convention, long fiche) {
        jdbc.sql("""
                        INSERT INTO sous_action (fiche_id, ordre, libelle, annees, poids)
                        SELECT :f, 100 + s, 'Sous-action ajoutée ' || s, ARRAY[2026, 2027], 1 FROM generate_series(1, 30) AS s""")
                .param("f", fiche).update();
        jdbc.sql("""
                        INSERT INTO suivi_statut (convention_id, code, libelle, avancement_defaut, ordre, statut_evaluation)
                        VALUES (:c, 'BANC_EN_COURS', 'En cours (banc)', 50, 90, 'EN_COURS')
                        ON CONFLICT DO NOTHING""")
                .param("c", convention).update();
        jdbc.sql("""
                        INSERT INTO suivi_sous_action (convention_id, fiche_id, sous_action_id, date_point, statut, avancement, auteur, cree_le)
                        SELECT :c, :f, s.id, make_date(2026, 1 + k, 10), 'BANC_EN_COURS', 30 + k, 'banc', now()
                        FROM sous_action s CROSS JOIN generate_series(0, 1) AS k WHERE s.fiche_id = :f""")
                .param("c", convention).param("f", fiche).update();
        jdbc.sql("""
                        INSERT INTO suivi_fiche (convention_id, fiche_id, date_point, statut, avancement, realisations, auteur, cree_le)
                        SELECT :c, :f, make_date(2026, 1, 1) + 20 * k, 'BANC_EN_COURS', 5 * k, 'Point ' || k, 'banc', now()
                        FROM generate_series(1, 12) AS k""")
                .param("c", convention).param("f", fiche).update();
        jdbc.sql("""
                        INSERT INTO indicateur_suivi (convention_id, fiche_id, position, libelle, unite, indicateur_cle)
                        SELECT :c, :f, 100 + i, 'Indicateur de banc ' || i, 'familles', 'banc' || i FROM generate_series(1, 6) AS i""")
                .param("c", convention).param("f", fiche).update();
        jdbc.sql("""
                        INSERT INTO indicateur_suivi_valeur (indicateur_id, annee, valeur)
                        SELECT i.id, a, a - 2000 FROM indicateur_suivi i CROSS JOIN generate_series(2022, 2026) AS a WHERE i.fiche_id = :f""")
                .param("f", fiche).update();
        jdbc.sql("""
                        INSERT INTO fiche_financement (fiche_id, ordre, annee, financeur, nom, prevu_centimes, realise_centimes)
                        SELECT :f, k, 2026 + k % 4, 'COLLECTIVITE', 'Commune ' || k, 100000 * k, 5000 * k FROM generate_series(1, 8) AS k""")
                .param("f", fiche).update();
        jdbc.sql("""
                        INSERT INTO journal (utilisateur, objet_type, objet_id, convention_id, action, changements)
                        SELECT 'banc', 'fiche', :f, :c, 'modification',
                               jsonb_build_array(jsonb_build_object('champ', 'Champ ' || k, 'avant', 'a', 'apres', 'b'))
                        FROM generate_series(1, 15) AS k""")
                .param("c", convention).param("f", fiche).update();
        long reunion = jdbc.sql("""
                        INSERT INTO gouvernance_reunion (convention_id, instance_cle, instance_nom, date)
                        VALUES (:c, gen_random_uuid(), 'Comité de pilotage', DATE '2026-03-02') RETURNING id""")
                .param("c", convention).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO gouvernance_decision (reunion_id, position, texte, statut, fiche_id, echeance)
                        SELECT :r, k, 'Décision de banc ' || k, 'A_FAIRE', :f, DATE '2026-06-01' FROM generate_series(1, 4) AS k""")
                .param("r", reunion).param("f", fiche).update();
    }
}
