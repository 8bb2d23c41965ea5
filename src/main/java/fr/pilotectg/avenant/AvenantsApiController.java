package fr.pilotectg.avenant;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of a convention's versions and avenants (ADR 0025); readers read, managers write. */
@RestController
@RequestMapping("/api/v1/conventions/{id}")
@Tag(name = "Avenants et versions")
class AvenantsApiController {

    private final VersionsService versions;
    private final AvenantsService avenants;

    AvenantsApiController(VersionsService versions, AvenantsService avenants) {
        this.versions = versions;
        this.avenants = avenants;
    }

    record VersionResume(int numero, String cause, Integer avenant, LocalDate dateEffet, String creeePar, boolean enVigueur) {
    }

    record Versions(int versionEnVigueur, List<VersionResume> versions) {
    }

    record AvenantJson(int numero, String objet, StatutAvenant statut, int versionBase, Integer versionCreee,
                       LocalDate signeLe, LocalDate enVigueurLe, int version, List<ChangementAvenant> changements) {
    }

    record Redaction(AvenantJson avenant, List<String> avertissements) {
    }

    record ChangementStatut(Integer version, StatutAvenant statut, LocalDate date) {
    }

    @GetMapping("/versions")
    @Operation(summary = "Versions de la convention (1 à la signature, puis une par avenant signé) et numéro de la version en vigueur")
    Versions versions(@PathVariable long id) {
        int enVigueur = versions.versionEnVigueur(id);
        return new Versions(enVigueur, versions.versions(id).stream().map(v -> new VersionResume(v.numero(), v.cause(),
                v.avenantNumero(), v.dateEffet(), v.creeePar(), v.numero() == enVigueur)).toList());
    }

    @PostMapping("/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Établir la version 1 d'une convention signée avant que ses versions soient tenues (ensuite, ses parties "
            + "contractuelles ne changent que par avenant)")
    VersionConvention etablir(@PathVariable long id) {
        return versions.etablirVersionSignee(id);
    }

    @GetMapping("/versions/{numero}")
    @Operation(summary = "Une version : le contenu contractuel figé (texte, parties, période, plan)")
    VersionConvention version(@PathVariable long id, @PathVariable int numero) {
        return versions.version(id, numero);
    }

    @GetMapping("/versions/{de}/comparaison/{a}")
    @Operation(summary = "Différences lisibles entre deux versions")
    List<Difference> comparer(@PathVariable long id, @PathVariable int de, @PathVariable int a) {
        return versions.comparer(id, de, a);
    }

    @GetMapping("/avenants")
    @Operation(summary = "Avenants de la convention, par numéro")
    List<AvenantJson> avenants(@PathVariable long id) {
        return avenants.avenants(id).stream().map(AvenantsApiController::json).toList();
    }

    @PostMapping("/avenants")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Rédiger un projet d'avenant (changements typés ; 400 s'il ne change rien, 409 si la version de base "
            + "n'est plus en vigueur ou si un autre projet change déjà la même fiche, sauf « confirmerChevauchement »)")
    Redaction rediger(@PathVariable long id, @RequestBody SaisieAvenant saisie) {
        AvenantsService.Redaction r = avenants.rediger(id, saisie);
        return new Redaction(json(r.avenant()), r.avertissements());
    }

    @GetMapping("/avenants/{numero}")
    @Operation(summary = "Un avenant")
    AvenantJson avenant(@PathVariable long id, @PathVariable int numero) {
        return json(avenants.avenant(id, numero));
    }

    @GetMapping("/avenants/{numero}/differences")
    @Operation(summary = "Différences lisibles de l'avenant avec la version en vigueur (ou, signé, entre la version d'avant et la sienne)")
    List<Difference> differences(@PathVariable long id, @PathVariable int numero) {
        return avenants.differences(id, numero);
    }

    @PostMapping("/avenants/{numero}/statut")
    @Operation(summary = "Signer un projet (ses changements s'appliquent d'un bloc et une version est prise) ou le mettre en vigueur")
    AvenantJson statut(@PathVariable long id, @PathVariable int numero, @RequestBody ChangementStatut demande) {
        return json(avenants.changerStatut(id, numero, demande.version(), demande.statut(), demande.date()));
    }

    private static AvenantJson json(Avenant a) {
        return new AvenantJson(a.numero(), a.objet(), a.statut(), a.versionBase(), a.versionCreee(), a.signeLe(),
                a.enVigueurLe(), a.version(), a.changements());
    }
}
