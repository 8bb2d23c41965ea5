package fr.pilotectg.organisation;

import java.util.List;

import fr.pilotectg.shared.ErreurValidation;
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

/** JSON API of the organisations directory; same rights as the pages ({@link DroitsOrganisations}). */
@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Organisations")
class OrganisationApiController {

    private final AnnuaireOrganisations annuaire;

    OrganisationApiController(AnnuaireOrganisations annuaire) {
        this.annuaire = annuaire;
    }

    record OrganisationDetailJson(long id, int version, String nom, String sigle, TypeOrganisation type, String codeInsee,
                                  String siren, String codeDepartement, String adresse, boolean actif, Long fusionneeDans,
                                  List<String> aliases) {
        static OrganisationDetailJson de(FicheOrganisation o) {
            return new OrganisationDetailJson(o.id(), o.version(), o.nom(), o.sigle(), o.type(), o.codeInsee(), o.siren(),
                    o.codeDepartement(), o.adresse(), o.actif(), o.fusionneeDans(), o.aliases());
        }
    }

    record OrganisationSaisieJson(Integer version, TypeOrganisation type, String nom, String sigle, String siren,
                                  String codeDepartement, String adresse, List<String> aliases) {
        SaisieOrganisation saisie() {
            return new SaisieOrganisation(type, nom, sigle, siren, codeDepartement, adresse, aliases);
        }
    }

    record PageOrganisationsJson(long total, int page, int taille, List<OrganisationDetailJson> organisations) {
    }

    record FusionJson(Integer version, Long gardeeId, Integer versionGardee) {
    }

    record VersionJson(Integer version) {
    }

    @GetMapping
    @Operation(summary = "Organisations candidates pour un nom (type, département, SIREN, score de 0 à 1, meilleures d'abord) ; "
            + "accessible à tout utilisateur connecté")
    List<AnnuaireOrganisations.CandidatJson> candidats(@RequestParam(required = false) String q,
                                                       @RequestParam(required = false) TypeOrganisation type,
                                                       @RequestParam(defaultValue = "10") int limite) {
        if (q == null || q.isBlank()) {
            throw new ErreurValidation("q", "Indiquez le nom (ou le sigle, un autre nom, le SIREN) à chercher.");
        }
        return annuaire.candidats(q, type, limite).stream().map(AnnuaireOrganisations.CandidatJson::de).toList();
    }

    @GetMapping("/liste")
    @Operation(summary = "Liste paginée des organisations (agents Caf et administrateurs), tri nom, type, departement ou siren")
    PageOrganisationsJson liste(@RequestParam(required = false) String q, @RequestParam(required = false) TypeOrganisation type,
                                @RequestParam(defaultValue = "false") boolean inactives,
                                @RequestParam(required = false) String tri, @RequestParam(defaultValue = "1") int page) {
        PageAnnuaire<FicheOrganisation> resultats = annuaire.liste(q, type, inactives, tri, page);
        return new PageOrganisationsJson(resultats.total(), resultats.page(), resultats.taille(),
                resultats.elements().stream().map(OrganisationDetailJson::de).toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Une organisation avec ses autres noms (agents Caf et administrateurs)")
    OrganisationDetailJson organisation(@PathVariable long id) {
        DroitsOrganisations.verifierConsultation(UtilisateurConnecte.courant());
        return OrganisationDetailJson.de(annuaire.fiche(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Créer une organisation (agents Caf et administrateurs) ; SIREN vérifié (9 chiffres, clé de Luhn)")
    OrganisationDetailJson creer(@RequestBody OrganisationSaisieJson saisie) {
        return OrganisationDetailJson.de(annuaire.creer(saisie.saisie()));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Modifier une organisation (version lue obligatoire : 409 si elle a changé)")
    OrganisationDetailJson modifier(@PathVariable long id, @RequestBody OrganisationSaisieJson saisie) {
        return OrganisationDetailJson.de(annuaire.modifier(id, version(saisie.version()), saisie.saisie()));
    }

    @PostMapping("/{id}/fusion")
    @Operation(summary = "Fusionner ce doublon dans l'organisation gardée : toutes les références y sont déplacées "
            + "(administrateurs)")
    OrganisationDetailJson fusionner(@PathVariable long id, @RequestBody FusionJson fusion) {
        if (fusion.gardeeId() == null) {
            throw new ErreurValidation("gardeeId", "Indiquez l'organisation à garder (gardeeId).");
        }
        if (fusion.versionGardee() == null) {
            throw new ErreurValidation("versionGardee", "Version manquante pour l'organisation gardée (versionGardee).");
        }
        return OrganisationDetailJson.de(annuaire.fusionner(id, version(fusion.version()), fusion.gardeeId(), fusion.versionGardee()));
    }

    @PostMapping("/{id}/desactivation")
    @Operation(summary = "Désactiver une organisation : gardée, mais plus proposée (administrateurs)")
    OrganisationDetailJson desactiver(@PathVariable long id, @RequestBody VersionJson corps) {
        return OrganisationDetailJson.de(annuaire.desactiver(id, version(corps.version())));
    }

    static int version(Integer version) {
        if (version == null) {
            throw new ErreurValidation("version", "Version manquante : relisez l'objet et renvoyez sa version.");
        }
        return version;
    }
}
