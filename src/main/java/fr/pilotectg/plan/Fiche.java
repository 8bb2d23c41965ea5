package fr.pilotectg.plan;

import java.util.List;

/** A fiche action: its place in the plan, its title, its template fields and its programme. */
public record Fiche(Long id, long conventionId, Long noeudId, int ordre, String reference, String titre,
                    ChampsFiche champs, List<Integer> annees, String echeances, List<String> notes, int version) {

    public Fiche {
        champs = champs == null ? ChampsFiche.VIDES : champs;
        annees = annees == null ? List.of() : annees.stream().distinct().sorted().toList();
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public boolean porteePar(long organisationId) {
        return champs.organisations("porteurs").stream()
                .anyMatch(o -> o.organisationId() != null && o.organisationId() == organisationId);
    }

    public boolean prevueEn(int annee) {
        return annees.contains(annee);
    }
}
