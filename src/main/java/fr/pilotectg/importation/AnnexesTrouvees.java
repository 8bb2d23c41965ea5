package fr.pilotectg.importation;

import java.util.List;

/**
 * What the analysis found in the annexes: supported services per collectivité, the AO matrix and projection
 * tables, governance bodies and their composition. Shape owned by {@link AnalyseAnnexes}; each element carries its
 * {@link Source} and a confidence (0–1).
 */
public record AnnexesTrouvees(List<Alerte> alertes) implements PartieTrouvee {

    public static AnnexesTrouvees vide() {
        return new AnnexesTrouvees(List.of());
    }
}
