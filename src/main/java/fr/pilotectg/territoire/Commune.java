package fr.pilotectg.territoire;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A current commune of the Code officiel géographique.
 *
 * @param sirenEpci the EPCI it belongs to, null for the few communes outside any EPCI (islands, COM)
 * @param population population municipale, null when unknown (uninhabited territories)
 * @param codesPostaux sorted, possibly empty
 */
public record Commune(String codeInsee, String nom, String codeDepartement, String sirenEpci, Integer population,
                      List<String> codesPostaux) {

    public Commune {
        Objects.requireNonNull(codeInsee, "codeInsee");
        Objects.requireNonNull(nom, "nom");
        Objects.requireNonNull(codeDepartement, "codeDepartement");
        codesPostaux = List.copyOf(codesPostaux);
    }

    public Optional<String> epci() {
        return Optional.ofNullable(sirenEpci);
    }
}
