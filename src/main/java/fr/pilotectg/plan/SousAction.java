package fr.pilotectg.plan;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A sub-action of a fiche (issue 10 item 2): one of its ordered "actions clés", with an optional porteur (an
 * organisation of the referential and/or the name the document printed), optional start and end months, planned years
 * and a weight in the roll-up of the fiche's progress (1 by default). {@code id} is null for one not yet saved.
 */
public record SousAction(Long id, String libelle, Long porteurOrganisationId, String porteur, YearMonth debut, YearMonth fin,
                         List<Integer> annees, BigDecimal poids) {

    public SousAction {
        annees = annees == null ? List.of() : annees.stream().filter(java.util.Objects::nonNull).distinct().sorted().toList();
        poids = poids == null ? BigDecimal.ONE : poids;
    }

    /** What the journal keeps of it: "Libellé (porteur, 2026-09 → 2027-06, poids 2)". */
    String description() {
        List<String> details = new ArrayList<>();
        if (porteur != null) {
            details.add(porteur);
        }
        if (debut != null || fin != null) {
            details.add((debut == null ? "…" : debut.toString()) + " → " + (fin == null ? "…" : fin.toString()));
        } else if (!annees.isEmpty()) {
            details.add(String.join(", ", annees.stream().map(String::valueOf).toList()));
        }
        if (poids.compareTo(BigDecimal.ONE) != 0) {
            details.add("poids " + poids.stripTrailingZeros().toPlainString());
        }
        return libelle + (details.isEmpty() ? "" : " (" + String.join(", ", details) + ")");
    }
}
