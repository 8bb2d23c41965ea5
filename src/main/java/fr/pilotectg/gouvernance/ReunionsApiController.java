package fr.pilotectg.gouvernance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the meetings of a convention's bodies and their decisions; same rights as the convention. */
@RestController
@RequestMapping("/api/v1/conventions/{id}/reunions")
@Tag(name = "Gouvernance")
class ReunionsApiController {

    private final ReunionsService reunions;
    private final GouvernanceService gouvernance;

    ReunionsApiController(ReunionsService reunions, GouvernanceService gouvernance) {
        this.reunions = reunions;
        this.gouvernance = gouvernance;
    }

    @GetMapping("/{reunionId}")
    @Operation(summary = "Une réunion : instance, date, lieu, participants et présences, ordre du jour, décisions, compte rendu")
    GouvernanceApiController.ReunionGouvernanceJson lire(@PathVariable long id, @PathVariable long reunionId) {
        Reunion r = reunions.reunion(id, reunionId);
        return GouvernanceApiController.reunion(gouvernance.gouvernance(id), r);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Créer une réunion d'une instance (instanceId : son identifiant dans la gouvernance) avec ses décisions ; "
            + "hors de la période de la convention : 400, sauf réunion de préparation avant le début, avec une note")
    GouvernanceApiController.ReunionGouvernanceJson creer(@PathVariable long id, @RequestBody SaisieReunion demande) {
        return GouvernanceApiController.reunion(gouvernance.gouvernance(id), reunions.creer(id, demande));
    }

    @PutMapping("/{reunionId}")
    @Operation(summary = "Remplacer une réunion et ses décisions (statut des décisions : A_FAIRE, EN_COURS, FAIT, ABANDONNEE ; "
            + "version lue obligatoire, 409 si elle a changé)")
    GouvernanceApiController.ReunionGouvernanceJson modifier(@PathVariable long id, @PathVariable long reunionId,
                                                             @RequestBody SaisieReunion demande) {
        return GouvernanceApiController.reunion(gouvernance.gouvernance(id), reunions.modifier(id, reunionId, demande));
    }

    @DeleteMapping("/{reunionId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Supprimer une réunion (version lue en paramètre)")
    void supprimer(@PathVariable long id, @PathVariable long reunionId, @RequestParam(required = false) Integer version) {
        reunions.supprimer(id, reunionId, version);
    }
}
