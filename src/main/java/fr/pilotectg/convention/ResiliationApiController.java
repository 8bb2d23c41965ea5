package fr.pilotectg.convention;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import fr.pilotectg.shared.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the résiliation of a convention (issue 14, item 6). */
@RestController
@RequestMapping("/api/v1/conventions/{id}/resiliation")
@Tag(name = "Conventions")
class ResiliationApiController {

    private final ResiliationService resiliations;

    ResiliationApiController(ResiliationService resiliations) {
        this.resiliations = resiliations;
    }

    record ResiliationDemandeJson(Integer version, ModeResiliation mode, LocalDate dateResiliation,
                                  LocalDate dateNotification, LocalDate dateReception, String commentaire) {
    }

    record ResiliationJson(long conventionId, ModeResiliation mode, String modeLibelle, LocalDate dateResiliation,
                           LocalDate dateNotification, LocalDate dateReception, LocalDate dateEffet, boolean effective,
                           String libelle, String commentaire, String enregistreePar, OffsetDateTime enregistreeLe) {
    }

    record EtatResiliationJson(boolean resiliee, ResiliationJson resiliation) {
    }

    @GetMapping
    @Operation(summary = "La résiliation de la convention : {resiliee: false, resiliation: null} si elle n'est pas résiliée")
    EtatResiliationJson lire(@PathVariable long id) {
        return resiliations.resiliation(id).map(r -> new EtatResiliationJson(true, json(r)))
                .orElse(new EtatResiliationJson(false, null));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Résilier la convention : mode (MISE_EN_DEMEURE, SANS_MISE_EN_DEMEURE, DENONCIATION), dates ; "
            + "la date d'effet est calculée (réception + 1 mois, immédiate, dénonciation + 6 mois)")
    ResiliationJson resilier(@PathVariable long id, @RequestBody ResiliationDemandeJson demande) {
        Resiliation r = resiliations.resilier(id, Versions.exiger(demande.version()), new Resiliation.Demande(demande.mode(),
                demande.dateResiliation(), demande.dateNotification(), demande.dateReception(), demande.commentaire()));
        return json(r);
    }

    private ResiliationJson json(Resiliation r) {
        return new ResiliationJson(r.conventionId(), r.mode(), r.mode().libelle(), r.dateResiliation(), r.dateNotification(),
                r.dateReception(), r.dateEffet(), !resiliations.enAttenteDEffet(r), r.libelle(), r.commentaire(),
                r.enregistreePar(), r.enregistreeLe());
    }
}
