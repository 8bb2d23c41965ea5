package fr.pilotectg.territoire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NameNormalizerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Vals-les-Bains                | vals les bains
            Vals les Bains                | vals les bains
            Vals-lès-Bains                | vals les bains
            VALS  LES   BAINS             | vals les bains
            MARLHES                       | marlhes
            Marlhès                       | marlhes
            Château-Arnoux-Saint-Auban    | chateau arnoux saint auban
            CHATEAU ARNOUX ST AUBAN       | chateau arnoux saint auban
            Chateau Arnoux St. Auban      | chateau arnoux saint auban
            ST GENEST MALIFAUX            | saint genest malifaux
            St-Genest-Malifaux            | saint genest malifaux
            Ste-Marie                     | sainte marie
            Ste. Marie                    | sainte marie
            SAINTE MARIE                  | sainte marie
            L'Abergement-Clémenciat       | l abergement clemenciat
            L’Abergement-Clémenciat       | l abergement clemenciat
            L' Abergement Clemenciat      | l abergement clemenciat
            Vœuil-et-Giget                | voeuil et giget
            ŒUILLY                        | oeuilly
            Île-de-Bréhat                 | ile de brehat
            '  Tarentaise '               | tarentaise
            """)
    void ignoreCaseAccentsPunctuationAndSaintAbbreviations(String saisie, String attendu) {
        assertThat(NameNormalizer.normaliser(saisie)).isEqualTo(attendu);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Stenay", "Sainte", "Saintes", "Estissac", "Steenvoorde"})
    void leavesWordsThatOnlyStartLikeSaintAlone(String nom) {
        assertThat(NameNormalizer.normaliser(nom)).isEqualTo(nom.toLowerCase());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", " - ' "})
    void givesAnEmptyKeyForNothing(String saisie) {
        assertThat(NameNormalizer.normaliser(saisie)).isEmpty();
    }

    @Test
    void isIdempotent() {
        String cle = NameNormalizer.normaliser("St-Julien-Molin-Molette");
        assertThat(NameNormalizer.normaliser(cle)).isEqualTo(cle).isEqualTo("saint julien molin molette");
    }

    @Test
    void matchesLongAndShortFormsOfEpciNames() {
        assertThat(NameNormalizer.normaliserEpci("Communauté de communes du Bassin d'Aubenas"))
                .isEqualTo(NameNormalizer.normaliserEpci("CC du Bassin d’Aubenas"))
                .isEqualTo("cc du bassin d aubenas");
        assertThat(NameNormalizer.normaliserEpci("Communauté d'agglomération du Bassin de Brive"))
                .isEqualTo("ca du bassin de brive");
        assertThat(NameNormalizer.normaliserEpci("COMMUNAUTE URBAINE d'Arras")).isEqualTo("cu d arras");
    }
}
