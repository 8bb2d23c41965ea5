package fr.pilotectg.texte;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of a convention's objectifs conjoints; same rights as the convention. */
@RestController
@RequestMapping("/api/v1/conventions/{id}/objectifs-conjoints")
@Tag(name = "Objectifs conjoints")
class ObjectifsApiController {

    private final ObjectifsService objectifs;

    ObjectifsApiController(ObjectifsService objectifs) {
        this.objectifs = objectifs;
    }

    record SignataireJson(long id, String nom) {
    }

    record ObjectifJson(String intitule, String texte, String groupe, String libelleGroupe, List<SignataireJson> parties,
                        @io.swagger.v3.oas.annotations.media.Schema(description = "Identifiant stable (renvoyez-le pour modifier l'objectif sans perdre ses liens au plan)") Long id) {
    }

    record ObjectifsJson(long conventionId, int version, int nombreGroupes, List<ObjectifJson> objectifs, boolean modifiable) {
    }

    record ObjectifsModificationJson(Integer version, List<SaisieObjectif> objectifs) {
    }

    @GetMapping
    @Operation(summary = "Objectifs conjoints et le groupe de signataires que chacun engage")
    ObjectifsJson liste(@PathVariable long id) {
        return json(objectifs.objectifs(id));
    }

    @PutMapping
    @Operation(summary = "Remplacer les objectifs conjoints (parties : identifiants d'organisations parties à la convention ; "
            + "la version lue est obligatoire : 409 si elle a changé)",
            description = "Un objectif envoyé avec son id est modifié (ses liens aux fiches et axes restent), sans id il est créé ; "
                    + "un objectif non envoyé est supprimé avec ses liens.")
    ObjectifsJson modifier(@PathVariable long id, @RequestBody ObjectifsModificationJson demande) {
        return json(objectifs.modifier(id, demande.version(), demande.objectifs()));
    }

    private static ObjectifsJson json(ObjectifsConjoints o) {
        return new ObjectifsJson(o.conventionId(), o.version(), o.groupes().size(), o.objectifs().stream()
                .map(x -> new ObjectifJson(x.intitule(), x.html(), o.libelle(x), x.libelleGroupe(), x.organisations().stream()
                        .map(p -> new SignataireJson(p, o.nomsDesParties().getOrDefault(p, "organisation " + p))).toList(), x.id()))
                .toList(), o.modifiable());
    }
}
