package fr.pilotectg.suivi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.organisation.UtilisateurConnecte;
import fr.pilotectg.plan.ArbrePlan;
import fr.pilotectg.plan.Fiche;
import fr.pilotectg.plan.FiltreFiches;
import fr.pilotectg.plan.OrganisationCitee;
import fr.pilotectg.plan.PlanService;
import fr.pilotectg.plan.SousAction;
import fr.pilotectg.plan.SousActionsService;
import fr.pilotectg.plan.Vocabulaire;
import fr.pilotectg.plan.VueFiche;
import fr.pilotectg.plan.VuePlan;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.Accords;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Introuvable;
import fr.pilotectg.shared.Textes;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The shared follow-up of the fiches: statuses of a convention, dated updates, progress and its roll-up. */
@Service
public class SuiviService {

    /** Created for a convention at its first use of the follow-up. « En cours » counts 50 % unless the update says more. */
    static final List<StatutSuivi> STATUTS_PAR_DEFAUT = List.of(
            new StatutSuivi("NON_DEMARREE", "Non démarrée", 0, 1, "NON_REALISE", 0),
            new StatutSuivi("EN_COURS", "En cours", 50, 2, "EN_COURS", 0),
            new StatutSuivi("REALISEE", "Réalisée", 100, 3, "REALISE", 0),
            new StatutSuivi("REPORTEE", "Reportée", null, 4, "NON_REALISE", 0),
            new StatutSuivi("ABANDONNEE", "Abandonnée", null, 5, null, 0));

    private static final BigDecimal POIDS_PAR_DEFAUT = BigDecimal.ONE;
    private static final String ACTION_MISE_A_JOUR = "mise à jour du suivi";

    private final SuiviRepository repository;
    private final ConventionService conventions;
    private final PlanService plans;
    private final Journal journal;
    private final SousActionsService sousActions;

    SuiviService(SuiviRepository repository, ConventionService conventions, PlanService plans, Journal journal,
                 SousActionsService sousActions) {
        this.repository = repository;
        this.conventions = conventions;
        this.plans = plans;
        this.journal = journal;
        this.sousActions = sousActions;
    }

    // --- statuses ---

    @Transactional
    public List<StatutSuivi> statuts(long conventionId) {
        conventions.convention(conventionId);
        return statutsInitialises(conventionId);
    }

    public boolean peutConfigurer(long conventionId) {
        return conventions.peutModifier(conventions.convention(conventionId));
    }

    /** The convention's title, for breadcrumbs (the pages name the convention, not « Convention »). */
    public String titreConvention(long conventionId) {
        return conventions.convention(conventionId).titre();
    }

    @Transactional
    public StatutSuivi ajouterStatut(long conventionId, String libelle, Integer avancementDefaut, String statutEvaluation) {
        List<StatutSuivi> statuts = statutsModifiables(conventionId);
        String propre = libelleValide(libelle, statuts, null);
        verifierAvancement("avancementDefaut", avancementDefaut);
        String evaluation = evaluationValide(statutEvaluation);
        String code = codeLibre(propre, statuts);
        int ordre = statuts.stream().mapToInt(StatutSuivi::ordre).max().orElse(0) + 1;
        StatutSuivi statut = new StatutSuivi(code, propre, avancementDefaut, ordre, evaluation, 0);
        repository.insererStatut(conventionId, statut);
        journal.enregistrer("suivi_statut", null, conventionId, "ajout d'un statut de suivi", List.of(new Changement("Statut", null, propre)));
        return statut;
    }

    @Transactional
    public void modifierStatut(long conventionId, String code, String libelle, Integer avancementDefaut, String statutEvaluation,
                               Integer version) {
        List<StatutSuivi> statuts = statutsModifiables(conventionId);
        StatutSuivi avant = statutAJour(statuts, code, version);
        String propre = libelleValide(libelle, statuts, code);
        verifierAvancement("avancementDefaut", avancementDefaut);
        StatutSuivi apres = new StatutSuivi(code, propre, avancementDefaut, avant.ordre(), evaluationValide(statutEvaluation), avant.version());
        if (!repository.modifierStatut(conventionId, apres)) {
            throw conflit(avant);
        }
        journal.enregistrer("suivi_statut", null, conventionId, "modification d'un statut de suivi", Changement.entre(
                resume(avant), resume(apres)));
    }

    /** Moves a status one place up (sens &lt; 0) or down in the list. */
    @Transactional
    public void deplacerStatut(long conventionId, String code, int sens) {
        List<StatutSuivi> statuts = new ArrayList<>(statutsModifiables(conventionId));
        StatutSuivi statut = statutExistant(statuts, code);
        int position = statuts.indexOf(statut);
        int cible = Math.max(0, Math.min(statuts.size() - 1, position + Integer.signum(sens)));
        if (cible == position) {
            return;
        }
        List<String> avant = statuts.stream().map(StatutSuivi::libelle).toList();
        statuts.remove(position);
        statuts.add(cible, statut);
        for (int i = 0; i < statuts.size(); i++) {
            repository.ordonnerStatut(conventionId, statuts.get(i).code(), i + 1);
        }
        journal.enregistrer("suivi_statut", conventionId, conventionId, "ordre des statuts", List.of(new Changement("Ordre des statuts",
                String.join(", ", avant), String.join(", ", statuts.stream().map(StatutSuivi::libelle).toList()))));
    }

    @Transactional
    public void supprimerStatut(long conventionId, String code, Integer version) {
        StatutSuivi statut = statutAJour(statutsModifiables(conventionId), code, version);
        long utilisations = repository.utilisationsDuStatut(conventionId, code);
        if (utilisations > 0) {
            throw new ErreurValidation("statut", "Le statut « " + statut.libelle() + " » ne peut pas être supprimé : "
                    + Accords.de(utilisations, "mise à jour du suivi") + (utilisations > 1 ? " l'utilisent" : " l'utilise")
                    + ". Renommez-le plutôt.");
        }
        repository.supprimerStatut(conventionId, code);
        journal.enregistrer("suivi_statut", null, conventionId, "suppression d'un statut de suivi",
                List.of(new Changement("Statut", statut.libelle(), null)));
    }

    // --- updates of a fiche ---

    @Transactional
    public VueSuiviFiche suiviFiche(long ficheId) {
        VueFiche vue = plans.fiche(ficheId);
        Fiche fiche = vue.fiche();
        Campagne campagne = repository.campagneOuverteDeLaFiche(ficheId).flatMap(repository::campagne).orElse(null);
        List<StatutSuivi> statuts = statutsInitialises(fiche.conventionId());
        List<LigneSousAction> lignes = lignesSousActions(ficheId, statuts);
        return new VueSuiviFiche(fiche, vue.conventionTitre(), vue.chemin(), statuts,
                repository.historique(ficheId), vue.modifiable(), campagne, lignes, Avancements.desSousActions(lignes));
    }

    // --- updates of a sub-action (issue 10 item 2) ---

    /** The sub-actions of a fiche with their follow-up, in order. */
    private List<LigneSousAction> lignesSousActions(long ficheId, List<StatutSuivi> statuts) {
        List<SousAction> liste = sousActions.deLaFiche(ficheId);
        if (liste.isEmpty()) {
            return List.of();
        }
        Map<String, StatutSuivi> parCode = statuts.stream().collect(Collectors.toMap(StatutSuivi::code, Function.identity()));
        Map<Long, List<MiseAJourSousAction>> historiques = repository.historiqueDesSousActions(ficheId).stream()
                .collect(Collectors.groupingBy(MiseAJourSousAction::sousActionId));
        return liste.stream().map(s -> {
            List<MiseAJourSousAction> historique = historiques.getOrDefault(s.id(), List.of());
            MiseAJourSousAction derniere = historique.isEmpty() ? null : historique.get(0);
            StatutSuivi statut = derniere == null ? null : parCode.get(derniere.statut());
            return new LigneSousAction(s, derniere, statut, Avancements.effectif(derniere, statut), historique);
        }).toList();
    }

    /**
     * Records an update of one sub-action of a fiche: same rights as an update of the fiche (its porteurs, the
     * convention's managers), same checks (status of the convention, progress 0–100, date in the period, not future).
     */
    @Transactional
    public MiseAJourSousAction ajouterPourSousAction(long ficheId, long sousActionId, NouvelleMiseAJourSousAction saisie) {
        Fiche fiche = plans.fiche(ficheId).fiche();
        Convention convention = conventions.convention(fiche.conventionId());
        if (!plans.peutModifier(convention, fiche)) {
            throw new AccesRefuse("Vous pouvez consulter le suivi de cette fiche mais pas le mettre à jour : "
                    + "seuls les porteurs de la fiche et les gestionnaires de la convention le peuvent.");
        }
        SousAction sousAction = sousActions.deLaFiche(ficheId).stream().filter(s -> s.id() == sousActionId).findFirst()
                .orElseThrow(() -> new Introuvable("Cette fiche n'a pas de sous-action n° " + sousActionId + "."));
        if (saisie == null) {
            throw new ErreurValidation("corps", "Un objet {statut, avancement, datePoint, commentaire} est attendu.");
        }
        String commentaire = texte(saisie.commentaire());
        NouvelleMiseAJourSousAction propre = new NouvelleMiseAJourSousAction(saisie.statut() == null ? null : saisie.statut().trim(),
                saisie.avancement(), saisie.datePoint(), commentaire);
        List<StatutSuivi> statuts = statutsInitialises(convention.id());
        verifier(new NouvelleMiseAJour(propre.statut(), propre.avancement(), propre.datePoint(), null, null, null), statuts, convention);
        long id = repository.insererMiseAJourSousAction(convention.id(), ficheId, sousActionId, propre,
                UtilisateurConnecte.courant().identifiant(), UtilisateurConnecte.courant().organisationId());
        StatutSuivi statut = statutExistant(statuts, propre.statut());
        journal.enregistrer("fiche", ficheId, convention.id(), "mise à jour du suivi d'une sous-action", List.of(
                new Changement("Suivi de « " + sousAction.libelle() + " »", null, statut.libelle()
                        + (propre.avancement() == null ? "" : " (" + propre.avancement() + " %)") + " au " + propre.datePoint())));
        return repository.historiqueDesSousActions(ficheId).stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }

    /**
     * Records an update of a fiche, by a user who may change the convention or a porteur of the fiche. It is
     * linked to the open campaign that includes the fiche, if any.
     */
    @Transactional
    public MiseAJour ajouter(long ficheId, NouvelleMiseAJour saisie) {
        return enregistrer(ficheId, saisie, UtilisateurConnecte.courant().identifiant(), false);
    }

    /** An example update of the demo data, written in the name of a demo user; the application itself only. */
    @Transactional
    public MiseAJour ajouterExemple(long ficheId, NouvelleMiseAJour saisie, String auteur) {
        if (!UtilisateurConnecte.courant().estAdmin()) {
            throw new AccesRefuse("Seule l'application enregistre des données d'exemple.");
        }
        return enregistrer(ficheId, saisie, auteur, true);
    }

    private MiseAJour enregistrer(long ficheId, NouvelleMiseAJour saisie, String auteur, boolean exemple) {
        Fiche fiche = plans.fiche(ficheId).fiche();
        Convention convention = conventions.convention(fiche.conventionId());
        exigerDroit(convention, fiche);
        NouvelleMiseAJour propre = propre(saisie);
        List<StatutSuivi> statuts = statutsInitialises(convention.id());
        verifier(propre, statuts, convention);
        Long campagneId = repository.campagneOuverteDeLaFiche(ficheId).orElse(null);
        long id = repository.insererMiseAJour(convention.id(), ficheId, campagneId, propre, auteur,
                UtilisateurConnecte.courant().organisationId(), exemple);
        journal.enregistrer("fiche", ficheId, convention.id(), ACTION_MISE_A_JOUR, changements(propre, statuts));
        return repository.historique(ficheId).stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }

    /**
     * Updates of several fiches of a convention at once (its follow-up table imported back), all or none: the checks and
     * records of {@link #ajouter} for each, with the convention, its fiches, statuses and open campaigns read once and
     * the updates and their journal entries written in two JDBC batches.
     */
    @Transactional
    public void ajouterPlusieurs(long conventionId, Map<Long, NouvelleMiseAJour> saisies) {
        if (saisies.isEmpty()) {
            return;
        }
        Convention convention = conventions.convention(conventionId);
        Map<Long, Fiche> fiches = plans.arbre(conventionId, FiltreFiches.AUCUN).fichesDansLOrdre().stream()
                .collect(Collectors.toMap(Fiche::id, Function.identity()));
        List<StatutSuivi> statuts = statutsInitialises(conventionId);
        Map<Long, NouvelleMiseAJour> propres = new LinkedHashMap<>();
        Map<Long, List<Changement>> changements = new LinkedHashMap<>();
        saisies.forEach((ficheId, saisie) -> {
            Fiche fiche = fiches.get(ficheId);
            if (fiche == null) {
                throw new Introuvable("Fiche " + ficheId + " introuvable dans cette convention.");
            }
            exigerDroit(convention, fiche);
            NouvelleMiseAJour propre = propre(saisie);
            verifier(propre, statuts, convention);
            propres.put(ficheId, propre);
            changements.put(ficheId, changements(propre, statuts));
        });
        repository.insererMisesAJour(conventionId, propres, repository.campagnesOuvertesDesFiches(conventionId),
                UtilisateurConnecte.courant().identifiant(), UtilisateurConnecte.courant().organisationId());
        journal.enregistrerPourChacun("fiche", conventionId, ACTION_MISE_A_JOUR, changements);
    }

    private void exigerDroit(Convention convention, Fiche fiche) {
        if (!plans.peutModifier(convention, fiche)) {
            throw new AccesRefuse("Vous pouvez consulter le suivi de cette fiche mais pas le mettre à jour : "
                    + "seuls les porteurs de la fiche et les gestionnaires de la convention le peuvent.");
        }
    }

    private static NouvelleMiseAJour propre(NouvelleMiseAJour saisie) {
        return new NouvelleMiseAJour(saisie.statut() == null ? null : saisie.statut().trim(),
                saisie.avancement(), saisie.datePoint(), texte(saisie.miseEnOeuvre()),
                texte(saisie.realisations()), texte(saisie.difficultes()));
    }

    private static List<Changement> changements(NouvelleMiseAJour propre, List<StatutSuivi> statuts) {
        StatutSuivi statut = statutExistant(statuts, propre.statut());
        return List.of(new Changement("Statut de suivi", null, statut.libelle()
                + (propre.avancement() == null ? "" : " (" + propre.avancement() + " %)") + " au " + propre.datePoint()));
    }

    private static void verifier(NouvelleMiseAJour saisie, List<StatutSuivi> statuts, Convention convention) {
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        if (saisie.statut() == null || saisie.statut().isEmpty()) {
            erreurs.add(new ErreurValidation.Erreur("statut", "Le statut est obligatoire."));
        } else if (statuts.stream().noneMatch(s -> s.code().equals(saisie.statut()))) {
            erreurs.add(new ErreurValidation.Erreur("statut", "Statut inconnu : « " + saisie.statut()
                    + " ». Choisissez un des statuts de la convention : "
                    + statuts.stream().map(StatutSuivi::libelle).collect(Collectors.joining(", ")) + "."));
        }
        if (saisie.avancement() != null && (saisie.avancement() < 0 || saisie.avancement() > 100)) {
            erreurs.add(new ErreurValidation.Erreur("avancement", "L'avancement doit être compris entre 0 et 100 %."));
        }
        LocalDate date = saisie.datePoint();
        LocalDate debut = convention.periode().dateDebut();
        LocalDate fin = convention.periode().dateFin();
        if (date == null) {
            erreurs.add(new ErreurValidation.Erreur("datePoint", "La date du point est obligatoire."));
        } else if (date.isAfter(LocalDate.now())) {
            erreurs.add(new ErreurValidation.Erreur("datePoint", "La date du point ne peut pas être dans le futur."));
        } else if ((debut != null && date.isBefore(debut)) || (fin != null && date.isAfter(fin))) {
            erreurs.add(new ErreurValidation.Erreur("datePoint", "La date du point doit être dans la période de la convention ("
                    + convention.periode().libelle() + ")."));
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
    }

    // --- table and roll-up ---

    @Transactional
    public TableauSuivi tableau(long conventionId) {
        Optional<VuePlan> planExistant = plans.vuePlan(conventionId, FiltreFiches.AUCUN);
        if (planExistant.isEmpty()) {
            // A new convention has no plan yet: an empty table, not "Page introuvable".
            Convention convention = conventions.convention(conventionId);
            return new TableauSuivi(conventionId, convention.titre(), statutsInitialises(conventionId), List.of(), List.of(),
                    "Thématique", List.of(), null, conventions.peutModifier(convention));
        }
        VuePlan vue = planExistant.get();
        Convention convention = vue.convention();
        ArbrePlan arbre = vue.arbre();
        List<StatutSuivi> statuts = statutsInitialises(conventionId);
        Map<String, StatutSuivi> parCode = statuts.stream().collect(Collectors.toMap(StatutSuivi::code, Function.identity()));
        Map<Long, MiseAJour> dernieres = repository.dernieresMisesAJour(conventionId);
        Map<Long, BigDecimal> poids = repository.poids(conventionId);
        Map<Long, Integer> parSousActions = avancementsParSousActions(conventionId, parCode);
        Map<Long, LigneSuivi> lignes = new LinkedHashMap<>();
        for (Fiche fiche : arbre.fichesDansLOrdre()) {
            MiseAJour derniere = dernieres.get(fiche.id());
            StatutSuivi statut = derniere == null ? null : parCode.get(derniere.statut());
            Integer roule = parSousActions.get(fiche.id());
            lignes.put(fiche.id(), new LigneSuivi(fiche, arbre.chemin(fiche.noeudId()), porteurs(fiche), derniere, statut,
                    roule != null ? roule : Avancements.effectif(derniere, statut), poids.getOrDefault(fiche.id(), POIDS_PAR_DEFAUT)));
        }
        List<Agregat> parNoeud = arbre.branches().map(b -> new Agregat(b.niveau().nom(), b.noeud().reference(),
                b.noeud().titre(), b.noeud().rang(), b.nombreFiches(),
                Avancements.moyennePonderee(b.toutesLesFiches().map(f -> lignes.get(f.id())).toList()))).toList();
        boolean thematiquesEnTete = arbre.plan().niveau(0).nom().toLowerCase(Locale.ROOT).contains("thématique");
        List<Agregat> parThematique = thematiquesEnTete
                ? parNoeud.stream().filter(a -> a.profondeur() == 0).toList()
                : parChampDIntervention(lignes.values());
        String libelleThematiques = thematiquesEnTete ? arbre.plan().niveau(0).nom() : "Champ d'intervention";
        return new TableauSuivi(conventionId, convention.titre(), statuts, List.copyOf(lignes.values()), parNoeud,
                libelleThematiques, parThematique, Avancements.moyennePonderee(lignes.values()), vue.modifiable());
    }

    /** The progress of each fiche that has sub-actions (weighing something), rolled up from them. */
    private Map<Long, Integer> avancementsParSousActions(long conventionId, Map<String, StatutSuivi> parCode) {
        Map<Long, List<SousAction>> parFiche = sousActions.deLaConvention(conventionId);
        if (parFiche.isEmpty()) {
            return Map.of();
        }
        Map<Long, MiseAJourSousAction> dernieres = repository.dernieresDesSousActions(conventionId);
        Map<Long, Integer> resultat = new java.util.HashMap<>();
        parFiche.forEach((ficheId, liste) -> {
            Integer avancement = Avancements.desSousActions(liste.stream().map(s -> {
                MiseAJourSousAction derniere = dernieres.get(s.id());
                StatutSuivi statut = derniere == null ? null : parCode.get(derniere.statut());
                return new LigneSousAction(s, derniere, statut, Avancements.effectif(derniere, statut), List.of());
            }).toList());
            if (avancement != null) {
                resultat.put(ficheId, avancement);
            }
        });
        return resultat;
    }

    /** Plans without a thématique level: the fiches' « champs d'intervention » (a fiche counts in each of its fields). */
    private static List<Agregat> parChampDIntervention(Collection<LigneSuivi> lignes) {
        Map<String, List<LigneSuivi>> groupes = new LinkedHashMap<>();
        for (LigneSuivi ligne : lignes) {
            for (String champ : ligne.fiche().champs().liste("champsIntervention")) {
                groupes.computeIfAbsent(Vocabulaire.CHAMPS_INTERVENTION.libelle(champ).orElse(champ), k -> new ArrayList<>()).add(ligne);
            }
        }
        return groupes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new Agregat("Champ d'intervention", null, e.getKey(), 0, e.getValue().size(),
                        Avancements.moyennePonderee(e.getValue())))
                .toList();
    }

    /** Every update of the convention's fiches, by fiche then latest first, for those who may read the convention. */
    @Transactional(readOnly = true)
    public List<MiseAJour> historiqueDeLaConvention(long conventionId) {
        conventions.convention(conventionId);
        return repository.historiqueDeLaConvention(conventionId);
    }

    @Transactional
    public void definirPoids(long ficheId, BigDecimal poids) {
        Fiche fiche = plans.fiche(ficheId).fiche();
        if (!conventions.peutModifier(conventions.convention(fiche.conventionId()))) {
            throw new AccesRefuse("Seuls les gestionnaires de la convention changent le poids des fiches.");
        }
        if (poids == null || poids.signum() < 0 || poids.compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw new ErreurValidation("poids", "Le poids doit être un nombre entre 0 et 1000 (1 par défaut).");
        }
        repository.definirPoids(ficheId, poids);
        journal.enregistrer("fiche", ficheId, fiche.conventionId(), "poids dans le suivi",
                List.of(new Changement("Poids", null, poids.stripTrailingZeros().toPlainString())));
    }

    static List<String> porteurs(Fiche fiche) {
        return fiche.champs().organisations("porteurs").stream().map(OrganisationCitee::nom).toList();
    }

    // --- helpers ---

    private List<StatutSuivi> statutsInitialises(long conventionId) {
        List<StatutSuivi> statuts = repository.statuts(conventionId);
        if (!statuts.isEmpty()) {
            return statuts;
        }
        STATUTS_PAR_DEFAUT.forEach(s -> repository.insererStatut(conventionId, s));
        return repository.statuts(conventionId);
    }

    private List<StatutSuivi> statutsModifiables(long conventionId) {
        Convention convention = conventions.convention(conventionId);
        if (!conventions.peutModifier(convention)) {
            throw new AccesRefuse("Seuls les gestionnaires de la convention configurent les statuts du suivi.");
        }
        return statutsInitialises(conventionId);
    }


    /** The status as the user saw it: a version older than the stored one means someone changed it meanwhile. */
    private static StatutSuivi statutAJour(List<StatutSuivi> statuts, String code, Integer version) {
        StatutSuivi statut = statutExistant(statuts, code);
        if (version == null || statut.version() != version) {
            throw conflit(statut);
        }
        return statut;
    }

    private static ConflitDeModification conflit(StatutSuivi statut) {
        return new ConflitDeModification("Le statut « " + statut.libelle() + " » a été modifié entre-temps par quelqu'un d'autre : "
                + "rechargez la page pour voir sa version actuelle ; rien n'a été enregistré.");
    }
    private static StatutSuivi statutExistant(List<StatutSuivi> statuts, String code) {
        return statuts.stream().filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new Introuvable("Statut de suivi « " + code + " » introuvable."));
    }

    private static String libelleValide(String libelle, List<StatutSuivi> statuts, String codeModifie) {
        String propre = libelle == null ? "" : libelle.trim();
        if (propre.isEmpty()) {
            throw new ErreurValidation("libelle", "Le libellé du statut est obligatoire.");
        }
        if (propre.length() > 60) {
            throw new ErreurValidation("libelle", "Le libellé du statut ne dépasse pas 60 caractères.");
        }
        Optional<StatutSuivi> homonyme = statuts.stream()
                .filter(s -> !s.code().equals(codeModifie) && s.libelle().equalsIgnoreCase(propre)).findFirst();
        if (homonyme.isPresent()) {
            throw new ErreurValidation("libelle", "Un statut s'appelle déjà « " + homonyme.get().libelle() + " ».");
        }
        return propre;
    }

    private static void verifierAvancement(String champ, Integer avancement) {
        if (avancement != null && (avancement < 0 || avancement > 100)) {
            throw new ErreurValidation(champ, "Le pourcentage par défaut doit être compris entre 0 et 100 %.");
        }
    }

    private static String evaluationValide(String statutEvaluation) {
        if (statutEvaluation == null || statutEvaluation.isBlank()) {
            return null;
        }
        if (!StatutSuivi.STATUTS_EVALUATION.contains(statutEvaluation)) {
            throw new ErreurValidation("statutEvaluation", "Correspondance inconnue pour l'évaluation annuelle : « "
                    + statutEvaluation + " » (réalisé, en cours de réalisation, non réalisé ou aucune).");
        }
        return statutEvaluation;
    }

    private static String codeLibre(String libelle, List<StatutSuivi> statuts) {
        String base = Textes.plier(libelle).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
        base = base.isEmpty() ? "STATUT" : base;
        String code = base;
        int suffixe = 2;
        while (statuts.stream().map(StatutSuivi::code).toList().contains(code)) {
            code = base + "_" + suffixe++;
        }
        return code;
    }

    private static String texte(String valeur) {
        return valeur == null || valeur.isBlank() ? null : valeur.strip();
    }

    private static Map<String, String> resume(StatutSuivi s) {
        Map<String, String> resume = new LinkedHashMap<>();
        resume.put("Libellé", s.libelle());
        resume.put("Pourcentage par défaut", s.avancementDefaut() == null ? null : s.avancementDefaut() + " %");
        resume.put("Évaluation annuelle", s.libelleEvaluation());
        return resume;
    }
}
