package fr.pilotectg.diagnostic;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.Comme;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * ADR 0048: what the diagnostic page reads (per indicator its summary, the values it shows or flags) is stored by the
 * writes of values. After each kind of write (CSV import, a value edited, an indicator's definition edited, a territory
 * and an indicator removed, all of it restored) the stored rows are those a recomputation of every indicator gives, and
 * the page shows what the whole read shows; a failed import leaves them as they were.
 */
@IntegrationTest
class ResumesDuDiagnosticTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DiagnosticService service;
    @Autowired
    ValeursDiagnostic valeurs;
    @Autowired
    TableauxDiagnostic tableaux;
    @Autowired
    ResumesDuDiagnostic resumes;
    @Autowired
    UserDetailsService utilisateurs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void after_each_kind_of_write_the_stored_summary_is_what_a_recomputation_gives_and_the_page_what_the_whole_read_shows() throws Exception {
        long convention = conventionAQuatreIndicateurs("résumés du diagnostic");
        String csv = fichier();

        // Import: 4 years × 32 territories of TAUX, folded on the page; a ratio with one écart.
        importer(convention, csv);
        String importe = verifier(convention);
        assertThat(resume(convention, "TAUX")).startsWith("128|2022|");
        Diagnostic apres = affiche(convention);
        assertThat(apres.ecarts()).anyMatch(e -> e.startsWith("Part des enfants — ") && e.contains(" 2022 : valeur saisie 30 %"));

        // A value edited on its page, of a commune and a year the page folds: out of bound, now flagged.
        long commune = jdbc.sql("SELECT id FROM diagnostic_territoire WHERE convention_id = :c AND type = 'COMMUNE' ORDER BY id DESC LIMIT 1")
                .param("c", convention).query(Long.class).single();
        modifierValeur(convention, "TAUX", commune, "2019", "150");
        verifier(convention);
        assertThat(affiche(convention).ecarts()).anyMatch(e -> e.startsWith("Plausibilité — Taux de couverture") && e.contains("150 %"));

        // A ratio's term edited: the ratio, not written, is recomputed (its écart for that commune in 2021).
        modifierValeur(convention, "NB", commune, "2021", "99");
        verifier(convention);
        assertThat(affiche(convention).ecarts()).anyMatch(e -> e.startsWith("Part des enfants — ") && e.contains(" 2021 : valeur saisie"));

        // An indicator's definition edited on its table: a count has no bound, the 150 is no longer flagged.
        modifierIndicateur(convention, "TAUX", "Couverture", "enfants");
        verifier(convention);
        assertThat(affiche(convention).ecarts()).noneMatch(e -> e.contains("Couverture"));

        // A territory removed (its values by cascade), then a ratio's term: the ratio has no écart left.
        Comme.utilisateur(utilisateurs, "caf07", () -> {
            service.supprimer(convention, "territoires", commune);
            return null;
        });
        verifier(convention);
        assertThat(resume(convention, "TAUX")).startsWith("124|2022|");
        long hab = id(convention, "HAB");
        Comme.utilisateur(utilisateurs, "caf07", () -> tableaux.supprimer(convention, TableauDiagnostic.INDICATEURS, hab, version(hab)));
        verifier(convention);
        assertThat(affiche(convention).ecarts()).noneMatch(e -> e.startsWith("Part des enfants"));

        // Restored: the indicator defined again, the unit put back, the file imported again — the rows of the first import.
        definir(convention, "HAB", "Habitants", "habitants", null, null);
        modifierIndicateur(convention, "TAUX", "Taux de couverture", "%");
        importer(convention, csv);
        assertThat(verifier(convention)).isEqualTo(importe);
    }

    @Test
    void a_failed_import_leaves_the_stored_summary_as_it_was() throws Exception {
        long convention = conventionAQuatreIndicateurs("import refusé");
        importer(convention, fichier());
        String avant = verifier(convention);
        String nouvelles = "indicateur;territoire;periode;valeur;source\nTAUX;France;2023;500;Insee\nNB;Ardèche;2023;12;Insee\n";

        // Refused: a line names no known indicator; nothing is written.
        MockHttpServletResponse refuse = envoyer(convention, nouvelles + "INCONNU;France;2023;1;Insee\n");
        assertThat(refuse.getStatus()).isEqualTo(400);
        assertThat(instantane(convention)).isEqualTo(avant);

        // Written, summaries recomputed, then the transaction fails: the values and their summaries go back together.
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(statut -> Comme.utilisateur(utilisateurs, "caf07", () -> {
            service.importer(convention, nouvelles.getBytes(StandardCharsets.UTF_8));
            assertThat(resume(convention, "TAUX")).as("recomputed in the transaction").startsWith("129|2023|");
            throw new ErreurValidation("fichier", "échec après l'écriture");
        }))).isInstanceOf(ErreurValidation.class);
        assertThat(instantane(convention)).isEqualTo(avant);
        LectureDuDiagnosticTest.comparer(entier(convention), affiche(convention));
    }

    @Test
    void values_written_by_sql_outside_the_application_are_summed_up_by_the_first_reading_of_the_page() throws Exception {
        long convention = conventionAQuatreIndicateurs("valeurs écrites en SQL");
        importer(convention, fichier());
        // As a database from before V111, or bench/national-donnees.sql: values without summaries, one of them new.
        jdbc.sql("DELETE FROM diagnostic_resume r USING diagnostic_indicateur i WHERE i.id = r.indicateur_id AND i.convention_id = :c")
                .param("c", convention).update();
        jdbc.sql("DELETE FROM diagnostic_valeur_lue l USING diagnostic_indicateur i WHERE i.id = l.indicateur_id AND i.convention_id = :c")
                .param("c", convention).update();
        jdbc.sql("""
                        INSERT INTO diagnostic_valeur (indicateur_id, territoire_id, periode, source, valeur)
                        SELECT i.id, t.id, '2023', 'Insee', 500 FROM diagnostic_indicateur i JOIN diagnostic_territoire t
                            ON t.convention_id = i.convention_id AND t.type = 'FRANCE'
                        WHERE i.convention_id = :c AND i.code = 'TAUX'""").param("c", convention).update();
        assertThat(instantane(convention)).isEqualTo("\n--\n");

        Diagnostic page = affiche(convention);
        assertThat(resume(convention, "TAUX")).startsWith("129|2023|");
        assertThat(page.ecarts()).anyMatch(e -> e.startsWith("Plausibilité — Taux de couverture") && e.contains("500 %"));
        verifier(convention);
    }

    @Test
    void two_imports_at_once_into_one_indicator_leave_a_summary_of_both() throws Exception {
        long convention = conventionAQuatreIndicateurs("imports simultanés");
        importer(convention, fichier());
        String entete = "indicateur;territoire;periode;valeur;source\n";
        CountDownLatch ecrit = new CountDownLatch(1);
        CountDownLatch valider = new CountDownLatch(1);
        ExecutorService deux = Executors.newFixedThreadPool(2);
        try {
            // The first import has written and recomputed, and is not committed yet when the second one writes.
            Future<?> premier = deux.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(statut ->
                    Comme.utilisateur(utilisateurs, "caf07", () -> {
                        service.importer(convention, (entete + "TAUX;France;2023;5;Insee\n").getBytes(StandardCharsets.UTF_8));
                        ecrit.countDown();
                        try {
                            return valider.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    })));
            assertThat(ecrit.await(60, TimeUnit.SECONDS)).isTrue();
            Future<?> second = deux.submit(() -> Comme.utilisateur(utilisateurs, "caf07", () ->
                    service.importer(convention, (entete + "TAUX;France;2024;5;Insee\n").getBytes(StandardCharsets.UTF_8))));
            Thread.sleep(1_000);
            valider.countDown();
            premier.get(60, TimeUnit.SECONDS);
            second.get(60, TimeUnit.SECONDS);
        } finally {
            deux.shutdownNow();
        }
        assertThat(resume(convention, "TAUX")).as("both imports counted").startsWith("130|2024|");
        verifier(convention);
    }

    /**
     * Checks the stored rows against a recomputation of every indicator and the page's read against the whole read;
     * returns the stored rows.
     */
    private String verifier(long convention) {
        String stocke = instantane(convention);
        resumes.recalculerTout(convention);
        assertThat(instantane(convention)).as("stored after the write, then recomputed from all values").isEqualTo(stocke);
        LectureDuDiagnosticTest.comparer(entier(convention), affiche(convention));
        return stocke;
    }

    /** The stored summaries and values read by the page, by indicator code and territory key (ids change on a restore). */
    private String instantane(long convention) {
        List<String> resumesLus = jdbc.sql("""
                        SELECT i.code || '=' || r.nombre || '|' || r.derniere || '|' || array_to_string(r.sources, ',') || '|'
                               || array_to_string(r.periodes, ',')
                        FROM diagnostic_resume r JOIN diagnostic_indicateur i ON i.id = r.indicateur_id WHERE i.convention_id = :c
                        ORDER BY 1""").param("c", convention).query(String.class).list();
        List<String> lues = jdbc.sql("""
                        SELECT concat_ws('|', i.code, t.cle, l.periode, l.source, l.affichee, l.numerateur, l.denominateur,
                                         l.autres_min, l.autres_max)
                        FROM diagnostic_valeur_lue l JOIN diagnostic_indicateur i ON i.id = l.indicateur_id
                        JOIN diagnostic_territoire t ON t.id = l.territoire_id WHERE i.convention_id = :c ORDER BY 1""")
                .param("c", convention).query(String.class).list();
        return String.join("\n", resumesLus) + "\n--\n" + String.join("\n", lues);
    }

    private String resume(long convention, String code) {
        return jdbc.sql("""
                        SELECT r.nombre || '|' || r.derniere || '|' FROM diagnostic_resume r JOIN diagnostic_indicateur i ON i.id = r.indicateur_id
                        WHERE i.convention_id = :c AND i.code = :code""")
                .param("c", convention).param("code", code).query(String.class).single();
    }

    /**
     * TAUX for France, Ardèche and 30 communes × 2019–2022; NB, HAB and their ratio PART for the communes in 2021–2022,
     * one PART differing from its recomputation.
     */
    private static String fichier() throws Exception {
        List<String> communes = LectureDuDiagnosticTest.communes();
        StringBuilder csv = new StringBuilder("indicateur;territoire;periode;valeur;source\n");
        for (int annee = 2019; annee <= 2022; annee++) {
            csv.append("TAUX;France;").append(annee).append(";5,5;Insee\nTAUX;Ardèche;").append(annee).append(";6,5;Insee\n");
            for (int c = 0; c < communes.size(); c++) {
                csv.append("TAUX;").append(communes.get(c)).append(";").append(annee).append(";").append((c + annee) % 9 + 1).append(";Insee\n");
            }
        }
        for (int annee = 2021; annee <= 2022; annee++) {
            for (int c = 0; c < communes.size(); c++) {
                String part = c == 5 && annee == 2022 ? "30" : "10";
                csv.append("NB;").append(communes.get(c)).append(";").append(annee).append(";10;Insee\n")
                        .append("HAB;").append(communes.get(c)).append(";").append(annee).append(";100;Caf\n")
                        .append("PART;").append(communes.get(c)).append(";").append(annee).append(";").append(part).append(";Insee\n");
            }
        }
        return csv.toString();
    }

    /** A new convention of caf07 with a rate, two counts and the ratio of those counts (the ratio's terms). */
    private long conventionAQuatreIndicateurs(String titre) {
        long convention = new ClientApi(mvc).creerConventionDeTest("caf07", titre).path("id").asLong();
        definir(convention, "TAUX", "Taux de couverture", "%", null, null);
        definir(convention, "NB", "Enfants", "enfants", null, null);
        definir(convention, "HAB", "Habitants", "habitants", null, null);
        definir(convention, "PART", "Part des enfants", "%", "NB", "HAB");
        return convention;
    }

    private void definir(long convention, String code, String libelle, String unite, String numerateur, String denominateur) {
        Comme.utilisateur(utilisateurs, "caf07", () -> service.definirIndicateur(convention,
                new Indicateur(null, code, libelle, unite, null, "Petite enfance", numerateur, denominateur)));
    }

    private void modifierValeur(long convention, String code, long territoire, String periode, String texte) {
        long indicateur = id(convention, code);
        int version = jdbc.sql("SELECT version FROM diagnostic_valeur WHERE indicateur_id = :i AND territoire_id = :t AND periode = :p")
                .param("i", indicateur).param("t", territoire).param("p", periode).query(Integer.class).single();
        Comme.utilisateur(utilisateurs, "caf07", () -> valeurs.modifier(convention, indicateur, territoire, periode, "Insee", texte, null, version));
    }

    private void modifierIndicateur(long convention, String code, String libelle, String unite) {
        long indicateur = id(convention, code);
        Map<String, String> saisie = new HashMap<>(Map.of("libelle", libelle, "unite", unite, "thematique", "Petite enfance"));
        Comme.utilisateur(utilisateurs, "caf07", () -> tableaux.modifier(convention, TableauDiagnostic.INDICATEURS, indicateur, saisie,
                version(indicateur)));
    }

    private long id(long convention, String code) {
        return jdbc.sql("SELECT id FROM diagnostic_indicateur WHERE convention_id = :c AND code = :code")
                .param("c", convention).param("code", code).query(Long.class).single();
    }

    private int version(long indicateur) {
        return jdbc.sql("SELECT version FROM diagnostic_indicateur WHERE id = :i").param("i", indicateur).query(Integer.class).single();
    }

    private Diagnostic affiche(long convention) {
        return Comme.utilisateur(utilisateurs, "caf07", () -> service.diagnosticAffiche(convention));
    }

    private Diagnostic entier(long convention) {
        return Comme.utilisateur(utilisateurs, "caf07", () -> service.diagnostic(convention));
    }

    private void importer(long convention, String csv) throws Exception {
        MockHttpServletResponse importe = envoyer(convention, csv);
        assertThat(importe.getStatus()).as(importe.getContentAsString(StandardCharsets.UTF_8)).isIn(200, 201);
    }

    private MockHttpServletResponse envoyer(long convention, String csv) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/api/v1/conventions/" + convention + "/diagnostic/valeurs")
                .contentType("text/csv").content(csv.getBytes(StandardCharsets.UTF_8))
                .with(httpBasic("caf07", ClientApi.MOT_DE_PASSE))).andReturn().getResponse();
    }
}
