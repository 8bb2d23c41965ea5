package fr.pilotectg.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.organisation.Organisation;
import fr.pilotectg.organisation.OrganisationService;
import fr.pilotectg.organisation.Role;
import fr.pilotectg.organisation.UtilisateurConnecte;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Introuvable;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Use cases of the action plan: reading the tree, editing, creating, moving, deleting fiches. */
@Service
public class PlanService {

    private static final String IMPLICATIONS_A_METTRE_A_JOUR = PlanService.class.getName() + ".implications.";
    private static final String CONFLIT_NOEUD = "Cet élément du plan a été modifié par quelqu'un d'autre depuis que vous l'avez ouvert : "
            + "rien n'a été enregistré. Rechargez la page pour voir la version actuelle.";
    private static final String CONFLIT = "Cette fiche a été modifiée par quelqu'un d'autre depuis que vous l'avez ouverte : "
            + "vos modifications n'ont pas été enregistrées. Rechargez la fiche pour voir la version actuelle, puis refaites vos changements.";

    /** Levels of a plan at most, the fiches' level included. */
    static final int NIVEAUX_MAX = 6;

    private final PlanRepository repository;
    private final ConventionService conventions;
    private final OrganisationService organisations;
    private final Journal journal;

    PlanService(PlanRepository repository, ConventionService conventions, OrganisationService organisations, Journal journal) {
        this.repository = repository;
        this.conventions = conventions;
        this.organisations = organisations;
        this.journal = journal;
    }

    public Optional<Plan> planSiExiste(long conventionId) {
        conventions.convention(conventionId);
        return repository.plan(conventionId);
    }

    /** Everything the plan page shows, read once: the convention, the filtered tree, the total, the rights. */
    public Optional<VuePlan> vuePlan(long conventionId, FiltreFiches filtre) {
        return vuePlan(conventionId, filtre, f -> true);
    }

    /** The plan page with one more criterion (a filter on an added field, see {@link ChampsAjoutesVue}). */
    Optional<VuePlan> vuePlan(long conventionId, FiltreFiches filtre, Predicate<Fiche> enPlus) {
        return vuePlan(conventionId, filtre, enPlus, repository::fiches);
    }

    /**
     * The programme page: every fiche with its title, years and deadlines, its fields left empty (reading the JSON of
     * every fiche's fields was half of what the page allocated, for nothing it shows).
     */
    Optional<VuePlan> vueProgramme(long conventionId) {
        return vuePlan(conventionId, null, f -> true, repository::fichesSansChamps);
    }

    private Optional<VuePlan> vuePlan(long conventionId, FiltreFiches filtre, Predicate<Fiche> enPlus,
                                      LongFunction<List<Fiche>> lecture) {
        Convention convention = conventions.convention(conventionId);
        return repository.plan(conventionId).map(plan -> {
            List<Noeud> noeuds = repository.noeuds(conventionId);
            List<Fiche> fiches = lecture.apply(conventionId);
            ArbrePlan arbre = construireArbre(plan, noeuds, fiches, predicat(filtre, noeuds).and(enPlus));
            return new VuePlan(convention, arbre, fiches.size(), conventions.peutModifier(convention), anneesPeriode(convention));
        });
    }

    public ArbrePlan arbre(long conventionId, FiltreFiches filtre) {
        Plan plan = planSiExiste(conventionId)
                .orElseThrow(() -> new Introuvable("Cette convention n'a pas encore de plan d'actions."));
        List<Noeud> noeuds = repository.noeuds(conventionId);
        return construireArbre(plan, noeuds, repository.fiches(conventionId), predicat(filtre, noeuds));
    }

    public VueFiche fiche(long id) {
        Fiche fiche = repository.fiche(id).orElseThrow(() -> new Introuvable("Fiche " + id + " introuvable."));
        Convention convention = conventions.convention(fiche.conventionId());
        Plan plan = repository.plan(fiche.conventionId()).orElseThrow();
        ArbrePlan arbre = construireArbre(plan, repository.noeuds(fiche.conventionId()), List.of(), f -> true);
        return new VueFiche(fiche, plan, convention.titre(), anneesPeriode(convention), arbre.chemin(fiche.noeudId()),
                peutModifier(convention, fiche), journal.pourObjet("fiche", id));
    }

    public List<ResultatRecherche> rechercher(long conventionId, String requete) {
        conventions.convention(conventionId);
        if (requete == null || requete.isBlank()) {
            return List.of();
        }
        return repository.rechercher(conventionId, requete.trim());
    }

    public boolean peutModifierLePlan(long conventionId) {
        return conventions.peutModifier(conventions.convention(conventionId));
    }

    /** Whether the current user may change this fiche: a writer of the convention, or a porteur of the fiche. */
    public boolean peutModifier(Convention convention, Fiche fiche) {
        if (conventions.peutModifier(convention)) {
            return true;
        }
        UtilisateurConnecte utilisateur = UtilisateurConnecte.courant();
        return utilisateur.role() == Role.PORTEUR && utilisateur.organisationId() != null
                && fiche.porteePar(utilisateur.organisationId());
    }

    /** Sets up the plan of a convention: its template and named levels. */
    @Transactional
    public Plan initialiser(long conventionId, ModeleFiche modele, List<Niveau> niveaux, List<CompteDeclare> comptesDeclares,
                            List<Plan.PhaseCalendrier> calendrier, List<String> notes) {
        Convention convention = conventions.convention(conventionId);
        exigerStructureModifiable(convention);
        if (repository.plan(conventionId).isPresent()) {
            throw new ErreurValidation("plan", "Cette convention a déjà un plan d'actions.");
        }
        if (niveaux == null || niveaux.size() < 2 || niveaux.size() > NIVEAUX_MAX) {
            throw new ErreurValidation("niveaux", "Un plan a de 2 à " + NIVEAUX_MAX + " niveaux (le dernier nomme les fiches).");
        }
        if (niveaux.stream().anyMatch(n -> n.nom() == null || n.nom().isBlank())) {
            throw new ErreurValidation("niveaux", "Chaque niveau doit avoir un nom (par exemple « Axe stratégique »).");
        }
        Plan plan = new Plan(conventionId, modele, niveaux, comptesDeclares, calendrier, notes, 0);
        repository.creerPlan(plan);
        journal.enregistrer("plan", conventionId, conventionId, "création du plan", List.of(new Changement("Plan", null,
                modele.libelle() + " — " + niveaux.stream().map(Niveau::nom).collect(Collectors.joining(" / ")))));
        return plan;
    }

    // --- levels (issue 10 item 4) ---------------------------------------------------------------------------

    /** Renames a level or changes its numbering rule; the references already given are kept (ADR 0011). */
    @Transactional
    public Plan modifierNiveau(long conventionId, int versionPlan, int rang, String nom, Numerotation numerotation, String prefixe) {
        Plan plan = planAModifier(conventionId);
        if (rang < 0 || rang >= plan.niveaux().size()) {
            throw new ErreurValidation("rang", "Ce plan n'a pas de niveau n° " + (rang + 1) + ".");
        }
        Niveau avant = plan.niveau(rang);
        Niveau apres = niveau(rang, nom, numerotation == null ? avant.numerotation() : numerotation, prefixe);
        List<Niveau> niveaux = new ArrayList<>(plan.niveaux());
        niveaux.set(rang, apres);
        return remplacerNiveaux(plan, versionPlan, niveaux, "modification d'un niveau", List.of(
                new Changement("Niveau " + (rang + 1), decrire(avant), decrire(apres))));
    }

    /** Adds a level of nodes just above the fiches (the deepest nodes can then hold nodes of the new level). */
    @Transactional
    public Plan ajouterNiveau(long conventionId, int versionPlan, String nom, Numerotation numerotation, String prefixe) {
        Plan plan = planAModifier(conventionId);
        if (plan.niveaux().size() >= NIVEAUX_MAX) {
            throw new ErreurValidation("nom", "Un plan a " + NIVEAUX_MAX + " niveaux au plus, celui des fiches compris.");
        }
        int rang = plan.niveaux().size() - 1;
        List<Niveau> niveaux = new ArrayList<>(plan.niveauxDeNoeuds());
        Niveau nouveau = niveau(rang, nom, numerotation == null ? Numerotation.PAR_PARENT : numerotation, prefixe);
        niveaux.add(nouveau);
        Niveau fiche = plan.niveauFiche();
        niveaux.add(new Niveau(rang + 1, fiche.nom(), fiche.numerotation(), fiche.prefixe()));
        return remplacerNiveaux(plan, versionPlan, niveaux, "ajout d'un niveau", List.of(new Changement("Niveau " + (rang + 1), null, decrire(nouveau))));
    }

    /** Removes a level of nodes that holds no node (then no deeper level of nodes holds any either). */
    @Transactional
    public Plan supprimerNiveau(long conventionId, int versionPlan, int rang) {
        Plan plan = planAModifier(conventionId);
        if (rang < 0 || rang >= plan.niveaux().size() - 1) {
            throw new ErreurValidation("rang", "Seul un niveau d'éléments du plan se retire ; le dernier niveau nomme les fiches et reste.");
        }
        if (plan.niveaux().size() <= 2) {
            throw new ErreurValidation("rang", "Un plan garde au moins deux niveaux.");
        }
        long occupes = repository.noeudsMemeSupprimes(conventionId).stream().filter(n -> n.rang() == rang).count();
        if (occupes > 0) {
            throw new ErreurValidation("rang", "Le niveau « " + plan.niveau(rang).nom() + " » compte encore " + occupes
                    + " élément(s) (supprimés compris, qu'on peut restaurer) : il ne se retire que vide.");
        }
        List<Niveau> niveaux = new ArrayList<>();
        for (Niveau n : plan.niveaux()) {
            if (n.rang() != rang) {
                niveaux.add(new Niveau(niveaux.size(), n.nom(), n.numerotation(), n.prefixe()));
            }
        }
        return remplacerNiveaux(plan, versionPlan, niveaux, "retrait d'un niveau",
                List.of(new Changement("Niveau " + (rang + 1), decrire(plan.niveau(rang)), null)));
    }

    private Plan planAModifier(long conventionId) {
        exigerStructureModifiable(conventions.convention(conventionId));
        Plan plan = repository.plan(conventionId).orElseThrow(() -> new Introuvable("Cette convention n'a pas encore de plan d'actions."));
        repository.verrouillerPlan(conventionId);
        return plan;
    }

    private Plan remplacerNiveaux(Plan plan, int versionPlan, List<Niveau> niveaux, String action, List<Changement> changements) {
        if (plan.version() != versionPlan || !repository.remplacerNiveaux(plan.conventionId(), versionPlan, niveaux)) {
            throw new ConflitDeModification("Les niveaux de ce plan ont été modifiés par quelqu'un d'autre depuis que vous les avez ouverts : "
                    + "rien n'a été enregistré. Rechargez la page.");
        }
        journal.enregistrer("plan", plan.conventionId(), plan.conventionId(), action, changements);
        return repository.plan(plan.conventionId()).orElseThrow();
    }

    private static Niveau niveau(int rang, String nom, Numerotation numerotation, String prefixe) {
        if (nom == null || nom.isBlank()) {
            throw new ErreurValidation("nom", "Chaque niveau doit avoir un nom (par exemple « Axe stratégique »).");
        }
        return new Niveau(rang, nom.trim(), numerotation, prefixe == null ? "" : prefixe.trim());
    }

    private static String decrire(Niveau n) {
        return n.nom() + " (" + n.numerotation().name().toLowerCase().replace('_', ' ')
                + (n.prefixe() == null || n.prefixe().isEmpty() ? "" : ", préfixe « " + n.prefixe() + " »") + ")";
    }

    @Transactional
    public Noeud ajouterNoeud(long conventionId, Long parentId, String reference, String titre, String texte,
                              List<String> objectifs, CompteDeclare compteDeclare) {
        return ajouterNoeud(conventionId, parentId, reference, titre, texte, objectifs, compteDeclare, null);
    }

    /** Adds a node under {@code parentId} (or at the root); its level is the one below its parent's. */
    @Transactional
    public Noeud ajouterNoeud(long conventionId, Long parentId, String reference, String titre, String texte,
                              List<String> objectifs, CompteDeclare compteDeclare, String contexte) {
        Convention convention = conventions.convention(conventionId);
        exigerStructureModifiable(convention);
        Plan plan = repository.plan(conventionId).orElseThrow(() -> new Introuvable("Plan introuvable."));
        repository.verrouillerPlan(conventionId);
        int rang = 0;
        if (parentId != null) {
            Noeud parent = noeudDuPlan(conventionId, parentId);
            rang = parent.rang() + 1;
        }
        if (rang >= plan.niveaux().size() - 1) {
            throw new ErreurValidation("parentId", "Sous « " + plan.niveau(plan.niveaux().size() - 2).nom()
                    + " » on ne place que des fiches.");
        }
        int rangFinal = rang;
        List<Noeud> noeuds = repository.noeuds(conventionId);
        int ordre = (int) noeuds.stream().filter(n -> Objects.equals(n.parentId(), parentId) && n.rang() == rangFinal).count() + 1;
        Noeud noeud = repository.insererNoeud(new Noeud(null, conventionId, parentId, rang, ordre,
                referenceDeNoeud(plan.niveau(rang), repository.noeudsMemeSupprimes(conventionId), parentId, reference, null), texte(titre), texte(texte),
                new ContenuNoeud(null, null, null, objectifs, null).objectifs(), compteDeclare, 0, texte(contexte), false));
        journal.enregistrer("noeud", noeud.id(), conventionId, "ajout au plan",
                List.of(new Changement(plan.niveau(rang).nom(), null, noeud.titre())));
        return repository.noeud(noeud.id()).orElseThrow();
    }

    /** Changes what a node says (heading, text, objectives, context; its reference where references are free). */
    @Transactional
    public Noeud modifierNoeud(long id, int version, ContenuNoeud contenu) {
        Noeud avant = repository.noeud(id).orElseThrow(() -> new Introuvable("Élément du plan " + id + " introuvable."));
        Convention convention = conventions.convention(avant.conventionId());
        exigerDroitSurLePlan(convention);
        Plan plan = repository.plan(avant.conventionId()).orElseThrow();
        repository.verrouillerPlan(avant.conventionId());
        if (avant.version() != version) {
            throw new ConflitDeModification(CONFLIT_NOEUD);
        }
        Niveau niveau = plan.niveau(avant.rang());
        String reference = niveau.renumerote() ? avant.reference()
                : referenceDeNoeud(niveau, repository.noeuds(avant.conventionId()), avant.parentId(), contenu.reference(), id);
        Noeud apres = new Noeud(id, avant.conventionId(), avant.parentId(), avant.rang(), avant.ordre(), reference, texte(contenu.titre()),
                texte(contenu.texte()), contenu.objectifs(), avant.compteDeclare(), version, texte(contenu.contexte()), false);
        if (!repository.modifierNoeud(apres)) {
            throw new ConflitDeModification(CONFLIT_NOEUD);
        }
        journal.enregistrer("noeud", id, avant.conventionId(), "modification", Changement.entre(resume(avant), resume(apres)));
        return repository.noeud(id).orElseThrow();
    }

    /**
     * Deletes a node with everything under it (child nodes, their fiches) as one batch, which
     * {@link #restaurerNoeud} undoes; the page asks for a confirmation listing that content first.
     */
    @Transactional
    public Noeud supprimerNoeud(long id, int version) {
        Noeud noeud = repository.noeud(id).orElseThrow(() -> new Introuvable("Élément du plan " + id + " introuvable."));
        Convention convention = conventions.convention(noeud.conventionId());
        exigerStructureModifiable(convention);
        Plan plan = repository.plan(noeud.conventionId()).orElseThrow();
        repository.verrouillerPlan(noeud.conventionId());
        if (noeud.version() != version) {
            throw new ConflitDeModification(CONFLIT_NOEUD);
        }
        ArbrePlan.Branche branche = construireArbre(plan, repository.noeuds(noeud.conventionId()), repository.fiches(noeud.conventionId()),
                f -> true).branches().filter(b -> b.noeud().id() == id).findFirst().orElseThrow();
        List<Long> ids = branche.etDescendants().map(b -> b.noeud().id()).toList();
        List<Long> fiches = repository.supprimerNoeuds(id, ids);
        List<Noeud> soeurs = repository.noeuds(noeud.conventionId()).stream()
                .filter(n -> Objects.equals(n.parentId(), noeud.parentId()) && n.rang() == noeud.rang())
                .sorted(Comparator.comparingInt(Noeud::ordre)).toList();
        for (int i = 0; i < soeurs.size(); i++) {
            if (soeurs.get(i).ordre() != i + 1) {
                repository.placerNoeud(soeurs.get(i).deplace(noeud.parentId(), i + 1));
            }
        }
        List<Changement> contenu = new ArrayList<>();
        contenu.add(new Changement(plan.niveau(noeud.rang()).nom(), libelle(noeud), null));
        branche.etDescendants().skip(1).forEach(b -> contenu.add(new Changement(b.niveau().nom(), libelle(b.noeud()), null)));
        branche.toutesLesFiches().forEach(f -> {
            contenu.add(new Changement(plan.niveauFiche().nom(), libelle(f), null));
            journal.enregistrer("fiche", f.id(), noeud.conventionId(), "suppression",
                    List.of(new Changement("Fiche", libelle(f), null), new Changement("Avec", null, libelle(noeud))));
        });
        journal.enregistrer("noeud", id, noeud.conventionId(), "suppression", contenu);
        mettreAJourImplications(noeud.conventionId());
        return noeud;
    }

    /** Undoes the deletion of a node: it comes back at its place with what was deleted with it (not what was deleted before). */
    @Transactional
    public Noeud restaurerNoeud(long conventionId, long id) {
        Noeud noeud = repository.noeudSupprime(id).filter(n -> n.conventionId() == conventionId)
                .orElseThrow(() -> new Introuvable("Aucun élément supprimé " + id + " à restaurer dans ce plan d'actions."));
        Convention convention = conventions.convention(noeud.conventionId());
        exigerStructureModifiable(convention);
        repository.verrouillerPlan(noeud.conventionId());
        if (noeud.parentId() != null && repository.noeud(noeud.parentId()).isEmpty()) {
            throw new ErreurValidation("parentId", "L'élément qui contenait « " + noeud.titre() + " » a été supprimé depuis : "
                    + "annulez d'abord sa suppression. Rien n'a été restauré.");
        }
        List<Noeud> soeurs = new ArrayList<>(repository.noeuds(noeud.conventionId()).stream()
                .filter(n -> Objects.equals(n.parentId(), noeud.parentId()) && n.rang() == noeud.rang())
                .sorted(Comparator.comparingInt(Noeud::ordre)).toList());
        List<Long> fiches = repository.restaurerLot(id);
        Noeud restaure = repository.noeud(id).orElseThrow();
        soeurs.add(Math.min(Math.max(noeud.ordre() - 1, 0), soeurs.size()), restaure);
        for (int i = 0; i < soeurs.size(); i++) {
            if (soeurs.get(i).ordre() != i + 1) {
                repository.placerNoeud(soeurs.get(i).deplace(noeud.parentId(), i + 1));
            }
        }
        fiches.forEach(f -> journal.enregistrer("fiche", f, noeud.conventionId(), "restauration",
                List.of(new Changement("Avec", null, libelle(noeud)))));
        journal.enregistrer("noeud", id, noeud.conventionId(), "restauration", List.of(new Changement("Élément", null, libelle(noeud))));
        mettreAJourImplications(noeud.conventionId());
        return repository.noeud(id).orElseThrow();
    }

    private static String libelle(Noeud noeud) {
        return (noeud.reference() == null ? "" : noeud.reference() + " — ") + noeud.titre();
    }

    /** A node as readers of its convention see it (with its version, for the API's writes). */
    public ArbrePlan.Branche noeudLu(long noeudId) {
        Noeud noeud = repository.noeud(noeudId).orElseThrow(() -> new Introuvable("Élément du plan " + noeudId + " introuvable."));
        return arbre(noeud.conventionId(), FiltreFiches.AUCUN).branches().filter(b -> b.noeud().id() == noeudId).findFirst().orElseThrow();
    }

    /** A node of a plan with its level and path, for its edit page; only for those who edit the plan. */
    public ArbrePlan.Branche noeudAModifier(long conventionId, long noeudId) {
        exigerDroitSurLePlan(conventions.convention(conventionId));
        return arbre(conventionId, FiltreFiches.AUCUN).branches().filter(b -> b.noeud().id() == noeudId).findFirst()
                .orElseThrow(() -> new Introuvable("Élément " + noeudId + " introuvable dans ce plan d'actions."));
    }

    private static Map<String, Object> resume(Noeud n) {
        Map<String, Object> resume = new LinkedHashMap<>();
        resume.put("Référence", n.reference());
        resume.put("Intitulé", n.intituleManquant() ? null : n.titre());
        resume.put("Texte", n.texte());
        resume.put("Objectifs", n.objectifs());
        resume.put("Phrase de contexte", n.contexte());
        return resume;
    }

    @Transactional
    public Fiche creerFiche(long conventionId, Long noeudId, ContenuFiche contenu) {
        Convention convention = conventions.convention(conventionId);
        exigerStructureModifiable(convention);
        Plan plan = repository.plan(conventionId).orElseThrow(() -> new Introuvable("Plan introuvable."));
        repository.verrouillerPlan(conventionId);
        verifierEmplacementFiche(plan, conventionId, noeudId);
        int ordre = repository.nombreDeFiches(conventionId, noeudId) + 1;
        verifierDates(contenu, convention);
        Fiche fiche = new Fiche(null, conventionId, noeudId, ordre, referenceDeFiche(plan, conventionId, noeudId, contenu.reference(), null),
                texte(contenu.titre()),
                lierOrganisations(plan.modele(), contenu.champs()), anneesPrevues(contenu, convention), texte(contenu.echeances()),
                contenu.notes(), 0, contenu.debut(), contenu.fin());
        ValidationFiche.verifier(fiche, plan.modele(), premiereAnnee(convention), derniereAnnee(convention));
        Fiche creee = repository.insererFiche(fiche);
        mettreAJourImplications(conventionId);
        journal.enregistrer("fiche", creee.id(), conventionId, "création", Changement.entre(Map.of(), resume(plan, creee)));
        return repository.fiche(creee.id()).orElseThrow();
    }

    @Transactional
    public Fiche modifierFiche(long id, int version, ContenuFiche contenu) {
        Fiche avant = repository.fiche(id).orElseThrow(() -> new Introuvable("Fiche " + id + " introuvable."));
        Convention convention = conventions.convention(avant.conventionId());
        if (!peutModifier(convention, avant)) {
            throw new AccesRefuse("Vous pouvez consulter cette fiche mais pas la modifier.");
        }
        if (avant.version() != version) {
            throw new ConflitDeModification(CONFLIT);
        }
        Plan plan = repository.plan(avant.conventionId()).orElseThrow();
        repository.verrouillerPlan(avant.conventionId());
        String reference = plan.niveauFiche().numerotation() == Numerotation.LIBRE
                ? referenceDeFiche(plan, avant.conventionId(), avant.noeudId(), contenu.reference(), id) : avant.reference();
        verifierDates(contenu, convention);
        Fiche apres = new Fiche(id, avant.conventionId(), avant.noeudId(), avant.ordre(), reference, texte(contenu.titre()),
                lierOrganisations(plan.modele(), contenu.champs()), anneesPrevues(contenu, convention), texte(contenu.echeances()),
                contenu.notes() == null ? avant.notes() : contenu.notes(), version, contenu.debut(), contenu.fin());
        ValidationFiche.verifier(apres, plan.modele(), premiereAnnee(convention), derniereAnnee(convention));
        if (!conventions.peutModifier(convention) && !organisationsLiees(avant).equals(organisationsLiees(apres))) {
            throw new AccesRefuse("Un porteur modifie le contenu de sa fiche, pas les organisations qui lui sont liées "
                    + "(porteurs, partenaires) : ce changement, qui donne ou retire l'accès à la convention, revient aux "
                    + "gestionnaires de la convention. Rien n'a été enregistré.");
        }
        if (!repository.modifierFiche(apres)) {
            throw new ConflitDeModification(CONFLIT);
        }
        mettreAJourImplications(avant.conventionId());
        journal.enregistrer("fiche", id, avant.conventionId(), "modification", Changement.entre(resume(plan, avant), resume(plan, apres)));
        return repository.fiche(id).orElseThrow();
    }

    /** Links a fiche to the fiche of the previous CTG it carries over (renewal); both conventions readable, this one writable. */
    @Transactional
    public void lierAuPredecesseur(long ficheId, long predecesseurId) {
        Fiche fiche = repository.fiche(ficheId).orElseThrow(() -> new Introuvable("Fiche " + ficheId + " introuvable."));
        exigerDroitSurLePlan(conventions.convention(fiche.conventionId()));
        Fiche predecesseur = repository.fiche(predecesseurId)
                .orElseThrow(() -> new Introuvable("Fiche " + predecesseurId + " introuvable."));
        conventions.convention(predecesseur.conventionId());
        repository.definirPredecesseur(ficheId, predecesseurId);
        journal.enregistrer("fiche", ficheId, fiche.conventionId(), "reprise de la CTG précédente",
                List.of(new Changement("Fiche précédente", null, libelle(predecesseur))));
    }

    /** Fiche id → id of the fiche of the previous CTG it carries over. */
    public Map<Long, Long> predecesseurs(long conventionId) {
        conventions.convention(conventionId);
        return repository.predecesseurs(conventionId);
    }

    /** How long a deleted fiche stays in the plan page's undo list: the length of a session. */
    static final int HEURES_ANNULATION = 8;

    /**
     * The plan page's undo list: fiches of the convention the current user deleted within {@value #HEURES_ANNULATION}
     * hours and still deleted, id → "FA1 — titre". From the database (journal), not the session: the same on every
     * instance of the application.
     */
    public Map<Long, String> fichesSupprimeesRecemment(long conventionId) {
        conventions.convention(conventionId);
        return repository.fichesSupprimeesRecemment(conventionId, UtilisateurConnecte.courant().identifiant(), HEURES_ANNULATION);
    }

    /** The same for a convention the caller has already read (its reading right checked). */
    Map<Long, String> fichesSupprimeesRecemment(Convention convention) {
        return repository.fichesSupprimeesRecemment(convention.id(), UtilisateurConnecte.courant().identifiant(), HEURES_ANNULATION);
    }

    /** Removes a fiche from the plan; {@link #restaurerFiche} undoes it. */
    @Transactional
    public void supprimerFiche(long id, int version) {
        Fiche fiche = repository.fiche(id).orElseThrow(() -> new Introuvable("Fiche " + id + " introuvable."));
        Convention convention = conventions.convention(fiche.conventionId());
        exigerStructureModifiable(convention);
        if (!repository.supprimerFiche(id, version)) {
            throw new ConflitDeModification(CONFLIT);
        }
        compacterOrdre(fiche.conventionId(), fiche.noeudId());
        mettreAJourImplications(fiche.conventionId());
        journal.enregistrer("fiche", id, fiche.conventionId(), "suppression",
                List.of(new Changement("Fiche", libelle(fiche), null)));
    }

    @Transactional
    public Fiche restaurerFiche(long id) {
        Fiche fiche = repository.ficheSupprimee(id).orElseThrow(() -> new Introuvable("Aucune fiche supprimée " + id + " à restaurer."));
        Convention convention = conventions.convention(fiche.conventionId());
        exigerStructureModifiable(convention);
        Plan plan = repository.plan(fiche.conventionId()).orElseThrow();
        repository.verrouillerPlan(fiche.conventionId());
        if (fiche.noeudId() != null && repository.noeud(fiche.noeudId()).isEmpty()) {
            throw new ErreurValidation("noeudId", "Cette fiche a été supprimée avec l'élément du plan qui la contenait : "
                    + "annulez la suppression de cet élément pour la retrouver. Rien n'a été restauré.");
        }
        String reference = referenceAuRetour(plan, fiche);
        repository.restaurerFiche(id);
        List<Fiche> soeurs = ordonnees(repository.fiches(fiche.conventionId()), fiche.noeudId(), id);
        soeurs.add(Math.min(Math.max(fiche.ordre() - 1, 0), soeurs.size()), repository.fiche(id).orElseThrow());
        reordonner(soeurs, fiche.noeudId());
        List<Changement> changements = new ArrayList<>(List.of(new Changement("Fiche", null, libelle(fiche))));
        if (!Objects.equals(reference, fiche.reference())) {
            repository.definirReferenceFiche(id, reference);
            changements.add(new Changement("Référence", fiche.reference(), reference));
        }
        mettreAJourImplications(fiche.conventionId());
        journal.enregistrer("fiche", id, fiche.conventionId(), "restauration", changements);
        return repository.fiche(id).orElseThrow();
    }

    /** Moves a fiche under another node (or outside any node) at a 1-based position; numbering follows. */
    @Transactional
    public Fiche deplacerFiche(long id, int version, Long noeudId, int position) {
        Fiche fiche = repository.fiche(id).orElseThrow(() -> new Introuvable("Fiche " + id + " introuvable."));
        Convention convention = conventions.convention(fiche.conventionId());
        exigerStructureModifiable(convention);
        if (fiche.version() != version) {
            throw new ConflitDeModification(CONFLIT);
        }
        Plan plan = repository.plan(fiche.conventionId()).orElseThrow();
        repository.verrouillerPlan(fiche.conventionId());
        verifierEmplacementFiche(plan, fiche.conventionId(), noeudId);
        List<Fiche> toutes = repository.fiches(fiche.conventionId());
        List<Fiche> soeurs = ordonnees(toutes, noeudId, id);
        soeurs.add(Math.min(Math.max(position - 1, 0), soeurs.size()), fiche);
        reordonner(soeurs, noeudId);
        if (!Objects.equals(fiche.noeudId(), noeudId)) {
            reordonner(ordonnees(repository.fiches(fiche.conventionId()), fiche.noeudId(), id), fiche.noeudId());
            String reference = referenceAuDeplacement(plan, fiche, noeudId);
            if (!Objects.equals(reference, fiche.reference())) {
                repository.definirReferenceFiche(id, reference);
            }
        }
        Fiche deplacee = repository.fiche(id).orElseThrow();
        journal.enregistrer("fiche", id, fiche.conventionId(), "déplacement", List.of(
                new Changement("Emplacement", emplacement(plan, fiche), emplacement(plan, deplacee))));
        return deplacee;
    }

    /** Moves a node (with everything under it) under another node of the level above, at a 1-based position. */
    @Transactional
    public Noeud deplacerNoeud(long id, int version, Long parentId, int position) {
        Noeud noeud = repository.noeud(id).orElseThrow(() -> new Introuvable("Élément du plan " + id + " introuvable."));
        Convention convention = conventions.convention(noeud.conventionId());
        exigerStructureModifiable(convention);
        if (noeud.version() != version) {
            throw new ConflitDeModification(CONFLIT_NOEUD);
        }
        Plan plan = repository.plan(noeud.conventionId()).orElseThrow();
        repository.verrouillerPlan(noeud.conventionId());
        List<Noeud> noeuds = repository.noeuds(noeud.conventionId());
        if (parentId != null) {
            if (parentId == id || descendants(noeuds, id).contains(parentId)) {
                throw new ErreurValidation("parentId", "On ne peut pas déplacer « " + noeud.titre()
                        + " » sous lui-même ou sous l'un de ses descendants.");
            }
            Noeud parent = noeudDuPlan(noeud.conventionId(), parentId);
            if (parent.rang() != noeud.rang() - 1) {
                throw new ErreurValidation("parentId", "Un(e) « " + plan.niveau(noeud.rang()).nom()
                        + " » se place sous un(e) « " + plan.niveau(noeud.rang() - 1).nom() + " ».");
            }
        } else if (noeud.rang() != 0) {
            throw new ErreurValidation("parentId", "Un(e) « " + plan.niveau(noeud.rang()).nom()
                    + " » se place sous un(e) « " + plan.niveau(noeud.rang() - 1).nom() + " ».");
        }
        List<Noeud> soeurs = new ArrayList<>(noeuds.stream()
                .filter(n -> Objects.equals(n.parentId(), parentId) && n.rang() == noeud.rang() && n.id() != id)
                .sorted(Comparator.comparingInt(Noeud::ordre)).toList());
        Niveau niveau = plan.niveau(noeud.rang());
        Noeud place = noeud;
        if (niveau.numerotation() == Numerotation.PAR_PARENT && !Objects.equals(noeud.parentId(), parentId)
                && soeurs.stream().anyMatch(n -> Objects.equals(n.reference(), noeud.reference()))) {
            // Numbered under its parent, it cannot keep a number its new siblings already use.
            place = noeud.avecReference(ReferencesStables.prochaine(niveau, soeurs.stream().map(Noeud::reference).toList()));
        }
        soeurs.add(Math.min(Math.max(position - 1, 0), soeurs.size()), place);
        for (int i = 0; i < soeurs.size(); i++) {
            Noeud n = soeurs.get(i);
            if (n.ordre() != i + 1 || !Objects.equals(n.parentId(), parentId)) {
                if (!repository.placerNoeud(n.deplace(parentId, i + 1))) {
                    throw new ConflitDeModification("Le plan a été modifié par quelqu'un d'autre : rechargez la page.");
                }
            }
        }
        if (!Objects.equals(noeud.parentId(), parentId)) {
            List<Noeud> anciennes = repository.noeuds(noeud.conventionId()).stream()
                    .filter(n -> Objects.equals(n.parentId(), noeud.parentId()) && n.rang() == noeud.rang())
                    .sorted(Comparator.comparingInt(Noeud::ordre)).toList();
            for (int i = 0; i < anciennes.size(); i++) {
                if (anciennes.get(i).ordre() != i + 1) {
                    repository.placerNoeud(anciennes.get(i).deplace(noeud.parentId(), i + 1));
                }
            }
        }
        journal.enregistrer("noeud", id, noeud.conventionId(), "déplacement",
                List.of(new Changement(plan.niveau(noeud.rang()).nom(), noeud.titre(), noeud.titre() + " (nouvel emplacement)")));
        return repository.noeud(id).orElseThrow();
    }

    /** The filter's criteria on fields, plus its node: only fiches under that node (at any depth). */
    private static Predicate<Fiche> predicat(FiltreFiches filtre, List<Noeud> noeuds) {
        if (filtre == null) {
            return f -> true;
        }
        Predicate<Fiche> champs = filtre.predicat();
        if (filtre.noeud() == null) {
            return champs;
        }
        Set<Long> sousLeNoeud = new HashSet<>(descendants(noeuds, filtre.noeud()));
        sousLeNoeud.add(filtre.noeud());
        return champs.and(f -> f.noeudId() != null && sousLeNoeud.contains(f.noeudId()));
    }

    // --- tree and numbering -------------------------------------------------------------------------------

    static ArbrePlan construireArbre(Plan plan, List<Noeud> noeuds, List<Fiche> fiches, Predicate<Fiche> filtre) {
        Map<Long, List<Fiche>> fichesParNoeud = new HashMap<>();
        List<Fiche> horsAxe = new ArrayList<>();
        fiches.stream().filter(filtre).sorted(Comparator.comparingInt(Fiche::ordre).thenComparing(Fiche::id))
                .forEach(f -> {
                    if (f.noeudId() == null) {
                        horsAxe.add(f);
                    } else {
                        fichesParNoeud.computeIfAbsent(f.noeudId(), k -> new ArrayList<>()).add(f);
                    }
                });
        Map<Long, List<Noeud>> enfants = new LinkedHashMap<>();
        noeuds.stream().sorted(Comparator.comparingInt(Noeud::ordre).thenComparing(Noeud::id))
                .forEach(n -> enfants.computeIfAbsent(n.parentId() == null ? 0L : n.parentId(), k -> new ArrayList<>()).add(n));
        return new ArbrePlan(plan, branches(plan, enfants, fichesParNoeud, 0L), horsAxe);
    }

    private static List<ArbrePlan.Branche> branches(Plan plan, Map<Long, List<Noeud>> enfants,
                                                    Map<Long, List<Fiche>> fiches, long parent) {
        return enfants.getOrDefault(parent, List.of()).stream()
                .map(n -> new ArbrePlan.Branche(n, plan.niveau(n.rang()), branches(plan, enfants, fiches, n.id()),
                        fiches.getOrDefault(n.id(), List.of())))
                .toList();
    }

    /**
     * What "Renuméroter le plan" would do: the references of numbered levels recomputed in plan order (as the document
     * numbers them), only those that change. Readable by those who edit the plan, even once the convention is signed.
     */
    public ApercuRenumerotation apercuRenumerotation(long conventionId) {
        Convention convention = conventions.convention(conventionId);
        exigerDroitSurLePlan(convention);
        Plan plan = repository.plan(conventionId).orElseThrow(() -> new Introuvable("Cette convention n'a pas encore de plan d'actions."));
        List<ChangementDeReference> changements = numerotationDansLOrdre(plan);
        String refus = convention.statut().estAvantSignature() ? null
                : "La convention est signée (statut « " + convention.statut().libelle() + " ») : ses références sont celles du document "
                + "signé et ne se renumérotent plus ; seul un avenant pourra le faire.";
        return new ApercuRenumerotation(conventionId, changements, empreinte(changements), refus);
    }

    /** Applies the preview the user saw ({@code empreinte}); refused on a signed convention or if the plan changed since. */
    @Transactional
    public List<ChangementDeReference> renumeroterPlan(long conventionId, String empreinte) {
        Convention convention = conventions.convention(conventionId);
        exigerStructureModifiable(convention);
        Plan plan = repository.plan(conventionId).orElseThrow(() -> new Introuvable("Cette convention n'a pas encore de plan d'actions."));
        repository.verrouillerPlan(conventionId);
        ApercuRenumerotation apercu = apercuRenumerotation(conventionId);
        if (apercu.refus() != null) {
            throw new ErreurValidation("statut", apercu.refus());
        }
        if (!apercu.empreinte().equals(empreinte)) {
            throw new ConflitDeModification("Le plan a été modifié par quelqu'un d'autre depuis l'aperçu de la renumérotation : "
                    + "rien n'a été renuméroté. Rouvrez l'aperçu pour voir les références qui changeraient maintenant.");
        }
        for (ChangementDeReference c : apercu.changements()) {
            if (c.objet().equals("fiche")) {
                repository.definirReferenceFiche(c.id(), c.nouvelle());
                journal.enregistrer("fiche", c.id(), conventionId, "renumérotation", List.of(new Changement("Référence", c.ancienne(), c.nouvelle())));
            } else {
                repository.definirReferenceNoeud(c.id(), c.nouvelle());
                journal.enregistrer("noeud", c.id(), conventionId, "renumérotation", List.of(new Changement("Référence", c.ancienne(), c.nouvelle())));
            }
        }
        journal.enregistrer("plan", conventionId, conventionId, "renumérotation", apercu.changements().stream()
                .map(c -> new Changement(c.niveau() + " « " + c.titre() + " »", c.ancienne(), c.nouvelle())).toList());
        return apercu.changements();
    }

    private static String empreinte(List<ChangementDeReference> changements) {
        return Integer.toHexString(changements.stream()
                .map(c -> c.objet() + c.id() + ":" + c.ancienne() + ">" + c.nouvelle()).collect(Collectors.joining(";")).hashCode());
    }

    /** References of the numbered levels as they would be numbered in plan order, where they differ from today's. */
    private List<ChangementDeReference> numerotationDansLOrdre(Plan plan) {
        ArbrePlan arbre = construireArbre(plan, repository.noeuds(plan.conventionId()), repository.fiches(plan.conventionId()), f -> true);
        List<ChangementDeReference> changements = new ArrayList<>();
        numeroterBranches(arbre.racines(), new HashMap<>(), changements);
        Niveau niveauFiche = plan.niveauFiche();
        if (!niveauFiche.renumerote()) {
            return changements;
        }
        if (niveauFiche.numerotation() == Numerotation.CONTINUE) {
            List<Fiche> ordre = arbre.fichesDansLOrdre();
            IntStream.range(0, ordre.size()).forEach(i -> referencer(niveauFiche, ordre.get(i), niveauFiche.reference(i + 1), changements));
        } else {
            arbre.branches().forEach(b -> IntStream.range(0, b.fiches().size())
                    .forEach(i -> referencer(niveauFiche, b.fiches().get(i), niveauFiche.reference(i + 1), changements)));
            IntStream.range(0, arbre.fichesHorsAxe().size())
                    .forEach(i -> referencer(niveauFiche, arbre.fichesHorsAxe().get(i), niveauFiche.reference(i + 1), changements));
        }
        return changements;
    }

    private void numeroterBranches(List<ArbrePlan.Branche> branches, Map<Integer, Integer> compteursContinus,
                                   List<ChangementDeReference> changements) {
        for (int i = 0; i < branches.size(); i++) {
            ArbrePlan.Branche branche = branches.get(i);
            Niveau niveau = branche.niveau();
            if (niveau.renumerote()) {
                int numero = niveau.numerotation() == Numerotation.CONTINUE
                        ? compteursContinus.merge(niveau.rang(), 1, Integer::sum) : i + 1;
                String reference = niveau.reference(numero);
                if (!Objects.equals(reference, branche.noeud().reference())) {
                    changements.add(new ChangementDeReference("noeud", branche.noeud().id(), niveau.nom(), branche.noeud().titre(),
                            branche.noeud().reference(), reference));
                }
            }
            numeroterBranches(branche.enfants(), compteursContinus, changements);
        }
    }

    private static void referencer(Niveau niveau, Fiche fiche, String reference, List<ChangementDeReference> changements) {
        if (!Objects.equals(reference, fiche.reference())) {
            changements.add(new ChangementDeReference("fiche", fiche.id(), niveau.nom(), fiche.titre(), fiche.reference(), reference));
        }
    }

    // --- stable references (ADR 0011) ----------------------------------------------------------------------

    /** A new node's reference: the next free number of its level, or the one given for free references (unique in its level). */
    private static String referenceDeNoeud(Niveau niveau, List<Noeud> noeuds, Long parentId, String saisie, Long saufId) {
        if (niveau.renumerote()) {
            return ReferencesStables.prochaine(niveau, noeuds.stream()
                    .filter(n -> n.rang() == niveau.rang())
                    .filter(n -> niveau.numerotation() == Numerotation.CONTINUE || Objects.equals(n.parentId(), parentId))
                    .map(Noeud::reference).toList());
        }
        String reference = texte(saisie);
        if (reference != null && niveau.numerotation() == Numerotation.LIBRE) {
            noeuds.stream().filter(n -> n.rang() == niveau.rang() && !Objects.equals(n.id(), saufId) && reference.equals(n.reference()))
                    .findFirst().ifPresent(n -> {
                        throw new ErreurValidation("reference", "La référence « " + reference + " » est déjà celle de « " + n.titre()
                                + " » dans ce plan : choisissez-en une autre.");
                    });
        }
        return reference;
    }

    /**
     * A fiche's reference when it is created (or, for free references, edited): the next free number of the fiches'
     * rule, deleted fiches included so that a restored fiche finds its number free; a free reference must be unique.
     */
    private String referenceDeFiche(Plan plan, long conventionId, Long noeudId, String saisie, Long saufId) {
        Niveau niveau = plan.niveauFiche();
        List<PlanRepository.ReferenceDeFiche> references = repository.referencesDeFiches(conventionId);
        return switch (niveau.numerotation()) {
            case CONTINUE -> ReferencesStables.prochaine(niveau, references.stream().map(PlanRepository.ReferenceDeFiche::reference).toList());
            case PAR_PARENT -> ReferencesStables.prochaine(niveau, references.stream().filter(r -> Objects.equals(r.noeudId(), noeudId))
                    .map(PlanRepository.ReferenceDeFiche::reference).toList());
            case AUCUNE -> null;
            case LIBRE -> {
                String reference = texte(saisie);
                if (reference != null) {
                    references.stream().filter(r -> !r.supprimee() && !Objects.equals(r.id(), saufId) && reference.equals(r.reference()))
                            .findFirst().ifPresent(r -> {
                                throw new ErreurValidation("reference", "La référence « " + reference + " » est déjà celle d'une autre fiche "
                                        + "de ce plan (fiche n° " + r.id() + ") : choisissez-en une autre.");
                            });
                }
                yield reference;
            }
        };
    }

    /** A fiche numbered per parent keeps its number when it moves, unless a fiche of its new parent already has it. */
    private String referenceAuDeplacement(Plan plan, Fiche fiche, Long noeudId) {
        Niveau niveau = plan.niveauFiche();
        if (niveau.numerotation() != Numerotation.PAR_PARENT) {
            return fiche.reference();
        }
        List<PlanRepository.ReferenceDeFiche> voisines = repository.referencesDeFiches(fiche.conventionId()).stream()
                .filter(r -> r.id() != fiche.id() && Objects.equals(r.noeudId(), noeudId)).toList();
        boolean prise = voisines.stream().anyMatch(r -> !r.supprimee() && Objects.equals(r.reference(), fiche.reference()));
        return prise ? ReferencesStables.prochaine(niveau, voisines.stream().map(PlanRepository.ReferenceDeFiche::reference).toList())
                : fiche.reference();
    }

    /** A restored fiche gets its reference back, or the next free number if a renumbering gave it away meanwhile. */
    private String referenceAuRetour(Plan plan, Fiche fiche) {
        Niveau niveau = plan.niveauFiche();
        if (fiche.reference() == null) {
            return null;
        }
        List<PlanRepository.ReferenceDeFiche> perimetre = repository.referencesDeFiches(fiche.conventionId()).stream()
                .filter(r -> r.id() != fiche.id())
                .filter(r -> niveau.numerotation() != Numerotation.PAR_PARENT || Objects.equals(r.noeudId(), fiche.noeudId())).toList();
        boolean prise = perimetre.stream().anyMatch(r -> !r.supprimee() && fiche.reference().equals(r.reference()));
        if (!prise) {
            return fiche.reference();
        }
        if (!niveau.renumerote()) {
            throw new ErreurValidation("reference", "La référence « " + fiche.reference() + " » de cette fiche a été donnée à une autre "
                    + "fiche depuis sa suppression : changez celle de l'autre fiche avant de restaurer celle-ci. Rien n'a été restauré.");
        }
        return ReferencesStables.prochaine(niveau, perimetre.stream().map(PlanRepository.ReferenceDeFiche::reference).toList());
    }

    // --- helpers ------------------------------------------------------------------------------------------

    /** The plan's structure of a signed convention changes only through an avenant (ADR 0025). */
    private void exigerStructureModifiable(Convention convention) {
        exigerDroitSurLePlan(convention);
        conventions.verifierHorsAvenant(convention);
    }

    private void exigerDroitSurLePlan(Convention convention) {
        if (!conventions.peutModifier(convention)) {
            throw new AccesRefuse("Vous ne pouvez pas modifier le plan d'actions de cette convention.");
        }
    }

    private Noeud noeudDuPlan(long conventionId, long noeudId) {
        return repository.noeud(noeudId).filter(n -> n.conventionId() == conventionId)
                .orElseThrow(() -> new ErreurValidation("noeudId", "Cet élément n'existe pas dans le plan de cette convention."));
    }

    private void verifierEmplacementFiche(Plan plan, long conventionId, Long noeudId) {
        if (noeudId == null) {
            return;
        }
        // A fiche may sit under a node of any level (issue 10): the node only has to belong to this plan.
        noeudDuPlan(conventionId, noeudId);
    }

    private static List<Long> descendants(List<Noeud> noeuds, long id) {
        List<Long> resultat = new ArrayList<>();
        noeuds.stream().filter(n -> Objects.equals(n.parentId(), id)).forEach(n -> {
            resultat.add(n.id());
            resultat.addAll(descendants(noeuds, n.id()));
        });
        return resultat;
    }

    private static List<Fiche> ordonnees(List<Fiche> fiches, Long noeudId, long saufId) {
        return new ArrayList<>(fiches.stream().filter(f -> Objects.equals(f.noeudId(), noeudId) && f.id() != saufId)
                .sorted(Comparator.comparingInt(Fiche::ordre).thenComparing(Fiche::id)).toList());
    }

    private void reordonner(List<Fiche> fiches, Long noeudId) {
        for (int i = 0; i < fiches.size(); i++) {
            Fiche f = fiches.get(i);
            if (f.ordre() != i + 1 || !Objects.equals(f.noeudId(), noeudId)) {
                repository.placerFiche(f.id(), noeudId, i + 1);
            }
        }
    }

    private void compacterOrdre(long conventionId, Long noeudId) {
        reordonner(ordonnees(repository.fiches(conventionId), noeudId, -1), noeudId);
    }

    /** The organisations linked to each organisation field of a fiche: what grants access to the convention. */
    private static Map<String, Set<Long>> organisationsLiees(Fiche fiche) {
        Map<String, Set<Long>> liees = new HashMap<>();
        fiche.champs().organisations().forEach((champ, citees) -> {
            Set<Long> ids = citees.stream().map(OrganisationCitee::organisationId).filter(Objects::nonNull).collect(Collectors.toSet());
            if (!ids.isEmpty()) {
                liees.put(champ, ids);
            }
        });
        return liees;
    }

    /**
     * Names typed for organisations are linked to the organisation that bears exactly that name, never guessed;
     * an organisation given by its id must exist and is shown under its real name, whatever name came with it.
     */
    private ChampsFiche lierOrganisations(ModeleFiche modele, ChampsFiche champs) {
        ChampsFiche resultat = champs == null ? ChampsFiche.VIDES : champs;
        for (Map.Entry<String, List<OrganisationCitee>> entree : resultat.organisations().entrySet()) {
            List<OrganisationCitee> liees = new ArrayList<>();
            for (OrganisationCitee citee : entree.getValue()) {
                if (citee.estLiee()) {
                    Organisation organisation = organisations.organisations(List.of(citee.organisationId())).stream().findFirst()
                            .orElseThrow(() -> new ErreurValidation(entree.getKey(), "L'organisation n° " + citee.organisationId()
                                    + " n'existe pas : choisissez-la dans la liste."));
                    liees.add(citee.lieeA(organisation.id(), organisation.nom()));
                    continue;
                }
                if (citee.nom() == null || citee.nom().isBlank()) {
                    liees.add(citee);
                    continue;
                }
                List<Organisation> candidates = organisations.parNom(citee.nom());
                if (candidates.size() > 1) {
                    String libelle = modele.champ(entree.getKey()).map(ChampModele::libelle).orElse(entree.getKey());
                    throw new ErreurValidation(entree.getKey(), "« " + citee.nom() + " » (" + libelle + ") correspond à plusieurs organisations : "
                            + candidates.stream().map(o -> o.nom() + " (" + o.type().libelle() + ")").collect(Collectors.joining(", "))
                            + ". Choisissez laquelle dans la liste.");
                }
                liees.add(candidates.size() == 1 ? citee.lieeA(candidates.get(0).id(), candidates.get(0).nom()) : citee);
            }
            resultat = resultat.avecOrganisations(entree.getKey(), liees);
        }
        return resultat;
    }

    /**
     * Done once, just before the transaction commits, however many fiches it wrote: recomputing it after each fiche made
     * a plan import read every fiche of the plan once per fiche. Without a transaction, done at once.
     */
    private void mettreAJourImplications(long conventionId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            implications(conventionId);
            return;
        }
        Object cle = IMPLICATIONS_A_METTRE_A_JOUR + conventionId;
        if (TransactionSynchronizationManager.hasResource(cle)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(cle, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean lectureSeule) {
                TransactionSynchronizationManager.unbindResource(cle);
                implications(conventionId);
            }

            @Override
            public void afterCompletion(int statut) {
                TransactionSynchronizationManager.unbindResourceIfPossible(cle);
            }
        });
    }

    private void implications(long conventionId) {
        conventions.definirOrganisationsImpliquees(conventionId, "plan", repository.fiches(conventionId).stream()
                .flatMap(f -> f.champs().organisations("porteurs").stream())
                .map(OrganisationCitee::organisationId).filter(Objects::nonNull).collect(Collectors.toSet()));
    }

    /** The years of the convention's period, in order; empty while its dates are not known. */
    public static List<Integer> anneesPeriode(Convention convention) {
        Integer debut = premiereAnnee(convention);
        Integer fin = derniereAnnee(convention);
        return debut == null || fin == null ? List.of() : IntStream.rangeClosed(debut, fin).boxed().toList();
    }

    /** Start and end months of a fiche (issue 10 item 6): French 400 naming the field, nothing written. */
    private static void verifierDates(ContenuFiche contenu, Convention convention) {
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        DatesFiche.verifier(contenu.debut(), contenu.fin(), convention.periode(), erreurs);
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
    }

    private static List<Integer> anneesPrevues(ContenuFiche contenu, Convention convention) {
        return DatesFiche.annees(contenu.debut(), contenu.fin(), contenu.annees(), premiereAnnee(convention), derniereAnnee(convention));
    }

    private static Integer premiereAnnee(Convention convention) {
        return convention.periode().dateDebut() == null ? null : convention.periode().dateDebut().getYear();
    }

    private static Integer derniereAnnee(Convention convention) {
        return convention.periode().dateFin() == null ? null : convention.periode().dateFin().getYear();
    }

    private static String texte(String texte) {
        return texte == null || texte.isBlank() ? null : texte.trim();
    }

    private static String libelle(Fiche fiche) {
        return (fiche.reference() == null ? "" : fiche.reference() + " — ") + fiche.titre();
    }

    private String emplacement(Plan plan, Fiche fiche) {
        if (fiche.noeudId() == null) {
            return "hors axe, position " + fiche.ordre();
        }
        Noeud noeud = repository.noeud(fiche.noeudId()).orElseThrow();
        return plan.niveau(noeud.rang()).nom() + " « " + noeud.titre() + " », position " + fiche.ordre();
    }

    /** Labelled values of a fiche for the journal: its title, programme and each field of its template. */
    private static Map<String, Object> resume(Plan plan, Fiche f) {
        Map<String, Object> resume = new LinkedHashMap<>();
        resume.put("Référence", f.reference());
        resume.put("Titre", f.titre());
        resume.put("Années prévues", f.annees().stream().map(String::valueOf).toList());
        resume.put("Échéances", f.echeances());
        resume.put("Début", DatesFiche.texte(f.debut()));
        resume.put("Fin", DatesFiche.texte(f.fin()));
        for (ChampModele champ : plan.modele().champs()) {
            String cle = champ.cle();
            switch (champ.type()) {
                case TEXTE, VOCABULAIRE -> resume.put(champ.libelle(), f.champs().texte(cle));
                case LISTE, TERRITOIRES, VOCABULAIRES -> resume.put(champ.libelle(), f.champs().liste(cle));
                case ORGANISATIONS -> resume.put(champ.libelle(), f.champs().organisations(cle).stream()
                        .map(o -> o.nom() + (o.role() == null ? "" : " (" + o.role() + ")")).toList());
                case INDICATEURS -> resume.put(champ.libelle(), f.champs().indicateurs(cle).stream()
                        .map(i -> i.libelle() + (i.type() == null ? "" : " [" + i.type().toLowerCase() + "]")).toList());
            }
        }
        return resume;
    }
}
