package fr.pilotectg.pilotage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.CompteurDeRequetes;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: a page reads what it shows, whatever the size of the rest of the country. The SQL statements of the home
 * page (a porteur with fiches to update, an agent of a Caf) and of the main pages of a convention are counted on a
 * small data set, then again after adding many conventions with open campaigns the porteur must answer, and many fiches
 * with their follow-up to the convention shown: the counts must not change (no statement per convention or per fiche).
 */
@IntegrationTest
class RequetesBorneesTest {

    /** The organisation of the demo porteur "palabre" (Centre social Le Palabre). */
    private static final String PALABRE = "(SELECT organisation_id FROM utilisateur WHERE identifiant = 'palabre')";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private long cafId;

    @Test
    void the_home_page_and_the_convention_pages_use_as_many_statements_on_a_larger_data_set() throws Exception {
        ClientPages pages = new ClientPages(mvc);
        int annee = jdbc.sql("SELECT extract(YEAR FROM current_date)::int").query(Integer.class).single();
        // A Caf of its own, so that no other test's portfolio or counts see these conventions.
        cafId = jdbc.sql("INSERT INTO organisation (nom, type, code_departement) VALUES (:nom, 'CAF', '99') RETURNING id")
                .param("nom", "Caf de test " + UUID.randomUUID()).query(Long.class).single();
        long cible = creerConvention("Banc requêtes cible", 3, annee);
        creerConvention("Banc requêtes autre 1", 3, annee);

        Map<String, String> chemins = new LinkedHashMap<>();
        chemins.put("palabre", "/");
        chemins.put("caf07", "/");
        for (String page : List.of("", "/plan", "/tableau-de-bord", "/suivi", "/diagnostic", "/evaluation/" + (annee - 1),
                "/bilans/intermediaire")) {
            chemins.put("admin " + page, "/conventions/" + cible + page);
        }
        Map<String, Integer> petit = compter(pages, chemins);
        assertThat(pages.get("palabre", "/").html()).as("the porteur has fiches to update in the bench conventions")
                .contains("Banc requêtes cible", "Banc requêtes autre 1");

        for (int i = 2; i <= 12; i++) {
            creerConvention("Banc requêtes autre " + i, 8, annee);
        }
        ajouterFiches(cible, 40, annee);
        Map<String, Integer> grand = compter(pages, chemins);

        assertThat(pages.get("palabre", "/").html()).contains("Banc requêtes autre 12");
        assertThat(jdbc.sql("SELECT count(*) FROM fiche WHERE convention_id = :c AND supprimee_le IS NULL").param("c", cible)
                .query(Integer.class).single()).isEqualTo(43);
        assertThat(grand).as("statements per page, small data set %s, larger %s", petit, grand).isEqualTo(petit);
        assertThat(petit.get("palabre")).as("the home page of a porteur").isLessThan(20);
    }

    private Map<String, Integer> compter(ClientPages pages, Map<String, String> chemins) throws Exception {
        Map<String, Integer> comptes = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : chemins.entrySet()) {
            String utilisateur = e.getKey().split(" ")[0];
            pages.get(utilisateur, e.getValue()); // warm: caches filled on the first request are not the page's cost
            int[] statut = new int[1];
            int n = CompteurDeRequetes.compter(() -> statut[0] = pages.get(utilisateur, e.getValue()).status());
            assertThat(statut[0]).as("GET %s as %s", e.getValue(), utilisateur).isIn(200, 302);
            comptes.put(e.getKey(), n);
        }
        return comptes;
    }

    /**
     * A convention of the test's Caf where the Palabre is involved and carries every fiche, with its follow-up
     * statuses, an open campaign asking every fiche, diagnostic territories and values.
     */
    private long creerConvention(String titre, int fiches, int annee) {
        long id = jdbc.sql("""
                        INSERT INTO convention (titre, caf_id, date_debut, date_fin, statut)
                        SELECT :titre, :caf, make_date(:a - 2, 1, 1),
                               make_date(:a + 2, 12, 31), 'EN_VIGUEUR' RETURNING id""")
                .param("titre", titre).param("caf", cafId).param("a", annee).query(Long.class).single();
        jdbc.sql("INSERT INTO convention_implication (convention_id, organisation_id, source) SELECT :c, " + PALABRE + ", 'banc'")
                .param("c", id).update();
        jdbc.sql("INSERT INTO plan (convention_id, modele) VALUES (:c, 'NATIONAL')").param("c", id).update();
        jdbc.sql("""
                        INSERT INTO plan_niveau (convention_id, rang, nom, numerotation)
                        SELECT :c, r, CASE r WHEN 0 THEN 'Axe' ELSE 'Fiche action' END, 'CONTINUE' FROM generate_series(0, 1) AS r""")
                .param("c", id).update();
        jdbc.sql("INSERT INTO plan_noeud (convention_id, rang, ordre, reference, titre) SELECT :c, 0, a, a::text, 'Axe ' || a FROM generate_series(1, 2) AS a")
                .param("c", id).update();
        jdbc.sql("""
                        INSERT INTO suivi_statut (convention_id, code, libelle, avancement_defaut, ordre, statut_evaluation)
                        SELECT :c, s.code, s.libelle, s.avancement, s.ordre, s.evaluation FROM
                               (VALUES ('REALISEE', 'Réalisée', 100, 0, 'REALISE'), ('EN_COURS', 'En cours', 50, 1, 'EN_COURS'))
                                   AS s(code, libelle, avancement, ordre, evaluation)""")
                .param("c", id).update();
        jdbc.sql("""
                        INSERT INTO campagne (convention_id, libelle, annee, trimestre, date_limite, ouverte_le, ouverte_par)
                        VALUES (:c, 'Campagne de banc', :a, 4, current_date + 20, now(), 'banc')""")
                .param("c", id).param("a", annee).update();
        jdbc.sql("""
                        INSERT INTO diagnostic_territoire (convention_id, cle, type, nom, code)
                        VALUES (:c, 'epci', 'EPCI', 'Territoire de banc', NULL), (:c, 'france', 'FRANCE', 'France', 'FR')""")
                .param("c", id).update();
        jdbc.sql("""
                        INSERT INTO diagnostic_indicateur (convention_id, code, libelle, unite, thematique)
                        SELECT :c, 'IND' || i, 'Indicateur de banc ' || i, 'nombre', 'Démographie' FROM generate_series(1, 3) AS i""")
                .param("c", id).update();
        ajouterFiches(id, fiches, annee);
        return id;
    }

    /** Fiches carried by the Palabre, asked by the open campaign, each with two follow-up points and a grid line. */
    private void ajouterFiches(long conventionId, int nombre, int annee) {
        jdbc.sql("""
                        INSERT INTO fiche (convention_id, noeud_id, ordre, reference, titre, annees, champs)
                        SELECT :c, (SELECT min(id) FROM plan_noeud WHERE convention_id = :c), d + f, 'FB' || (d + f), 'Fiche de banc ' || (d + f),
                               ARRAY[:a - 1, :a],
                               jsonb_build_object('organisations', jsonb_build_object('porteurs', jsonb_build_array(
                                   jsonb_build_object('nom', 'Centre social Le Palabre', 'role', 'pilote', 'organisationId', """ + PALABRE + """
                               ))))
                        FROM generate_series(1, :n) AS f, (SELECT count(*) AS d FROM fiche WHERE convention_id = :c) AS deja""")
                .param("c", conventionId).param("n", nombre).param("a", annee).update();
        jdbc.sql("""
                        INSERT INTO campagne_fiche (campagne_id, fiche_id)
                        SELECT cp.id, f.id FROM campagne cp JOIN fiche f ON f.convention_id = cp.convention_id
                        WHERE cp.convention_id = :c ON CONFLICT DO NOTHING""")
                .param("c", conventionId).update();
        jdbc.sql("""
                        INSERT INTO suivi_fiche (convention_id, fiche_id, date_point, statut, avancement, auteur, cree_le)
                        SELECT f.convention_id, f.id, make_date(:a - 1, 1 + k, 15), CASE k WHEN 0 THEN 'EN_COURS' ELSE 'REALISEE' END,
                               50 * (k + 1), 'banc', now()
                        FROM fiche f CROSS JOIN generate_series(0, 1) AS k
                        WHERE f.convention_id = :c AND NOT EXISTS (SELECT 1 FROM suivi_fiche s WHERE s.fiche_id = f.id)""")
                .param("c", conventionId).param("a", annee).update();
        jdbc.sql("""
                        INSERT INTO evaluation_ligne (convention_id, fiche_id, annee, statut, resultats, modifiee_par, modifiee_le)
                        SELECT f.convention_id, f.id, :a - 1, 'REALISE', 'Résultats de banc', 'banc', now() FROM fiche f
                        WHERE f.convention_id = :c ON CONFLICT DO NOTHING""")
                .param("c", conventionId).param("a", annee).update();
        jdbc.sql("""
                        INSERT INTO diagnostic_valeur (indicateur_id, territoire_id, periode, source, valeur)
                        SELECT i.id, t.id, (:a - k)::text, 'banc', k * 10 FROM diagnostic_indicateur i
                        JOIN diagnostic_territoire t ON t.convention_id = i.convention_id CROSS JOIN generate_series(1, 3) AS k
                        WHERE i.convention_id = :c ON CONFLICT DO NOTHING""")
                .param("c", conventionId).param("a", annee).update();
    }
}
