package fr.pilotectg.documents;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.evaluation.EvaluationService;
import fr.pilotectg.evaluation.GrilleAnnuelle;
import fr.pilotectg.evaluation.IndicateurSuivi;
import fr.pilotectg.evaluation.IndicateursService;
import fr.pilotectg.evaluation.Situation;
import fr.pilotectg.evaluation.ValeurIndicateur;
import fr.pilotectg.pilotage.Graphique;
import fr.pilotectg.pilotage.TableauDeBord;
import fr.pilotectg.pilotage.TableauDeBordService;
import fr.pilotectg.plan.PlanService;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.FormatFr;
import fr.pilotectg.gouvernance.ReunionsService;
import fr.pilotectg.suivi.LigneSuivi;
import fr.pilotectg.suivi.MiseAJour;
import fr.pilotectg.suivi.SuiviService;
import fr.pilotectg.suivi.TableauSuivi;
import org.springframework.stereotype.Service;

/**
 * The COPIL pack: every update since a date, the actions late, the dashboard's charts, the indicators against their
 * targets, the summary of the year's grid, the decisions of the governance's meetings still awaited, and the actions
 * planned next year.
 */
@Service
public class DocumentCopil {

    static final String AUCUNE_DECISION = "Aucune décision des instances en attente.";

    private final ConventionService conventions;
    private final SuiviService suivi;
    private final IndicateursService indicateurs;
    private final EvaluationService evaluations;
    private final TableauDeBordService tableauxDeBord;
    private final Clock horloge;

    DocumentCopil(ConventionService conventions, SuiviService suivi, IndicateursService indicateurs, EvaluationService evaluations,
                  TableauDeBordService tableauxDeBord, Clock horloge) {
        this.tableauxDeBord = tableauxDeBord;
        this.conventions = conventions;
        this.suivi = suivi;
        this.indicateurs = indicateurs;
        this.evaluations = evaluations;
        this.horloge = horloge;
    }

    /** "YYYY-MM-DD"; missing → 400 naming the field. */
    public static LocalDate depuis(String valeur) {
        if (valeur == null || valeur.isBlank()) {
            throw new ErreurValidation("depuis", "Indiquez la date du dernier COPIL (depuis=AAAA-MM-JJ).");
        }
        try {
            LocalDate date = LocalDate.parse(valeur.strip());
            if (date.getYear() < 2000 || date.getYear() > 2100) {
                throw new ErreurValidation("depuis", "La date « depuis » doit tomber entre 2000 et 2100.");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new ErreurValidation("depuis", "Date illisible : écrivez-la AAAA-MM-JJ, par exemple 2026-03-15.");
        }
    }

    public Document pack(long conventionId, LocalDate depuis) {
        Convention convention = conventions.convention(conventionId);
        LocalDate aujourdhui = LocalDate.now(horloge);
        TableauSuivi tableau = suivi.tableau(conventionId);
        List<Document.Bloc> blocs = new ArrayList<>();
        blocs.add(Document.Paragraphe.de("Avancement depuis le " + FormatFr.date(depuis) + ", état au " + FormatFr.date(aujourdhui) + "."));
        if (tableau.avancementGlobal() != null) {
            blocs.add(new Document.Paragraphe("Avancement global du plan :", tableau.avancementGlobal() + " %"));
        }

        blocs.add(new Document.Titre(1, "Mises à jour depuis le dernier COPIL"));
        Map<String, String> libelles = new HashMap<>();
        tableau.statuts().forEach(st -> libelles.put(st.code(), st.libelle()));
        Map<Long, LigneSuivi> parFiche = new HashMap<>();
        tableau.lignes().forEach(l -> parFiche.put(l.fiche().id(), l));
        // Every update dated since the day (not only the latest per fiche), in plan order, latest first within a fiche.
        Map<Long, List<MiseAJour>> miseAJourParFiche = new HashMap<>();
        suivi.historiqueDeLaConvention(conventionId).stream()
                .filter(m -> m.datePoint() != null && !m.datePoint().isBefore(depuis) && parFiche.containsKey(m.ficheId()))
                .forEach(m -> miseAJourParFiche.computeIfAbsent(m.ficheId(), k -> new ArrayList<>()).add(m));
        List<List<String>> recentes = new ArrayList<>();
        for (LigneSuivi ligne : tableau.lignes()) {
            for (MiseAJour m : miseAJourParFiche.getOrDefault(ligne.fiche().id(), List.of())) {
                recentes.add(List.of(FicheEnBlocs.intitule(ligne.fiche()), FormatFr.date(m.datePoint()),
                        m.statut() == null ? "" : libelles.getOrDefault(m.statut(), m.statut()),
                        m.avancement() == null ? "" : m.avancement() + " %", texte(m.realisations()), texte(m.difficultes())));
            }
        }
        blocs.add(recentes.isEmpty() ? Document.Paragraphe.de("Aucune mise à jour depuis le " + FormatFr.date(depuis) + ".")
                : new Document.Tableau("Mises à jour des actions depuis le " + FormatFr.date(depuis) + " (" + recentes.size() + ")",
                List.of("Action", "Date", "Statut", "Avancement", "Réalisations", "Difficultés"), recentes, false));

        blocs.add(new Document.Titre(1, "Actions en retard"));
        int annee = aujourdhui.getYear();
        List<LigneSuivi> enRetard = tableau.lignes().stream().filter(l -> l.fiche().annees().stream().anyMatch(a -> a < annee))
                .filter(l -> l.statut() == null || !"REALISE".equals(l.statut().statutEvaluation())).toList();
        blocs.add(Document.Paragraphe.de("Actions prévues avant " + annee + " et non déclarées réalisées au suivi."));
        blocs.add(enRetard.isEmpty() ? Document.Paragraphe.de("Aucune action en retard.")
                : new Document.Tableau("Actions en retard", List.of("Action", "Années prévues", "Statut au suivi", "Dernière mise à jour"),
                enRetard.stream().map(l -> List.of(FicheEnBlocs.intitule(l.fiche()), annees(l.fiche().annees()),
                        l.statut() == null ? "sans mise à jour" : l.statut().libelle(),
                        l.derniere() == null || l.derniere().datePoint() == null ? "aucune" : FormatFr.date(l.derniere().datePoint()))).toList(), false));

        // The dashboard's charts, the very ones its page draws (ADR 0046).
        TableauDeBord tableauDeBord = tableauxDeBord.tableau(conventionId);
        List<Graphique> graphiques = tableauDeBord.graphiques().stream().filter(g -> !g.estVide()).toList();
        if (!graphiques.isEmpty()) {
            blocs.add(new Document.Titre(1, "Réalisation du plan"));
            graphiques.forEach(g -> blocs.add(new Document.Diagramme(g)));
        }

        blocs.add(new Document.Titre(1, "Indicateurs et cibles"));
        List<IndicateurSuivi> suivis = indicateurs.indicateurs(conventionId).indicateurs();
        blocs.add(suivis.isEmpty() ? Document.Paragraphe.de("Aucun indicateur.")
                : new Document.Tableau("Indicateurs des fiches : base, cible et dernière valeur", List.of("Action", "Indicateur", "Base", "Cible", "Dernière valeur"),
                suivis.stream().map(i -> List.of((i.referenceFiche() == null ? "" : i.referenceFiche() + " – ") + i.titreFiche(), i.libelle(),
                        texte(i.texteBase()), texte(i.texteCible()), derniere(i))).toList(), false));

        blocs.add(new Document.Titre(1, "Évaluation de l'année " + annee));
        if (PlanService.anneesPeriode(convention).contains(annee)) {
            GrilleAnnuelle grille = evaluations.grille(conventionId, annee);
            blocs.add(new Document.Tableau("Synthèse de la grille " + annee, List.of("Situation", "Actions"),
                    grille.situations().stream().map(s -> List.of(s.libelle(), String.valueOf(grille.nombre(s)))).toList(), false));
            blocs.add(Document.Paragraphe.de(grille.validation().isPresent() ? "Grille validée par le COPIL." : "Décision attendue : validation de la grille "
                    + annee + " par le COPIL."));
        } else {
            blocs.add(Document.Paragraphe.de("L'année " + annee + " n'est pas dans la période de la convention (" + convention.periode().libelle() + ")."));
        }

        blocs.add(new Document.Titre(1, "Décisions attendues"));
        List<ReunionsService.DecisionASuivre> decisions = tableauDeBord.decisionsASuivre(); // the governance the dashboard read
        blocs.add(decisions.isEmpty() ? Document.Paragraphe.de(AUCUNE_DECISION)
                : new Document.Tableau("Décisions des instances à suivre (" + decisions.size() + ")",
                List.of("Décision", "Instance et réunion", "Responsable", "Échéance", "Statut"),
                decisions.stream().map(d -> List.of(d.decision().texte(), texte(d.reunion().instanceNom()) + " – " + d.reunion().dateAffichee(),
                        d.responsable(), d.decision().echeance() == null ? "non fixée" : FormatFr.date(d.decision().echeance()),
                        d.decision().statut().libelle())).toList(), false));

        blocs.add(new Document.Titre(1, "Prochaines étapes"));
        List<LigneSuivi> prochaines = tableau.lignes().stream().filter(l -> l.fiche().prevueEn(annee + 1)).toList();
        blocs.add(prochaines.isEmpty() ? Document.Paragraphe.de("Aucune action prévue en " + (annee + 1) + ".")
                : new Document.Liste(prochaines.stream().map(l -> FicheEnBlocs.intitule(l.fiche())).toList()));
        return new Document("Dossier du COPIL", convention.titre(), false, blocs);
    }

    private static String derniere(IndicateurSuivi indicateur) {
        Map.Entry<Integer, ValeurIndicateur> derniere = indicateur.valeurs().lastEntry();
        return derniere == null ? "aucune" : derniere.getValue().texte() + " (" + derniere.getKey() + ")";
    }

    private static String annees(List<Integer> annees) {
        return String.join(", ", annees.stream().map(String::valueOf).toList());
    }

    private static String texte(String texte) {
        return texte == null ? "" : texte;
    }
}
