package fr.pilotectg.avenant;

import java.time.LocalDate;
import java.util.List;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.StatutConvention;
import fr.pilotectg.plan.PlanService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** "Préparer la CTG suivante" through the API. */
@RestController
@Tag(name = "Avenants et versions")
class RenouvellementApiController {

    private final RenouvellementService renouvellements;
    private final PlanService plans;

    RenouvellementApiController(RenouvellementService renouvellements, PlanService plans) {
        this.renouvellements = renouvellements;
        this.plans = plans;
    }

    record FicheReprise(long id, long predecesseurId) {
    }

    record Renouvellement(long id, String titre, StatutConvention statut, LocalDate dateDebut, LocalDate dateFin,
                          long predecesseurId, List<FicheReprise> fichesReprises) {
    }

    @PostMapping("/api/v1/conventions/{id}/renouvellement")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Préparer la CTG suivante d'une convention signée ou terminée (400 pour une convention en préparation) : "
            + "même Caf et territoire, parties et représentants confirmés (parties : ids d'organisation, representants : ids de "
            + "mandat ; absents, tous sont repris ; la Caf et l'EPCI du territoire le sont toujours ; un représentant suit sa "
            + "partie), niveaux du plan, fiches cochées reliées à leur fiche précédente, "
            + "évaluation de la CTG précédente jointe")
    Renouvellement renouveler(@PathVariable long id, @RequestBody SaisieRenouvellement saisie) {
        Convention c = renouvellements.renouveler(id, saisie);
        return new Renouvellement(c.id(), c.titre(), c.statut(), c.periode().dateDebut(), c.periode().dateFin(), id,
                plans.predecesseurs(c.id()).entrySet().stream().map(e -> new FicheReprise(e.getKey(), e.getValue())).toList());
    }
}
