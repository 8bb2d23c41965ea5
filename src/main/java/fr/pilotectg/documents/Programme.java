package fr.pilotectg.documents;

import java.util.ArrayList;
import java.util.List;

import fr.pilotectg.plan.ArbrePlan;
import fr.pilotectg.plan.Fiche;

/** The programme table: one row per fiche in plan order, one column per year of the period ("prévue" or empty). */
final class Programme {

    static final String PREVUE = "prévue";

    private Programme() {
    }

    static Document.Tableau tableau(ArbrePlan arbre, List<Integer> annees) {
        List<String> entetes = new ArrayList<>(List.of("Référence", "Action"));
        annees.forEach(a -> entetes.add(String.valueOf(a)));
        List<List<String>> lignes = new ArrayList<>();
        for (Fiche fiche : arbre.fichesDansLOrdre()) {
            List<String> ligne = new ArrayList<>(List.of(fiche.reference() == null ? "" : fiche.reference(), fiche.titre()));
            annees.forEach(a -> ligne.add(fiche.prevueEn(a) ? PREVUE : ""));
            lignes.add(ligne);
        }
        return new Document.Tableau("Programmation des actions par année", entetes, lignes, true);
    }
}
