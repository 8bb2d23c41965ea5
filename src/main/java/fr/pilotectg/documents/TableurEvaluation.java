package fr.pilotectg.documents;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import fr.pilotectg.evaluation.AxeEvaluation;
import fr.pilotectg.evaluation.EvaluationService;
import fr.pilotectg.evaluation.GrilleAnnuelle;
import fr.pilotectg.evaluation.LigneEvaluation;
import fr.pilotectg.evaluation.StatutEvaluation;
import fr.pilotectg.shared.ErreurValidation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The annual evaluation grid of a year: the fiche lines, the transversal axes, the comments and the COPIL validation. */
@Component
class TableurEvaluation {

    private final EvaluationService evaluations;

    TableurEvaluation(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @Transactional(readOnly = true)
    TableurClasseur classeur(long conventionId, int annee) {
        List<Integer> annees = evaluations.annees(conventionId);
        if (!annees.contains(annee)) {
            throw new ErreurValidation("annee", annees.isEmpty()
                    ? "La période de la convention n'est pas encore fixée : aucune année à évaluer."
                    : "L'année " + annee + " est hors de la période de la convention (" + annees.get(0) + "–"
                    + annees.get(annees.size() - 1) + ").");
        }
        GrilleAnnuelle grille = evaluations.grille(conventionId, annee);
        List<String> statuts = Arrays.stream(StatutEvaluation.values()).map(StatutEvaluation::libelle).toList();
        List<TableurColonne> colonnes = List.of(TableurColonne.de("Axe / niveau du plan", 35), TableurColonne.de("Référence", 12),
                TableurColonne.de("Fiche action", 45), TableurColonne.liste("Statut " + annee, 24, statuts),
                TableurColonne.de("Situation", 22), TableurColonne.de("En retard", 10),
                TableurColonne.de("Réalisation prévue le", 14),
                TableurColonne.de("Résultats (état d'avancement et actions menées)", 50),
                TableurColonne.de("Perspectives", 40), TableurColonne.de("Impacts", 40), TableurColonne.de("Mention", 30));
        List<List<Object>> lignes = new ArrayList<>();
        for (GrilleAnnuelle.Groupe groupe : grille.groupes()) {
            for (LigneEvaluation l : groupe.lignes()) {
                List<Object> valeurs = new ArrayList<>();
                valeurs.add(groupe.intitule() == null ? "Fiches hors axe" : groupe.intitule());
                valeurs.add(l.reference());
                valeurs.add(l.titre());
                valeurs.add(l.statut() == null ? null : l.statut().libelle());
                valeurs.add(l.affichage() == null ? null : l.affichage().libelle());
                valeurs.add(l.situation() != null && l.situation().enRetard() ? "oui" : "non");
                valeurs.add(l.datePrevue());
                valeurs.add(l.resultats());
                valeurs.add(l.perspectives());
                valeurs.add(l.impacts());
                valeurs.add(l.mention());
                lignes.add(valeurs);
            }
        }
        List<TableurColonne> colonnesAxes = List.of(TableurColonne.de("Axe transversal", 30), TableurColonne.de("Ouvertures", 30),
                TableurColonne.de("Fermetures", 30), TableurColonne.de("Faits marquants", 30), TableurColonne.de("Résultats", 40),
                TableurColonne.de("Perspectives", 40), TableurColonne.de("Impacts sur le territoire", 40));
        List<List<Object>> axes = new ArrayList<>();
        for (AxeEvaluation a : grille.axes()) {
            axes.add(Arrays.asList(a.axe().libelle(), a.ouvertures(), a.fermetures(), a.faitsMarquants(), a.resultats(),
                    a.perspectives(), a.impacts()));
        }
        List<TableurColonne> colonnesCommentaires = List.of(TableurColonne.de("Rubrique", 24), TableurColonne.de("Texte", 100));
        List<List<Object>> commentaires = new ArrayList<>();
        commentaires.add(Arrays.asList("Commentaires", grille.commentaires()));
        grille.validation().ifPresent(v -> {
            commentaires.add(Arrays.asList("Date du COPIL", v.dateCopil()));
            commentaires.add(Arrays.asList("Décision du COPIL", v.decision()));
        });
        return new TableurClasseur("Évaluation " + annee + " - " + grille.convention().titre(), List.of(
                new TableurFeuille("Évaluation " + annee, colonnes, lignes),
                new TableurFeuille("Axes transversaux", colonnesAxes, axes),
                new TableurFeuille("Commentaires", colonnesCommentaires, commentaires)));
    }
}
