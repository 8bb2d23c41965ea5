package fr.pilotectg.territoire;

import static org.assertj.core.api.Assertions.assertThat;

import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ReferentielLoaderTest {

    @Autowired
    ReferentielLoader loader;

    @Autowired
    JdbcClient jdbc;

    @Test
    void recordsTheVersionLoadedAndDoesNotReloadIt() {
        assertThat(versionChargee()).isEqualTo(ReferentielLoader.versionLivree())
                .startsWith("@etalab/decoupage-administratif@6.0.0");

        assertThat(loader.charger()).isFalse();
    }

    @Test
    void an_older_instance_never_reloads_over_a_newer_referential_nor_blocks_readers_when_it_reloads() throws Exception {
        String livree = ReferentielLoader.versionLivree();
        String plusRecente = "@etalab/decoupage-administratif@7.1.0 (format " + ReferentielLoader.FORMAT + ")";
        try {
            jdbc.sql("UPDATE referentiel_territoire SET version = ?").param(plusRecente).update();
            assertThat(loader.charger()).as("a newer referential is left in place").isFalse();
            assertThat(versionChargee()).isEqualTo(plusRecente);
        } finally {
            jdbc.sql("UPDATE referentiel_territoire SET version = ?").param(livree).update();
        }
        assertThat(ReferentielLoader.plusRecente("@etalab/decoupage-administratif@6.0.0 (format 2)",
                "@etalab/decoupage-administratif@5.9.12 (format 2)")).isTrue();
        assertThat(ReferentielLoader.plusRecente("@etalab/decoupage-administratif@6.0.0 (format 2)",
                "@etalab/decoupage-administratif@6.0.1 (format 2)")).isFalse();
        assertThat(ReferentielLoader.plusRecente("@etalab/decoupage-administratif@6.0.0 (format 3)",
                "@etalab/decoupage-administratif@6.1.0 (format 2)")).as("a new format reloads").isTrue();
        assertThat(ReferentielLoader.plusRecente(livree, livree)).isFalse();
        assertThat(ReferentielLoader.plusRecente(livree, "ancienne")).isTrue();

        // A reload runs in a transaction while another connection reads communes: the reader is not blocked.
        jdbc.sql("UPDATE referentiel_territoire SET version = 'ancienne'").update();
        java.util.concurrent.ExecutorService lecteur = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<Boolean> chargement = lecteur.submit(loader::charger);
            long pire = 0;
            while (!chargement.isDone()) {
                long debut = System.nanoTime();
                assertThat(jdbc.sql("SELECT count(*) FROM commune WHERE code_departement = '07'").query(Long.class).single())
                        .isPositive();
                pire = Math.max(pire, (System.nanoTime() - debut) / 1_000_000);
            }
            assertThat(chargement.get()).isTrue();
            assertThat(pire).as("longest read during the reload, ms").isLessThan(1_000);
        } finally {
            lecteur.shutdownNow();
        }
        assertThat(versionChargee()).isEqualTo(livree);
    }

    @Test
    void reloadsWhenTheVersionDiffers() {
        jdbc.sql("UPDATE referentiel_territoire SET version = 'ancienne'").update();

        assertThat(loader.charger()).isTrue();

        assertThat(versionChargee()).isEqualTo(ReferentielLoader.versionLivree());
        assertThat(jdbc.sql("SELECT count(*) FROM commune").query(Long.class).single()).isEqualTo(34_969);
        assertThat(jdbc.sql("SELECT count(*) FROM epci").query(Long.class).single()).isEqualTo(1_255);
        assertThat(jdbc.sql("SELECT count(*) FROM departement").query(Long.class).single()).isEqualTo(109);
    }

    @Test
    void aliasesAreStoredNormalisedAndPointToExistingCommunes() {
        var aliases = jdbc.sql("SELECT alias, alias_normalise, code_insee FROM commune_alias").query().listOfRows();

        assertThat(aliases).isNotEmpty().allSatisfy(alias -> {
            assertThat(alias.get("alias_normalise")).isEqualTo(NameNormalizer.normaliser((String) alias.get("alias")));
            assertThat(jdbc.sql("SELECT count(*) FROM commune WHERE code_insee = ?").param(alias.get("code_insee"))
                    .query(Long.class).single()).as("commune de l'alias %s", alias.get("alias")).isEqualTo(1);
        });
    }

    private String versionChargee() {
        return jdbc.sql("SELECT version FROM referentiel_territoire").query(String.class).single();
    }
}
