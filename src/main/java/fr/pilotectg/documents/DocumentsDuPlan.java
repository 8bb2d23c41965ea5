package fr.pilotectg.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.plan.ArbrePlan;
import fr.pilotectg.plan.Fiche;
import fr.pilotectg.plan.FiltreFiches;
import fr.pilotectg.plan.PlanService;
import fr.pilotectg.plan.VueFiche;
import fr.pilotectg.plan.VuePlan;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Introuvable;
import org.springframework.stereotype.Service;

/** The plan's documents: one fiche sheet, every fiche of the plan (one per page), the programme table (landscape). */
@Service
public class DocumentsDuPlan {

    private final PlanService plans;
    private final ConventionService conventions;
    private final ComplementsDesFiches complements;

    DocumentsDuPlan(PlanService plans, ConventionService conventions, ComplementsDesFiches complements) {
        this.plans = plans;
        this.conventions = conventions;
        this.complements = complements;
    }

    /** Reads the fiche first (its convention's read right). */
    public Document fiche(long ficheId) {
        VueFiche vue = plans.fiche(ficheId);
        List<Document.Bloc> blocs = new ArrayList<>(FicheEnBlocs.blocs(vue.fiche(), vue.modele(), 1, vue.chemin(),
                complements.deLaConvention(vue.fiche().conventionId()).apply(vue.fiche())));
        return new Document("Fiche action " + FicheEnBlocs.intitule(vue.fiche()), vue.conventionTitre(), false, blocs);
    }

    public String nomFiche(long ficheId) {
        VueFiche vue = plans.fiche(ficheId);
        return vue.conventionTitre() + " – fiche " + (vue.fiche().reference() == null ? String.valueOf(ficheId) : vue.fiche().reference());
    }

    /** Every fiche of the plan in plan order, one per page; "Plan d'actions non renseigné" without a plan. */
    public Document fiches(long conventionId) {
        Convention convention = conventions.convention(conventionId);
        Optional<VuePlan> plan = plans.vuePlan(conventionId, FiltreFiches.AUCUN);
        List<Document.Bloc> blocs = new ArrayList<>();
        if (plan.isEmpty() || plan.get().total() == 0) {
            blocs.add(Document.Paragraphe.de(DocumentConvention.PLAN_NON_RENSEIGNE));
        } else {
            ArbrePlan arbre = plan.get().arbre();
            Function<Fiche, ComplementsDesFiches.Complements> complementsDe = complements.deLaConvention(conventionId);
            boolean premiere = true;
            for (Fiche fiche : arbre.fichesDansLOrdre()) {
                if (!premiere) {
                    blocs.add(new Document.SautDePage());
                }
                premiere = false;
                blocs.addAll(FicheEnBlocs.blocs(fiche, arbre.plan().modele(), 1, arbre.chemin(fiche.noeudId()), complementsDe.apply(fiche)));
            }
        }
        return new Document("Fiches actions", convention.titre(), false, blocs);
    }

    /** "12" → 12; null or blank → null (the whole plan); anything else → 400 naming the field. */
    static Long noeud(String valeur) {
        if (valeur == null || valeur.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(valeur.strip());
            if (id <= 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new ErreurValidation("noeud", "L'élément du plan « noeud » doit être l'identifiant (un nombre entier positif) d'un élément de ce plan.");
        }
    }

    /**
     * The fiches of one node of the plan and of its descendants, in plan order, one per page; a node of another
     * convention (or none) → 404, after the convention's read right.
     */
    public Document fichesDuNoeud(long conventionId, long noeudId) {
        Convention convention = conventions.convention(conventionId);
        ArbrePlan arbre = plans.vuePlan(conventionId, FiltreFiches.AUCUN).map(VuePlan::arbre)
                .orElseThrow(() -> new Introuvable("Cette convention n'a pas de plan d'actions."));
        ArbrePlan.Branche branche = arbre.branches().filter(b -> b.noeud().id() != null && b.noeud().id() == noeudId).findFirst()
                .orElseThrow(() -> new Introuvable("Élément du plan " + noeudId + " introuvable dans cette convention."));
        String intitule = branche.niveau().nom() + " " + (branche.noeud().reference() == null ? "" : branche.noeud().reference() + " – ")
                + branche.noeud().titre();
        List<Document.Bloc> blocs = new ArrayList<>();
        List<Fiche> fiches = branche.toutesLesFiches().toList();
        if (fiches.isEmpty()) {
            blocs.add(Document.Paragraphe.de("Aucune fiche action dans cet élément du plan."));
        }
        Function<Fiche, ComplementsDesFiches.Complements> complementsDe = complements.deLaConvention(conventionId);
        boolean premiere = true;
        for (Fiche fiche : fiches) {
            if (!premiere) {
                blocs.add(new Document.SautDePage());
            }
            premiere = false;
            blocs.addAll(FicheEnBlocs.blocs(fiche, arbre.plan().modele(), 1, arbre.chemin(fiche.noeudId()), complementsDe.apply(fiche)));
        }
        return new Document("Fiches actions – " + intitule, convention.titre(), false, blocs);
    }

    public Document programme(long conventionId) {
        Convention convention = conventions.convention(conventionId);
        Optional<VuePlan> plan = plans.vuePlan(conventionId, FiltreFiches.AUCUN);
        List<Document.Bloc> blocs = new ArrayList<>();
        blocs.add(new Document.Titre(1, "Programmation des actions"));
        blocs.add(plan.filter(p -> p.total() > 0).map(p -> (Document.Bloc) Programme.tableau(p.arbre(), p.annees()))
                .orElse(Document.Paragraphe.de(DocumentConvention.PLAN_NON_RENSEIGNE)));
        return new Document("Programme des actions", convention.titre() + " — " + convention.periode().libelle(), false, true, blocs);
    }
}
