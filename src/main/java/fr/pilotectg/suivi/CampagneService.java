package fr.pilotectg.suivi;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionAcces;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.organisation.OrganisationService;
import fr.pilotectg.organisation.UtilisateurConnecte;
import fr.pilotectg.plan.ArbrePlan;
import fr.pilotectg.plan.Fiche;
import fr.pilotectg.plan.FiltreFiches;
import fr.pilotectg.plan.OrganisationCitee;
import fr.pilotectg.plan.PlanService;
import fr.pilotectg.plan.VuePlan;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.Accords;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Introuvable;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Update campaigns: opening, closing, who answered, reminders, and what each organisation still has to update. */
@Service
public class CampagneService {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    private final SuiviRepository repository;
    private final ConventionService conventions;
    private final ConventionAcces acces;
    private final PlanService plans;
    private final OrganisationService organisations;
    private final EnvoiCourriels courriels;
    private final Journal journal;

    CampagneService(SuiviRepository repository, ConventionService conventions, ConventionAcces acces, PlanService plans,
                    OrganisationService organisations, EnvoiCourriels courriels, Journal journal) {
        this.repository = repository;
        this.conventions = conventions;
        this.acces = acces;
        this.plans = plans;
        this.organisations = organisations;
        this.courriels = courriels;
        this.journal = journal;
    }

    public List<Campagne> campagnes(long conventionId) {
        conventions.convention(conventionId);
        return repository.campagnes(conventionId);
    }

    /** The fiches of the plan in plan order, for the campaign form. */
    public List<Fiche> fiches(long conventionId) {
        if (plans.planSiExiste(conventionId).isEmpty()) {
            conventions.convention(conventionId);
            return List.of();
        }
        return plans.arbre(conventionId, FiltreFiches.AUCUN).fichesDansLOrdre();
    }

    /** Fiches proposed by default for a campaign of that year: those planned that year (no planned year = every year). */
    public static boolean proposeeEn(Fiche fiche, int annee) {
        return fiche.annees().isEmpty() || fiche.prevueEn(annee);
    }

    @Transactional
    public Campagne ouvrir(long conventionId, NouvelleCampagne saisie) {
        return ouvrir(conventionId, saisie, false);
    }

    /** An example campaign of the demo data; the application itself only. */
    @Transactional
    public Campagne ouvrirExemple(long conventionId, NouvelleCampagne saisie) {
        if (!UtilisateurConnecte.courant().estAdmin()) {
            throw new AccesRefuse("Seule l'application enregistre des données d'exemple.");
        }
        return ouvrir(conventionId, saisie, true);
    }

    private Campagne ouvrir(long conventionId, NouvelleCampagne saisie, boolean exemple) {
        Convention convention = gestionnaire(conventionId);
        Set<Long> fichesDuPlan = fiches(conventionId).stream().map(Fiche::id).collect(Collectors.toSet());
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        String libelle = saisie.libelle() == null ? "" : saisie.libelle().strip();
        if (libelle.isEmpty()) {
            erreurs.add(new ErreurValidation.Erreur("libelle", "Le libellé de la campagne est obligatoire."));
        }
        if (saisie.annee() == null) {
            erreurs.add(new ErreurValidation.Erreur("annee", "L'année est obligatoire."));
        } else if (convention.periode().estConnue() && !convention.periode().couvreAnnee(saisie.annee())) {
            erreurs.add(new ErreurValidation.Erreur("annee", "L'année doit être dans la période de la convention ("
                    + convention.periode().libelle() + ")."));
        }
        if (saisie.trimestre() == null || saisie.trimestre() < 1 || saisie.trimestre() > 4) {
            erreurs.add(new ErreurValidation.Erreur("trimestre", "Le trimestre est un nombre de 1 à 4."));
        }
        if (saisie.dateLimite() == null) {
            erreurs.add(new ErreurValidation.Erreur("dateLimite", "La date limite est obligatoire."));
        } else if (!exemple && saisie.dateLimite().isBefore(LocalDate.now())) {
            erreurs.add(new ErreurValidation.Erreur("dateLimite", "La date limite ne peut pas être passée."));
        }
        if (saisie.ficheIds().isEmpty()) {
            erreurs.add(new ErreurValidation.Erreur("ficheIds", "Cochez au moins une fiche."));
        } else if (!fichesDuPlan.containsAll(saisie.ficheIds())) {
            erreurs.add(new ErreurValidation.Erreur("ficheIds", "Certaines fiches cochées ne sont pas dans le plan de cette convention."));
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        NouvelleCampagne propre = new NouvelleCampagne(libelle, saisie.annee(), saisie.trimestre(), saisie.dateLimite(),
                List.copyOf(new LinkedHashSet<>(saisie.ficheIds())));
        long id = repository.insererCampagne(conventionId, propre, UtilisateurConnecte.courant().identifiant(), exemple);
        journal.enregistrer("campagne", id, conventionId, "ouverture de la campagne de mise à jour", List.of(
                new Changement("Campagne", null, libelle + " — " + Accords.de(propre.ficheIds().size(), "fiche") + ", date limite "
                        + DATE.format(propre.dateLimite()))));
        return repository.campagne(id).orElseThrow();
    }

    @Transactional
    public Campagne cloturer(long campagneId, int version) {
        Campagne campagne = campagne(campagneId);
        gestionnaire(campagne.conventionId());
        if (!repository.cloturer(campagneId, version)) {
            throw new ConflitDeModification("Cette campagne a été modifiée ou clôturée entre-temps : rechargez la page.");
        }
        journal.enregistrer("campagne", campagneId, campagne.conventionId(), "clôture de la campagne de mise à jour",
                List.of(new Changement("Campagne", campagne.libelle() + " (ouverte)", campagne.libelle() + " (clôturée)")));
        return repository.campagne(campagneId).orElseThrow();
    }

    public VueCampagne vue(long campagneId) {
        Campagne campagne = repository.campagne(campagneId).orElseThrow(() -> new Introuvable("Campagne " + campagneId + " introuvable."));
        VuePlan plan = plans.vuePlan(campagne.conventionId(), FiltreFiches.AUCUN).orElseThrow();
        Set<Long> concernees = new HashSet<>(repository.fichesDeLaCampagne(campagneId));
        Map<Long, MiseAJour> reponses = repository.reponses(campagneId);
        List<VueCampagne.Ligne> lignes = plan.arbre().fichesDansLOrdre().stream().filter(f -> concernees.contains(f.id()))
                .map(f -> new VueCampagne.Ligne(f.id(), f.reference(), f.titre(), SuiviService.porteurs(f), reponses.get(f.id())))
                .toList();
        return new VueCampagne(campagne, plan.convention().titre(), lignes, repository.relances(campagneId), plan.modifiable());
    }

    /**
     * Reminds every organisation that carries an unanswered fiche of the campaign: a reminder on its users' home
     * page, and an e-mail to them when SMTP is configured. A failed e-mail keeps the reminder and is reported.
     */
    @Transactional
    public ResultatRelance relancer(long campagneId) {
        Campagne campagne = campagne(campagneId);
        Convention convention = gestionnaire(campagne.conventionId());
        if (!campagne.ouverte()) {
            throw new ErreurValidation("campagne", "Cette campagne est clôturée : on ne relance plus.");
        }
        Map<Long, String> nonRepondantes = new LinkedHashMap<>();
        Map<Long, List<String>> fichesParOrganisation = new LinkedHashMap<>();
        for (VueCampagne.Ligne ligne : vue(campagneId).lignes()) {
            if (ligne.repondue()) {
                continue;
            }
            Fiche fiche = plans.fiche(ligne.ficheId()).fiche();
            for (OrganisationCitee porteur : fiche.champs().organisations("porteurs")) {
                if (porteur.estLiee()) {
                    nonRepondantes.putIfAbsent(porteur.organisationId(), porteur.nom());
                    fichesParOrganisation.computeIfAbsent(porteur.organisationId(), k -> new ArrayList<>())
                            .add((fiche.reference() == null ? "" : fiche.reference() + " — ") + fiche.titre());
                }
            }
        }
        List<String> envoyes = new ArrayList<>();
        List<String> nonEnvoyes = new ArrayList<>();
        String sujet = sujet(campagne, convention);
        nonRepondantes.forEach((organisationId, nom) -> {
            List<String> adresses = organisations.courrielsDesUtilisateurs(organisationId);
            Optional<Boolean> envoye = courriels.envoyer(adresses, sujet, texte(campagne, convention, fichesParOrganisation.get(organisationId)));
            envoye.ifPresent(ok -> (ok ? envoyes : nonEnvoyes).add(nom));
            repository.insererRelance(campagneId, organisationId, UtilisateurConnecte.courant().identifiant(),
                    adresses.isEmpty() ? null : String.join(", ", adresses), envoye.orElse(null));
        });
        journal.enregistrer("campagne", campagneId, campagne.conventionId(), "relance des non-répondants", List.of(
                new Changement("Organisations relancées", null, String.join(", ", nonRepondantes.values()))));
        return new ResultatRelance(List.copyOf(nonRepondantes.values()), envoyes, nonEnvoyes, courriels.configure());
    }

    static String sujet(Campagne campagne, Convention convention) {
        return "[Pilote CTG] Relance : mise à jour du suivi « " + campagne.libelle() + " » — " + convention.titre();
    }

    private static String texte(Campagne campagne, Convention convention, List<String> fiches) {
        return "Bonjour,\n\nLa campagne de mise à jour « " + campagne.libelle() + " » de la " + convention.titre()
                + " attend encore votre point de suivi pour :\n"
                + fiches.stream().map(f -> "  - " + f).collect(Collectors.joining("\n"))
                + "\n\nDate limite : " + DATE.format(campagne.dateLimite())
                + ".\nConnectez-vous à Pilote CTG : la liste « Mes actions à mettre à jour » de la page d'accueil mène au formulaire.\n";
    }

    /** Fiches carried by the current user's organisation that open campaigns still wait an update for. */
    /** One statement, whatever the number of open campaigns in France and of conventions the user may read. */
    public List<ActionAMettreAJour> mesActionsAMettreAJour() {
        UtilisateurConnecte utilisateur = UtilisateurConnecte.courant();
        if (utilisateur.organisationId() == null) {
            return List.of();
        }
        ConventionAcces.ConditionDeLecture lecture = acces.conditionDeLecturePour(utilisateur);
        return repository.actionsAMettreAJour(utilisateur.organisationId(), lecture.sql(), lecture.parametres());
    }

    public List<RelanceRecue> mesRelancesNonLues() {
        Long organisationId = UtilisateurConnecte.courant().organisationId();
        return organisationId == null ? List.of() : repository.relancesNonLues(organisationId);
    }

    @Transactional
    public void marquerLue(long relanceId) {
        Long organisationId = UtilisateurConnecte.courant().organisationId();
        Optional<Long> conventionId = organisationId == null ? Optional.empty() : repository.marquerLue(relanceId, organisationId);
        if (conventionId.isEmpty()) {
            throw new Introuvable("Rappel " + relanceId + " introuvable ou déjà lu.");
        }
        journal.enregistrer("relance", relanceId, conventionId.get(), "rappel marqué comme lu", List.of(new Changement("Rappel", "non lu", "lu")));
    }

    private Campagne campagne(long campagneId) {
        Campagne campagne = repository.campagne(campagneId).orElseThrow(() -> new Introuvable("Campagne " + campagneId + " introuvable."));
        conventions.convention(campagne.conventionId());
        return campagne;
    }

    private Convention gestionnaire(long conventionId) {
        Convention convention = conventions.convention(conventionId);
        if (!conventions.peutModifier(convention)) {
            throw new AccesRefuse("Seuls les gestionnaires de la convention ouvrent, clôturent et relancent les campagnes.");
        }
        return convention;
    }
}
