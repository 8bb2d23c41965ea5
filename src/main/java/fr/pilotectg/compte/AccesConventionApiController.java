package fr.pilotectg.compte;

import java.util.List;

import fr.pilotectg.organisation.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/conventions/{id}/acces")
@Tag(name = "Accès aux conventions", description = "Habilitations par convention (Art. 9) : qui lit et qui modifie, et pourquoi ; "
        + "accès en lecture accordés et retirés par les gestionnaires de la convention.")
class AccesConventionApiController {

    private final AccesConventions acces;

    AccesConventionApiController(AccesConventions acces) {
        this.acces = acces;
    }

    record AccesJson(long utilisateurId, String identifiant, String nomAffiche, Role role, String organisation, boolean lecture,
                     boolean ecriture, List<String> raisons, boolean accesAccorde) {

        static AccesJson de(AccesConventions.Acces a) {
            Compte c = a.compte();
            return new AccesJson(c.id(), c.identifiant(), c.nomAffiche(), c.role(), c.organisationNom(), true, a.ecriture(),
                    a.raisons(), a.habilite());
        }
    }

    record NouvelAcces(Long utilisateurId) {
    }

    @GetMapping
    @Operation(summary = "Qui lit et qui modifie la convention, et pourquoi (gestionnaires de la convention)")
    List<AccesJson> acces(@PathVariable long id) {
        return acces.vue(id).acces().stream().map(AccesJson::de).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Accorder l'accès en lecture à un compte",
            description = "Un agent de la Caf ou un administrateur : à tout compte ; un(e) chargé(e) de coopération d'une partie : "
                    + "aux comptes de sa propre organisation seulement (sinon 403, rien n'est écrit).")
    AccesJson accorder(@PathVariable long id, @RequestBody NouvelAcces nouvel) {
        if (nouvel.utilisateurId() == null) {
            throw new fr.pilotectg.shared.ErreurValidation("utilisateurId", "L'identifiant numérique du compte est obligatoire.");
        }
        Compte compte = acces.accorder(id, nouvel.utilisateurId());
        return acces.vue(id).acces().stream().filter(a -> a.compte().id() == compte.id()).map(AccesJson::de).findFirst().orElseThrow();
    }

    @DeleteMapping("/{utilisateurId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Retirer l'accès en lecture accordé à un compte (mêmes droits que pour l'accorder)")
    void retirer(@PathVariable long id, @PathVariable long utilisateurId) {
        acces.retirer(id, utilisateurId);
    }
}
