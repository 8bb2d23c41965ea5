package fr.pilotectg.territoire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import fr.pilotectg.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class TerritoireServiceTest {

    private static final String CC_BASSIN_AUBENAS = "200073245";
    private static final String CC_MONTS_DU_PILAT = "244200622";

    @Autowired
    TerritoireService territoires;

    @Test
    void holdsEveryCurrentCommuneOfTheCog() {
        assertThat(territoires.nombreCommunes()).isEqualTo(34_969);
    }

    @Test
    void findsACommuneWithItsEpciPopulationAndPostcodes() {
        Commune vals = territoires.commune("07331").orElseThrow();

        assertThat(vals.nom()).isEqualTo("Vals-les-Bains");
        assertThat(vals.codeDepartement()).isEqualTo("07");
        assertThat(vals.sirenEpci()).isEqualTo(CC_BASSIN_AUBENAS);
        assertThat(vals.population()).isPositive();
        assertThat(vals.codesPostaux()).containsExactly("07600");
        assertThat(territoires.commune("99999")).isEmpty();
    }

    @Test
    void listsTheMemberCommunesOfAnEpciByName() {
        List<Commune> aubenas = territoires.communesDeEpci(CC_BASSIN_AUBENAS);

        assertThat(aubenas).hasSize(28).extracting(Commune::nom).contains("Aubenas", "Vals-les-Bains");
        assertThat(aubenas).extracting(c -> NameNormalizer.normaliser(c.nom())).isSorted();
        assertThat(territoires.communesDeEpci(CC_MONTS_DU_PILAT)).hasSize(16)
                .extracting(Commune::nom).contains("Marlhes", "Tarentaise", "Saint-Genest-Malifaux");
        assertThat(territoires.communesDeEpci("000000000")).isEmpty();
    }

    @Test
    void findsAnEpciBySirenOrByName() {
        Epci aubenas = territoires.epci(CC_BASSIN_AUBENAS).orElseThrow();
        assertThat(aubenas.nom()).isEqualTo("CC du Bassin d'Aubenas");
        assertThat(aubenas.type()).isEqualTo("CC");
        assertThat(aubenas.codeDepartement()).isEqualTo("07");
        assertThat(aubenas.population()).isEqualTo(40_748);

        assertThat(territoires.epciParNom("Communauté de communes du Bassin d’Aubenas")).contains(aubenas);
        assertThat(territoires.epciParNom("cc des monts du pilat")).map(Epci::siren).contains(CC_MONTS_DU_PILAT);
        assertThat(territoires.epciParNom("CC de nulle part")).isEmpty();
    }

    @Test
    void doesNotGuessBetweenEpcisOfTheSameName() {
        assertThat(territoires.epciParNom("CC des Quatre Rivières")).isEmpty();
        assertThat(territoires.epciParNom("CC des Quatre Rivières", "74")).map(Epci::siren).contains("247400666");
    }

    @Test
    void findsADepartementWithItsRegion() {
        Departement loire = territoires.departement("42").orElseThrow();
        assertThat(loire.nom()).isEqualTo("Loire");
        assertThat(loire.nomRegion()).isEqualTo("Auvergne-Rhône-Alpes");
        assertThat(territoires.departement("2a")).map(Departement::nom).contains("Corse-du-Sud");
        assertThat(territoires.departements()).hasSize(109);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Vals les Bains             | 07331 | Vals-les-Bains
            Vals-lès-Bains             | 07331 | Vals-les-Bains
            CHATEAU ARNOUX ST AUBAN    | 04049 | Château-Arnoux-Saint-Auban
            Marlhès                    | 42139 | Marlhes
            MARLHES                    | 42139 | Marlhes
            TARENTEISE                 | 42306 | Tarentaise
            Tarentaise                 | 42306 | Tarentaise
            ST GENEST MALIFAUX         | 42224 | Saint-Genest-Malifaux
            St-Julien-Molin            | 42246 | Saint-Julien-Molin-Molette
            42246                      | 42246 | Saint-Julien-Molin-Molette
            """)
    void resolvesNamesAsDocumentsWriteThem(String saisie, String codeInsee, String nom) {
        ResolutionCommune resolution = territoires.resoudreCommune(saisie, null);

        assertThat(resolution).isInstanceOfSatisfying(ResolutionCommune.Trouvee.class, trouvee -> {
            assertThat(trouvee.nom()).isEqualTo(saisie);
            assertThat(trouvee.commune().codeInsee()).isEqualTo(codeInsee);
            assertThat(trouvee.commune().nom()).isEqualTo(nom);
        });
    }

    @Test
    void reportsAnAmbiguousNameWithItsCandidatesAndSettlesItWithTheDepartement() {
        ResolutionCommune resolution = territoires.resoudreCommune("ST MARTIN", null);

        assertThat(resolution).isInstanceOfSatisfying(ResolutionCommune.Ambigue.class, ambigue ->
                assertThat(ambigue.candidats())
                        .extracting(Commune::codeInsee, Commune::codeDepartement)
                        .containsExactly(
                                tuple("32389", "32"),
                                tuple("54480", "54"),
                                tuple("65392", "65"),
                                tuple("67426", "67"),
                                tuple("97801", "978")));

        assertThat(territoires.resoudreCommune("Saint-Martin", "65"))
                .isInstanceOfSatisfying(ResolutionCommune.Trouvee.class,
                        trouvee -> assertThat(trouvee.commune().codeInsee()).isEqualTo("65392"));
    }

    @Test
    void reportsAnUnknownName() {
        assertThat(territoires.resoudreCommune("Trifouilly-les-Oies", null))
                .isEqualTo(new ResolutionCommune.Inconnue("Trifouilly-les-Oies"));
        assertThat(territoires.resoudreCommune("   ", null)).isInstanceOf(ResolutionCommune.Inconnue.class);
        assertThat(territoires.resoudreCommune(null, null)).isInstanceOf(ResolutionCommune.Inconnue.class);
    }

    @Test
    void reportsAKnownNameAsUnknownInAnotherDepartement() {
        assertThat(territoires.resoudreCommune("Marlhes", "07")).isInstanceOf(ResolutionCommune.Inconnue.class);
        assertThat(territoires.resoudreCommune("Marlhes", "42")).isInstanceOf(ResolutionCommune.Trouvee.class);
    }

    @Test
    void suggestsCommunesBestMatchFirst() {
        assertThat(territoires.rechercherCommunes("marlhes", 5)).first()
                .extracting(Commune::codeInsee).isEqualTo("42139");
        // names starting with the text (9 of them), then names with a word starting with it
        List<String> saintGenest = territoires.rechercherCommunes("st genest", 10).stream().map(Commune::nom).toList();
        assertThat(saintGenest.subList(0, 9)).contains("Saint-Genest-Malifaux")
                .allSatisfy(nom -> assertThat(NameNormalizer.normaliser(nom)).startsWith("saint genest"));
        assertThat(saintGenest.get(9)).isEqualTo("Saint-Remy-en-Bouzemont-Saint-Genest-et-Isson");
        assertThat(territoires.rechercherCommunes("bains", 20)).extracting(Commune::nom).contains("Vals-les-Bains");
        assertThat(territoires.rechercherCommunes("Tarenteise", 5)).extracting(Commune::codeInsee).containsExactly("42306");
    }

    @Test
    void suggestsCommunesOfOneDepartement() {
        assertThat(territoires.rechercherCommunes("saint", "42", 20)).hasSize(20)
                .allSatisfy(c -> assertThat(c.codeDepartement()).isEqualTo("42"));
    }

    @Test
    void suggestsCommunesByPostcodeOrInseeCode() {
        assertThat(territoires.rechercherCommunes("42660", 20)).extracting(Commune::nom)
                .contains("Marlhes", "Tarentaise", "Saint-Genest-Malifaux");
        assertThat(territoires.rechercherCommunes("0733", 20)).extracting(Commune::codeInsee).contains("07331");
    }

    @Test
    void suggestsNothingForNothingAndRefusesAnAbsurdLimit() {
        assertThat(territoires.rechercherCommunes("  ", 10)).isEmpty();
        assertThat(territoires.rechercherCommunes("zzzzzz", 10)).isEmpty();
        assertThatThrownBy(() -> territoires.rechercherCommunes("vals", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limite");
    }
}
