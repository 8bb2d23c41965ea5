package fr.pilotectg.compte;

import fr.pilotectg.organisation.UtilisateurConnecte;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/compte")
@Tag(name = "Mon compte", description = "Mot de passe du compte connecté.")
class MotDePasseApiController {

    private final MotsDePasseService motsDePasse;

    MotDePasseApiController(MotsDePasseService motsDePasse) {
        this.motsDePasse = motsDePasse;
    }

    record ChangementDeMotDePasse(String actuel, String nouveau) {
    }

    @PutMapping("/mot-de-passe")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Changer mon mot de passe (12 caractères au moins, pas un mot de passe courant) ; mes sessions ouvertes se terminent")
    void changer(@RequestBody ChangementDeMotDePasse changement) {
        motsDePasse.changer(UtilisateurConnecte.courant(), changement.actuel(), changement.nouveau(), changement.nouveau());
    }
}
