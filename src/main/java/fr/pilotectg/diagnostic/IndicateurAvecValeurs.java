package fr.pilotectg.diagnostic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** An indicator and its values, the territory of the convention first and the national comparator last. */
public record IndicateurAvecValeurs(Indicateur indicateur, List<ValeurIndicateur> valeurs) {

    public IndicateurAvecValeurs {
        valeurs = List.copyOf(valeurs);
    }

    /** Values the diagnostic page shows at most per indicator; beyond, it folds the rest (issue 16). */
    public static final int AFFICHEES_MAX = 24;

    /**
     * What the diagnostic page shows of this indicator: all its values when they are few; otherwise those of its latest
     * period, the territories that are not communes (the convention's territory, its comparators) first, up to
     * {@link #AFFICHEES_MAX}, in their usual order. The other periods and territories are on the indicator's own page.
     */
    public List<ValeurIndicateur> affichees() {
        if (valeurs.size() <= AFFICHEES_MAX) {
            return valeurs;
        }
        String derniere = valeurs.stream().map(ValeurIndicateur::periode).filter(p -> !p.isBlank())
                .max(Comparator.naturalOrder()).orElse("");
        List<ValeurIndicateur> recentes = valeurs.stream().filter(v -> v.periode().equals(derniere)).toList();
        List<ValeurIndicateur> choisies = new ArrayList<>(recentes.stream()
                .filter(v -> v.territoire().type() != TypeTerritoire.COMMUNE).limit(AFFICHEES_MAX).toList());
        recentes.stream().filter(v -> v.territoire().type() == TypeTerritoire.COMMUNE)
                .limit(Math.max(0, AFFICHEES_MAX - choisies.size())).forEach(choisies::add);
        return recentes.stream().filter(choisies::contains).toList();
    }

    /** How many values {@link #affichees()} leaves out. */
    public int repliees() {
        return valeurs.size() - affichees().size();
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
