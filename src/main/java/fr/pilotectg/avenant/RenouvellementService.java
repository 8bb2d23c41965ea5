package fr.pilotectg.avenant;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionLiee;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.convention.NouvelleConvention;
import fr.pilotectg.convention.Partie;
import fr.pilotectg.convention.Representant;
import fr.pilotectg.evaluation.EvaluationService;
import fr.pilotectg.organisation.Organisation;
import fr.pilotectg.evaluation.LigneEvaluation;
import fr.pilotectg.evaluation.StatutEvaluation;
import fr.pilotectg.pilotage.EvaluationPrecedente;
import fr.pilotectg.pilotage.EvaluationPrecedenteService;
import fr.pilotectg.plan.ArbrePlan;
import fr.pilotectg.plan.ContenuFiche;
import fr.pilotectg.plan.Fiche;
import fr.pilotectg.plan.FiltreFiches;
import fr.pilotectg.plan.Noeud;
import fr.pilotectg.plan.Plan;
import fr.pilotectg.plan.PlanService;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Limites;
import fr.pilotectg.shared.Saisie;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Préparer la CTG suivante" (issue 14 item 7): a new convention in preparation from a signed or ended one — same Caf and
 * territory, its parties and representatives (to confirm), plan levels, the fiches ticked (linked to their predecessor),
 * the previous CTG's evaluation attached; the chain is kept both ways ({@code convention.predecesseur_id}).
 */
@Service
public class RenouvellementService {

    private static final Pattern ANNEES = Pattern.compile("(\\d{4})\\s*[-–]\\s*(\\d{4})");

    private final ConventionService conventions;
    private final PlanService plans;
    private final EvaluationService evaluations;
    private final EvaluationPrecedenteService evaluationsPrecedentes;

    RenouvellementService(ConventionService conventions, PlanService plans, EvaluationService evaluations,
                          EvaluationPrecedenteService evaluationsPrecedentes) {
        this.conventions = conventions;
        this.plans = plans;
        this.evaluations = evaluations;
        this.evaluationsPrecedentes = evaluationsPrecedentes;
    }

    /** Previous and next conventions of the chain, as far as the user may read them. */
    public ConventionLiee.Chaine chaine(long conventionId) {
        return chaine(conventions.convention(conventionId));
    }

    /** The chain around a convention the caller has already read (its reading right checked), in one statement. */
    public ConventionLiee.Chaine chaine(Convention convention) {
        return conventions.chaine(convention);
    }

    public boolean peutRenouveler(long conventionId) {
        return peutRenouveler(conventions.convention(conventionId));
    }

    /** The same for a convention the caller has already read. */
    public boolean peutRenouveler(Convention c) {
        return !c.statut().estAvantSignature() && conventions.peutModifier(c);
    }

    /** Fiches of the convention that may be carried over, in plan order. */
    public List<Fiche> fichesReconductibles(long conventionId) {
        return plans.planSiExiste(conventionId).isPresent()
                ? plans.arbre(conventionId, FiltreFiches.AUCUN).fichesDansLOrdre() : List.of();
    }

    @Transactional
    public Convention renouveler(long conventionId, SaisieRenouvellement saisie) {
        Convention source = conventions.convention(conventionId);
        if (!conventions.peutModifier(source)) {
            throw new AccesRefuse("Seuls les gestionnaires de la convention préparent la CTG suivante.");
        }
        if (source.statut().estAvantSignature()) {
            throw new ErreurValidation("statut", "Cette convention est « " + source.statut().libelle() + " » : seule une "
                    + "convention signée ou terminée se renouvelle. Rien n'a été créé.");
        }
        SaisieRenouvellement s = saisie == null ? new SaisieRenouvellement(List.of(), null, null, null) : saisie;
        List<Fiche> reconductibles = fichesReconductibles(conventionId);
        Map<Long, Fiche> parId = new HashMap<>();
        reconductibles.forEach(f -> parId.put(f.id(), f));
        Set<Long> cochees = new LinkedHashSet<>(s.fiches() == null ? List.of() : s.fiches());
        for (Long id : cochees) {
            if (id == null || !parId.containsKey(id)) {
                throw new ErreurValidation("fiches", "La fiche " + id + " n'est pas une fiche de cette convention. Rien n'a été créé.");
            }
        }
        Set<Long> parties = confirmes("parties", "L'organisation", "n'est pas partie à cette convention", s.parties(),
                source.parties().stream().map(Partie::organisationId).toList());
        Set<Long> representants = confirmes("representants", "Le mandat", "n'est pas celui d'un représentant de cette convention",
                s.representants(), source.representants().stream().map(Representant::mandatId).toList());
        LocalDate debut = s.dateDebut() != null ? s.dateDebut()
                : source.periode().dateFin() != null ? source.periode().dateFin().plusDays(1) : null;
        LocalDate fin = s.dateFin();
        if (fin == null && debut != null && source.periode().dateDebut() != null && source.periode().dateFin() != null) {
            long annees = Math.max(1, Math.round(ChronoUnit.DAYS.between(source.periode().dateDebut(), source.periode().dateFin()) / 365.25));
            fin = debut.plusYears(annees).minusDays(1);
        }
        String titre = s.titre() == null || s.titre().isBlank() ? titreSuivant(source.titre(), debut, fin) : s.titre().strip();
        Saisie.verifierTexte("titre", "Titre", titre, Limites.TITRE);
        Convention nouvelle = conventions.creer(new NouvelleConvention(titre, source.cafId(), source.territoireNom(), debut, fin, null));
        long id = nouvelle.id();
        // The Caf and the territory's EPCI are parties of any convention from its creation: always kept.
        for (Partie p : source.parties()) {
            if (!nouvelle.estPartie(p.organisationId()) && parties.contains(p.organisationId())) {
                nouvelle = conventions.ajouterPartie(id, nouvelle.version(), p.organisationId(), p.role(), p.nomImprime());
            }
        }
        for (Representant r : source.representants()) {
            Convention actuelle = nouvelle;
            // A representative follows its party: one of a party not carried over is not carried over either.
            if (representants.contains(r.mandatId()) && actuelle.estPartie(r.organisationId())
                    && actuelle.representants().stream().noneMatch(x -> x.mandatId() == r.mandatId())) {
                nouvelle = conventions.ajouterRepresentant(id, actuelle.version(), r.organisationId(), r.mandatId());
            }
        }
        conventions.definirPredecesseur(id, conventionId);
        reprendrePlan(conventionId, id, cochees, parId);
        evaluationsPrecedentes.enregistrer(id, evaluation(conventionId, source));
        return conventions.convention(id);
    }

    /** The Caf and the territory's EPCI: parties of any convention from its creation, so of the next one too. */
    public static boolean partieDeDroit(Convention c, Organisation organisation) {
        return organisation != null && (organisation.id() == c.cafId()
                || organisation.siren() != null && organisation.siren().equals(c.territoireSiren()));
    }

    /** The ids confirmed (all those of the source when none is given), each checked to be one of the source's. */
    private static Set<Long> confirmes(String champ, String libelle, String motif, List<Long> saisis, List<Long> source) {
        if (saisis == null) {
            return new LinkedHashSet<>(source);
        }
        for (Long id : saisis) {
            if (id == null || !source.contains(id)) {
                throw new ErreurValidation(champ, libelle + " " + id + " " + motif + ". Rien n'a été créé.");
            }
        }
        return new LinkedHashSet<>(saisis);
    }

    private void reprendrePlan(long sourceId, long cibleId, Set<Long> cochees, Map<Long, Fiche> parId) {
        Optional<Plan> plan = plans.planSiExiste(sourceId);
        if (plan.isEmpty()) {
            return;
        }
        Plan p = plan.get();
        plans.initialiser(cibleId, p.modele(), p.niveaux(), List.of(), List.of(), List.of());
        ArbrePlan arbre = plans.arbre(sourceId, FiltreFiches.AUCUN);
        Map<Long, Noeud> noeuds = new HashMap<>();
        arbre.branches().forEach(b -> noeuds.put(b.noeud().id(), b.noeud()));
        Map<Long, Long> copies = new HashMap<>();
        for (Long ficheId : cochees) {
            Fiche f = parId.get(ficheId);
            Long noeudCible = f.noeudId() == null ? null : copier(cibleId, f.noeudId(), noeuds, copies);
            Fiche creee = plans.creerFiche(cibleId, noeudCible, new ContenuFiche(null, f.titre(), f.champs(), null,
                    null, f.notes()));
            plans.lierAuPredecesseur(creee.id(), f.id());
        }
    }

    private Long copier(long cibleId, long noeudId, Map<Long, Noeud> noeuds, Map<Long, Long> copies) {
        Long deja = copies.get(noeudId);
        if (deja != null) {
            return deja;
        }
        Noeud n = noeuds.get(noeudId);
        Long parent = n.parentId() == null ? null : copier(cibleId, n.parentId(), noeuds, copies);
        Noeud copie = plans.ajouterNoeud(cibleId, parent, n.reference(), n.intituleManquant() ? null : n.titre(), n.texte(),
                n.objectifs(), null, n.contexte());
        copies.put(noeudId, copie.id());
        return copie.id();
    }

    /**
     * The previous CTG's evaluation: its axes (the plan's first level), and per axe the actions achieved (last evaluated
     * status « réalisé ») and those to consolidate (the others), from the annual evaluation grids.
     */
    private EvaluationPrecedente evaluation(long sourceId, Convention source) {
        List<EvaluationPrecedente.AxeRappele> axes = new ArrayList<>();
        List<EvaluationPrecedente.BilanThematique> bilans = new ArrayList<>();
        if (plans.planSiExiste(sourceId).isEmpty()) {
            return new EvaluationPrecedente(axes, bilans, null, List.of(), null);
        }
        Map<Long, StatutEvaluation> statuts = new HashMap<>();
        for (Integer annee : evaluations.annees(sourceId)) {
            for (LigneEvaluation l : evaluations.lignes(sourceId, annee)) {
                if (l.statut() != null) {
                    statuts.put(l.ficheId(), l.statut());
                }
            }
        }
        ArbrePlan arbre = plans.arbre(sourceId, FiltreFiches.AUCUN);
        int numero = 1;
        for (ArbrePlan.Branche racine : arbre.racines()) {
            axes.add(new EvaluationPrecedente.AxeRappele(numero++, racine.noeud().titre(), racine.noeud().objectifs()));
            List<String> realisees = new ArrayList<>();
            List<String> aConsolider = new ArrayList<>();
            racine.toutesLesFiches().forEach(f -> (statuts.get(f.id()) == StatutEvaluation.REALISE ? realisees : aConsolider)
                    .add((f.reference() == null ? "" : f.reference() + " — ") + f.titre()));
            bilans.add(new EvaluationPrecedente.BilanThematique(racine.noeud().titre(), realisees, aConsolider));
        }
        return new EvaluationPrecedente(axes, bilans, null,
                List.of("Évaluation reprise de « " + source.titre() + " » lors de la préparation de la CTG suivante."), null);
    }

    static String titreSuivant(String titre, LocalDate debut, LocalDate fin) {
        String annees = (debut == null ? "" : String.valueOf(debut.getYear())) + "-" + (fin == null ? "…" : String.valueOf(fin.getYear()));
        Matcher m = ANNEES.matcher(titre);
        return m.find() ? m.replaceFirst(annees) : titre + " " + annees;
    }
}
