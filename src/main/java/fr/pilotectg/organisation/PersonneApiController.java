package fr.pilotectg.organisation;

import java.util.List;

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

/** JSON API of people and their mandates; same rights as the pages ({@link DroitsOrganisations}). */
@RestController
@RequestMapping("/api/v1/personnes")
@Tag(name = "Personnes")
class PersonneApiController {

    private final AnnuairePersonnes personnes;

    PersonneApiController(AnnuairePersonnes personnes) {
        this.personnes = personnes;
    }

    record PersonneSaisieJson(Integer version, String civilite, String prenom, String nom,
                              List<SaisiePersonne.SaisieMandat> mandats, Boolean nouvellePersonneConfirmee) {
        SaisiePersonne saisie() {
            return new SaisiePersonne(civilite, prenom, nom, mandats);
        }
    }

    record PagePersonnesJson(long total, int page, int taille, List<FichePersonne> personnes) {
    }

    @GetMapping
    @Operation(summary = "Personnes (nom, prénom ou organisation, sans tenir compte des accents), avec leurs mandats")
    PagePersonnesJson liste(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page) {
        PageAnnuaire<FichePersonne> resultats = personnes.liste(q, page);
        return new PagePersonnesJson(resultats.total(), resultats.page(), resultats.taille(), resultats.elements());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Une personne et ses mandats")
    FichePersonne personne(@PathVariable long id) {
        return personnes.fiche(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Créer une personne et ses mandats ; 400 avec les personnes proches (candidats) si un nom voisin a "
            + "un mandat dans une organisation liée, sauf nouvellePersonneConfirmee")
    FichePersonne creer(@RequestBody PersonneSaisieJson saisie) {
        return personnes.creer(saisie.saisie(), Boolean.TRUE.equals(saisie.nouvellePersonneConfirmee()));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Modifier une personne ; un mandat avec id est modifié, sans id ajouté, les autres gardés "
            + "(version obligatoire : 409 si elle a changé)")
    FichePersonne modifier(@PathVariable long id, @RequestBody PersonneSaisieJson saisie) {
        return personnes.modifier(id, OrganisationApiController.version(saisie.version()), saisie.saisie());
    }
}
