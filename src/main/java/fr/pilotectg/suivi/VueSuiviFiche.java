package fr.pilotectg.suivi;

import java.util.List;

import fr.pilotectg.plan.Fiche;

/**
 * The follow-up page of a fiche: its history (latest first), the statuses to choose from, the rights, and its
 * sub-actions each with its own follow-up (the fiche's progress rolls up from them when it has some).
 */
public record VueSuiviFiche(Fiche fiche, String conventionTitre, List<String> chemin, List<StatutSuivi> statuts,
                            List<MiseAJour> historique, boolean peutMettreAJour, Campagne campagneOuverte,
                            List<LigneSousAction> sousActions, Integer avancementDesSousActions) {

    public StatutSuivi statut(String code) {
        return statuts.stream().filter(s -> s.code().equals(code)).findFirst().orElse(null);
    }
}
