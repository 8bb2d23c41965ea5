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
