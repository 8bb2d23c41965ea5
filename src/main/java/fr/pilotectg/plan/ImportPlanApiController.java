package fr.pilotectg.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A whole plan posted in one request (issue 10 item 9). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Plan d'actions")
class ImportPlanApiController {

    private final ImportPlan importPlan;

    ImportPlanApiController(ImportPlan importPlan) {
        this.importPlan = importPlan;
    }

    record BilanJson(long conventionId, int noeuds, int fiches, int champs,
                     @io.swagger.v3.oas.annotations.media.Schema(description = "Liens à des éléments de référentiel ou objectifs conjoints "
                             + "qui ne sont pas ceux de cette convention (plan copié d'une autre) : ignorés") int liensIgnores) {
    }

    @PostMapping("/conventions/{id}/plan/import")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Importer un plan entier dans une convention au plan vide (409 sinon) ; tout ou rien",
            description = "Le corps est ce que renvoie GET /api/v1/conventions/{id}/plan?complet=true : modele, niveaux, champs "
                    + "ajoutés, noeuds imbriqués avec leurs fiches, fiches à la racine. Les références sont gardées. Une erreur "
                    + "nomme le chemin de l'élément fautif (noeuds[2].fiches[0].titre) et rien n'est écrit.")
    BilanJson importer(@PathVariable long id, @RequestBody PlanComplet.PlanCompletJson corps) {
        ImportPlan.Bilan bilan = importPlan.importer(id, corps);
        return new BilanJson(id, bilan.noeuds(), bilan.fiches(), bilan.champs(), bilan.liensIgnores());
    }
}
