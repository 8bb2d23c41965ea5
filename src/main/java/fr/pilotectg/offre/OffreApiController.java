package fr.pilotectg.offre;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Services soutenus")
class OffreApiController {

    private final OffreService offre;

    OffreApiController(OffreService offre) {
        this.offre = offre;
    }

    /**
     * A row of the annex. {@code communeNonReconnue}: the commune printed matches no commune of the referential (or
     * several), it is kept as printed and {@code avertissement} says so; {@code communeNote}: reached through a former name.
     */
    record ServiceJson(long id, int version, TypeService type, String libelleType, String typeImprime, String sousType, String nom,
                       String gestionnaire, String adresse, String codePostal, String commune, String codeInsee,
                       boolean communeNonReconnue, String communeNote, String avertissement, Integer capacite,
                       List<String> collectivitesSoutien, boolean horsBonusTerritoire) {

        static ServiceJson de(ServiceSoutenu s) {
            return new ServiceJson(s.id(), s.version(), s.type(), s.type().libelle(), s.typeImprime(), s.sousType(), s.nom(),
                    s.gestionnaire(), s.adresse(), s.codePostal(), s.commune(), s.codeInsee(), s.communeNonReconnue(),
                    s.communeNote(), s.avertissement(), s.capacite(), s.collectivitesSoutien(), s.horsBonusTerritoire());
        }
    }

    /** A row as rewritten, with the version read. */
    record ServiceModifieJson(Integer version, TypeService type, String typeImprime, String sousType, String nom,
                              String gestionnaire, String adresse, String codePostal, String commune, Integer capacite,
                              Boolean horsBonusTerritoire, List<String> collectivitesSoutien) {

        NouveauService ligne() {
            return new NouveauService(type, typeImprime, sousType, nom, gestionnaire, adresse, codePostal, commune, capacite,
                    horsBonusTerritoire, collectivitesSoutien);
        }
    }

    @GetMapping("/api/v1/conventions/{id}/services")
    @Operation(summary = "L'annexe des équipements et services soutenus, un service par ligne avec ses collectivités")
    List<ServiceJson> services(@PathVariable long id) {
        return offre.services(id).stream().map(ServiceJson::de).toList();
    }

    @PostMapping("/api/v1/conventions/{id}/services")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ajouter une ligne de l'annexe ; un service déjà listé reçoit les collectivités de la ligne ;"
            + " une commune non reconnue est gardée telle qu'imprimée, avec un avertissement")
    ServiceJson ajouter(@PathVariable long id, @RequestBody NouveauService ligne) {
        return ServiceJson.de(offre.ajouter(id, ligne));
    }

    @GetMapping("/api/v1/services/{id}")
    @Operation(summary = "Une ligne de l'annexe des services, avec sa version")
    ServiceJson service(@PathVariable long id) {
        return ServiceJson.de(offre.service(id));
    }

    @PutMapping("/api/v1/services/{id}")
    @Operation(summary = "Réécrire une ligne de l'annexe (version lue obligatoire : 409 si elle a changé depuis)")
    ServiceJson modifier(@PathVariable long id, @RequestBody ServiceModifieJson corps) {
        return ServiceJson.de(offre.modifier(id, corps.version(), corps.ligne()));
    }

    @DeleteMapping("/api/v1/services/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Supprimer une ligne de l'annexe (version lue obligatoire : 409 si elle a changé depuis)")
    void supprimer(@PathVariable long id, @RequestParam(required = false) Integer version) {
        offre.supprimer(id, version);
    }
}
