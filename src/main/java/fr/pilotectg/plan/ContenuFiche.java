package fr.pilotectg.plan;

import java.time.YearMonth;
import java.util.List;

/**
 * What a user edits in a fiche. The reference is kept only in plans with free references ("PE7"). The start and end
 * months are optional; when one is given, the planned years are derived from them ({@link DatesFiche}).
 */
public record ContenuFiche(String reference, String titre, ChampsFiche champs, List<Integer> annees, String echeances,
                           List<String> notes, YearMonth debut, YearMonth fin) {

    public ContenuFiche(String reference, String titre, ChampsFiche champs, List<Integer> annees, String echeances,
                        List<String> notes) {
        this(reference, titre, champs, annees, echeances, notes, null, null);
    }
}
