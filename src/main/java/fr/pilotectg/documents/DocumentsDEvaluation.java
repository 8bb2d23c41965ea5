package fr.pilotectg.documents;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.evaluation.AxeEvaluation;
import fr.pilotectg.evaluation.EvaluationService;
import fr.pilotectg.evaluation.GrilleAnnuelle;
import fr.pilotectg.evaluation.LigneEvaluation;
import fr.pilotectg.evaluation.Situation;
import fr.pilotectg.pilotage.Bilan;
import fr.pilotectg.pilotage.BilanService;
import fr.pilotectg.pilotage.TypeBilan;
import fr.pilotectg.plan.PlanService;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.FormatFr;
import org.springframework.stereotype.Service;

/** The annual evaluation grid of a year (landscape) and the bilans with their synthesis. */
@Service
public class DocumentsDEvaluation {

    static final String NON_RENSEIGNE = "non renseigné";

    private final ConventionService conventions;
    private final EvaluationService evaluations;
    private final BilanService bilans;

    DocumentsDEvaluation(ConventionService conventions, EvaluationService evaluations, BilanService bilans) {
        this.conventions = conventions;
        this.evaluations = evaluations;
        this.bilans = bilans;
    }

    /** A year outside the period → 400 naming the years of the period (after the read right). */
    public Document grille(long conventionId, int annee) {
        Convention convention = conventions.convention(conventionId);
        List<Integer> annees = PlanService.anneesPeriode(convention);
        if (!annees.contains(annee)) {
            throw new ErreurValidation("annee", "L'année " + annee + " n'est pas dans la période de la convention ("
                    + convention.periode().libelle() + ")" + (annees.isEmpty() ? "." : " : choisissez parmi "
                    + annees.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "."));
        }
        GrilleAnnuelle grille = evaluations.grille(conventionId, annee);
        List<Document.Bloc> blocs = new ArrayList<>();
        blocs.add(new Document.Titre(1, "Code couleur"));
        blocs.add(new Document.Liste(grille.situations().stream()
                .map(s -> s.libelle() + " : " + grille.nombre(s) + " action" + (grille.nombre(s) > 1 ? "s" : "")).toList()));
        blocs.add(new Document.Titre(1, "Actions"));
        if (grille.groupes().isEmpty()) {
            blocs.add(Document.Paragraphe.de(DocumentConvention.PLAN_NON_RENSEIGNE));
        }
        for (GrilleAnnuelle.Groupe groupe : grille.groupes()) {
            blocs.add(new Document.Tableau(groupe.intitule() == null ? "Actions hors axe" : groupe.intitule(),
                    List.of("Action", "Situation " + annee, "Résultats", "Perspectives", "Impacts"),
                    groupe.lignes().stream().map(DocumentsDEvaluation::ligne).toList(), false,
                    groupe.lignes().stream().map(DocumentsDEvaluation::couleurs).toList()));
        }
        blocs.add(new Document.Titre(1, "Axes transversaux"));
        blocs.add(new Document.Tableau("Axes transversaux " + annee, List.of("Axe", "Faits marquants", "Ouvertures", "Fermetures", "Résultats",
                "Perspectives", "Impacts"), grille.axes().stream().map(DocumentsDEvaluation::axe).toList(), false));
        blocs.add(new Document.Titre(1, "Commentaires"));
        blocs.add(Document.Paragraphe.de(texte(grille.commentaires(), "Aucun commentaire.")));
        blocs.add(new Document.Titre(1, "Validation par le COPIL"));
        blocs.add(Document.Paragraphe.de(grille.validation().map(v -> "Grille validée par le COPIL du "
                        + (v.dateCopil() == null ? "(date non renseignée)" : FormatFr.date(v.dateCopil()))
                        + (v.decision() == null || v.decision().isBlank() ? "." : " : " + v.decision()))
                .orElse("Grille non encore validée par le COPIL.")));
        return new Document("Évaluation annuelle " + annee, convention.titre(), false, true, blocs);
    }

    private static List<String> ligne(LigneEvaluation l) {
        Situation situation = l.affichage();
        return List.of(l.libelleFiche(), situation == null ? NON_RENSEIGNE : situation.libelle(),
                texte(l.resultats(), ""), texte(l.perspectives(), ""), texte(l.impacts(), ""));
    }

    /** The situation's cell in the colour of the annex's code (its label stays written in it). */
    private static List<String> couleurs(LigneEvaluation l) {
        Situation situation = l.affichage();
        return Arrays.asList(null, situation == null ? null : situation.couleur(), null, null, null);
    }

    private static List<String> axe(AxeEvaluation a) {
        return List.of(a.axe().libelle(), texte(a.faitsMarquants(), ""), texte(a.ouvertures(), ""), texte(a.fermetures(), ""),
                texte(a.resultats(), ""), texte(a.perspectives(), ""), texte(a.impacts(), ""));
    }

    /** "intermediaire" or "final"; anything else → 400. */
    public static TypeBilan typeBilan(String valeur) {
        return Arrays.stream(TypeBilan.values()).filter(t -> t.chemin().equals(valeur)).findFirst()
                .orElseThrow(() -> new ErreurValidation("type", "Bilan inconnu : choisissez parmi "
                        + Arrays.stream(TypeBilan.values()).map(TypeBilan::chemin).collect(Collectors.joining(", ")) + "."));
    }

    public Document bilan(long conventionId, TypeBilan type) {
        Bilan bilan = bilans.bilan(conventionId, type);
        List<Document.Bloc> blocs = new ArrayList<>();
        blocs.add(Document.Paragraphe.de(bilan.aUnePeriode() ? "Années " + bilan.de() + " à " + bilan.a() + "." : "Période non renseignée."));
        blocs.add(new Document.Titre(1, "Synthèse"));
        for (Map.Entry<String, String> section : bilan.synthese().sections().entrySet()) {
            blocs.add(new Document.Titre(2, section.getKey()));
            blocs.add(Document.Paragraphe.de(texte(section.getValue(), "Non rédigé.")));
        }
        blocs.add(new Document.Titre(1, "Réalisation des actions par axe"));
        if (bilan.axes().isEmpty()) {
            blocs.add(Document.Paragraphe.de(DocumentConvention.PLAN_NON_RENSEIGNE));
        } else {
            if (bilan.graphique() != null && !bilan.graphique().estVide()) {
                blocs.add(new Document.Diagramme(bilan.graphique()));
            }
            blocs.add(new Document.Tableau("Situations des actions-années par axe", List.of("Axe", "Réalisé", "En cours de réalisation",
                    "Non réalisé", "En cours d'année", "À venir", "Non concerné"), bilan.axes().stream().map(a -> List.of(a.libelle(),
                    String.valueOf(a.realisees()), String.valueOf(a.enCours()), String.valueOf(a.nonRealisees()),
                    String.valueOf(a.enCoursDAnnee()), String.valueOf(a.aVenir()), String.valueOf(a.nonConcernees()))).toList(), false));
        }
        if (bilan.aDesResultats()) {
            blocs.add(new Document.Titre(1, "Résultats des actions"));
            for (Bilan.AxeBilan axe : bilan.axes()) {
                for (Bilan.FicheBilan fiche : axe.fichesAvecResultats()) {
                    blocs.add(new Document.Titre(2, fiche.intitule()));
                    blocs.add(new Document.Liste(fiche.resultats().stream().map(r -> r.annee() + " : " + r.texte()).toList()));
                }
            }
        }
        return new Document(type.libelle(), bilan.convention().titre(), false, blocs);
    }

    private static String texte(String texte, String siVide) {
        return texte == null || texte.isBlank() ? siVide : texte;
    }
}
