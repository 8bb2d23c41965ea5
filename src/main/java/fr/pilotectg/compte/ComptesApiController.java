package fr.pilotectg.compte;

import java.util.List;

import fr.pilotectg.organisation.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/utilisateurs")
@Tag(name = "Comptes", description = "Administration des comptes : administrateurs (tous les comptes) et administrateurs "
        + "de Caf (comptes de leur Caf et des organisations de ses conventions). Un compte n'est jamais supprimé, il est désactivé.")
class ComptesApiController {

    private final ComptesService comptes;

    ComptesApiController(ComptesService comptes) {
        this.comptes = comptes;
    }

    record CompteJson(long id, String identifiant, String nomAffiche, Role role, Long organisationId, String organisation,
                      boolean actif, boolean administrateurCaf, int version) {

        static CompteJson de(Compte c) {
            return new CompteJson(c.id(), c.identifiant(), c.nomAffiche(), c.role(), c.organisationId(), c.organisationNom(),
                    c.actif(), c.administrateurCaf(), c.version());
        }
    }

    record InvitationJson(String lien, boolean envoyeParCourriel, java.time.OffsetDateTime expireLe) {
    }

    record CompteCreeJson(CompteJson compte, InvitationJson invitation) {

        static CompteCreeJson de(CompteCree cree) {
            MotsDePasseService.Invitation i = cree.invitation();
            return new CompteCreeJson(CompteJson.de(cree.compte()), new InvitationJson(i.lien(), i.envoyeParCourriel(), i.expireLe()));
        }
    }

    record PageJson(List<CompteJson> comptes, long total, int page, int nombreDePages) {
    }

    record Version(Integer version) {
    }

    @GetMapping
    @Operation(summary = "Comptes que je gère, 50 par page, cherchés par adresse, nom ou organisation")
    PageJson comptes(@RequestParam(name = "q", required = false) String q, @RequestParam(name = "page", defaultValue = "1") int page) {
        PageDeComptes resultats = comptes.rechercher(q, page);
        return new PageJson(resultats.comptes().stream().map(CompteJson::de).toList(), resultats.total(), resultats.page(),
                resultats.nombreDePages());
    }

    @GetMapping("/{utilisateurId}")
    @Operation(summary = "Un compte que je gère")
    CompteJson compte(@PathVariable long utilisateurId) {
        return CompteJson.de(comptes.compte(utilisateurId));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Créer le compte d'une personne d'une organisation",
            description = "L'identifiant est l'adresse électronique de la personne. Le compte n'a pas de mot de passe : "
                    + "la personne le choisit par le lien d'invitation (72 heures, une seule fois), envoyé par courriel si un "
                    + "serveur SMTP est configuré, sinon donné une seule fois dans « invitation.lien » pour être transmis.")
    CompteCreeJson creer(@RequestBody NouveauCompte nouveau) {
        return CompteCreeJson.de(comptes.creer(nouveau, MotDePasseController.urlDeBase()));
    }

    @PostMapping("/{utilisateurId}/invitation")
    @Operation(summary = "Nouveau lien d'invitation (les liens précédents non utilisés expirent) ; sert aussi à réinitialiser un mot de passe oublié sans courriel")
    CompteCreeJson inviter(@PathVariable long utilisateurId) {
        return CompteCreeJson.de(comptes.inviter(utilisateurId, MotDePasseController.urlDeBase()));
    }

    @PutMapping("/{utilisateurId}/role")
    @Operation(summary = "Changer le rôle d'un compte (avec la version lue)")
    CompteJson changerRole(@PathVariable long utilisateurId, @RequestBody ChangementDeRole changement) {
        return CompteJson.de(comptes.changerRole(utilisateurId, changement));
    }

    @PostMapping("/{utilisateurId}/desactivation")
    @Operation(summary = "Désactiver un compte : ses sessions se terminent et ses jetons d'API sont révoqués aussitôt")
    CompteJson desactiver(@PathVariable long utilisateurId, @RequestBody Version version) {
        return CompteJson.de(comptes.desactiver(utilisateurId, version.version()));
    }

    @PostMapping("/{utilisateurId}/reactivation")
    @Operation(summary = "Réactiver un compte désactivé")
    CompteJson reactiver(@PathVariable long utilisateurId, @RequestBody Version version) {
        return CompteJson.de(comptes.reactiver(utilisateurId, version.version()));
    }
}
