package fr.pilotectg.pilotage;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One throw-away convention with a known follow-up, over five years around the current year Y (Y-3 … Y+1):
 * Thématique T1 › Axe A1 (FA1, FA2), Axe A2 (FA3); T2 › Axe A3 (FA4); FA5 outside the plan tree; FA6 deleted.
 * The expected figures are written next to the data in the tests that use it.
 */
record ScenarioDeSuivi(long convention, int annee, long fa1, long fa2, long fa3, long fa4, long fa5, long fa6,
                       long campagneOuverte) {

    static ScenarioDeSuivi creer(SuiviDeTest suivi, String prefixe) {
        int y = LocalDate.now().getYear();
        long c = suivi.convention(prefixe);
        suivi.periode(c, y - 3, y + 1);
        suivi.plan(c, "Thématique", "Axe stratégique", "Fiche action");
        long t1 = suivi.noeud(c, null, 0, "T1");
        long t2 = suivi.noeud(c, null, 0, "T2");
        long a1 = suivi.noeud(c, t1, 1, "A1");
        long a2 = suivi.noeud(c, t1, 1, "A2");
        long a3 = suivi.noeud(c, t2, 1, "A3");
        long fa1 = suivi.fiche(c, a1, "FA1", "Alpha", y - 3, y - 2);
        long fa2 = suivi.fiche(c, a1, "FA2", "Bravo");
        long fa3 = suivi.fiche(c, a2, "FA3", "Charlie", y - 1, y);
        long fa4 = suivi.fiche(c, a3, "FA4", "Delta", y - 2);
        long fa5 = suivi.fiche(c, null, "FA5", "Echo", y);
        long fa6 = suivi.fiche(c, a1, "FA6", "Foxtrot supprimée", y - 1);
        suivi.supprimer(fa6);

        suivi.statut(c, "FAIT", 100, "REALISE");
        suivi.statut(c, "COURS", 50, "EN_COURS");
        suivi.statut(c, "ABANDON", null, null);
        suivi.poids(fa1, 3);

        OffsetDateTime maintenant = OffsetDateTime.now();
        long ouverte = suivi.campagne(c, maintenant.minusDays(10), false, List.of(fa1, fa2, fa3, fa6));
        suivi.campagne(c, maintenant.minusDays(200), true, List.of(fa4));

        suivi.suivi(c, fa1, LocalDate.of(y - 3, 6, 1), "FAIT", null, null, maintenant.minusDays(900), false);
        suivi.suivi(c, fa1, LocalDate.of(y - 2, 6, 1), "COURS", 60, ouverte, maintenant.minusDays(30), false);
        suivi.suivi(c, fa2, LocalDate.of(y - 1, 3, 1), "ABANDON", null, null, maintenant.minusDays(300), false);
        suivi.suivi(c, fa2, LocalDate.of(y, 1, 2), "COURS", null, ouverte, maintenant.minusDays(1), true);
        suivi.suivi(c, fa3, LocalDate.of(y - 1, 2, 1), "FAIT", null, null, maintenant.minusDays(400), false);
        suivi.suivi(c, fa3, LocalDate.of(y - 1, 9, 1), "COURS", null, null, maintenant.minusDays(350), false);
        suivi.suivi(c, fa6, LocalDate.of(y - 1, 9, 1), "FAIT", 100, ouverte, maintenant.minusDays(5), false);

        suivi.ligneEvaluation(c, fa3, y - 1, "REALISE", "Trois ateliers tenus.");
        suivi.ligneEvaluation(c, fa4, y - 1, "REALISE", null);
        suivi.ligneEvaluation(c, fa6, y - 1, "REALISE", "Ne compte pas : fiche supprimée.");

        long places = suivi.indicateur(c, fa1, 0, "Places d'accueil", 10.0, y - 3, 20.0, y + 1);
        suivi.valeur(places, y - 2, 12.0, null);
        suivi.valeur(places, y - 1, 15.0, null);
        long familles = suivi.indicateur(c, fa3, 0, "Familles accompagnées", null, null, 40.0, y + 1);
        suivi.valeur(familles, y - 1, null, "NS");
        return new ScenarioDeSuivi(c, y, fa1, fa2, fa3, fa4, fa5, fa6, ouverte);
    }
}
