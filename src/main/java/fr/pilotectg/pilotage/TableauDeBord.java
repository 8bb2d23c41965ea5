package fr.pilotectg.pilotage;

import java.time.LocalDate;
import java.util.List;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.evaluation.Situation;
import fr.pilotectg.gouvernance.ReunionsService.DecisionASuivre;

/** Everything the convention dashboard shows (figures computed as {@link StatutsEffectifs} defines them). */
public record TableauDeBord(Convention convention, boolean exemple, boolean modifiable, int anneeCourante,
                            int nombreFiches, Completion ensemble, String niveauThematique, List<Completion> parThematique,
                            String niveauAxe, List<Completion> parAxe, List<Completion> parAnnee,
                            List<Retard> retards, List<SuiviCampagne> campagnes, List<IndicateurVue> indicateurs,
                            List<CopilPrevu> copils, List<DecisionASuivre> decisionsASuivre, List<Graphique> graphiques) {

    public record Retard(String reference, String titre, int annee, Situation statut) {
    }

    public record FicheManquante(String reference, String titre) {
    }

    /** An open campaign: fiches asked, fiches that answered, and the ones still missing. */
    public record SuiviCampagne(String libelle, LocalDate dateLimite, int concernees, int repondues,
                                List<FicheManquante> manquantes) {
    }

    public record IndicateurVue(String fiche, String libelle, String unite, String base, Integer baseAnnee,
                                String cible, Integer cibleAnnee, String derniere, Integer derniereAnnee,
                                boolean marqueur, String atteinte) {
    }

    /** The plan's name of its axes, in lower case ("axe stratégique"). */
    public String libelleAxe() {
        return niveauAxe == null ? "axe" : niveauAxe.toLowerCase(java.util.Locale.FRENCH);
    }

    public String legendeDetail(String groupe) {
        return "Détail par " + groupe + " : fiches, fiches-années concernées jusqu'à " + anneeCourante
                + ", statuts et avancement pondéré";
    }

    public Graphique graphique(int index) {
        return graphiques.get(index);
    }
}
