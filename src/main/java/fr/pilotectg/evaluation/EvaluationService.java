package fr.pilotectg.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.evaluation.EvaluationRepository.AnneeEnregistree;
import fr.pilotectg.evaluation.EvaluationRepository.DernierSuivi;
import fr.pilotectg.evaluation.EvaluationRepository.LigneEnregistree;
import fr.pilotectg.evaluation.EvaluationRepository.SousActionEnregistree;
import fr.pilotectg.organisation.UtilisateurConnecte;
import fr.pilotectg.plan.ArbrePlan;
import fr.pilotectg.plan.Fiche;
import fr.pilotectg.plan.FiltreFiches;
import fr.pilotectg.plan.PlanService;
import fr.pilotectg.plan.SousAction;
import fr.pilotectg.plan.SousActionsService;
import fr.pilotectg.plan.VuePlan;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.FormatFr;
import fr.pilotectg.shared.Introuvable;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual evaluation of a convention (annex "Évaluation annuelle", DOMAIN §4.8): one grid per year of the
 * period, its transversal axes and comments, and the COPIL validation that locks the year.
 *
 * <p>The effective line of fiche f for year y (the same rule serves the dashboards and bilans):
 * <ol>
 *   <li>the saved {@code evaluation_ligne} of (f, y) if any — origine ENREGISTRE;</li>
 *   <li>else NON_CONCERNE when f's planned years ({@code Fiche.annees()}) are known and do not contain y — DEFAUT;</li>
 *   <li>else, when the latest {@code suivi_fiche} of f dated in y (latest date_point, then latest id) has a status
 *       whose {@code statut_evaluation} is set: that status, résultats pre-filled with its "realisations", mention
 *       "pré-rempli depuis le suivi du &lt;date&gt;" — origine SUIVI;</li>
 *   <li>else NON_REALISE with the mention "à renseigner" — DEFAUT.</li>
 * </ol>
 * Years are those of the convention's period. Lines are those of the non-deleted fiches, in plan order.
 *
 * <p>Rights: readers of the convention read; its writers write everything; a porteur writes only the lines of
 * the fiches its organisation carries. A validated year is read-only for everybody (409) until an administrator
 * unlocks it, giving a reason kept in the journal.
 */
@Service
public class EvaluationService {

    private static final String CONFLIT = "Cette ligne a été modifiée par quelqu'un d'autre depuis que vous l'avez ouverte : "
            + "vos modifications n'ont pas été enregistrées. Rechargez la page pour voir la version actuelle.";

    private final EvaluationRepository repository;
    private final ConventionService conventions;
    private final PlanService plans;
    private final Journal journal;
    private final VerrouAnnee verrou;
    private final Clock horloge;
    private final SousActionsService sousActions;

    private final fr.pilotectg.gouvernance.CopilService copil;

    EvaluationService(EvaluationRepository repository, ConventionService conventions, PlanService plans, Journal journal,
                      VerrouAnnee verrou, Clock horloge, SousActionsService sousActions, fr.pilotectg.gouvernance.CopilService copil) {
        this.sousActions = sousActions;
        this.horloge = horloge;
        this.copil = copil;
        this.repository = repository;
        this.verrou = verrou;
        this.conventions = conventions;
        this.plans = plans;
        this.journal = journal;
    }

    /** The years that can be evaluated: those of the convention's period (empty while its dates are unknown). */
    public List<Integer> annees(long conventionId) {
        return PlanService.anneesPeriode(conventions.convention(conventionId));
    }

    /** The grid of a year as the current user sees it; 404 for a year outside the period. */
    public GrilleAnnuelle grille(long conventionId, int annee) {
        Optional<VuePlan> plan = plans.vuePlan(conventionId, FiltreFiches.AUCUN);
        Convention convention = plan.map(VuePlan::convention).orElseGet(() -> conventions.convention(conventionId));
        List<Integer> annees = anneesDeLaPeriode(convention, annee);
        AnneeEnregistree enregistree = repository.annee(conventionId, annee);
        boolean ouverte = enregistree.validation() == null;
        boolean redacteur = conventions.peutModifier(convention);
        List<GrilleAnnuelle.Groupe> groupes = plan.map(p -> groupes(p.arbre(), convention, annee, ouverte)).orElse(List.of());
        Map<AxeTransversal, AxeEvaluation> axes = repository.axes(conventionId, annee);
        return new GrilleAnnuelle(convention, annee, annees, groupes,
                Arrays.stream(AxeTransversal.values()).map(a -> axes.getOrDefault(a, AxeEvaluation.vide(a))).toList(),
                enregistree.commentaires(), enregistree.exemple(), enregistree.version(),
                Optional.ofNullable(enregistree.validation()), redacteur && ouverte,
                !ouverte && UtilisateurConnecte.courant().estAdmin());
    }

    /** The effective lines of a year, in plan order (see the class comment). */
    public List<LigneEvaluation> lignes(long conventionId, int annee) {
        return grille(conventionId, annee).lignes();
    }

    /** Whether the COPIL validated (and so locked) the year. */
    public boolean estValidee(long conventionId, int annee) {
        conventions.convention(conventionId);
        return repository.annee(conventionId, annee).validation() != null;
    }

    @Transactional
    public LigneEvaluation enregistrerLigne(long conventionId, int annee, long ficheId, SaisieLigne saisie) {
        VuePlan plan = plans.vuePlan(conventionId, FiltreFiches.AUCUN)
                .orElseThrow(() -> new Introuvable("Cette convention n'a pas encore de plan d'actions."));
        Convention convention = plan.convention();
        anneesDeLaPeriode(convention, annee);
        Fiche fiche = plan.arbre().fichesDansLOrdre().stream().filter(f -> f.id() == ficheId).findFirst()
                .orElseThrow(() -> new Introuvable("La fiche " + ficheId + " n'est pas dans le plan de cette convention."));
        if (!plans.peutModifier(convention, fiche)) {
            throw new AccesRefuse("Vous pouvez consulter l'évaluation de cette fiche mais pas la modifier.");
        }
        verrou.exigerOuverte(conventionId, annee);
        LigneEnregistree apres = lire(convention, ficheId, saisie);
        Optional<LigneEnregistree> avant = repository.ligne(ficheId, annee);
        String auteur = UtilisateurConnecte.identifiantCourantOuSysteme();
        boolean ecrite = apres.version() == 0 ? avant.isEmpty() && repository.insererLigne(conventionId, annee, apres, auteur)
                : repository.modifierLigne(annee, apres, auteur);
        if (!ecrite) {
            throw new ConflitDeModification(CONFLIT);
        }
        journal.enregistrer("evaluation", (long) annee, conventionId, "évaluation " + annee + " : " + libelle(fiche),
                Changement.entre(avant.map(EvaluationService::resume).orElse(Map.of()), resume(apres)));
        return lignes(conventionId, annee).stream().filter(l -> l.ficheId() == ficheId).findFirst().orElseThrow();
    }

    /**
     * Saves several lines of a year in one transaction (the whole-year entry page): every line is read and checked
     * first, then written with its own version. Any refusal (rights, a field, a version that moved) writes nothing
     * at all: {@link RefusDeLignes} names the lines in error (by field) and the lines in conflict.
     */
    @Transactional
    public List<LigneEvaluation> enregistrerLignes(long conventionId, int annee, Map<Long, SaisieLigne> saisies) {
        return enregistrerLignes(conventionId, annee, saisies, Map.of());
    }

    /**
     * Same, with sub-action lines too (ADR 0038), keyed by sub-action id; in {@link RefusDeLignes} their rows are
     * named « sa-&lt;id&gt; ». Fiche lines and sub-action lines are written all or nothing.
     */
    @Transactional
    public List<LigneEvaluation> enregistrerLignes(long conventionId, int annee, Map<Long, SaisieLigne> saisies,
                                                   Map<Long, SaisieSousAction> saisiesSousActions) {
        VuePlan plan = plans.vuePlan(conventionId, FiltreFiches.AUCUN)
                .orElseThrow(() -> new Introuvable("Cette convention n'a pas encore de plan d'actions."));
        Convention convention = plan.convention();
        anneesDeLaPeriode(convention, annee);
        Map<Long, Fiche> fiches = new LinkedHashMap<>();
        plan.arbre().fichesDansLOrdre().forEach(f -> fiches.put(f.id(), f));
        for (Long ficheId : saisies.keySet()) {
            Fiche fiche = fiches.get(ficheId);
            if (fiche == null) {
                throw new Introuvable("La fiche " + ficheId + " n'est pas dans le plan de cette convention.");
            }
            if (!plans.peutModifier(convention, fiche)) {
                throw new AccesRefuse("Vous pouvez consulter l'évaluation de la fiche " + libelle(fiche) + " mais pas la modifier.");
            }
        }
        Map<Long, Fiche> ficheDeSousAction = new LinkedHashMap<>();
        Map<Long, SousAction> sousActionsLues = new LinkedHashMap<>();
        if (!saisiesSousActions.isEmpty()) {
            sousActions.deLaConvention(conventionId).forEach((ficheId, liste) -> liste.forEach(sa -> {
                ficheDeSousAction.put(sa.id(), fiches.get(ficheId));
                sousActionsLues.put(sa.id(), sa);
            }));
        }
        for (Long sousActionId : saisiesSousActions.keySet()) {
            Fiche fiche = ficheDeSousAction.get(sousActionId);
            if (fiche == null) {
                throw new Introuvable("La sous-action " + sousActionId + " n'est pas dans le plan de cette convention.");
            }
            if (!plans.peutModifier(convention, fiche)) {
                throw new AccesRefuse("Vous pouvez consulter l'évaluation de la fiche " + libelle(fiche) + " mais pas la modifier.");
            }
        }
        verrou.exigerOuverte(conventionId, annee);
        Map<String, Map<String, String>> erreurs = new LinkedHashMap<>();
        Map<Long, SousActionEnregistree> luesSousActions = new LinkedHashMap<>();
        saisiesSousActions.forEach((sousActionId, saisie) -> {
            try {
                luesSousActions.put(sousActionId, lireSousAction(ficheDeSousAction.get(sousActionId).id(), sousActionId, saisie));
            } catch (ErreurValidation e) {
                erreurs.put("sa-" + sousActionId, EvaluationController.parChamp(e));
            }
        });
        Map<Long, LigneEnregistree> lues = new LinkedHashMap<>();
        saisies.forEach((ficheId, saisie) -> {
            try {
                lues.put(ficheId, lire(convention, ficheId, saisie));
            } catch (ErreurValidation e) {
                erreurs.put(String.valueOf(ficheId), EvaluationController.parChamp(e));
            }
        });
        if (!erreurs.isEmpty()) {
            throw new RefusDeLignes(erreurs, java.util.Set.of());
        }
        java.util.Set<String> conflits = new java.util.LinkedHashSet<>();
        String auteur = UtilisateurConnecte.identifiantCourantOuSysteme();
        lues.forEach((ficheId, apres) -> {
            Optional<LigneEnregistree> avant = repository.ligne(ficheId, annee);
            boolean ecrite = apres.version() == 0 ? avant.isEmpty() && repository.insererLigne(conventionId, annee, apres, auteur)
                    : repository.modifierLigne(annee, apres, auteur);
            if (!ecrite) {
                conflits.add(String.valueOf(ficheId));
                return;
            }
            journal.enregistrer("evaluation", (long) annee, conventionId, "évaluation " + annee + " : " + libelle(fiches.get(ficheId)),
                    Changement.entre(avant.map(EvaluationService::resume).orElse(Map.of()), resume(apres)));
        });
        luesSousActions.forEach((sousActionId, apres) -> {
            if (!ecrireSousAction(conventionId, annee, ficheDeSousAction.get(sousActionId), sousActionsLues.get(sousActionId),
                    apres, auteur)) {
                conflits.add("sa-" + sousActionId);
            }
        });
        if (!conflits.isEmpty()) {
            throw new RefusDeLignes(Map.of(), conflits);
        }
        return lignes(conventionId, annee);
    }

    /**
     * Saves the grid line of one sub-action (ADR 0038): same rights as its fiche's line (a porteur only for the
     * fiches its organisation carries), same lock of a validated year; French 400 naming the field, 409 when the
     * version moved. Returns the fiche's line, its sub-actions and roll-up included.
     */
    @Transactional
    public LigneEvaluation enregistrerSousAction(long conventionId, int annee, long sousActionId, SaisieSousAction saisie) {
        VuePlan plan = plans.vuePlan(conventionId, FiltreFiches.AUCUN)
                .orElseThrow(() -> new Introuvable("Cette convention n'a pas encore de plan d'actions."));
        Convention convention = plan.convention();
        anneesDeLaPeriode(convention, annee);
        Map<Long, Fiche> fiches = new LinkedHashMap<>();
        plan.arbre().fichesDansLOrdre().forEach(f -> fiches.put(f.id(), f));
        Fiche fiche = null;
        SousAction sousAction = null;
        for (Map.Entry<Long, List<SousAction>> e : sousActions.deLaConvention(conventionId).entrySet()) {
            for (SousAction sa : e.getValue()) {
                if (sa.id() == sousActionId && fiches.containsKey(e.getKey())) {
                    fiche = fiches.get(e.getKey());
                    sousAction = sa;
                }
            }
        }
        if (fiche == null) {
            throw new Introuvable("La sous-action " + sousActionId + " n'est pas dans le plan de cette convention.");
        }
        if (!plans.peutModifier(convention, fiche)) {
            throw new AccesRefuse("Vous pouvez consulter l'évaluation de cette fiche mais pas la modifier.");
        }
        verrou.exigerOuverte(conventionId, annee);
        SousActionEnregistree apres = lireSousAction(fiche.id(), sousActionId, saisie);
        if (!ecrireSousAction(conventionId, annee, fiche, sousAction, apres, UtilisateurConnecte.identifiantCourantOuSysteme())) {
            throw new ConflitDeModification(CONFLIT);
        }
        long ficheId = fiche.id();
        return lignes(conventionId, annee).stream().filter(l -> l.ficheId() == ficheId).findFirst().orElseThrow();
    }

    private boolean ecrireSousAction(long conventionId, int annee, Fiche fiche, SousAction sousAction, SousActionEnregistree apres,
                                     String auteur) {
        Optional<SousActionEnregistree> avant = repository.ligneSousAction(apres.sousActionId(), annee);
        boolean ecrite = apres.version() == 0 ? avant.isEmpty() && repository.insererSousAction(conventionId, annee, apres, auteur)
                : repository.modifierSousAction(annee, apres, auteur);
        if (ecrite) {
            journal.enregistrer("evaluation", (long) annee, conventionId, "évaluation " + annee + " : " + libelle(fiche)
                            + " › sous-action « " + sousAction.libelle() + " »",
                    Changement.entre(avant.map(EvaluationService::resume).orElse(Map.of()), resume(apres)));
        }
        return ecrite;
    }

    /** The status typed, or null with its error added. */
    private static StatutEvaluation statut(String saisi, List<ErreurValidation.Erreur> erreurs) {
        try {
            return StatutEvaluation.lire(saisi);
        } catch (ErreurValidation e) {
            erreurs.addAll(e.erreurs());
            return null;
        }
    }

    private static SousActionEnregistree lireSousAction(long ficheId, long sousActionId, SaisieSousAction saisie) {
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        StatutEvaluation statut = statut(saisie.statut(), erreurs);
        String resultats = Saisies.texte(saisie.resultats(), "resultats", "Résultats", erreurs);
        int version = version(saisie.version(), erreurs);
        Saisies.signaler(erreurs);
        return new SousActionEnregistree(sousActionId, ficheId, statut, resultats, version);
    }

    private static Map<String, Object> resume(SousActionEnregistree l) {
        Map<String, Object> resume = new LinkedHashMap<>();
        resume.put("Statut", l.statut().libelle());
        resume.put("Résultats", l.resultats());
        return resume;
    }

    @Transactional
    public AxeEvaluation enregistrerAxe(long conventionId, int annee, AxeTransversal axe, SaisieAxe saisie) {
        Convention convention = exigerRedacteur(conventionId, annee);
        verrou.exigerOuverte(conventionId, annee);
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        String ouvertures = Saisies.texte(saisie.ouvertures(), "ouvertures", "Ouvertures", erreurs);
        String fermetures = Saisies.texte(saisie.fermetures(), "fermetures", "Fermetures", erreurs);
        String faits = Saisies.texte(saisie.faitsMarquants(), "faitsMarquants", "Faits marquants", erreurs);
        if (!axe.aUnEtatDesLieux() && (ouvertures != null || fermetures != null || faits != null)) {
            erreurs.add(new ErreurValidation.Erreur("ouvertures", "Ouvertures, fermetures et faits marquants ne se renseignent "
                    + "que pour l'état des lieux de l'offre, pas pour « " + axe.libelle() + " »."));
        }
        AxeEvaluation apres = new AxeEvaluation(axe, ouvertures, fermetures, faits,
                Saisies.texte(saisie.resultats(), "resultats", "Résultats", erreurs),
                Saisies.texte(saisie.perspectives(), "perspectives", "Perspectives", erreurs),
                Saisies.texte(saisie.impacts(), "impacts", "Impacts sur le territoire", erreurs), false, version(saisie.version(), erreurs));
        Saisies.signaler(erreurs);
        AxeEvaluation avant = repository.axes(conventionId, annee).getOrDefault(axe, AxeEvaluation.vide(axe));
        boolean ecrit = apres.version() == 0 ? avant.estVide() && repository.insererAxe(conventionId, annee, apres)
                : repository.modifierAxe(conventionId, annee, apres);
        if (!ecrit) {
            throw new ConflitDeModification("Cet axe a été modifié par quelqu'un d'autre depuis que vous l'avez ouvert : "
                    + "vos modifications n'ont pas été enregistrées. Rechargez la page.");
        }
        journal.enregistrer("evaluation", (long) annee, convention.id(), "évaluation " + annee + " : axe « " + axe.libelle() + " »",
                Changement.entre(resume(avant), resume(apres)));
        return repository.axes(conventionId, annee).get(axe);
    }

    @Transactional
    public void enregistrerCommentaires(long conventionId, int annee, String commentaires, Integer version) {
        exigerRedacteur(conventionId, annee);
        AnneeEnregistree avant = verrou.exigerOuverte(conventionId, annee);
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        String texte = Saisies.texte(commentaires, "commentaires", "Commentaires", erreurs);
        int lue = version(version, erreurs);
        Saisies.signaler(erreurs);
        if (!repository.modifierCommentaires(conventionId, annee, texte, lue)) {
            throw new ConflitDeModification("Les commentaires ont été modifiés par quelqu'un d'autre depuis que vous avez ouvert "
                    + "la page : vos modifications n'ont pas été enregistrées. Rechargez la page.");
        }
        journal.enregistrer("evaluation", (long) annee, conventionId, "évaluation " + annee + " : commentaires",
                List.of(new Changement("Commentaires", avant.commentaires(), texte)));
    }

    /** Records the COPIL that validated the year: from then on the year is read-only. */
    @Transactional
    public void valider(long conventionId, int annee, String dateCopil, String decision) {
        exigerRedacteur(conventionId, annee);
        verrou.exigerOuverte(conventionId, annee);
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        LocalDate date = Saisies.date(dateCopil, "dateCopil", "Date du COPIL", erreurs);
        String texte = Saisies.texte(decision, "decision", "Décision du COPIL", erreurs);
        if (date == null && erreurs.isEmpty()) {
            erreurs.add(new ErreurValidation.Erreur("dateCopil", "La date du COPIL qui valide l'année est obligatoire."));
        } else if (date != null && date.getYear() < annee) {
            erreurs.add(new ErreurValidation.Erreur("dateCopil", "Date du COPIL : le " + FormatFr.date(date)
                    + " précède l'année évaluée (" + annee + ")."));
        }
        if (texte == null) {
            erreurs.add(new ErreurValidation.Erreur("decision", "La décision du COPIL est obligatoire (par exemple « évaluation adoptée »)."));
        }
        Saisies.signaler(erreurs);
        repository.valider(conventionId, annee, date, texte, UtilisateurConnecte.identifiantCourantOuSysteme());
        copil.enregistrerValidation(conventionId, annee, date, texte);
        journal.enregistrer("evaluation", (long) annee, conventionId, "validation de l'évaluation " + annee + " par le COPIL",
                List.of(new Changement("COPIL", null, FormatFr.date(date) + " — " + texte)));
    }

    /** Unlocks a validated year; administrators only, with a reason kept in the journal. */
    @Transactional
    public void deverrouiller(long conventionId, int annee, String motif) {
        anneesDeLaPeriode(conventions.convention(conventionId), annee);
        if (!UtilisateurConnecte.courant().estAdmin()) {
            throw new AccesRefuse("Seul un administrateur peut déverrouiller une année validée par le COPIL.");
        }
        if (motif == null || motif.isBlank()) {
            throw new ErreurValidation("motif", "Le motif du déverrouillage est obligatoire : il est conservé dans le journal.");
        }
        ValidationCopil validation = repository.verrouillerAnnee(conventionId, annee).validation();
        if (validation == null) {
            throw new ConflitDeModification("L'année " + annee + " n'est pas validée : il n'y a rien à déverrouiller.");
        }
        repository.deverrouiller(conventionId, annee);
        copil.annulerValidation(conventionId, annee);
        journal.enregistrer("evaluation", (long) annee, conventionId, "déverrouillage de l'évaluation " + annee, List.of(
                new Changement("COPIL", FormatFr.date(validation.dateCopil()) + " — " + validation.decision(), null),
                new Changement("Motif", null, motif.strip())));
    }

    /** Labels everything written for the year as example data (demo conventions). */
    @Transactional
    public void marquerCommeExemple(long conventionId, int annee) {
        exigerRedacteur(conventionId, annee);
        repository.marquerExemple(conventionId, annee);
    }

    private Convention exigerRedacteur(long conventionId, int annee) {
        Convention convention = conventions.convention(conventionId);
        anneesDeLaPeriode(convention, annee);
        if (!conventions.peutModifier(convention)) {
            throw new AccesRefuse("Vous pouvez consulter l'évaluation de cette convention mais pas la modifier.");
        }
        return convention;
    }

    private static List<Integer> anneesDeLaPeriode(Convention convention, int annee) {
        List<Integer> annees = PlanService.anneesPeriode(convention);
        if (!annees.contains(annee)) {
            throw new Introuvable("L'année " + annee + " n'est pas dans la période de la convention ("
                    + convention.periode().libelle() + ").");
        }
        return annees;
    }

    private List<GrilleAnnuelle.Groupe> groupes(ArbrePlan arbre, Convention convention, int annee, boolean ouverte) {
        Map<Long, LigneEnregistree> enregistrees = repository.lignes(convention.id(), annee);
        Map<Long, DernierSuivi> suivis = repository.derniersSuivis(convention.id(), annee);
        Map<Long, List<SousAction>> parFiche = sousActions.deLaConvention(convention.id());
        Map<Long, SousActionEnregistree> sousActionsEnregistrees = parFiche.isEmpty() ? Map.of()
                : repository.lignesSousActions(convention.id(), annee);
        Map<Long, DernierSuivi> suivisSousActions = parFiche.isEmpty() ? Map.of()
                : repository.derniersSuivisSousActions(convention.id(), annee);
        LocalDate aujourdhui = LocalDate.now(horloge);
        Function<Fiche, LigneEvaluation> ligne = f -> {
            boolean modifiable = ouverte && plans.peutModifier(convention, f);
            List<LigneSousActionEvaluation> lignesSousActions = parFiche.getOrDefault(f.id(), List.of()).stream()
                    .map(sa -> ligneSousAction(f, sa, annee, sousActionsEnregistrees.get(sa.id()), suivisSousActions.get(sa.id()),
                            modifiable)).toList();
            return situee(ligne(f, annee, enregistrees.get(f.id()), suivis.get(f.id()), modifiable).avecSousActions(lignesSousActions),
                    f, annee, !ouverte, aujourdhui);
        };
        List<GrilleAnnuelle.Groupe> groupes = new ArrayList<>();
        arbre.branches().forEach(b -> groupes.add(new GrilleAnnuelle.Groupe(b.noeud().rang(),
                b.niveau().nom() + (b.noeud().reference() == null ? "" : " " + b.noeud().reference()) + " : " + b.noeud().titre(),
                b.fiches().stream().map(ligne).toList())));
        if (!arbre.fichesHorsAxe().isEmpty()) {
            groupes.add(new GrilleAnnuelle.Groupe(0, null, arbre.fichesHorsAxe().stream().map(ligne).toList()));
        }
        return groupes;
    }

    /** The line situated on {@code aujourdhui} by the one rule ({@link SituationAnnuelle}). */
    static LigneEvaluation situee(LigneEvaluation ligne, Fiche f, int annee, boolean anneeValidee, LocalDate aujourdhui) {
        // The fiche's end month (plan dates, issue 10 item 6), null when it has none.
        return ligne.situee(SituationAnnuelle.de(annee, ligne.statut(), f.prevueEn(annee), f.fin(), anneeValidee, aujourdhui));
    }

    /** The effective line of a sub-action (see {@link LigneSousActionEvaluation}); without years of its own, the fiche's. */
    static LigneSousActionEvaluation ligneSousAction(Fiche f, SousAction sa, int annee, SousActionEnregistree enregistree,
                                                     DernierSuivi suivi, boolean modifiable) {
        List<Integer> annees = sa.annees().isEmpty() ? f.annees() : sa.annees();
        if (enregistree != null) {
            return new LigneSousActionEvaluation(sa.id(), f.id(), sa.libelle(), annees, sa.poids(), enregistree.statut(),
                    enregistree.resultats(), OrigineLigne.ENREGISTRE, null, enregistree.version(), modifiable);
        }
        if (!annees.isEmpty() && !annees.contains(annee)) {
            return new LigneSousActionEvaluation(sa.id(), f.id(), sa.libelle(), annees, sa.poids(), StatutEvaluation.NON_CONCERNE,
                    null, OrigineLigne.DEFAUT, null, 0, modifiable);
        }
        if (suivi != null && suivi.statutEvaluation() != null) {
            return new LigneSousActionEvaluation(sa.id(), f.id(), sa.libelle(), annees, sa.poids(), suivi.statutEvaluation(),
                    suivi.realisations(), OrigineLigne.SUIVI, "pré-rempli depuis le suivi du " + FormatFr.date(suivi.datePoint()),
                    0, modifiable);
        }
        return new LigneSousActionEvaluation(sa.id(), f.id(), sa.libelle(), annees, sa.poids(), StatutEvaluation.NON_REALISE,
                null, OrigineLigne.DEFAUT, "à renseigner", 0, modifiable);
    }

    /** The effective line (see the class comment). */
    static LigneEvaluation ligne(Fiche f, int annee, LigneEnregistree enregistree, DernierSuivi suivi, boolean modifiable) {
        if (enregistree != null) {
            return new LigneEvaluation(f.id(), f.reference(), f.titre(), f.annees(), enregistree.statut(), enregistree.datePrevue(),
                    enregistree.resultats(), enregistree.perspectives(), enregistree.impacts(), OrigineLigne.ENREGISTRE, null,
                    enregistree.exemple(), enregistree.version(), modifiable, null);
        }
        if (!f.annees().isEmpty() && !f.prevueEn(annee)) {
            return new LigneEvaluation(f.id(), f.reference(), f.titre(), f.annees(), StatutEvaluation.NON_CONCERNE, null,
                    null, null, null, OrigineLigne.DEFAUT, null, false, 0, modifiable, null);
        }
        if (suivi != null && suivi.statutEvaluation() != null) {
            return new LigneEvaluation(f.id(), f.reference(), f.titre(), f.annees(), suivi.statutEvaluation(), null,
                    suivi.realisations(), null, null, OrigineLigne.SUIVI,
                    "pré-rempli depuis le suivi du " + FormatFr.date(suivi.datePoint()), false, 0, modifiable, null);
        }
        return new LigneEvaluation(f.id(), f.reference(), f.titre(), f.annees(), StatutEvaluation.NON_REALISE, null,
                null, null, null, OrigineLigne.DEFAUT, "à renseigner", false, 0, modifiable, null);
    }

    private static LigneEnregistree lire(Convention convention, long ficheId, SaisieLigne saisie) {
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        StatutEvaluation statut = statut(saisie.statut(), erreurs);
        LocalDate datePrevue = Saisies.date(saisie.datePrevue(), "datePrevue", "Date prévue", erreurs);
        LocalDate debut = convention.periode().dateDebut();
        LocalDate fin = convention.periode().dateFin();
        if (datePrevue != null && debut != null && fin != null && (datePrevue.isBefore(debut) || datePrevue.isAfter(fin))) {
            erreurs.add(new ErreurValidation.Erreur("datePrevue", "Date prévue : le " + FormatFr.date(datePrevue)
                    + " est hors de la période de la convention (" + convention.periode().libelle() + ")."));
        }
        String resultats = Saisies.texte(saisie.resultats(), "resultats", "Résultats", erreurs);
        String perspectives = Saisies.texte(saisie.perspectives(), "perspectives", "Perspectives", erreurs);
        String impacts = Saisies.texte(saisie.impacts(), "impacts", "Impacts", erreurs);
        int version = version(saisie.version(), erreurs);
        Saisies.signaler(erreurs);
        // A planned date only makes sense for what is not done yet.
        return new LigneEnregistree(ficheId, statut, statut == StatutEvaluation.REALISE ? null : datePrevue,
                resultats, perspectives, impacts, false, version);
    }

    private static int version(Integer version, List<ErreurValidation.Erreur> erreurs) {
        if (version == null || version < 0) {
            erreurs.add(new ErreurValidation.Erreur("version", "La version lue est obligatoire (0 pour ce qui n'a jamais été enregistré)."));
            return 0;
        }
        return version;
    }

    private static String libelle(Fiche fiche) {
        return (fiche.reference() == null ? "" : fiche.reference() + " — ") + fiche.titre();
    }

    private static Map<String, Object> resume(LigneEnregistree l) {
        Map<String, Object> resume = new LinkedHashMap<>();
        resume.put("Statut", l.statut().libelle());
        resume.put("Date prévue", l.datePrevue() == null ? null : FormatFr.date(l.datePrevue()));
        resume.put("Résultats", l.resultats());
        resume.put("Perspectives", l.perspectives());
        resume.put("Impacts", l.impacts());
        return resume;
    }

    private static Map<String, Object> resume(AxeEvaluation a) {
        Map<String, Object> resume = new LinkedHashMap<>();
        resume.put("Ouvertures", a.ouvertures());
        resume.put("Fermetures", a.fermetures());
        resume.put("Faits marquants", a.faitsMarquants());
        resume.put("Résultats", a.resultats());
        resume.put("Perspectives", a.perspectives());
        resume.put("Impacts sur le territoire", a.impacts());
        return resume;
    }
}
