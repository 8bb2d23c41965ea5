package fr.pilotectg.convention;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import fr.pilotectg.testsupport.ClientApi;
import fr.pilotectg.testsupport.ClientApi.Reponse;
import fr.pilotectg.testsupport.ClientPages;
import fr.pilotectg.testsupport.HorlogeDeTest;
import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * End of a convention (issue 14, item 6): résiliation in its three modes with the effect date computed, the convention
 * in force until then; expiry the day after the end date by the daily job, once, even with two runs at once.
 * The clock stays before 2025 whenever the job runs, so that the demo conventions (Baronnies ends on 31 December 2024)
 * are not ended for the other tests.
 */
@IntegrationTest
class FinDeConventionTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HorlogeDeTest horloge;

    @Autowired
    EcheanceDesConventions echeance;

    ClientApi api;
    ClientPages pages;
    long id;

    @BeforeEach
    void conventionSigneeEnVigueur() {
        api = new ClientApi(mvc);
        pages = new ClientPages(mvc);
        id = api.creerConventionDeTest("caf07", "Fin").path("id").asLong();
        enVigueur(id, LocalDate.of(2023, 1, 1), LocalDate.of(2027, 12, 31), LocalDate.of(2023, 1, 15));
    }

    @AfterEach
    void remettreALHeure() {
        horloge.remettreALHeure();
    }

    @Test
    void a_denonciation_on_15_march_2027_takes_effect_on_15_september_2027_and_the_convention_stays_in_force_until_then() {
        horloge.fixer(LocalDate.of(2027, 3, 20));

        Reponse reponse = api.post("caf07", "/api/v1/conventions/" + id + "/resiliation", demande("DENONCIATION",
                "2027-03-15", "2027-03-15", null, "Dénoncée par la commune"));

        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(201);
        assertThat(reponse.json().path("dateEffet").asString()).isEqualTo("2027-09-15");
        assertThat(reponse.json().path("effective").asBoolean()).isFalse();
        assertThat(statut(id)).isEqualTo("EN_VIGUEUR");
        String page = pages.get("caf07", "/conventions/" + id).html();
        assertThat(page).contains("Dénoncée le 15 mars 2027 (effet le 15 septembre 2027)", "reste en vigueur jusqu'à la date d'effet");
        assertThat(pages.get("lecteur", "/conventions/" + api.aubenas()).html()).doesNotContain("bandeau-resiliation");
        assertThat(pages.get("caf07", "/conventions/" + id + "/resiliation").html())
                .contains("15 septembre 2027", "La convention reste en vigueur jusqu'au");
        assertThat(journal(id, "résiliation")).isEqualTo(1);
    }

    @Test
    void the_daily_job_ends_a_denounced_convention_on_its_effect_date_once() {
        horloge.fixer(LocalDate.of(2023, 10, 2));
        assertThat(api.post("caf07", "/api/v1/conventions/" + id + "/resiliation",
                demande("DENONCIATION", "2023-10-01", null, null, null)).status()).isEqualTo(201);

        horloge.fixer(LocalDate.of(2024, 3, 31));
        echeance.constater();
        assertThat(statut(id)).as("the day before the effect date").isEqualTo("EN_VIGUEUR");

        horloge.fixer(LocalDate.of(2024, 4, 1));
        echeance.constater();
        echeance.constater();
        assertThat(statut(id)).isEqualTo("RESILIEE");
        assertThat(journal(id, "effet de la résiliation")).isEqualTo(1);
        assertThat(pages.get("caf07", "/conventions/" + id).html()).contains("Dénoncée le 1er octobre 2023 (effet le 1er avril 2024)");
    }

    @Test
    void a_mise_en_demeure_takes_effect_one_month_after_the_receipt_of_the_registered_letter() {
        horloge.fixer(LocalDate.of(2024, 2, 1));
        Reponse sansReception = api.post("caf07", "/api/v1/conventions/" + id + "/resiliation",
                demande("MISE_EN_DEMEURE", "2024-01-20", "2024-01-05", null, null));
        assertThat(sansReception.status()).isEqualTo(400);
        assertThat(sansReception.champsEnErreur()).containsExactly("dateReception");

        Reponse reponse = api.post("caf07", "/api/v1/conventions/" + id + "/resiliation",
                demande("MISE_EN_DEMEURE", "2024-01-20", "2024-01-05", "2024-01-08", "Obligations non respectées"));
        assertThat(reponse.status()).as(reponse.texte()).isEqualTo(201);
        assertThat(reponse.json().path("dateEffet").asString()).isEqualTo("2024-02-08");
        assertThat(api.get("lecteur", "/api/v1/conventions/" + id + "/resiliation").status()).isEqualTo(403);
        assertThat(api.get("caf07", "/api/v1/conventions/" + id + "/resiliation").json().path("resiliation").path("dateReception").asString())
                .isEqualTo("2024-01-08");
    }

    @Test
    void a_resiliation_without_notice_in_the_past_ends_the_convention_at_once() {
        horloge.fixer(LocalDate.of(2024, 5, 1));
        Map<String, String> champs = new HashMap<>(Map.of("version", version(id), "mode", "SANS_MISE_EN_DEMEURE",
                "dateResiliation", "2024-04-30", "commentaire", "Article modifié sans avenant"));

        ClientPages.Page page = pages.poster("caf07", "/conventions/" + id + "/resiliation", champs);

        assertThat(page.redirection()).isEqualTo("/conventions/" + id + "/resiliation");
        assertThat(statut(id)).isEqualTo("RESILIEE");
        assertThat(journal(id, "résiliation")).isEqualTo(1);
        assertThat(pages.get("caf07", "/conventions/" + id).html()).contains("Résiliée le 30 avril 2024 (effet le 30 avril 2024)")
                .doesNotContain("lien-resilier");
    }

    @Test
    void bad_input_and_denials_write_nothing() {
        horloge.fixer(LocalDate.of(2024, 5, 1));
        String chemin = "/api/v1/conventions/" + id + "/resiliation";
        String version = version(id);
        long journalAvant = journal(id, null);

        Reponse avantSignature = api.post("caf07", chemin, demande("SANS_MISE_EN_DEMEURE", "2022-12-31", null, null, null));
        assertThat(avantSignature.status()).isEqualTo(400);
        assertThat(avantSignature.champsEnErreur()).containsExactly("dateResiliation");
        assertThat(avantSignature.messageDuChamp("dateResiliation")).contains("antérieure à la signature");
        assertThat(api.post("caf07", chemin, demande(null, "2024-01-01", null, null, null)).champsEnErreur()).containsExactly("mode");
        assertThat(api.post("caf07", chemin, demande("DENONCIATION", null, null, null, null)).champsEnErreur()).containsExactly("dateResiliation");
        assertThat(api.post("caf07", chemin, demande("MISE_EN_DEMEURE", "2024-01-20", "2024-01-10", "2024-01-05", null))
                .champsEnErreur()).containsExactly("dateReception");
        Map<String, Object> perimee = demande("DENONCIATION", "2024-01-01", null, null, null);
        perimee.put("version", Integer.parseInt(version) + 3);
        assertThat(api.post("caf07", chemin, perimee).status()).isEqualTo(409);
        for (String refuse : List.of("lecteur", "caf42", "palabre", "pilat")) {
            assertThat(api.post(refuse, chemin, demande("DENONCIATION", "2024-01-01", null, null, null)).status())
                    .as(refuse).isEqualTo(403);
        }
        assertThat(pages.poster("caf42", "/conventions/" + id + "/resiliation", Map.of("version", version,
                "mode", "DENONCIATION", "dateResiliation", "2024-01-01")).status()).isEqualTo(403);
        assertThat(pages.get("caf42", "/conventions/" + id + "/resiliation").status()).isEqualTo(403);
        ClientPages.Page formulaire = pages.poster("caf07", "/conventions/" + id + "/resiliation", Map.of("version", version,
                "mode", "DENONCIATION", "dateResiliation", "31/02/2024"));
        assertThat(formulaire.status()).isEqualTo(400);
        assertThat(formulaire.html()).contains("pas une date valide", "31/02/2024");
        assertThat(mvcAnonyme(chemin)).as("un POST anonyme sans jeton CSRF est refusé").isIn(401, 403);

        assertThat(api.get("caf07", chemin).json().path("resiliee").asBoolean()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM convention_resiliation WHERE convention_id = ?").param(id)
                .query(Long.class).single()).isZero();
        assertThat(version(id)).isEqualTo(version);
        assertThat(journal(id, null)).isEqualTo(journalAvant);
        assertThat(statut(id)).isEqualTo("EN_VIGUEUR");

        assertThat(api.post("caf07", chemin, demande("DENONCIATION", "2024-01-01", null, null, null)).status()).isEqualTo(201);
        assertThat(api.post("caf07", chemin, demande("DENONCIATION", "2024-02-01", null, null, null)).status())
                .as("a second résiliation").isEqualTo(409);
        long enPreparation = api.creerConventionDeTest("caf07", "Prépa").path("id").asLong();
        Map<String, Object> surPreparation = demande("DENONCIATION", "2024-01-01", null, null, null);
        surPreparation.put("version", Integer.parseInt(version(enPreparation)));
        Reponse preparation = api.post("caf07", "/api/v1/conventions/" + enPreparation + "/resiliation", surPreparation);
        assertThat(preparation.status()).isEqualTo(400);
        assertThat(preparation.champsEnErreur()).containsExactly("statut");
    }

    @Test
    void a_convention_expires_the_day_after_its_end_date_once_even_with_two_runs_at_once() throws Exception {
        long finie = api.creerConventionDeTest("caf07", "Échue").path("id").asLong();
        enVigueur(finie, LocalDate.of(2021, 1, 1), LocalDate.of(2024, 5, 31), LocalDate.of(2021, 1, 10));
        enVigueur(id, LocalDate.of(2021, 1, 1), LocalDate.of(2024, 6, 1), LocalDate.of(2021, 1, 10));
        horloge.fixer(LocalDate.of(2024, 6, 1));
        liberer();

        ExecutorService deux = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch depart = new CountDownLatch(1);
            List<Future<?>> runs = List.of(deux.submit(() -> { attendre(depart); echeance.executer(); }),
                    deux.submit(() -> { attendre(depart); echeance.executer(); }));
            depart.countDown();
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            deux.shutdownNow();
        }
        echeance.constater();

        assertThat(statut(finie)).isEqualTo("ECHUE");
        assertThat(statut(id)).as("ends on 1 June: still in force that day").isEqualTo("EN_VIGUEUR");
        assertThat(journal(finie, "échéance")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM convention_changement_statut WHERE convention_id = ? AND vers = 'ECHUE'")
                .param(finie).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT locked_by FROM shedlock WHERE name = 'fin-des-conventions'").query(String.class).optional())
                .as("the run took the lock in PostgreSQL").isPresent();
        assertThat(pages.get("caf07", "/conventions/" + finie).html()).contains("Échue le lendemain de sa date de fin (31 mai 2024)");
    }

    @Test
    void the_portfolio_flags_conventions_in_force_ending_within_six_months() {
        LocalDate aujourdhui = LocalDate.of(2026, 12, 3);
        assertThat(ligne(StatutConvention.EN_VIGUEUR, LocalDate.of(2027, 6, 3)).finProche(aujourdhui)).isTrue();
        assertThat(ligne(StatutConvention.BILAN_FINAL, LocalDate.of(2026, 12, 3)).finProche(aujourdhui)).isTrue();
        assertThat(ligne(StatutConvention.EN_VIGUEUR, LocalDate.of(2027, 6, 4)).finProche(aujourdhui)).isFalse();
        assertThat(ligne(StatutConvention.ECHUE, LocalDate.of(2027, 1, 31)).finProche(aujourdhui)).as("already ended").isFalse();
        assertThat(ligne(StatutConvention.PREPARATION, LocalDate.of(2027, 1, 31)).finProche(aujourdhui)).isFalse();
        assertThat(ligne(StatutConvention.EN_VIGUEUR, null).finProche(aujourdhui)).isFalse();
    }

    private static fr.pilotectg.pilotage.LignePortefeuille ligne(StatutConvention statut, LocalDate fin) {
        return new fr.pilotectg.pilotage.LignePortefeuille(1, "CTG", "Caf", statut, LocalDate.of(2022, 1, 1), fin, null,
                0, 0, 0, 0, 0, 0, null, false);
    }

    private int mvcAnonyme(String chemin) {
        try {
            return mvc.perform(post(chemin).contentType("application/json").content("{}")).andReturn().getResponse().getStatus();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void attendre(CountDownLatch depart) {
        try {
            depart.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void enVigueur(long convention, LocalDate debut, LocalDate fin, LocalDate signature) {
        jdbc.sql("UPDATE convention SET statut = 'EN_VIGUEUR', date_debut = ?, date_fin = ?, duree_annees = NULL,"
                        + " signature_date = ? WHERE id = ?")
                .params(debut, fin, signature, convention).update();
    }

    private Map<String, Object> demande(String mode, String date, String notification, String reception, String commentaire) {
        Map<String, Object> corps = new HashMap<>();
        corps.put("version", Integer.parseInt(version(id)));
        corps.put("mode", mode);
        corps.put("dateResiliation", date);
        corps.put("dateNotification", notification);
        corps.put("dateReception", reception);
        corps.put("commentaire", commentaire);
        return corps;
    }

    /** Frees the job's lock as its expiry would (ShedLock remembers the row exists: it is updated, never deleted). */
    private void liberer() {
        jdbc.sql("UPDATE shedlock SET lock_until = now() - interval '1 second' WHERE name = 'fin-des-conventions'").update();
    }

    private String statut(long convention) {
        return jdbc.sql("SELECT statut FROM convention WHERE id = ?").param(convention).query(String.class).single();
    }

    private String version(long convention) {
        return jdbc.sql("SELECT version FROM convention WHERE id = ?").param(convention).query(String.class).single();
    }

    private long journal(long convention, String action) {
        return jdbc.sql("SELECT count(*) FROM journal WHERE convention_id = ? AND (CAST(? AS text) IS NULL OR action = ?)")
                .params(convention, action, action).query(Long.class).single();
    }
}
