package fr.pilotectg.territoire;

import java.util.List;
import java.util.Objects;

/**
 * An EPCI à fiscalité propre (communauté de communes, d'agglomération, urbaine, métropole).
 *
 * @param type CC, CA, CU, METRO or MET69
 * @param codeDepartement the département holding most of its population (the seat is not in the data)
 * @param codesDepartements every département it spans, usually one
 * @param population population municipale
 * @param populationTotale population totale (municipale + comptée à part)
 */
public record Epci(String siren, String nom, String type, String codeDepartement, List<String> codesDepartements,
                   int population, int populationTotale) {

    public Epci {
        Objects.requireNonNull(siren, "siren");
        Objects.requireNonNull(nom, "nom");
        codesDepartements = List.copyOf(codesDepartements);
    }
}
