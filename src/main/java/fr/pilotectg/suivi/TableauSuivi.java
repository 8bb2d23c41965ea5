package fr.pilotectg.suivi;

import java.util.List;

/** The shared follow-up table of a convention: one line per fiche, and progress rolled up to nodes and thématiques. */
public record TableauSuivi(long conventionId, String conventionTitre, List<StatutSuivi> statuts, List<LigneSuivi> lignes,
                           List<Agregat> parNoeud, String libelleThematiques, List<Agregat> parThematique,
                           Integer avancementGlobal, boolean modifiable) {
}
