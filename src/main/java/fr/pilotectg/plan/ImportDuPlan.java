package fr.pilotectg.plan;

import org.springframework.stereotype.Service;

/**
 * The complete-plan import ({@link ImportPlan}) offered to other features (the document importer): the same checks
 * (plan editors only, empty plan only), the same journal entry, all or nothing.
 */
@Service
public class ImportDuPlan {

    private final ImportPlan importPlan;

    ImportDuPlan(ImportPlan importPlan) {
        this.importPlan = importPlan;
    }

    /** What was created. */
    public record Bilan(int noeuds, int fiches, int champs) {
    }

    public Bilan importer(long conventionId, PlanComplet.PlanCompletJson plan) {
        ImportPlan.Bilan b = importPlan.importer(conventionId, plan);
        return new Bilan(b.noeuds(), b.fiches(), b.champs());
    }
}
