package fr.pilotectg.suivi;

import java.util.List;

import fr.pilotectg.plan.Fiche;

/** The follow-up page of a fiche: its history (latest first), the statuses to choose from, the rights. */
public record VueSuiviFiche(Fiche fiche, String conventionTitre, List<String> chemin, List<StatutSuivi> statuts,
                            List<MiseAJour> historique, boolean peutMettreAJour, Campagne campagneOuverte) {

    public StatutSuivi statut(String code) {
        return statuts.stream().filter(s -> s.code().equals(code)).findFirst().orElse(null);
    }
}
