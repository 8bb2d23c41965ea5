package fr.pilotectg.diagnostic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An indicator and its values, the territory of the convention first and the national comparator last. Read whole
 * ({@code repli} null: {@code valeurs} are all its values, as the API and the documents give them), or as the diagnostic
 * page shows it ({@link #replie}: {@code valeurs} are only the values shown, the rest summed up in {@code repli}).
 */
public record IndicateurAvecValeurs(Indicateur indicateur, List<ValeurIndicateur> valeurs, @JsonIgnore Repli repli) {

    public IndicateurAvecValeurs {
        valeurs = List.copyOf(valeurs);
    }

    public IndicateurAvecValeurs(Indicateur indicateur, List<ValeurIndicateur> valeurs) {
        this(indicateur, valeurs, null);
    }

    /**
     * What the page needs of the values it does not show: how many there are, the sources and periods of all of them,
     * and those flagged (a ratio's écart, a plausibility warning), in the usual order.
     */
    public record Repli(int nombre, String sourcesEtPeriodes, List<ValeurIndicateur> signalees) {
        public Repli {
            signalees = List.copyOf(signalees);
        }
    }

    /** The indicator as the diagnostic page shows it: {@code affichees} as {@link #affichees()} would choose them. */
    static IndicateurAvecValeurs replie(Indicateur indicateur, List<ValeurIndicateur> affichees, Repli repli) {
        return new IndicateurAvecValeurs(indicateur, affichees, repli);
    }

    /** Values the diagnostic page shows at most per indicator; beyond, it folds the rest (issue 16). */
    public static final int AFFICHEES_MAX = 24;

    /**
     * What the diagnostic page shows of this indicator: all its values when they are few; otherwise those of its latest
     * period, the territories that are not communes (the convention's territory, its comparators) first, up to
     * {@link #AFFICHEES_MAX}, in their usual order. The other periods and territories are on the indicator's own page.
     * The SQL of {@code DiagnosticRepository#valeursAffichees} makes the same choice.
     */
    public List<ValeurIndicateur> affichees() {
        if (repli != null || valeurs.size() <= AFFICHEES_MAX) {
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

    /** How many values the indicator has, shown or not. */
    public int nombreDeValeurs() {
        return repli != null ? repli.nombre() : valeurs.size();
    }

    /** How many values {@link #affichees()} leaves out. */
    public int repliees() {
        return nombreDeValeurs() - affichees().size();
    }

    /** Its values with an écart or a plausibility warning, shown or not, in the usual order. */
    public List<ValeurIndicateur> signalees() {
        return repli != null ? repli.signalees()
                : valeurs.stream().filter(v -> v.ecart() || v.plausibilite() != null).toList();
    }

    /** "Insee, RP2021 — 2021 ; …": what is printed under the figure. */
    public String sourcesEtPeriodes() {
        return repli != null ? repli.sourcesEtPeriodes()
                : sourcesEtPeriodes(valeurs.stream().map(v -> new String[]{v.sourceLibelle(), v.periode()}));
    }

    /** The source label and period pairs, in the order of the values, each printed once. */
    static String sourcesEtPeriodes(Stream<String[]> sourcesEtPeriodes) {
        List<String> morceaux = sourcesEtPeriodes
                .map(sp -> {
                    String source = Objects.toString(sp[0], "");
                    String periode = sp[1];
                    return source.isBlank() ? (periode.isBlank() ? "source non précisée" : "source non précisée, " + periode)
                            : source + (periode.isBlank() ? "" : ", " + periode);
                })
                .distinct().toList();
        return String.join(" ; ", morceaux);
    }
}
