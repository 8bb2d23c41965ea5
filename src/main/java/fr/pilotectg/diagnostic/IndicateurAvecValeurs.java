package fr.pilotectg.diagnostic;

import java.util.List;
import java.util.Objects;

/** An indicator and its values, the territory of the convention first and the national comparator last. */
public record IndicateurAvecValeurs(Indicateur indicateur, List<ValeurIndicateur> valeurs) {

    public IndicateurAvecValeurs {
        valeurs = List.copyOf(valeurs);
    }

    /** "Insee, RP2021 — 2021 ; …": what is printed under the figure. */
    public String sourcesEtPeriodes() {
        List<String> morceaux = valeurs.stream()
                .map(v -> Objects.toString(v.sourceLibelle(), "").isBlank() ? (v.periode().isBlank() ? "source non précisée" : "source non précisée, " + v.periode())
                        : v.sourceLibelle() + (v.periode().isBlank() ? "" : ", " + v.periode()))
                .distinct().toList();
        return String.join(" ; ", morceaux);
    }
}
