package fr.pilotectg.referentiel;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the reference frameworks of a convention; same rights as the convention. */
@RestController
@RequestMapping("/api/v1/conventions/{id}/referentiels")
@Tag(name = "Référentiels")
class ReferentielsApiController {

    private final ReferentielsService referentiels;

    ReferentielsApiController(ReferentielsService referentiels) {
        this.referentiels = referentiels;
    }

    record ElementReferentielJson(long id, String code, String intitule, List<ElementReferentielJson> elements) {
    }

    record ReferentielJson(long id, String nom, String proprietaire, List<ElementReferentielJson> elements) {
    }

    record ReferentielsJson(long conventionId, int version, List<ReferentielJson> referentiels, boolean modifiable) {
    }

    record ReferentielsModificationJson(Integer version, List<SaisieReferentiel> referentiels) {
    }

    @GetMapping
    @Operation(summary = "Référentiels auxquels la convention se réfère (missions de la Caf, orientations du schéma "
            + "départemental, axes d'un projet de territoire), avec leurs éléments ordonnés sur deux niveaux")
    ReferentielsJson liste(@PathVariable long id) {
        return json(referentiels.referentiels(id));
    }

    @PutMapping
    @Operation(summary = "Remplacer les référentiels (renvoyer l'« id » d'un référentiel ou d'un élément le garde, avec ce "
            + "qui lui est lié ; sans « id », il est créé ; absent, il est supprimé ; un seul niveau de sous-éléments ; "
            + "la version lue est obligatoire : 409 si elle a changé)")
    ReferentielsJson modifier(@PathVariable long id, @RequestBody ReferentielsModificationJson demande) {
        return json(referentiels.modifier(id, demande.version(), demande.referentiels()));
    }

    private static ReferentielsJson json(Referentiels r) {
        return new ReferentielsJson(r.conventionId(), r.version(), r.referentiels().stream()
                .map(x -> new ReferentielJson(x.id(), x.nom(), x.proprietaire(), x.elements().stream()
                        .map(ReferentielsApiController::json).toList()))
                .toList(), r.modifiable());
    }

    private static ElementReferentielJson json(ElementReferentiel e) {
        return new ElementReferentielJson(e.id(), e.code(), e.intitule(),
                e.sousElements().stream().map(ReferentielsApiController::json).toList());
    }
}
