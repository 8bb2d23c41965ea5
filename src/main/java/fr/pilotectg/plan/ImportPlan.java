package fr.pilotectg.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A whole plan posted in one request ({@code POST …/plan/import}, issue 10 item 9) into a convention whose plan is
 * empty: all or nothing (one transaction), references kept, every refusal naming the path of the bad element
 * ({@code noeuds[2].fiches[0].titre}). The body is {@link PlanComplet.PlanCompletJson}, as {@code GET …/plan?complet=true}
 * returns it.
 */
@Service
class ImportPlan {

    private static final Set<String> MEMBRES_FICHE = Set.of("reference", "titre", "annees", "echeances", "notes", "debut", "fin",
            "financements", "sousActions");

    private final PlanService plans;
    private final PlanRepository repository;
    private final ChampsAjoutes champsAjoutes;
    private final ChampsAjoutesRepository champsRepository;
    private final EcritureFiche ecriture;
    private final Journal journal;
    private final LiensDuPlan liens;
    private final ConventionService conventions;

    ImportPlan(ConventionService conventions, PlanService plans, PlanRepository repository, ChampsAjoutes champsAjoutes, ChampsAjoutesRepository champsRepository,
               EcritureFiche ecriture, Journal journal, LiensDuPlan liens) {
        this.conventions = conventions;
        this.liens = liens;
        this.plans = plans;
        this.repository = repository;
        this.champsAjoutes = champsAjoutes;
        this.champsRepository = champsRepository;
        this.ecriture = ecriture;
        this.journal = journal;
    }

    /** {@code liensIgnores}: links to framework items or objectifs conjoints that are not the target convention's (dropped). */
    record Bilan(int noeuds, int fiches, int champs, int liensIgnores) {
    }

    @Transactional
    Bilan importer(long conventionId, PlanComplet.PlanCompletJson corps) {
        conventions.lireUneFoisJusquaLaFinDeLaTransaction();
        if (!plans.peutModifierLePlan(conventionId)) {
            throw new AccesRefuse("Vous ne pouvez pas modifier le plan d'actions de cette convention.");
        }
        if (corps == null) {
            throw new ErreurValidation("corps", "Un plan complet est attendu (modele, niveaux, champs, noeuds, fiches).");
        }
        List<Niveau> niveaux = niveaux(corps);
        Plan existant = repository.plan(conventionId).orElse(null);
        if (existant != null) {
            repository.verrouillerPlan(conventionId);
            if (!repository.noeudsMemeSupprimes(conventionId).isEmpty() || !repository.referencesDeFiches(conventionId).isEmpty()
                    || !champsRepository.clesMemeSupprimees(conventionId).isEmpty()) {
                throw new ConflitDeModification("Cette convention a déjà un plan d'actions avec des éléments, des fiches ou des champs "
                        + "(supprimés compris) : l'import ne se fait que dans un plan vide. Rien n'a été importé.");
            }
            if (existant.modele() != corps.modele()) {
                throw new ErreurValidation("modele", "Le plan vide de cette convention suit le modèle « " + existant.modele().libelle()
                        + " » : importez un plan du même modèle.");
            }
            repository.remplacerNiveaux(conventionId, existant.version(), niveaux);
        } else {
            plans.initialiser(conventionId, corps.modele(), niveaux, corps.comptesDeclares(), corps.calendrier(), corps.notes());
        }
        Plan plan = repository.plan(conventionId).orElseThrow();
        verifierReferences(plan, corps);

        List<PlanComplet.ChampCompletJson> champs = corps.champs() == null ? List.of() : corps.champs();
        for (int i = 0; i < champs.size(); i++) {
            PlanComplet.ChampCompletJson c = champs.get(i);
            String chemin = "champs[" + i + "]";
            if (c == null) {
                throw new ErreurValidation(chemin, "Champ vide : un objet {cle, libelle, type, choix} est attendu.");
            }
            enChemin(chemin, () -> champsAjoutes.creer(conventionId, new ChampsAjoutes.Definition(c.cle(), c.libelle(), c.type(), c.choix(), null)));
        }
        int[] compte = new int[3];
        List<PlanComplet.NoeudCompletJson> noeuds = corps.noeuds() == null ? List.of() : corps.noeuds();
        for (int i = 0; i < noeuds.size(); i++) {
            importerNoeud(plan, conventionId, null, noeuds.get(i), "noeuds[" + i + "]", compte);
        }
        List<PlanComplet.FicheCompleteJson> fiches = corps.fiches() == null ? List.of() : corps.fiches();
        for (int i = 0; i < fiches.size(); i++) {
            Fiche fiche = importerFiche(plan, conventionId, null, fiches.get(i), "fiches[" + i + "]");
            compte[1]++;
            lierFiche(conventionId, fiche, fiches.get(i), compte);
        }
        journal.enregistrer("plan", conventionId, conventionId, "import d'un plan complet", List.of(
                new Changement("Éléments du plan", null, String.valueOf(compte[0])), new Changement("Fiches", null, String.valueOf(compte[1])),
                new Changement("Champs ajoutés", null, String.valueOf(champs.size())),
                new Changement("Liens ignorés (autre convention)", null, String.valueOf(compte[2]))));
        return new Bilan(compte[0], compte[1], champs.size(), compte[2]);
    }

    private void importerNoeud(Plan plan, long conventionId, Long parentId, PlanComplet.NoeudCompletJson n, String chemin, int[] compte) {
        if (n == null) {
            throw new ErreurValidation(chemin, "Élément vide : un objet {reference, titre, noeuds, fiches…} est attendu.");
        }
        Noeud cree = enChemin(chemin, () -> plans.ajouterNoeud(conventionId, parentId, n.reference(), n.titre(), n.texte(),
                n.objectifs() == null ? List.of() : n.objectifs(), n.compteDeclare(), n.contexte()));
        if (plan.niveau(cree.rang()).renumerote() && n.reference() != null && !n.reference().equals(cree.reference())) {
            repository.definirReferenceNoeud(cree.id(), n.reference());
        }
        compte[0]++;
        lierNoeud(conventionId, cree, n, compte);
        List<PlanComplet.NoeudCompletJson> enfants = n.noeuds() == null ? List.of() : n.noeuds();
        for (int i = 0; i < enfants.size(); i++) {
            importerNoeud(plan, conventionId, cree.id(), enfants.get(i), chemin + ".noeuds[" + i + "]", compte);
        }
        List<PlanComplet.FicheCompleteJson> fiches = n.fiches() == null ? List.of() : n.fiches();
        for (int i = 0; i < fiches.size(); i++) {
            Fiche fiche = importerFiche(plan, conventionId, cree.id(), fiches.get(i), chemin + ".fiches[" + i + "]");
            compte[1]++;
            lierFiche(conventionId, fiche, fiches.get(i), compte);
        }
    }

    /**
     * The links of an imported fiche (the last one written): those to the target convention's framework items and
     * objectifs are kept, the others (a plan copied from another convention) dropped and counted in {@code compte[2]}.
     */
    private void lierFiche(long conventionId, Fiche fiche, PlanComplet.FicheCompleteJson f, int[] compte) {
        Liens gardes = liens.garderLesConnus(conventionId, new Liens(f.referentielElements(), f.objectifsConjoints()), compte);
        if (!gardes.vide()) {
            liens.enregistrerFiche(fiche, gardes);
        }
    }

    private void lierNoeud(long conventionId, Noeud noeud, PlanComplet.NoeudCompletJson n, int[] compte) {
        Liens gardes = liens.garderLesConnus(conventionId, new Liens(n.referentielElements(), n.objectifsConjoints()), compte);
        if (!gardes.vide()) {
            liens.enregistrerNoeud(noeud, gardes);
        }
    }

    /** The one place a fiche of the complete format is written (members added to {@link PlanComplet.FicheCompleteJson} are read here). */
    Fiche importerFiche(Plan plan, long conventionId, Long noeudId, PlanComplet.FicheCompleteJson f, String chemin) {
        if (f == null) {
            throw new ErreurValidation(chemin, "Fiche vide : un objet {reference, titre, champs…} est attendu.");
        }
        ChampsAjoutes.Separation champs = champsAjoutes.separer(conventionId, f.champs(), chemin + ".champs.");
        Fiche creee = enChemin(chemin, () -> ecriture.creer(conventionId, noeudId, new ContenuFiche(f.reference(), f.titre(),
                ChampsAPlat.depuisMap(plan.modele(), champs.modele()), f.annees(), f.echeances(), f.notes(),
                DatesFiche.lire("debut", f.debut()), DatesFiche.lire("fin", f.fin())), champs.ajoutes(),
                PlanApiController.lignes(f.financements()), sansIds(f.sousActions()), Liens.AUCUN));
        if (plan.niveauFiche().renumerote() && f.reference() != null && !f.reference().equals(creee.reference())) {
            repository.definirReferenceFiche(creee.id(), f.reference());
        }
        return creee;
    }

    /** Sub-actions of an imported fiche are created anew: ids coming from another plan are ignored. */
    private static List<SousAction> sansIds(List<PlanApiController.SousActionJson> json) {
        return PlanApiController.sousActions(json == null ? null : json.stream().map(s -> s == null ? null : s.sansId()).toList());
    }

    private static List<Niveau> niveaux(PlanComplet.PlanCompletJson corps) {
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        if (corps.modele() == null) {
            erreurs.add(new ErreurValidation.Erreur("modele", "Le modèle de fiche du plan manque."));
        }
        List<PlanComplet.NiveauCompletJson> voulus = corps.niveaux() == null ? List.of() : corps.niveaux();
        if (voulus.size() < 2 || voulus.size() > PlanService.NIVEAUX_MAX) {
            erreurs.add(new ErreurValidation.Erreur("niveaux", "Un plan a de 2 à " + PlanService.NIVEAUX_MAX + " niveaux (le dernier nomme les fiches)."));
        }
        List<Niveau> niveaux = new ArrayList<>();
        for (int i = 0; i < voulus.size(); i++) {
            PlanComplet.NiveauCompletJson n = voulus.get(i);
            if (n == null || n.nom() == null || n.nom().isBlank()) {
                erreurs.add(new ErreurValidation.Erreur("niveaux[" + i + "].nom", "Chaque niveau doit avoir un nom."));
                continue;
            }
            niveaux.add(new Niveau(i, n.nom().strip(), n.numerotation() == null ? Numerotation.PAR_PARENT : n.numerotation(),
                    n.prefixe() == null ? "" : n.prefixe().strip()));
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        return niveaux;
    }

    /** References of fiches stay unique (in the plan, or among siblings when numbered per parent). */
    private static void verifierReferences(Plan plan, PlanComplet.PlanCompletJson corps) {
        boolean parParent = plan.niveauFiche().numerotation() == Numerotation.PAR_PARENT;
        Set<String> vues = new HashSet<>();
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        List<PlanComplet.NoeudCompletJson> noeuds = corps.noeuds() == null ? List.of() : corps.noeuds();
        for (int i = 0; i < noeuds.size(); i++) {
            verifierNoeud(noeuds.get(i), "noeuds[" + i + "]", parParent, vues, erreurs);
        }
        verifierFiches(corps.fiches(), "", "racine", vues, erreurs);
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
    }

    private static void verifierNoeud(PlanComplet.NoeudCompletJson n, String chemin, boolean parParent, Set<String> vues,
                                      List<ErreurValidation.Erreur> erreurs) {
        if (n == null) {
            return;
        }
        Set<String> perimetre = parParent ? new HashSet<>() : vues;
        verifierFiches(n.fiches(), chemin + ".", chemin, perimetre, erreurs);
        List<PlanComplet.NoeudCompletJson> enfants = n.noeuds() == null ? List.of() : n.noeuds();
        for (int i = 0; i < enfants.size(); i++) {
            verifierNoeud(enfants.get(i), chemin + ".noeuds[" + i + "]", parParent, vues, erreurs);
        }
    }

    private static void verifierFiches(List<PlanComplet.FicheCompleteJson> fiches, String prefixe, String lieu, Set<String> vues,
                                       List<ErreurValidation.Erreur> erreurs) {
        if (fiches == null) {
            return;
        }
        for (int i = 0; i < fiches.size(); i++) {
            PlanComplet.FicheCompleteJson f = fiches.get(i);
            if (f != null && f.reference() != null && !f.reference().isBlank() && !vues.add(f.reference().strip())) {
                erreurs.add(new ErreurValidation.Erreur(prefixe + "fiches[" + i + "].reference", "La référence « " + f.reference()
                        + " » est déjà celle d'une autre fiche du plan importé."));
            }
        }
    }

    /** Runs one write; a refusal names the element of the body by its path. */
    private static <T> T enChemin(String chemin, Supplier<T> ecriture) {
        try {
            return ecriture.get();
        } catch (ErreurValidation e) {
            throw new ErreurValidation(e.erreurs().stream().map(x -> new ErreurValidation.Erreur(chemin(chemin, x.champ()), x.message())).toList());
        }
    }

    private static String chemin(String chemin, String champ) {
        if (champ == null || champ.isBlank() || Objects.equals(champ, "parentId") || Objects.equals(champ, "noeudId")
                || Objects.equals(champ, "plan") || Objects.equals(champ, "corps")) {
            return chemin;
        }
        if (champ.startsWith(chemin)) {
            return champ;
        }
        if (champ.startsWith("sousActions") || champ.startsWith("financements")) {
            return chemin + "." + champ;
        }
        return MEMBRES_FICHE.contains(champ) || champ.equals("libelle") || champ.equals("type") || champ.equals("choix")
                || champ.equals("cle") || champ.equals("texte") || champ.equals("objectifs") || champ.equals("contexte")
                ? chemin + "." + champ : chemin + ".champs." + champ;
    }
}
