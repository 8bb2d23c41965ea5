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

/** Use cases of the action plan: reading the tree, editing, creating, moving, deleting fiches. */
@Service
public class PlanService {

    private static final String CONFLIT = "Cette fiche a été modifiée par quelqu'un d'autre depuis que vous l'avez ouverte : "
            + "vos modifications n'ont pas été enregistrées. Rechargez la fiche pour voir la version actuelle, puis refaites vos changements.";

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
        Convention convention = conventions.convention(conventionId);
        return repository.plan(conventionId).map(plan -> {
            List<Noeud> noeuds = repository.noeuds(conventionId);
            List<Fiche> fiches = repository.fiches(conventionId);
            ArbrePlan arbre = construireArbre(plan, noeuds, fiches, predicat(filtre, noeuds));
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
        exigerDroitSurLePlan(convention);
        if (repository.plan(conventionId).isPresent()) {
            throw new ErreurValidation("plan", "Cette convention a déjà un plan d'actions.");
        }
        if (niveaux == null || niveaux.size() < 2 || niveaux.size() > 5) {
            throw new ErreurValidation("niveaux", "Un plan a de 2 à 5 niveaux (le dernier est celui des fiches).");
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

    @Transactional
    public Noeud ajouterNoeud(long conventionId, Long parentId, String reference, String titre, String texte,
                              List<String> objectifs, CompteDeclare compteDeclare) {
        Convention convention = conventions.convention(conventionId);
        exigerDroitSurLePlan(convention);
        Plan plan = repository.plan(conventionId).orElseThrow(() -> new Introuvable("Plan introuvable."));
        if (titre == null || titre.isBlank()) {
            throw new ErreurValidation("titre", "Le titre est obligatoire.");
        }
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
        int ordre = (int) repository.noeuds(conventionId).stream()
                .filter(n -> Objects.equals(n.parentId(), parentId) && n.rang() == rangFinal).count() + 1;
        Noeud noeud = repository.insererNoeud(new Noeud(null, conventionId, parentId, rang, ordre,
                reference, titre.trim(), texte, objectifs, compteDeclare, 0));
        renumeroter(plan);
        journal.enregistrer("noeud", noeud.id(), conventionId, "ajout au plan",
                List.of(new Changement(plan.niveau(rang).nom(), null, titre.trim())));
        return repository.noeud(noeud.id()).orElseThrow();
    }

    @Transactional
    public Fiche creerFiche(long conventionId, Long noeudId, ContenuFiche contenu) {
        Convention convention = conventions.convention(conventionId);
        exigerDroitSurLePlan(convention);
        Plan plan = repository.plan(conventionId).orElseThrow(() -> new Introuvable("Plan introuvable."));
        verifierEmplacementFiche(plan, conventionId, noeudId);
        int ordre = (int) repository.fiches(conventionId).stream().filter(f -> Objects.equals(f.noeudId(), noeudId)).count() + 1;
        Fiche fiche = new Fiche(null, conventionId, noeudId, ordre, referenceLibre(plan, contenu.reference()), texte(contenu.titre()),
                lierOrganisations(plan.modele(), contenu.champs()), contenu.annees(), texte(contenu.echeances()), contenu.notes(), 0);
        ValidationFiche.verifier(fiche, plan.modele(), premiereAnnee(convention), derniereAnnee(convention));
        Fiche creee = repository.insererFiche(fiche);
        renumeroter(plan);
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
        String reference = plan.niveauFiche().numerotation() == Numerotation.LIBRE ? referenceLibre(plan, contenu.reference()) : avant.reference();
        Fiche apres = new Fiche(id, avant.conventionId(), avant.noeudId(), avant.ordre(), reference, texte(contenu.titre()),
                lierOrganisations(plan.modele(), contenu.champs()), contenu.annees(), texte(contenu.echeances()),
                contenu.notes() == null ? avant.notes() : contenu.notes(), version);
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

    /** Removes a fiche from the plan; {@link #restaurerFiche} undoes it. */
    @Transactional
    public void supprimerFiche(long id, int version) {
        Fiche fiche = repository.fiche(id).orElseThrow(() -> new Introuvable("Fiche " + id + " introuvable."));
        Convention convention = conventions.convention(fiche.conventionId());
        exigerDroitSurLePlan(convention);
        if (!repository.supprimerFiche(id, version)) {
            throw new ConflitDeModification(CONFLIT);
        }
        Plan plan = repository.plan(fiche.conventionId()).orElseThrow();
        compacterOrdre(fiche.conventionId(), fiche.noeudId());
        renumeroter(plan);
        mettreAJourImplications(fiche.conventionId());
        journal.enregistrer("fiche", id, fiche.conventionId(), "suppression",
                List.of(new Changement("Fiche", libelle(fiche), null)));
    }

    @Transactional
    public Fiche restaurerFiche(long id) {
        Fiche fiche = repository.ficheSupprimee(id).orElseThrow(() -> new Introuvable("Aucune fiche supprimée " + id + " à restaurer."));
        Convention convention = conventions.convention(fiche.conventionId());
        exigerDroitSurLePlan(convention);
        repository.restaurerFiche(id);
        Plan plan = repository.plan(fiche.conventionId()).orElseThrow();
        List<Fiche> soeurs = ordonnees(repository.fiches(fiche.conventionId()), fiche.noeudId(), id);
        soeurs.add(Math.min(Math.max(fiche.ordre() - 1, 0), soeurs.size()), repository.fiche(id).orElseThrow());
        reordonner(soeurs, fiche.noeudId());
        renumeroter(plan);
        mettreAJourImplications(fiche.conventionId());
        journal.enregistrer("fiche", id, fiche.conventionId(), "restauration", List.of(new Changement("Fiche", null, libelle(fiche))));
        return repository.fiche(id).orElseThrow();
    }

    /** Moves a fiche under another node (or outside any node) at a 1-based position; numbering follows. */
    @Transactional
    public Fiche deplacerFiche(long id, int version, Long noeudId, int position) {
        Fiche fiche = repository.fiche(id).orElseThrow(() -> new Introuvable("Fiche " + id + " introuvable."));
        Convention convention = conventions.convention(fiche.conventionId());
        exigerDroitSurLePlan(convention);
        if (fiche.version() != version) {
            throw new ConflitDeModification(CONFLIT);
        }
        Plan plan = repository.plan(fiche.conventionId()).orElseThrow();
        verifierEmplacementFiche(plan, fiche.conventionId(), noeudId);
        List<Fiche> toutes = repository.fiches(fiche.conventionId());
        List<Fiche> soeurs = ordonnees(toutes, noeudId, id);
        soeurs.add(Math.min(Math.max(position - 1, 0), soeurs.size()), fiche);
        reordonner(soeurs, noeudId);
        if (!Objects.equals(fiche.noeudId(), noeudId)) {
            reordonner(ordonnees(repository.fiches(fiche.conventionId()), fiche.noeudId(), id), fiche.noeudId());
        }
        renumeroter(plan);
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
        exigerDroitSurLePlan(convention);
        if (noeud.version() != version) {
            throw new ConflitDeModification("Cet élément du plan a été modifié par quelqu'un d'autre : rechargez la page.");
        }
        Plan plan = repository.plan(noeud.conventionId()).orElseThrow();
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
        soeurs.add(Math.min(Math.max(position - 1, 0), soeurs.size()), noeud);
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
        renumeroter(plan);
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

    /** Recomputes the references of numbered levels, in plan order; references are not user edits, so no version bump. */
    private void renumeroter(Plan plan) {
        ArbrePlan arbre = construireArbre(plan, repository.noeuds(plan.conventionId()), repository.fiches(plan.conventionId()), f -> true);
        Map<Integer, Integer> compteursContinus = new HashMap<>();
        numeroterBranches(plan, arbre.racines(), compteursContinus);
        Niveau niveauFiche = plan.niveauFiche();
        if (!niveauFiche.renumerote()) {
            return;
        }
        if (niveauFiche.numerotation() == Numerotation.CONTINUE) {
            List<Fiche> ordre = arbre.fichesDansLOrdre();
            IntStream.range(0, ordre.size()).forEach(i -> referencer(ordre.get(i), niveauFiche.reference(i + 1)));
        } else {
            arbre.branches().forEach(b -> IntStream.range(0, b.fiches().size())
                    .forEach(i -> referencer(b.fiches().get(i), niveauFiche.reference(i + 1))));
            IntStream.range(0, arbre.fichesHorsAxe().size())
                    .forEach(i -> referencer(arbre.fichesHorsAxe().get(i), niveauFiche.reference(i + 1)));
        }
    }

    private void numeroterBranches(Plan plan, List<ArbrePlan.Branche> branches, Map<Integer, Integer> compteursContinus) {
        for (int i = 0; i < branches.size(); i++) {
            ArbrePlan.Branche branche = branches.get(i);
            Niveau niveau = branche.niveau();
            if (niveau.renumerote()) {
                int numero = niveau.numerotation() == Numerotation.CONTINUE
                        ? compteursContinus.merge(niveau.rang(), 1, Integer::sum) : i + 1;
                String reference = niveau.reference(numero);
                if (!Objects.equals(reference, branche.noeud().reference())) {
                    repository.definirReferenceNoeud(branche.noeud().id(), reference);
                }
            }
            numeroterBranches(plan, branche.enfants(), compteursContinus);
        }
    }

    private void referencer(Fiche fiche, String reference) {
        if (!Objects.equals(reference, fiche.reference())) {
            repository.definirReferenceFiche(fiche.id(), reference);
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------

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
        Noeud noeud = noeudDuPlan(conventionId, noeudId);
        int rangAttendu = plan.niveaux().size() - 2;
        if (noeud.rang() != rangAttendu) {
            throw new ErreurValidation("noeudId", "Une fiche se place sous un(e) « " + plan.niveau(rangAttendu).nom()
                    + " », pas sous un(e) « " + plan.niveau(noeud.rang()).nom() + " ».");
        }
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

    private static String referenceLibre(Plan plan, String reference) {
        return plan.niveauFiche().numerotation() == Numerotation.LIBRE ? texte(reference) : null;
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

    private void mettreAJourImplications(long conventionId) {
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
