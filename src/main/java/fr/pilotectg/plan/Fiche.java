package fr.pilotectg.plan;

import java.time.YearMonth;
import java.util.List;

/** A fiche action: its place in the plan, its title, its template fields and its programme (years, optional start and end months). */
public record Fiche(Long id, long conventionId, Long noeudId, int ordre, String reference, String titre,
                    ChampsFiche champs, List<Integer> annees, String echeances, List<String> notes, int version,
                    YearMonth debut, YearMonth fin) {

    public Fiche {
        champs = champs == null ? ChampsFiche.VIDES : champs;
        annees = annees == null ? List.of() : annees.stream().distinct().sorted().toList();
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A fiche without start and end months (the dates of issue 10 item 6 are optional). */
    public Fiche(Long id, long conventionId, Long noeudId, int ordre, String reference, String titre,
                 ChampsFiche champs, List<Integer> annees, String echeances, List<String> notes, int version) {
        this(id, conventionId, noeudId, ordre, reference, titre, champs, annees, echeances, notes, version, null, null);
    }

    public boolean porteePar(long organisationId) {
        return champs.organisations("porteurs").stream()
                .anyMatch(o -> o.organisationId() != null && o.organisationId() == organisationId);
    }

    public boolean prevueEn(int annee) {
        return annees.contains(annee);
    }
}
