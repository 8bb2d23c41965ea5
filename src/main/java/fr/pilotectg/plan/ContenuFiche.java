package fr.pilotectg.plan;

import java.util.List;

/** What a user edits in a fiche. The reference is kept only in plans with free references ("PE7"). */
public record ContenuFiche(String reference, String titre, ChampsFiche champs, List<Integer> annees, String echeances,
                           List<String> notes) {
}
