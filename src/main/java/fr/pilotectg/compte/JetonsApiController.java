package fr.pilotectg.compte;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import fr.pilotectg.organisation.UtilisateurConnecte;
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
@RequestMapping("/api/v1/jetons")
@Tag(name = "Jetons d'API", description = "Jetons personnels des scripts : en-tête « Authorization: Bearer <jeton> » "
        + "sur /api/v1, sans mot de passe ni session.")
class JetonsApiController {

    private final JetonsService jetons;

    JetonsApiController(JetonsService jetons) {
        this.jetons = jetons;
    }

    record JetonJson(long id, String nom, String prefixe, OffsetDateTime creeLe, OffsetDateTime derniereUtilisation,
                     LocalDate expireLe) {

        static JetonJson de(Jeton j) {
            return new JetonJson(j.id(), j.nom(), j.prefixe(), j.creeLe(), j.derniereUtilisation(), j.expireLe());
        }
    }

    record JetonCreeJson(long id, String nom, String prefixe, OffsetDateTime creeLe, LocalDate expireLe, String jeton) {
    }

    @GetMapping
    @Operation(summary = "Mes jetons d'API non révoqués (jamais leur valeur, seulement leur début)")
    List<JetonJson> jetons() {
        return jetons.jetons(UtilisateurConnecte.courant()).stream().map(JetonJson::de).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Créer un jeton d'API personnel ; sa valeur (« jeton ») n'est donnée qu'une fois, dans cette réponse",
            description = "Corps : {\"nom\": \"Script d'import\", \"expireLe\": \"AAAA-MM-JJ\" (dernier jour de validité, "
                    + "facultatif)}. Refusé (403) à une requête authentifiée par un jeton.")
    JetonCreeJson creer(@RequestBody NouveauJeton nouveau) {
        JetonCree cree = jetons.creer(UtilisateurConnecte.courant(), nouveau);
        Jeton j = cree.jeton();
        return new JetonCreeJson(j.id(), j.nom(), j.prefixe(), j.creeLe(), j.expireLe(), cree.valeur());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Révoquer un de mes jetons (un administrateur : n'importe quel jeton)")
    void revoquer(@PathVariable long id) {
        jetons.revoquer(UtilisateurConnecte.courant(), id);
    }
}
