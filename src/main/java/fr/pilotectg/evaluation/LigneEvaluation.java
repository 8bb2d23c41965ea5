package fr.pilotectg.evaluation;

import java.time.LocalDate;
import java.util.List;

/**
 * The effective line of a fiche in the grid of a year (see {@link EvaluationService} for how it is derived).
 * {@code version} is 0 while nothing is saved; {@code mention} says where a line that is not saved comes from
 * ("pré-rempli depuis le suivi du …", "à renseigner"); {@code modifiable} is for the current user.
 */
public record LigneEvaluation(long ficheId, String reference, String titre, List<Integer> anneesPrevues,
                              StatutEvaluation statut, LocalDate datePrevue, String resultats, String perspectives,
                              String impacts, OrigineLigne origine, String mention, boolean exemple, int version,
                              boolean modifiable, SituationAnnuelle situation, List<LigneSousActionEvaluation> sousActions,
                              Integer tauxSousActions) {

    public LigneEvaluation {
        sousActions = sousActions == null ? List.of() : List.copyOf(sousActions);
    }

    /** The same line without its sub-actions (the fiche's own rule), as built before ADR 0038. */
    LigneEvaluation(long ficheId, String reference, String titre, List<Integer> anneesPrevues, StatutEvaluation statut,
                    LocalDate datePrevue, String resultats, String perspectives, String impacts, OrigineLigne origine,
                    String mention, boolean exemple, int version, boolean modifiable, SituationAnnuelle situation) {
        this(ficheId, reference, titre, anneesPrevues, statut, datePrevue, resultats, perspectives, impacts, origine, mention,
                exemple, version, modifiable, situation, List.of(), null);
    }

    /** The line with its sub-actions' lines and, unless the fiche's own line is saved, the status they roll up to. */
    LigneEvaluation avecSousActions(List<LigneSousActionEvaluation> lignes) {
        if (lignes.isEmpty()) {
            return this;
        }
        CumulSousActions cumul = CumulSousActions.de(lignes);
        boolean renseignees = lignes.stream().anyMatch(l -> l.origine() != OrigineLigne.DEFAUT);
        if (origine == OrigineLigne.ENREGISTRE || !renseignees) {
            return new LigneEvaluation(ficheId, reference, titre, anneesPrevues, statut, datePrevue, resultats, perspectives,
                    impacts, origine, mention, exemple, version, modifiable, situation, lignes, cumul.taux());
        }
        return new LigneEvaluation(ficheId, reference, titre, anneesPrevues, cumul.statut(), datePrevue, resultats, perspectives,
                impacts, OrigineLigne.SOUS_ACTIONS, "calculé depuis les sous-actions"
                + (cumul.taux() == null ? "" : " (" + cumul.taux() + " % réalisé, pondéré)"), exemple, version, modifiable,
                situation, lignes, cumul.taux());
    }

    /** What the line shows on the grid (à venir, en cours d'année…), by {@link SituationAnnuelle}. */
    public Situation affichage() {
        return situation == null ? null : situation.situation();
    }

    /** The line situated on a day; a line to come is not « à renseigner » yet. */
    LigneEvaluation situee(SituationAnnuelle s) {
        return new LigneEvaluation(ficheId, reference, titre, anneesPrevues, statut, datePrevue, resultats, perspectives, impacts,
                origine, s.situation() == Situation.A_VENIR && origine == OrigineLigne.DEFAUT ? null : mention, exemple, version,
                modifiable, s, sousActions, tauxSousActions);
    }

    public String libelleFiche() {
        return (reference == null ? "" : reference + " — ") + titre;
    }
}
